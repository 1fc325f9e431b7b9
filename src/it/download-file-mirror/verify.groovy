def log = new File(basedir, 'build.log').getText('UTF-8')
// one line for the dataset, none per file (those are at debug)
assert log =~ /\[INFO\] fashion-mnist: 4 files verified from mirror \/usr\/share\/datasets\/fashion-mnist in \d+\.\d s/
assert !log.contains('ubyte: verified')
assert !log.contains('system copy')
assert log.contains('train images: 60000x28x28')
assert new File(basedir, 'target/fashionmnist/samples.png').length() > 1000
return true
