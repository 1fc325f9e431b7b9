package dev.fashionmnist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fashionmnist.data.DatasetFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 that serves files by name and can misbehave on purpose. */
public final class LocalHttpServer implements AutoCloseable {

    /** How the server answers one request for a file. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(HttpExchange exchange, byte[] body, int requestNumber) throws IOException;
    }

    /**
     * Holds every answer back until the test calls {@link #open()}: the request has arrived (see
     * {@link #awaitRequests}), the client waits for its answer. A gate never opened stands for a server that never
     * answers; closing the server ends the wait.
     */
    public static final class Gate implements Behaviour {
        private final CountDownLatch open = new CountDownLatch(1);

        public void open() {
            open.countDown();
        }

        @Override
        public void answer(HttpExchange exchange, byte[] body, int requestNumber) throws IOException {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, 200, body);
        }
    }

    /** An upper bound for waiting on something that happens at once when nothing is broken. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL of a folder on this server, ending with '/'. */
    public URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    /** Serves a dataset's four files gzipped under {@code /folder/}; returns the folder's base URL. */
    public URI serveGzipped(String folder, Map<DatasetFile, byte[]> raw) {
        raw.forEach((f, bytes) -> file(folder + "/" + f.gzipName(), IdxFixtures.gzip(bytes)));
        return base(folder);
    }

    public LocalHttpServer file(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    /** Stops serving {@code path}: it answers 404 from now on. */
    public LocalHttpServer remove(String path) {
        files.remove(path);
        return this;
    }

    public LocalHttpServer behave(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Waits until {@code path} has been requested at least {@code count} times. */
    public void awaitRequests(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (requests) {
            while (requests(path) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + count + ". request for " + path + " within " + PATIENCE);
                }
                requests.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(1);
        int n;
        synchronized (requests) {
            n = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requests.notifyAll();
        }
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

    public static void send(HttpExchange ex, int code, byte[] body) throws IOException {
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
