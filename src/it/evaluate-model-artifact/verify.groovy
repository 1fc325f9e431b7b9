def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD SUCCESS/)
assert runs[0].contains('evaluate-model-artifact-producer-1.0-SNAPSHOT-model.zip')
assert runs[1].contains('model-artifact/dev.fashionmnist.it_evaluate-model-artifact-producer_1.0-SNAPSHOT/model')
assert runs[1].contains('Gate minAccuracy passed')
assert runs[1].contains('Evaluation on 10000 test images:')
assert !new File(basedir, 'consumer/target/fashionmnist/model').exists(): 'nothing was trained here'
// a model that was never installed: one clear message, no stack trace
assert log.contains("Parameter 'modelArtifact' is 'dev.fashionmnist.it:no-such-model:9.9', but its model zip")
// one message, no stack trace from the plugin or the engine (Maven's own download warnings may carry frames)
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|ai\.djl)\./): 'no stack trace'
// and the failed run left no report that claims a result
assert !new File(basedir, 'consumer/target/fashionmnist/evaluation.csv').exists()
assert !new File(basedir, 'consumer/target/fashionmnist/TEST-fashionmnist-evaluation.xml').exists()
return true
