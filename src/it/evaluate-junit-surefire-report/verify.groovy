import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Gate minAccuracy passed: accuracy ')
assert log =~ /\[WARNING\] Gate maxLoss violated: loss \d+\.\d{4} exceeds the allowed maximum of 0\.0100/
assert log.contains('JUnit report of the gates: ')
assert log =~ /surefire-report(-plugin)?:3\.5\.2:report-only/: 'the pinned version ran'
assert log.contains('BUILD SUCCESS')
assert !log.contains('NullPointerException')

// the same report in both folders, in Surefire's format
def copy = new File(basedir, 'target/surefire-reports/TEST-fashionmnist-evaluation.xml')
assert copy.text == new File(basedir, 'target/fashionmnist/TEST-fashionmnist-evaluation.xml').text
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(copy).documentElement
assert suite.getAttribute('tests') == '2' && suite.getAttribute('failures') == '1'
assert suite.getAttribute('errors') == '0' && suite.getAttribute('skipped') == '0'
assert suite.getAttribute('time') ==~ /\d+(\.\d{1,3})?/
assert suite.getAttribute('timestamp') ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/
assert !suite.getAttribute('hostname').isEmpty()
def cases = suite.getElementsByTagName('testcase')
(0..<cases.length).each { assert cases.item(it).getAttribute('classname') == suite.getAttribute('name') }
def props = [:]
def list = suite.getElementsByTagName('property')
(0..<list.length).each { props[list.item(it).getAttribute('name')] = list.item(it).getAttribute('value') }
assert props['fashionmnist.dataset'] == 'fashion-mnist'
assert props['fashionmnist.architecture'] == 'mlp'
assert props['fashionmnist.epochs'] == '1'
assert props['fashionmnist.trainSize'] == '1000'
assert props['fashionmnist.minAccuracy'] == '0.2' && props['fashionmnist.maxLoss'] == '0.01'
assert props['evaluation.testImages'] == '10000'

// Maven's surefire-report plugin lists both gates as tests of class evaluation, the violated one with its message
def page = new File(basedir, 'target/reports/surefire.html')
assert page.isFile(): 'surefire-report:report-only wrote no target/reports/surefire.html'
def html = page.getText('UTF-8')
assert html.contains('id="TC_fashionmnist.evaluation.minAccuracy"')
assert html.contains('id="TC_fashionmnist.evaluation.maxLoss"')
assert html =~ /<td>QualityGate: loss \d+\.\d{4} exceeds the allowed maximum of 0\.0100<\/td>/
assert html =~ /(?s)<th>Tests<\/th>.*?<td>2<\/td>\s*<td>0<\/td>\s*<td>1<\/td>\s*<td>0<\/td>\s*<td>50\.0%<\/td>/
return true
