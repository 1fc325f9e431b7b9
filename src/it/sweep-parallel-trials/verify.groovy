def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD (SUCCESS|FAILURE)/)

// one after another: no slots, no tags
assert !runs[0].contains('at a time') && !runs[0].contains('[trial ')
assert (runs[0] =~ /\[INFO\] Trial \d\/4 /).size() == 4

// two at a time: both slots on the CPU with one thread each; every trial's lines together, in trial order
assert runs[1].contains('2 trials train at a time, each in an engine JVM of its own: cpu with 1 PyTorch thread, ' +
        'cpu with 1 PyTorch thread')
def tagged = runs[1].readLines().findAll { it.startsWith('[INFO] [trial ') }
def order = tagged.collect { (it =~ /^\[INFO\] \[trial (\d)\/4\] /)[0][1] as int }
assert order == order.toSorted(): 'the lines of each trial together, trials in order'
assert order.unique() == [1, 2, 3, 4]
(1..4).each { n -> assert tagged.any { it.startsWith("[INFO] [trial ${n}/4] Trial ${n}/4 {hiddenSize=") } }
def epochLines = runs[1].readLines().findAll { it.contains('epoch 1/1: train_acc=') }
assert epochLines.size() == 4 && epochLines.every { it.startsWith('[INFO] [trial ') }: 'each epoch line names its trial'
assert runs[1].contains('Sweep results: ')

// the same results: sweep.csv (all but the timing column), each trial's metrics and model parameters
def withoutColumns = { File csv, List<String> drop ->
    def lines = csv.readLines()
    def header = lines[0].split(',') as List
    def keep = (0..<header.size()).findAll { !(header[it] in drop) }
    lines.collect { line -> def cells = line.split(',', -1) as List; keep.collect { cells[it] }.join(',') }
}
def sequential = new File(basedir, 'target/sequential')
def parallel = new File(basedir, 'target/parallel')
assert withoutColumns(new File(parallel, 'sweep.csv'), ['training_seconds']) ==
        withoutColumns(new File(sequential, 'sweep.csv'), ['training_seconds'])
assert new File(parallel, 'sweep.csv').readLines().size() == 5
def trials = new File(sequential, 'sweep').listFiles().findAll { it.isDirectory() }*.name.sort()
assert trials.size() == 4
trials.each { trial ->
    def one = new File(sequential, "sweep/${trial}")
    def two = new File(parallel, "sweep/${trial}")
    def timing = ['epoch_seconds', 'train_images_per_second']
    assert withoutColumns(new File(one, 'metrics.csv'), timing) == withoutColumns(new File(two, 'metrics.csv'), timing)
    assert new File(one, 'model/fashionmnist-0000.params').bytes == new File(two, 'model/fashionmnist-0000.params').bytes
    assert new File(one, 'evaluation.csv').text == new File(two, 'evaluation.csv').text
}
assert !new File(parallel, '.sweep-claims').exists(): 'the claims folder is removed'
assert !parallel.listFiles().any { it.name.startsWith('.sweep-job') }: 'the job files are removed'

// parallelTrials is no training parameter: a sequential rerun skips what the parallel run trained
assert (runs[2] =~ /: finished earlier, skipped/).size() == 4
assert !runs[2].contains('epoch 1/1: ')

// the default threads: the cores split between the two trials; device=auto asked the driver first and took the CPU
assert runs[3] =~ /\[INFO\] Engine: cpu because device=auto found no NVIDIA driver \(\/proc\/driver\/nvidia\/version is absent\), so the CPU/
assert runs[3] =~ /2 trials train at a time, each in an engine JVM of its own: cpu with \d+ PyTorch threads?, cpu with/
assert new File(basedir, 'target/split/sweep.csv').readLines().size() == 5

// Maven prints a goal's error after its BUILD FAILURE line
assert runs.length >= 7
assert runs[5].contains("Parameter 'parallelTrials' is '5': use a whole number from 1 to 4 (the trainings this sweep runs)")
assert runs[6].contains("Parameter 'parallelTrials' is 'two': use a whole number from 1 to 4")
