import javax.imageio.ImageIO

def log = new File(basedir, 'build.log').getText('UTF-8')
def first = log.substring(0, log.indexOf('BUILD SUCCESS'))
def second = log.substring(log.indexOf('BUILD SUCCESS') + 13)

assert first.contains('fashion-mnist: 4 files verified from system copy /usr/share/datasets/fashion-mnist in ')
// the second run must not touch any source: the mirror given there does not even exist
assert second.contains('fashion-mnist: 4 files verified from the cache in ')
['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].each {
    assert new File(basedir, "target/cache/fashion-mnist/${it}").length() > 0
}
assert !second.contains('127.0.0.1:9')
assert log.contains('train images: 60000x28x28, train labels: 60000')
assert log.contains('test images:  10000x28x28, test labels:  10000')
assert log.contains('classes (10): 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot')
assert new File(basedir, 'target/cache/fashion-mnist/train-images-idx3-ubyte').length() == 47040016

def png = ImageIO.read(new File(basedir, 'target/fashionmnist/samples.png'))
assert png != null && png.width > 600 && png.height > 300
return true
