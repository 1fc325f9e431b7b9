import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD SUCCESS/)
assert runs.length >= 2
assert runs[0].contains('Evaluation on 10000 test images:')
assert runs[0] =~ /accuracy\s+\d+\.\d\d%/
assert runs[0].contains('worst classes:')
assert runs[0].contains('Gate minAccuracy passed: accuracy ')
assert runs[0].contains('Gate minClassAccuracy passed')
assert runs[0].contains('Gate maxLoss passed: loss ')
assert runs[0].contains('Quality gates: 3 passed, 0 failed')
assert runs[1].contains('[WARNING] Gate minAccuracy violated: accuracy ')
assert runs[1].contains('is below the required minimum of 99.90%')
assert runs[1].contains('haltOnFailure is false, so the build goes on')

def out = new File(basedir, 'target/fashionmnist')
def evaluation = new File(out, 'evaluation.csv').readLines()
assert evaluation[0] == 'accuracy,loss,macro_precision,macro_recall,macro_f1,test_images'
assert evaluation[1].endsWith(',10000')
def perClass = new File(out, 'per-class.csv').readLines()
assert perClass.size() == 11 && perClass[1].startsWith('T-shirt/top,')
def matrix = new File(out, 'confusion-matrix.csv').readLines()
assert matrix[0] == 'true \\ predicted,T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot'
def total = 0
matrix.drop(1).each { row ->
    def sum = row.split(',').drop(1).collect { it as long }.sum()
    assert sum == 1000
    total += sum
}
assert total == 10000

def xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(out, 'TEST-fashionmnist-evaluation.xml')).documentElement
assert xml.tagName == 'testsuite'
assert xml.getAttribute('tests') == '3' && xml.getAttribute('failures') == '1'
def cases = xml.getElementsByTagName('testcase')
assert cases.length == 3
assert cases.item(0).getAttribute('name') == 'minAccuracy'
assert cases.item(0).getElementsByTagName('failure').item(0).getAttribute('message').contains('99.90%')
return true
