def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
        .findAll { it.contains('Building train-resume-interrupted') }
assert runs.size() == 3

// 1: the resume finishes the killed run's plan (the kill came after epoch 2; if the machine was slow to kill, after 3)
def resuming = 'Resuming the interrupted run from checkpoint '
assert runs[0] =~ /${resuming}\S+epoch-0002 after epoch 2 of 4: training epochs 3 to 4/
        || runs[0] =~ /${resuming}\S+epoch-0003 after epoch 3 of 4: training epoch 4/
assert runs[0].contains('epoch 4/4: ')
assert !runs[0].contains('depends on the run')
assert !runs[0].contains('holds no optimizer state')
// 2: the uninterrupted run
assert runs[1].contains('epoch 1/4: ') && runs[1].contains('epoch 4/4: ')
// 3: the resumed model is that of the configured 4-epoch run, continued by the resume: up to date
assert runs[2] =~ /Model is up to date \(.*continued by -Dfashionmnist\.resume to epoch 4\)/
assert !runs[2].contains('epoch 1/4')

def resumedOut = new File(basedir, 'target/fashionmnist')
def wholeOut = new File(basedir, 'target/uninterrupted')
// metrics.csv without the timing columns (epoch_seconds, train_images_per_second)
def untimed = { File dir ->
    def lines = new File(dir, 'metrics.csv').readLines()
    def header = lines[0].split(',') as List
    def timing = [header.indexOf('epoch_seconds'), header.indexOf('train_images_per_second')]
    assert !timing.contains(-1): header
    lines.collect { line ->
        def cells = line.split(',', -1) as List
        (0..<cells.size()).findAll { !timing.contains(it) }.collect { cells[it] }.join(',')
    }
}
def expected = untimed(wholeOut)
assert expected.size() == 5: expected
assert untimed(resumedOut) == expected
def params = 'model/fashionmnist-0000.params'
assert new File(resumedOut, params).bytes == new File(wholeOut, params).bytes: 'the parameters differ'

def slurper = new groovy.json.JsonSlurper()
def card = slurper.parse(new File(resumedOut, 'model/model.json'))
assert card.epochsTrained == 4
assert card.resumedAfter.size() == 1
assert card.history.collect { it.epoch } == [1, 2, 3, 4]
return true
