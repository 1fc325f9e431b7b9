def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("Parameter 'architecture' is 'vgg': use one of mlp, net, amelie-cnn, resnet")
assert log.contains("Parameter 'learningRate' is -0.1: it must be a positive number")
assert log.contains("Parameter 'batchSize' is 128, larger than trainSize 100")
assert log.contains("Parameter 'device' is gpu, but this machine has no NVIDIA driver")
assert log.contains("Parameter 'trainSize' is 70000, but the training set has only 60000 images")
assert log.contains("Parameter 'outputDirectory': ") && log.contains('is not a writable folder')
// one message, no stack trace from the plugin or the engine (Maven's own download warnings may carry frames)
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|ai\.djl)\./): 'no stack trace'
assert !new File(basedir, 'target/fashionmnist/model').exists()
assert !log.contains('epoch 1/')
return true
