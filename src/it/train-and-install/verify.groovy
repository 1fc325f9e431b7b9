import groovy.json.JsonSlurper
import java.util.jar.JarFile
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
// ... and the model jar beside it (classifier model, type jar): the same files under META-INF/fashionmnist/model/
def installedJar = new File(installed.parentFile, 'train-and-install-1.0-SNAPSHOT-model.jar')
assert installedJar.isFile()
assert runs[0].contains("attached as ${zipName} and train-and-install-1.0-SNAPSHOT-model.jar (classifier model")
new JarFile(installedJar).withCloseable { jar ->
    assert jar.entries().collect { it.name } == ['META-INF/', 'META-INF/MANIFEST.MF', 'META-INF/fashionmnist/',
            'META-INF/fashionmnist/model/', 'META-INF/fashionmnist/model/artifact.properties',
            'META-INF/fashionmnist/model/fashionmnist-0000.params', 'META-INF/fashionmnist/model/model.json']
    assert jar.manifest.mainAttributes.getValue('Manifest-Version') == '1.0'
    def pluginVersion = new JsonSlurper().parse(new File(basedir, 'target/fashionmnist/model/model.json')).versions.plugin
    assert pluginVersion
    assert jar.manifest.mainAttributes.getValue('Created-By') == "fashionmnist-maven-plugin ${pluginVersion}".toString()
    def coordinates = new Properties()
    jar.getInputStream(jar.getEntry('META-INF/fashionmnist/model/artifact.properties')).withCloseable { coordinates.load(it) }
    assert coordinates == [groupId: 'dev.fashionmnist.it', artifactId: 'train-and-install', version: '1.0-SNAPSHOT']
    new ZipFile(installed).withCloseable { zip ->
        ['model.json', 'fashionmnist-0000.params'].each { name ->
            assert jar.getInputStream(jar.getEntry("META-INF/fashionmnist/model/${name}")).bytes ==
                    zip.getInputStream(zip.getEntry("model/${name}")).bytes: name
        }
    }
}

// 2nd build: nothing changed, so nothing is trained
assert runs[1].contains('Model is up to date')
assert runs[1].contains('attached as train-and-install-1.0-SNAPSHOT-model.zip and train-and-install-1.0-SNAPSHOT-model.jar')
assert !runs[1].contains('epoch 1/2')
// 3rd build: force trains again
assert runs[2].contains('epoch 2/2: ')

def out = new File(basedir, 'target/fashionmnist')
def rows = new File(out, 'metrics.csv').readLines()
assert rows[0] == 'epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,train_images_per_second,train_objective,weights,test_images'
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
