def page = new File(basedir, 'target/site/fashionmnist-report.html')
assert page.isFile()
def html = page.getText('UTF-8')
['id="configuration"', 'id="metrics"', 'id="diagnosis"', 'id="evaluation"', 'id="gates"', 'id="plots"',
 'data:image/png;base64,', 'mlp 784-128-10', 'minAccuracy'].each {
    assert html.contains(it): "the site page lacks ${it}"
}
return true
