def servers = context.servers
servers?.get(0)?.stop(0)
servers?.get(1)?.close()

def log = new File(basedir, 'build.log').getText('UTF-8')
def firstRun = log.substring(0, log.indexOf('BUILD SUCCESS'))
def ports = new Properties()
new File(basedir, 'ports.txt').withReader { ports.load(it) }
def base = "http://127.0.0.1:${ports.data}/fashion/"
def files = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']

// run 1: the proxy forwarded exactly the four .gz files, each once (credentials went at once);
// run 2 (no credentials): it refused the first file from the mirror and from the official site (which goes
// through the proxy too), and the goal stopped there
def proxied = new File(basedir, 'proxy.log').readLines()
def official = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz' 
assert proxied.findAll { it.startsWith('FORWARDED') }.sort() == files.collect { "FORWARDED ${base}${it}.gz".toString() }.sort()
assert proxied.findAll { it.startsWith('REFUSED') } == ["REFUSED GET ${base}train-images-idx3-ubyte.gz HTTP/1.1",
                                                       "REFUSED GET ${official} HTTP/1.1"]*.toString()
assert log.contains("proxy 'it-proxy' (127.0.0.1:${ports.proxy}) from settings.xml asks for credentials " +
        '(HTTP 407 Proxy Authentication Required): add <username> and <password> to the <proxy> with <id>it-proxy</id>')
assert !log.contains('\tat dev.fashionmnist')
assert !new File(basedir, 'target/cache-refused/fashion-mnist/train-images-idx3-ubyte').exists()

// one line per download names the proxy (never its password), and every file verified from that mirror
assert firstRun.count("through proxy 'it-proxy' (127.0.0.1:${ports.proxy})") == 4
files.each {
    assert firstRun.contains("Downloading ${base}${it}.gz through proxy 'it-proxy' (127.0.0.1:${ports.proxy})")
}
assert firstRun =~ /fashion-mnist: 4 files verified from mirror \Q${base}\E in [0-9.]+ s/
assert !log.contains('it-secret')
assert !log.contains('inactive-proxy')
assert log.contains('train images: 60000x28x28')
files.each { assert new File(basedir, "target/cache/fashion-mnist/${it}.sha256").isFile() }
assert new File(basedir, 'target/cache/fashion-mnist/train-images-idx3-ubyte').length() == 16 + 60000 * 28 * 28
return true
