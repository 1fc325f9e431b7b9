import javax.imageio.ImageIO

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD SUCCESS/)
assert runs.length >= 5
assert runs[0].contains('Sweep over hiddenSize, trainSize: 4 trials')
assert (runs[0] =~ /Trial \d\/4 /).size() == 4
assert runs[0] =~ /Best trial: hiddenSize-\d+_trainSize-\d+ with test accuracy \d+\.\d\d%/
assert runs[0].contains('hiddenSize moves mean test accuracy by')
assert runs[0].contains('trainSize moves mean test accuracy by')
// the rerun trains nothing
assert (runs[1] =~ /: finished earlier, skipped/).size() == 4
assert !runs[1].contains('epoch 1/2: ')
// shards: each runs two of the four trials
assert runs[2].contains('shard 1/2 runs 2') && runs[3].contains('shard 2/2 runs 2')
assert runs[4].contains('Merged 4 trials from 2 shard(s)')
// a shard in a folder that holds the other shard's finished trials lists them all in its sweep.csv
assert runs.length >= 7
assert runs[6].contains('shard 2/2 runs 2') && !runs[6].contains('epoch 1/2: ')
assert runs[6].contains('(4 of 4 trials, 2 of them finished earlier by other shards in this folder)')
def table = { dir ->
    def lines = new File(basedir, "target/${dir}/sweep.csv").readLines()
    def header = lines[0].split(',') as List
    def seconds = header.indexOf('training_seconds')
    lines.collect { line -> def cells = line.split(',') as List; cells.remove(seconds); cells.join(',') }
}
def whole = table('fashionmnist')
assert whole[0] == 'trial,id,hiddenSize,trainSize,final_test_accuracy,best_test_accuracy,test_loss,trainable_parameters,diagnosis'
assert whole.size() == 5
assert whole[1].startsWith('1,hiddenSize-2_trainSize-500,2,500,'): 'trials are numbered from 1, as in the log'
assert whole[4].startsWith('4,hiddenSize-32_trainSize-2000,32,2000,')
assert table('merged') == whole: 'shards 1/2 + 2/2 merge into the unsharded sweep.csv (training time aside)'
// the diagnosis column: a 2-neuron hidden layer stays at chance level ("not learning"); two epochs of the others are
// too few to call them healthy
def diagnoses = whole.drop(1).collectEntries { line -> def cells = line.split(','); [(cells[1]): cells[-1]] }
assert diagnoses['hiddenSize-2_trainSize-500'] == 'not learning': diagnoses
assert diagnoses['hiddenSize-2_trainSize-2000'] == 'not learning': diagnoses
assert !diagnoses.values().contains('healthy'): diagnoses
assert log.contains('[WARNING] Diagnosis: not learning: test accuracy ')
assert log.contains('likely cause: a hidden layer of only 2 neurons for 10 classes (hiddenSize=2)') ||
        log.contains('likely causes: a hidden layer of only 2 neurons for 10 classes (hiddenSize=2)')

['sweep-hiddenSize.png', 'sweep-trainSize.png', 'sweep-curves.png'].each {
    assert ImageIO.read(new File(basedir, "target/fashionmnist/${it}")) != null
    assert ImageIO.read(new File(basedir, "target/merged/${it}")) != null
}
assert new File(basedir, 'target/fashionmnist/sweep/hiddenSize-32_trainSize-2000/evaluation.csv').isFile()
def html = new File(basedir, 'target/fashionmnist/report.html').getText('UTF-8')
assert html.contains('id="sweep"') && html.contains('hiddenSize moves mean test accuracy by')
assert (html =~ /data:image\/png;base64,/).size() >= 3
assert !(html =~ /(?i)https?:/)
// architecture=mlp,net x hiddenSize=2,32: the net trials 2 and 4 are one run, which shard 2/2 trains
assert runs.length >= 10
def identical = 'Identical trials run once: hiddenSize has no effect on net, so 3 of the 4 trials are trained, ' +
        'and the others share the result of an identical one: trial 4 = trial 2'
assert runs[7].contains(identical) && runs[7].contains('shard 1/2 runs 2')
assert runs[8].contains(identical) && runs[8].contains('shard 2/2 runs 1')
assert (runs[7] =~ /Trial \d\/4 /).size() == 2 && (runs[8] =~ /Trial \d\/4 /).size() == 1
assert runs[9].contains('Merged 4 trials from 2 shard(s)')
assert new File(basedir, 'target/identical2/sweep').list().toList() == ['trainSize-500_architecture-net']
def merged = table('identical-merged')
assert merged[0] == 'trial,id,hiddenSize,trainSize,architecture,final_test_accuracy,best_test_accuracy,test_loss,' +
        'trainable_parameters,diagnosis'
assert merged.size() == 5
assert merged[1].startsWith('1,hiddenSize-2_trainSize-500_architecture-mlp,2,500,mlp,')
assert merged[2].startsWith('2,trainSize-500_architecture-net,2,500,net,')
assert merged[4].startsWith('4,trainSize-500_architecture-net,32,500,net,')
assert merged[4].split(',').drop(5) == merged[2].split(',').drop(5): 'trial 4 shows the result of the run of trial 2'
['sweep-heatmap.png', 'sweep-architecture.png', 'sweep-hiddenSize.png', 'sweep-curves.png'].each {
    assert ImageIO.read(new File(basedir, "target/identical-merged/${it}")) != null
}

return true
