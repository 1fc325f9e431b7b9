package dev.fashionmnist.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 that serves files by name and can misbehave on purpose. */
final class LocalHttpServer implements AutoCloseable {

    /** How the server answers one request for a file. */
    @FunctionalInterface
    interface Behaviour {
        void answer(HttpExchange exchange, byte[] body, int requestNumber) throws IOException;
    }

    /** Serves the file after a pause of {@code millis}. */
    static Behaviour slow(long millis) {
        return (ex, body, n) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(ex, 200, body);
        };
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL of a folder on this server, ending with '/'. */
    URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    LocalHttpServer file(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    LocalHttpServer behave(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(1);
        int n = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try {
            byte[] body = files.get(path);
            Behaviour b = behaviours.get(path);
            if (b != null) {
                b.answer(ex, body, n);
            } else if (body == null) {
                send(ex, 404, "not here".getBytes());
            } else {
                send(ex, 200, body);
            }
        } finally {
            ex.close();
        }
    }

    static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
