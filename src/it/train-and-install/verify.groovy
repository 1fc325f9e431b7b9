import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/BUILD SUCCESS/)
assert runs.length >= 3

// 1st build: trains, logs the notebook's numbers, installs the model zip
assert runs[0].contains('Network mlp 784-128-10: 101,770 trainable parameters')
assert runs[0] =~ /epoch 1\/2: train_acc=0\.\d+ test_acc=0\.\d+ train_loss=\d\.\d+ test_loss=\d\.\d+/
assert runs[0].contains('epoch 2/2: ')
assert runs[0].contains('Engine: cpu because device=auto found')
def zipName = 'train-and-install-1.0-SNAPSHOT-model.zip'
def installed = new File(localRepositoryPath, "dev/fashionmnist/it/train-and-install/1.0-SNAPSHOT/${zipName}")
assert installed.isFile()
def entries = new ZipFile(installed).entries().collect { it.name }.sort()
assert entries == ['model/fashionmnist-0000.params', 'model/model.json']

// 2nd build: nothing changed, so nothing is trained
assert runs[1].contains('Model is up to date')
assert !runs[1].contains('epoch 1/2')
// 3rd build: force trains again
assert runs[2].contains('epoch 2/2: ')

def out = new File(basedir, 'target/fashionmnist')
def rows = new File(out, 'metrics.csv').readLines()
assert rows[0] == 'epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,train_images_per_second'
assert rows.size() == 3
def card = new JsonSlurper().parse(new File(out, 'model/model.json'))
assert card.architecture == 'mlp'
assert card.trainableParameters == 101770
assert card.dataset == 'fashion-mnist'
assert card.dataSha256.'train-images' == 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888'
// one style: the POM's ids, the network spec once
assert card.model.architecture == 'mlp'
assert card.hyperparameters.optimizer ==~ /[a-z]+/ && card.hyperparameters.lrSchedule ==~ /[a-z]+/
assert !card.hyperparameters.containsKey('model')
assert !(new File(out, 'model/model.json').text =~ /"[A-Z][A-Z0-9]*_[A-Z0-9_]*"/)
assert card.hyperparameters.epochs == 2 && card.hyperparameters.batchSize == 64
assert card.finalMetrics.testAccuracy > 0.5
assert card.versions.djl == '0.29.0'
assert card.fingerprint ==~ /[0-9a-f]{64}/
assert new File(out, 'checkpoints/epoch-0002/fashionmnist-0000.params').isFile()
return true
