def log = new File(basedir, 'build.log').getText('UTF-8')
['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].each {
    assert log.contains("${it}: verified, from mirror /usr/share/datasets/fashion-mnist")
}
assert !log.contains('system copy')
assert log.contains('train images: 60000x28x28')
assert new File(basedir, 'target/fashionmnist/samples.png').length() > 1000
return true
