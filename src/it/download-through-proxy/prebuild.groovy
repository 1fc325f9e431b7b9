// Starts two loopback servers in the invoker's JVM for the build it forks: a plain HTTP server with the real
// Fashion-MNIST files under /fashion/, and a forward proxy that wants Basic credentials (it-user / it-secret) and
// writes one line per request to proxy.log. Then writes the IT's settings.xml with their ports, and a copy without
// the proxy's credentials for the second run.
import com.sun.net.httpserver.HttpServer

def loopback = InetAddress.getLoopbackAddress()
def folder = new File('/usr/share/datasets/fashion-mnist')
def proxyLog = new File(basedir, 'proxy.log')
proxyLog.text = ''

def data = HttpServer.create(new InetSocketAddress(loopback, 0), 0)
data.createContext('/fashion/') { exchange ->
    def file = new File(folder, exchange.requestURI.path.substring('/fashion/'.length()))
    if (file.isFile()) {
        exchange.sendResponseHeaders(200, file.length())
        exchange.responseBody.withStream { out -> file.withInputStream { out << it } }
    } else {
        exchange.sendResponseHeaders(404, -1)
    }
    exchange.close()
}
data.start()

def expected = 'Basic ' + 'it-user:it-secret'.getBytes('UTF-8').encodeBase64().toString()
def proxy = new ServerSocket(0, 50, loopback)
def daemon = { Closure work -> def t = new Thread(work); t.daemon = true; t.start() }
daemon {
    while (!proxy.closed) {
        Socket client
        try { client = proxy.accept() } catch (IOException closed) { return }
        daemon {
            client.withCloseable {
                def input = new BufferedInputStream(client.inputStream)
                def head = []
                def line = new StringBuilder()
                for (int b; (b = input.read()) >= 0;) {
                    if (b == 10) {
                        def text = line.toString().trim()
                        if (text.isEmpty()) break
                        head << text
                        line.setLength(0)
                    } else {
                        line.append((char) b)
                    }
                }
                if (head.isEmpty()) return
                def out = client.outputStream
                def auth = head.find { it.toLowerCase().startsWith('proxy-authorization:') }
                if (auth == null || auth.substring(auth.indexOf(':') + 1).trim() != expected) {
                    synchronized (proxyLog) { proxyLog << "REFUSED ${head[0]}\n" }
                    out << 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="it"\r\n' +
                            'Content-Length: 0\r\nConnection: close\r\n\r\n'
                    return
                }
                def target = new URL(head[0].split(' ')[1])
                synchronized (proxyLog) { proxyLog << "FORWARDED ${target}\n" }
                def conn = (HttpURLConnection) target.openConnection(Proxy.NO_PROXY)
                int code = conn.responseCode
                def body = (code >= 400 ? conn.errorStream : conn.inputStream)?.bytes ?: new byte[0]
                out << "HTTP/1.1 ${code} ${conn.responseMessage}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n"
                out << body
                out.flush()
            }
        }
    }
}
context.servers = [data, proxy] // verify.groovy stops them

def dead = new ServerSocket(0, 1, loopback)
int deadPort = dead.localPort
dead.close()
def settings = new File(basedir, 'settings-proxy.xml.template').text
        .replace('@PROXY_PORT@', proxy.localPort as String)
        .replace('@DATA_PORT@', data.address.port as String)
        .replace('@DEAD_PORT@', deadPort as String)
new File(basedir, 'settings-proxy.xml').text = settings
new File(basedir, 'settings-no-credentials.xml').text = settings.readLines()
        .findAll { !it.contains('<username>') && !it.contains('<password>') }.join('\n')
new File(basedir, 'ports.txt').text = "proxy=${proxy.localPort}\ndata=${data.address.port}\n"
context.userProperties.put('settings.security', new File(basedir, 'settings-security.xml').absolutePath)
return true
