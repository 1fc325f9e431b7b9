package dev.fashionmnist.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP forward proxy on 127.0.0.1: it asks for Basic credentials (407) unless a request brings the expected
 * ones, forwards plain-HTTP requests (absolute-form GET) directly to their target, one request per connection, and
 * records what it saw. CONNECT (https tunnels) is never opened: it answers 407 without credentials, 403 with them.
 */
public final class LoopbackProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-proxy");
        t.setDaemon(true);
        return t;
    });
    private final String expectedAuthorization;
    /** The targets of the requests forwarded, in order. */
    public final List<String> forwarded = new CopyOnWriteArrayList<>();
    /** Every request line, with " +auth" when it carried the Proxy-Authorization header. */
    public final List<String> seen = new CopyOnWriteArrayList<>();

    public LoopbackProxy(String user, String password) throws IOException {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            boolean authorized = head.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT)
                    .startsWith("proxy-authorization:") && h.substring(h.indexOf(':') + 1).trim()
                    .equals(expectedAuthorization));
            boolean anyAuth = head.stream()
                    .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"));
            seen.add(head.get(0) + (anyAuth ? " +auth" : ""));
            if (!authorized) {
                answer(out, 407, "Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"loopback\"\r\n",
                        new byte[0]);
            } else if (requestLine[0].equals("CONNECT")) {
                answer(out, 403, "Forbidden", "", new byte[0]);
            } else {
                forward(URI.create(requestLine[1]), out);
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private void forward(URI target, OutputStream out) throws IOException {
        forwarded.add(target.toString());
        HttpURLConnection conn = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
        try {
            int code = conn.getResponseCode();
            InputStream body = code >= 400 ? conn.getErrorStream() : conn.getInputStream();
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            answer(out, code, String.valueOf(conn.getResponseMessage()), "", bytes);
        } finally {
            conn.disconnect();
        }
    }

    private static void answer(OutputStream out, int code, String message, String headers, byte[] body)
            throws IOException {
        String head = "HTTP/1.1 " + code + " " + message + "\r\n" + headers + "Content-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
