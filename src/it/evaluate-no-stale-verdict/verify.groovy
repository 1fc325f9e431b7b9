import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building evaluate-no-stale-verdict') }
assert runs.size() == 9

def accuracy = { String run, String verdict ->
    def m = run =~ /Gate minAccuracy ${verdict}: accuracy (\d+\.\d\d)% /
    assert m.find(): "no gate line '${verdict}' in a run"
    m.group(1)
}
def reused = 'Evaluation is up to date ('
def pageWritten = "Report written with this build's evaluation and gates: "

// 1, 2: the retrain command that evaluate suggests for a broken model folder works as written
def retrain = "retrain with 'mvn fashionmnist:train -Dfashionmnist.force'"
assert runs[0] =~ /model\.json is a directory, expected the model card file model\.json .*; ${java.util.regex.Pattern.quote(retrain)}/
assert runs[1].contains('epoch 1/1: ') && runs[1].contains('BUILD SUCCESS')
assert new File(basedir, 'target/broken/model/model.json').isFile()

// 3: trained, evaluated, failed; the page was written by evaluate before the build failed (report never ran)
assert runs[2].contains('epoch 1/1: ') && runs[2].contains('BUILD FAILURE')
assert !runs[2].contains(reused)
assert runs[2].contains(pageWritten)
def failing = accuracy(runs[2], 'violated')
// 4: the configured model, trained and passing
assert runs[3].contains('epoch 1/1: ') && runs[3].contains('BUILD SUCCESS')
assert !runs[3].contains(reused): 'a new model is evaluated'
def passing = accuracy(runs[3], 'passed')
assert failing != passing
// 5: nothing changed: the model and its evaluation are reused (one line), the gate checked again
assert runs[4].contains('Model is up to date') && runs[4].count(reused) == 1
assert !runs[4].contains('Evaluating ')
assert accuracy(runs[4], 'passed') == passing && runs[4].contains('BUILD SUCCESS')
// 6: a stricter gate on the reused evaluation fails, and says so on the page it writes
assert runs[5].count(reused) == 1
assert runs[5] =~ /Gate minAccuracy violated: accuracy ${passing}% is below the required minimum of 99\.00%/
assert runs[5].contains(pageWritten) && runs[5].contains('BUILD FAILURE')
// 7: the failing model restored from the model cache: its own evaluation (the record was another model's)
assert runs[6].contains('Model restored from the model cache instead of training')
assert runs[6].contains('Report written for the restored model')
assert !runs[6].contains(reused) && runs[6].contains('Evaluating ')
assert accuracy(runs[6], 'violated') == failing && runs[6].contains('BUILD FAILURE')
// 8: 'mvn fashionmnist:evaluate', as the page of a finished training suggests: reuses, writes the page, fails the gate
assert runs[7].count(reused) == 1 && runs[7].contains(pageWritten)
assert accuracy(runs[7], 'violated') == failing
// 9: -Dfashionmnist.force=true, as the reuse line offers, evaluates again
assert !runs[8].contains(reused) && runs[8].contains('Evaluating ') && accuracy(runs[8], 'violated') == failing

// what a CI job uploads after the red build: the page and the JUnit XML of the model in target/ and of this build
def out = new File(basedir, 'target/fashionmnist')
def html = new File(out, 'report.html').getText('UTF-8')
assert html.contains("Test accuracy <b>${failing}%</b> on 10,000 test images")
assert html.contains('1 of 1 failed') && !html.contains('all 1 passed')
assert html.contains("accuracy ${failing}% is below the required minimum of 50.00%")
assert !html.contains("${passing}%"): 'nothing of the other model'
assert !html.contains('fashionmnist:report'): 'no command that would fail at the gate'
['TEST-fashionmnist-evaluation.xml', '../surefire-reports/TEST-fashionmnist-evaluation.xml'].each {
    def junit = new File(out, it).getText('UTF-8')
    assert junit.contains("<failure message=\"accuracy ${failing}% is below the required minimum of 50.00%\""): it
    assert !junit.contains("${passing}%"): it
}
def csvAccuracy = new File(out, 'evaluation.csv').readLines()[1].split(',')[0] as double
assert Math.abs(csvAccuracy * 100 - (failing as double)) < 0.006
def record = new JsonSlurper().parse(new File(out, 'evaluation-record.json'))
assert record.key.modelSha256 == new File(out, 'model/model.json').bytes.digest('SHA-256')
assert record.key.device == 'cpu'
return true
