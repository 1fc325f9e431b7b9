assert new File(basedir, 'target/model-run/model/model.json').isFile()
assert !new File(basedir, 'target/fashionmnist').exists()
def page = new File(basedir, 'target/site/fashionmnist-report.html')
assert page.isFile()
def html = page.getText('UTF-8')
['id="configuration"', 'id="metrics"', 'id="diagnosis"', 'id="evaluation"', 'id="gates"', 'id="plots"',
 'data:image/png;base64,', 'mlp 784-128-10', 'minAccuracy'].each {
    assert html.contains(it): "the site page lacks ${it}"
}
assert !html.contains('No trained model')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('maven-site-plugin:3.21.0:site')
assert !log.contains('[WARNING]'): log.readLines().findAll { it.contains('[WARNING]') }.join('\n')
return true
