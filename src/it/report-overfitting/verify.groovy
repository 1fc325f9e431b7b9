import javax.imageio.ImageIO

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('epoch 20/20: ')
assert log =~ /\[WARNING\] Diagnosis: overfitting: /
assert log.contains('more training data (trainSize)')

def out = new File(basedir, 'target/fashionmnist')
['accuracy.png': [800, 500], 'loss.png': [800, 500], 'confusion-matrix.png': [900, 800]].each { name, size ->
    def img = ImageIO.read(new File(out, name))
    assert img != null && img.width == size[0] && img.height == size[1]
    def colours = [] as Set
    for (int x = 0; x < img.width; x += 7) {
        for (int y = 0; y < img.height; y += 7) {
            colours << img.getRGB(x, y)
        }
    }
    assert colours.size() > 5: "${name} is not blank"
}
assert ImageIO.read(new File(out, 'misclassified.png')) != null

def html = new File(out, 'report.html').getText('UTF-8')
['id="configuration"', 'id="data"', 'id="metrics"', 'id="diagnosis"', 'id="evaluation"', 'id="per-class"',
 'id="plots"', 'data:image/png;base64,', 'overfitting', '101,770'].each {
    assert html.contains(it): "report.html lacks ${it}"
}
assert !(html =~ /(?i)https?:/): 'report.html must make no external request'
// no label smoothing: the objective is the train loss, the plain cross entropy like the test loss, as the page says
def rows = new File(out, 'metrics.csv').readLines()
assert rows[0].endsWith(',train_images_per_second,train_objective,weights,test_images')
assert rows.size() == 21 && rows.drop(1).every { def c = it.split(','); c[1] == c[8] }
assert html.contains('Train loss and test loss are the same quantity, the plain cross entropy, so they compare.')
assert !html.contains('train objective')
return true
