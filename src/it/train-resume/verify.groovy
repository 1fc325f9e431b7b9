import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building train-resume') }
assert runs.size() == 6

// 1: 2 epochs; 2: resumed for epochs 3-4 with the optimizer's state
assert runs[0].contains('epoch 2/2: ')
assert runs[1].contains('Extending the finished run from checkpoint ') && runs[1].contains('(after epoch 2): training epochs 3 to 4')
assert runs[1].contains('epoch 3/4: ') && runs[1].contains('epoch 4/4: ')
assert !runs[1].contains('holds no optimizer state')
// 3: a plain rerun keeps the resumed model
assert runs[2] =~ /Model is up to date \(.*continued by -Dfashionmnist\.resume to epoch 4\)/
assert !runs[2].contains('epoch 1/2')
// 4: 2 + 2 epochs with a constant schedule are exactly the 4 epochs now configured
assert runs[3] =~ /Model is up to date \(.*continued by -Dfashionmnist\.resume to epoch 4\)/
assert !log.contains('is ignored: the POM'): 'every -D of this scenario takes effect'
// 5: another configuration warns that it replaces the resumed model, then diverges: no model written
assert runs[4].contains('Replacing the model in ') && runs[4].contains('trained on to epoch 4')
assert runs[4].contains('diverged')
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|ai\.djl)\./): 'no stack trace'
// 6: the model is still the resumed one, metrics.csv is the failed run's: the report says so
assert runs[5] =~ /Model is up to date/
assert runs[5] =~ /\[WARNING\] metrics\.csv is not from the model: it is from run \w+ \(epochs 1-2\), which failed: .*diverged.*; the model is from run \w+\. The curves and the table show the model's own history/

def out = new File(basedir, 'target/fashionmnist')
def status = new JsonSlurper().parse(new File(out, 'run.json'))
assert status.state == 'failed'
def card = new JsonSlurper().parse(new File(out, 'model/model.json'))
assert card.epochsTrained == 4
assert card.resumedAfter == [2]
assert card.history.collect { it.epoch } == [1, 2, 3, 4]
// the objective travels with the history through the resume (no label smoothing here: it is the train loss)
assert card.history.every { it.trainObjective != null && it.trainObjective == it.trainLoss }
assert card.runId != status.runId
def html = new File(out, 'report.html').getText('UTF-8')
assert html.contains('not from the model')
assert html.contains('<tr><td>4</td>')
return true
