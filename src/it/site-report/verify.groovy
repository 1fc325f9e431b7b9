assert new File(basedir, 'target/model-run/model/model.json').isFile()
assert !new File(basedir, 'target/fashionmnist').exists()
// locales en,de: one folder per language
def page = new File(basedir, 'target/site/en/fashionmnist-report.html')
assert page.isFile()
def html = page.getText('UTF-8')
['id="configuration"', 'id="metrics"', 'id="diagnosis"', 'id="evaluation"', 'id="gates"', 'id="plots"',
 'data:image/png;base64,', 'mlp 784-128-10', 'minAccuracy'].each {
    assert html.contains(it): "the site page lacks ${it}"
}
assert !html.contains('No trained model')
// the English page as before, the German one in German
assert html.contains('Test accuracy <b>') && html.contains('>Fashion-MNIST model<')
assert !html.contains('Testgenauigkeit')
def german = new File(basedir, 'target/site/de/fashionmnist-report.html')
assert german.isFile()
def de = german.getText('UTF-8')
['<h1>Fashion-MNIST-Modellbericht</h1>', 'Testgenauigkeit <b>', 'id="configuration">Konfiguration</h2>',
 'id="metrics">Metriken pro Epoche</h2>', '<th>Epoche</th><th>Trainingsverlust</th>', '>Fashion-MNIST-Modell<',
 'Genauigkeit pro Epoche: Training und Test'].each {
    assert de.contains(it): "the German site page lacks ${it}"
}
assert de =~ /Testgenauigkeit <b>\d{1,3},\d\d %<\/b>/: 'a German percentage with a decimal comma'
assert !de.contains('Test accuracy') && !de.contains('Metrics per epoch')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('maven-site-plugin:3.21.0:site')
assert !log.contains('[WARNING]'): log.readLines().findAll { it.contains('[WARNING]') }.join('\n')
return true
