import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building user-property-warnings') }
assert runs.size() == 7

def ignoredEpochs = '[WARNING] -Dfashionmnist.epochs=2 is ignored: the POM\'s <configuration> sets epochs=1; move it to <properties> to let -D win'
def ignoredDataset = '[WARNING] -Dfashionmnist.dataset=mnist is ignored: the POM\'s <configuration> sets dataset=fashion-mnist; move it to <properties> to let -D win'
def unknownEpoch = '[WARNING] -Dfashionmnist.epoch: unknown; did you mean fashionmnist.epochs?'
def unknownColour = '[WARNING] -Dfashionmnist.colour: unknown'

// run 1: four goals, each warning exactly once (dataset is a parameter of three of them)
def first = runs[0]
[ignoredEpochs, ignoredDataset, unknownEpoch].each { w ->
    assert first.count(w) == 1: "once: ${w}"
}
assert first.count(unknownColour) == 1
assert !(first =~ /(?m)-Dfashionmnist\.colour: unknown;/): 'nothing is close to colour'
assert !first.contains('-Dfashionmnist.seed='): 'a value in <properties> gives way to -D silently'
assert first.contains('BUILD SUCCESS')

// the warnings are true: the POM's epochs and dataset were used, the seed came from -D
def card = new JsonSlurper().parse(new File(basedir, 'target/fashionmnist/model/model.json'))
assert card.epochsTrained == 1
assert card.dataset == 'fashion-mnist'
assert (card.hyperparameters?.seed ?: card.seed).toString() == '7'

// run 2: a skipped goal still names the unknown property, nothing else
def second = runs[1]
assert second.contains('Skipping: fashionmnist.skip is set')
assert second.count(unknownEpoch) == 1
assert !second.contains('is ignored')

// run 3: a switch that is neither true nor false fails before any work, instead of meaning false
assert runs[2].contains("-Dfashionmnist.systemCopies=yes: parameter 'systemCopies' is true or false (-Dfashionmnist.systemCopies alone means true)")
assert !runs[2].contains('verified')
// run 4: a number that is none fails in Maven's own words, naming the parameter, before training
assert runs[3].contains("for parameter learningRate: Cannot convert 'x' to double")
assert !runs[3].contains('epoch 1/')
// run 5: a gate that is no number stops train before training, not evaluate after it
assert runs[4].contains("Parameter 'minAccuracy' is 'abc': use a fraction like 0.91 or a percentage like 91% (found before training")
assert !runs[4].contains('Engine:')
assert !runs[4].contains('epoch 1/')
// run 6: site-report reads its folder by the old name fashionmnistDirectory, and says once what the new name is
assert runs[5].count("[WARNING] Parameter 'fashionmnistDirectory' is deprecated: its name is now 'outputDirectory' "
        + "(-Dfashionmnist.outputDirectory); the old name stops working in the next release") == 1
assert runs[5].contains('BUILD SUCCESS')
assert new File(basedir, 'target/site/fashionmnist-report.html').getText('UTF-8').contains('id="metrics"')
// run 7: the old name and the new one (-D) with different folders: one error naming both, no page
assert runs[6].contains("Parameters 'fashionmnistDirectory' and 'outputDirectory' are one setting by its old and its "
        + "new name, given different values: fashionmnistDirectory=")
assert runs[6].contains("elsewhere; keep only 'outputDirectory'")
assert !runs[6].contains('is deprecated')
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|org\.apache|ai\.djl)\./): 'no stack trace'
return true
