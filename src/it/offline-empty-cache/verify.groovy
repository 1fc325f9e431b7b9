def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Could not get train-images-idx3-ubyte of dataset 'mnist'")
assert log.contains('official https://ossci-datasets.s3.amazonaws.com/mnist/: skipped, Maven is offline (-o)')
assert log.contains('official http://yann.lecun.com/exdb/mnist/: skipped, Maven is offline (-o)')
assert log.contains("To fill the cache: run 'mvn fashionmnist:download-data' once online")
// one message, no stack trace from the plugin or the engine (Maven's own download warnings may carry frames)
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|ai\.djl)\./): 'no stack trace'
assert !new File(basedir, 'target/fashionmnist/samples.png').exists()
def cache = new File(basedir, 'target/empty-cache/mnist')
assert !cache.exists() || cache.list().findAll { !it.startsWith('.lock') }.isEmpty()
return true
