import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD SUCCESS/)
assert runs.length >= 3

// 1st build: evaluations at quarter epochs, each with its cost; the first that reaches 60% stops training
assert runs[0].contains('until the test accuracy reaches 72.00%, 4 evaluations per epoch')
// with the weights it reports (weightAverage is on) and, for a check decided on the test sample, the sample's size
assert runs[0] =~ /epoch 0\.25\/3: train_acc=0\.\d+ test_acc=0\.\d+ .* images\/s weights=(average|trained)( \(sample of 2000 test images\))? \(test check \d+\.\d s\)/
def stop = (runs[0] =~ /Target accuracy 72\.00% reached at epoch ([0-9.]+) \(test accuracy (\d+\.\d\d)%\): stopping there and keeping that model/)
assert stop.find()
def stoppedAt = stop.group(1)
assert !runs[0].contains('epoch 3/3: ')
assert runs[0].contains('Gate minAccuracy passed: accuracy ' + stop.group(2) + '%')

def out = new File(basedir, 'target/fashionmnist')
def rows = new File(out, 'metrics.csv').readLines()
assert rows[0].startsWith('epoch,train_loss,train_accuracy,test_loss,test_accuracy,')
def data = rows.drop(1).collect { it.split(',') }
assert data.size() < 12 : 'stopped before the end of epoch 3'
assert data.withIndex().every { r, i -> new BigDecimal(r[0]) == (i + 1) * 0.25 }
assert data.last()[0] == stoppedAt
assert (data.last()[4] as double) >= 0.72
assert data.dropRight(1).every { (it[4] as double) < 0.72 }

def card = new JsonSlurper().parse(new File(out, 'model/model.json'))
assert card.finalMetrics.at == new BigDecimal(stoppedAt)
// metrics.csv rounds accuracies to 4 decimals; model.json keeps them unrounded
assert data.last()[4] ==~ /\d\.\d{4}/
assert Math.abs(card.finalMetrics.testAccuracy - (data.last()[4] as double)) <= 0.00005
assert card.hyperparameters.targetAccuracy == 0.72
assert card.hyperparameters.evaluationsPerEpoch == 4
assert card.history.size() == data.size()

// 2nd build: the same configuration is up to date
assert runs[1].contains('Model is up to date')
assert !runs[1].contains('Target accuracy 72.00% reached')
return true
