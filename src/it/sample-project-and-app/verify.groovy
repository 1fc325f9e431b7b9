import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
def project = runs.find { it.contains('Building fashionmnist-sample 1.0.0-SNAPSHOT') }
def app = runs.find { it.contains('Building fashionmnist-sample-app 1.0.0-SNAPSHOT') }
assert project && app : 'both samples were built'

// the copies are the repository's samples as they are
def root = new File(repositoryRoot)
['sample-project/pom.xml', 'sample-project/.mvn/jvm.config', 'sample-app/pom.xml', 'sample-app/.mvn/jvm.config',
 'sample-app/src/main/java/com/example/app/ClassifyImages.java',
 'sample-app/src/test/java/com/example/app/ClassifyImagesTest.java'].each {
    assert new File(basedir, it).bytes == new File(root, it).bytes : "${it} is the repository's"
}

// 1: the sample project trained its network, passed its gates, wrote its report, installed the model jar
assert project.contains('[INFO] Network amelie-cnn: ')
assert project =~ /\[INFO\] epoch 1\/1: train_acc=0\.\d+ test_acc=0\.\d+ /
assert project.contains('[INFO] Quality gates: 2 passed, 0 failed')
assert project.contains('BUILD SUCCESS')
def out = new File(basedir, 'sample-project/target/fashionmnist')
assert new File(out, 'report.html').isFile()
assert new File(out, 'TEST-fashionmnist-evaluation.xml').isFile()
def installed = new File(localRepositoryPath,
        'com/example/fashionmnist-sample/1.0.0-SNAPSHOT/fashionmnist-sample-1.0.0-SNAPSHOT-model.jar')
assert installed.isFile()
new JarFile(installed).withCloseable { jar -> assert jar.getEntry('META-INF/fashionmnist/model/model.json') }

// 2: the app declares the runtime and the natives of its platform, nothing else: pytorch-jni comes with the runtime,
// the versions with fashionmnist-bom
def appPom = new File(basedir, 'sample-app/pom.xml').getText('UTF-8')
assert !appPom.contains('pytorch-jni') && !appPom.contains('2.3.1') && !appPom.contains('0.29.0')
// the sample app compiled against the runtime, its test classified the images with that model, it was packaged
def report = new File(basedir, 'sample-app/target/surefire-reports/com.example.app.ClassifyImagesTest.txt')
assert report.isFile() : 'the app test ran'
assert report.text.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert app =~ /test-0-ankle-boot\.png: \S/ : 'the test printed its predictions'
assert !app.contains('SLF4J') : 'the app has a logging binding: no "No SLF4J providers were found"'
assert !app.contains('CudaUtils') : 'no GPU warning on a machine that uses its CPU'
def appJar = new File(basedir, 'sample-app/target/fashionmnist-sample-app-1.0.0-SNAPSHOT.jar')
new JarFile(appJar).withCloseable { jar -> assert jar.getEntry('com/example/app/ClassifyImages.class') }
assert app.contains('BUILD SUCCESS')
return true
