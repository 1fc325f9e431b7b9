import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building evaluate-no-stale-verdict') }
assert runs.size() == 6

def accuracy = { String run, String verdict ->
    def m = run =~ /Gate minAccuracy ${verdict}: accuracy (\d+\.\d\d)% /
    assert m.find(): "no gate line '${verdict}' in a run"
    m.group(1)
}
def reused = 'Evaluation is up to date ('
def pageWritten = "Report written with this build's evaluation and gates: "

// 1: trained, evaluated, failed; the page was written by evaluate before the build failed (report never ran)
assert runs[0].contains('epoch 1/1: ') && runs[0].contains('BUILD FAILURE')
assert !runs[0].contains(reused)
assert runs[0].contains(pageWritten)
def failing = accuracy(runs[0], 'violated')
// 2: the configured model, trained and passing
assert runs[1].contains('epoch 1/1: ') && runs[1].contains('BUILD SUCCESS')
assert !runs[1].contains(reused): 'a new model is evaluated'
def passing = accuracy(runs[1], 'passed')
assert failing != passing
// 3: nothing changed: the model and its evaluation are reused (one line), the gate checked again
assert runs[2].contains('Model is up to date') && runs[2].count(reused) == 1
assert !runs[2].contains('Evaluating ')
assert accuracy(runs[2], 'passed') == passing && runs[2].contains('BUILD SUCCESS')
// 4: a stricter gate on the reused evaluation fails, and says so on the page it writes
assert runs[3].count(reused) == 1
assert runs[3] =~ /Gate minAccuracy violated: accuracy ${passing}% is below the required minimum of 99\.00%/
assert runs[3].contains(pageWritten) && runs[3].contains('BUILD FAILURE')
// 5: the failing model restored from the model cache: its own evaluation (the record was another model's)
assert runs[4].contains('Model restored from the model cache instead of training')
assert runs[4].contains('Report written for the restored model')
assert !runs[4].contains(reused) && runs[4].contains('Evaluating ')
assert accuracy(runs[4], 'violated') == failing && runs[4].contains('BUILD FAILURE')
// 6: 'mvn fashionmnist:evaluate', as the page of a finished training suggests: reuses, writes the page, fails the gate
assert runs[5].count(reused) == 1 && runs[5].contains(pageWritten)
assert accuracy(runs[5], 'violated') == failing

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
