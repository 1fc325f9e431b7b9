def servers = context.servers
servers?.get(0)?.stop(0)
servers?.get(1)?.close()

def log = new File(basedir, 'build.log').getText('UTF-8')
def ports = new Properties()
new File(basedir, 'ports.txt').withReader { ports.load(it) }
def base = "http://127.0.0.1:${ports.data}/fashion/"
def files = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']

// the proxy forwarded exactly the four .gz files, each once, and refused nothing (credentials went at once)
def proxied = new File(basedir, 'proxy.log').readLines()
assert proxied.sort() == files.collect { "FORWARDED ${base}${it}.gz".toString() }.sort()

// one line per download names the proxy (never its password), and every file verified from that mirror
assert log.count("through proxy 'it-proxy' (127.0.0.1:${ports.proxy})") == 4
files.each { assert log.contains("${it}: verified, from mirror ${base}") }
assert !log.contains('it-secret')
assert !log.contains('inactive-proxy')
assert log.contains('train images: 60000x28x28')
files.each { assert new File(basedir, "target/cache/fashion-mnist/${it}.sha256").isFile() }
assert new File(basedir, 'target/cache/fashion-mnist/train-images-idx3-ubyte').length() == 16 + 60000 * 28 * 28
return true
