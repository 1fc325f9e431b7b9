// the model build installed the model as a jar; the app's test found it on the class path and classified
def log = new File(basedir, 'build.log').getText('UTF-8')
def repo = new File(localRepositoryPath, 'dev/fashionmnist/it/model-consumer-model/1.0-SNAPSHOT')
assert new File(repo, 'model-consumer-model-1.0-SNAPSHOT-model.jar').isFile()
def report = new File(basedir, 'app/target/surefire-reports/it.consumer.FirstFiveTest.txt')
assert report.isFile(): 'the app test ran'
assert report.text.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def out = new File(basedir, 'app/target/surefire-reports/it.consumer.FirstFiveTest-output.txt')
def right = (out.isFile() ? out.text : log) =~ /RIGHT (\d) of 5/
assert right.find() && (right.group(1) as int) >= 4
return true
