def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('shapes: 4 files verified from mirror ' + new File(basedir, 'shapes').canonicalPath + ' in ')
assert log.contains('train images: 60x28x28, train labels: 60')
assert log.contains('test images:  15x28x28, test labels:  15')
assert log.contains('classes (3): 0 Square, 1 Disc, 2 Bar')
assert new File(basedir, 'target/cache/shapes/t10k-labels-idx1-ubyte').length() == 8 + 15
assert new File(basedir, 'target/fashionmnist/samples.png').length() > 500
return true
