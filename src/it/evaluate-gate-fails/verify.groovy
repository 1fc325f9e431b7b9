def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[WARNING\] Gate minAccuracy violated: accuracy \d+\.\d\d% is below the required minimum of 99\.50%/
assert log =~ /\[ERROR\] Failed to execute goal .*:evaluate .*Quality gates: 0 passed, 1 failed \(minAccuracy\): accuracy \d+\.\d\d% is below the required minimum of 99\.50%/
assert log.contains('BUILD FAILURE')
// one message, no stack trace from the plugin or the engine (Maven's own download warnings may carry frames)
assert !(log =~ /(?m)^\s+at (dev\.fashionmnist|ai\.djl)\./): 'no stack trace'
def junit = new File(basedir, 'target/fashionmnist/TEST-fashionmnist-evaluation.xml').getText('UTF-8')
assert junit =~ /<failure message="accuracy \d+\.\d\d% is below the required minimum of 99\.50%" type="QualityGate">/
return true
