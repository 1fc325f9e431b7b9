import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building train-model-cache') }
assert runs.size() == 4

def models = new File(basedir, 'ci-cache/models')
def entries = models.listFiles().findAll { it.isDirectory() && it.name ==~ /[0-9a-f]{64}/ }
assert entries.size() == 1
def entry = entries[0]
def fingerprint = entry.name

// 1: clean install trains and stores the run under its fingerprint
assert runs[0].contains('epoch 1/1: ')
assert runs[0].contains("Model stored in the model cache: ${entry.canonicalPath}")
assert !runs[0].contains('Model restored')
// 2: force trains anyway and stores again; 3: without the cache the build trains and neither restores nor stores
assert runs[1].contains('epoch 1/1: ') && !runs[1].contains('Model restored') && runs[1].contains('Model stored')
assert runs[2].contains('epoch 1/1: ') && !runs[2].contains('Model restored') && !runs[2].contains('Model stored')
// 4: the same clean install restores it instead of training; evaluate and report work on it
assert runs[3] =~ /Model restored from the model cache instead of training: fingerprint ${fingerprint.substring(0, 12)}, trained \S+ on .+ \(cpu, 1 epoch\(s\), [\d.]+ s\), test accuracy \d+\.\d\d%/
assert !runs[3].contains('epoch 1/1')
assert !runs[3].contains('Model stored')
assert runs[3].contains('attached as train-model-cache-1.0-SNAPSHOT-model.zip and train-model-cache-1.0-SNAPSHOT-model.jar')
assert runs[3].contains('Gate minAccuracy passed')
assert runs[3].contains('Report: ')
assert !(runs[3] =~ /\[WARNING\] metrics\.csv is not from the model/)

// within each build, download-data, train, evaluate and report verify the dataset once (one line for its four files;
// the per-file lines are at debug level)
runs.each { run ->
    assert run.count('fashion-mnist: 4 files verified') == 1: 'the dataset verified once per build'
}

// the installed zip of build 4 (restored) holds exactly the cached model, byte for byte
def zip = new File(localRepositoryPath,
        'dev/fashionmnist/it/train-model-cache/1.0-SNAPSHOT/train-model-cache-1.0-SNAPSHOT-model.zip')
assert zip.isFile()
new ZipFile(zip).withCloseable { z ->
    assert z.entries().collect { it.name }.sort() == ['model/fashionmnist-0000.params', 'model/model.json']
    ['model.json', 'fashionmnist-0000.params'].each { name ->
        def sha = { bytes -> MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }
        assert sha(z.getInputStream(z.getEntry("model/${name}")).bytes) == sha(new File(entry, "model/${name}").bytes)
        // entry times: when the cached run wrote the file (not 1970-01-01), also in the zip of the restoring build
        def seconds = z.getEntry("model/${name}").lastModifiedTime.toMillis().intdiv(1000)
        assert seconds == new File(entry, "model/${name}").lastModified().intdiv(1000)
        assert seconds > 946684800L
    }
}
// ... and so does the installed jar of build 4, under META-INF/fashionmnist/model/, with the same entry times
def jar = new File(zip.parentFile, 'train-model-cache-1.0-SNAPSHOT-model.jar')
assert jar.isFile()
assert jar.lastModified() >= zip.lastModified() - 1000 // installed by build 4, as the zip was
new ZipFile(jar).withCloseable { j ->
    def folder = 'META-INF/fashionmnist/model/'
    assert j.entries().collect { it.name }.findAll { it.startsWith(folder) && it != folder }.sort() ==
            ["${folder}artifact.properties", "${folder}fashionmnist-0000.params", "${folder}model.json"]*.toString()
    ['model.json', 'fashionmnist-0000.params'].each { name ->
        assert j.getInputStream(j.getEntry(folder + name)).bytes == new File(entry, "model/${name}").bytes: name
        assert j.getEntry(folder + name).lastModifiedTime.toMillis().intdiv(1000) ==
                new File(entry, "model/${name}").lastModified().intdiv(1000)
    }
    def coordinates = new Properties()
    j.getInputStream(j.getEntry("${folder}artifact.properties")).withCloseable { coordinates.load(it) }
    assert coordinates.artifactId == 'train-model-cache' && coordinates.version == '1.0-SNAPSHOT'
}
// the output folder is the cached run's, as its training left it
def out = new File(basedir, 'target/fashionmnist')
['model/model.json', 'model/fashionmnist-0000.params', 'metrics.csv', 'run.json'].each {
    assert new File(out, it).bytes == new File(entry, it).bytes: it
}
// the plots were restored too, and the report goal then redrew them from metrics.csv (whose rounded numbers can move a
// pixel of the curves drawn during training): PNGs, not necessarily the cached bytes
['accuracy.png', 'loss.png'].each {
    assert new File(out, it).bytes[1..3] == 'PNG'.bytes: it
}
assert new File(out, 'report.html').isFile() && new File(out, 'evaluation.csv').isFile()
def card = new JsonSlurper().parse(new File(entry, 'model/model.json'))
assert card.fingerprint == fingerprint
def record = new JsonSlurper().parse(new File(entry, 'cache-entry.json'))
assert record.fingerprint == fingerprint && record.host && record.storedAt
return true
