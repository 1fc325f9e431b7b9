def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('fashionmnist:download-data')
assert log.contains('dataDirectory') && log.contains('User property: fashionmnist.mirrors')
assert log.contains('Skipping: fashionmnist.skip is set')
assert !new File(basedir, 'target/fashionmnist').exists()
return true
