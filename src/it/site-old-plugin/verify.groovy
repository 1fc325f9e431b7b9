def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('maven-site-plugin:3.3:site')
def wanted = "fashionmnist:site-report cannot run in maven-site-plugin 3.3: it hides Doxia 2's site renderer from reports; pin "
def lines = log.readLines().findAll { it.contains(wanted) }
assert lines.size() == 1: "one line that says what is wrong: ${lines}"
assert lines[0].contains('<version>3.21.0</version>') && lines[0].contains('<pluginManagement>')
// not the class error that an old site plugin gives when it loads a Doxia 2 report
assert !log.contains('NoClassDefFoundError') && !log.contains('DocumentContent') && !log.contains('realm =')
def errors = log.readLines().findAll { it.startsWith('[ERROR]') && it.trim() != '[ERROR]' }
assert errors.size() <= 6: "a few lines, not a class loader dump: ${errors.join('\n')}"
return true
