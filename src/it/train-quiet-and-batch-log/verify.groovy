def log = new File(basedir, 'build.log').getText('UTF-8')
def start = log.indexOf('[INFO] Scanning for projects...')
assert start >= 0
// the JVM's own notice of options from the environment (JAVA_TOOL_OPTIONS=-Duser.language=de) is not the plugin's
def quiet = log.substring(0, start).readLines().findAll { !(it =~ /^(NOTE: )?Picked up [A-Z_]+: /) }.join('\n')
def runs = log.substring(start).split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building train-quiet-and-batch-log') }
assert runs.size() == 2

// 1: -q prints no line of the plugin's, neither log lines nor the progress bar; yet it trained (run 2 finds the model)
assert !quiet.contains('[INFO]') && !quiet.contains('[WARNING]') : quiet
assert !(quiet =~ /epoch \d/) && !quiet.contains('verified') && !quiet.contains('%|') : quiet
assert quiet.replaceAll(/\u001B\[[0-9;]*m/, '').trim().isEmpty() : "nothing at all on stdout with -q: " + quiet
assert runs[0].contains('Model is up to date')

// 3: batch mode
def batch = runs[1]
assert batch =~ /\[INFO\] fashion-mnist: 4 files verified from the cache in \d+\.\d s/
assert !batch.contains('ubyte: verified') : 'per-file lines are at debug'
assert !batch.contains('LambdaBlock') && !batch.contains('ParallelBlock')
['01 Conv2d', '03 ReLU', '04 MaxPool 2x2', '13 Flatten', '14 Linear'].each {
    assert batch =~ /\[INFO\]   ${java.util.regex.Pattern.quote(it)} +\(1, / : it
}
(1..2).each { epoch ->
    assert batch.contains("[INFO] epoch ${epoch}/2: train_acc=")
    def progress = batch.readLines().findAll { it ==~ /\[INFO\] (\[\S+\] )?epoch ${epoch}\/2 \d+% .*/ }
    assert progress.size() <= 4 : progress
}
def plugin = batch.readLines().findAll { it.startsWith('[INFO] ') && !it.startsWith('[INFO] ---') && !(it =~ /^\[INFO\] *$/) }
assert plugin.size() <= 45 : "a short log in batch mode: " + plugin.size() + " lines\n" + plugin.join('\n')
assert !batch.contains('\r')
return true
