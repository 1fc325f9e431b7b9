package dev.fashionmnist.data;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.FileWriteException;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Downloads one URL (http or https) into a file. Timeouts, 5xx answers and broken or truncated transfers are
 * retried with exponential backoff; 404 and 410 report "not found" at once; redirects are followed, also from
 * http to https. Each request goes through the proxy that {@link ProxySettings#forUri} picks for its URL, if any;
 * without one it connects as the JVM's own proxy settings say.
 */
final class HttpDownloader {
    private static final int MAX_REDIRECTS = 5;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final BuildLog log;
    private final ProxySettings proxies;

    HttpDownloader(FetchSettings settings, BuildLog log) {
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.retries = settings.retries();
        this.backoff = settings.retryBackoff();
        this.log = log;
        this.proxies = settings.proxies();
    }

    /**
     * The most bytes one download may bring: an IDX file of {@link IdxDecoder#MAX_DATA_BYTES} data bytes, with room
     * for its header and for gzip's overhead on data that does not compress.
     */
    static final long MAX_BODY_BYTES = (long) IdxDecoder.MAX_DATA_BYTES + (IdxDecoder.MAX_DATA_BYTES >> 8) + (1 << 20);

    /**
     * Downloads {@code uri} into {@code file}, replacing its content; {@code shownAs} is the file named when writing
     * fails (a {@link FileWriteException}, not retried: another source would fail the same way).
     */
    void download(URI uri, Path file, Path shownAs) throws FetchFailure, FileWriteException {
        proxies.forUri(uri).ifPresent(p -> log.info(Messages.of("data.http.downloading", uri, p.description())));
        for (int attempt = 0; ; attempt++) {
            try {
                fetchOnce(uri, file, shownAs);
                return;
            } catch (Retryable e) {
                if (attempt >= retries) {
                    throw FetchFailure.failed(retries > 0 ? Messages.of("data.http.gaveUp", e.reason, retries + 1)
                            : e.reason);
                }
                long waitMillis = backoff.toMillis() << attempt;
                log.info(Messages.of("data.http.retrying", uri, e.reason, waitMillis, attempt + 2, retries + 1));
                sleep(waitMillis);
            }
        }
    }

    private void fetchOnce(URI start, Path target, Path shownAs) throws Retryable, FetchFailure, FileWriteException {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection conn = null;
            Optional<DownloadProxy> proxy = proxies.forUri(uri);
            try {
                conn = open(uri, proxy);
                conn.setConnectTimeout(millis(connectTimeout));
                conn.setReadTimeout(millis(readTimeout));
                conn.setInstanceFollowRedirects(false);
                conn.setRequestProperty("User-Agent", "fashionmnist-maven-plugin");
                int code = conn.getResponseCode();
                if (code >= 300 && code < 400 && conn.getHeaderField("Location") != null) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw FetchFailure.failed(Messages.of("data.http.redirects", MAX_REDIRECTS));
                    }
                    uri = uri.resolve(conn.getHeaderField("Location"));
                    log.debug("Redirected to " + uri + proxies.forUri(uri).map(p -> " (through " + p.describe() + ")")
                            .orElse(" (direct)"));
                    continue;
                }
                if (code == HttpURLConnection.HTTP_PROXY_AUTH && proxy.isPresent()) {
                    throw FetchFailure.failed(proxyRefused(proxy.get(), uri, "HTTP 407 " + message(conn)));
                }
                Message status = proxy.isPresent()
                        ? Messages.of("data.http.statusVia", code, message(conn), proxy.get().description())
                        : Messages.of("data.http.status", code, message(conn));
                if (code == 404 || code == 410) {
                    throw FetchFailure.notFound(status);
                }
                if (code >= 500 || code == 408 || code == 429) {
                    throw new Retryable(status);
                }
                if (code != 200) {
                    throw FetchFailure.failed(status);
                }
                copyBody(conn, target, shownAs);
                return;
            } catch (SocketTimeoutException e) {
                throw new Retryable(Messages.of("data.http.timeout", describe(connectTimeout),
                        describe(readTimeout)));
            } catch (FileWriteException e) {
                throw e;
            } catch (UnknownHostException e) {
                Message unknown = Messages.of("data.http.unknownHost", e.getMessage());
                throw FetchFailure.failed(proxy.isPresent() ? unreachable(proxy.get(), unknown) : unknown);
            } catch (ConnectException e) {
                throw FetchFailure.failed(proxy.isPresent() ? unreachable(proxy.get(), e.getMessage())
                        : Messages.of("data.http.cannotConnect", e.getMessage()));
            } catch (IOException e) {
                throw new Retryable(Messages.of("data.http.brokeOff", e.getMessage()));
            } finally {
                if (conn != null) {
                    conn.disconnect();
                }
            }
        }
    }

    /**
     * Opens a connection to {@code uri}, through {@code proxy} when there is one. Credentials go to the proxy at once
     * as Basic authentication for http URLs (never into an https tunnel, where the target would see them), and
     * once more on the proxy's request (407), which covers https tunnels and other schemes the JDK speaks.
     */
    private static HttpURLConnection open(URI uri, Optional<DownloadProxy> proxy) throws IOException {
        if (proxy.isEmpty()) {
            return (HttpURLConnection) uri.toURL().openConnection();
        }
        DownloadProxy p = proxy.get();
        HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection(p.javaProxy());
        conn.setAuthenticator(answeringOnce(p));
        if (p.hasCredentials() && "http".equalsIgnoreCase(uri.getScheme())) {
            conn.setRequestProperty("Proxy-Authorization", p.basicAuthorization());
        }
        return conn;
    }

    /**
     * Gives the proxy's credentials to the JDK once per connection and nothing else: wrong credentials fail at
     * once instead of being retried until the proxy locks the account, and no server ever gets them.
     */
    private static Authenticator answeringOnce(DownloadProxy proxy) {
        AtomicBoolean given = new AtomicBoolean();
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY || !proxy.hasCredentials() || given.getAndSet(true)) {
                    return null;
                }
                String password = proxy.password() == null ? "" : proxy.password();
                return new PasswordAuthentication(proxy.username(), password.toCharArray());
            }
        };
    }

    /** Why {@code proxy} answered 407 for {@code uri}, and what to change in settings.xml. */
    static Message proxyRefused(DownloadProxy proxy, URI uri, String answer) {
        if (!proxy.hasCredentials()) {
            return Messages.of("data.proxy.credentialsWanted", proxy.description(), answer.trim(), proxy.id());
        }
        if ("https".equalsIgnoreCase(uri.getScheme()) && basicDisabledForTunnels()) {
            return Messages.of("data.proxy.noTunnel", proxy.description(), uri, answer.trim());
        }
        return Messages.of("data.proxy.credentialsRefused", proxy.description(), proxy.username(), answer.trim(),
                proxy.id());
    }

    /** Whether the JDK leaves out Basic authentication when it opens a tunnel through a proxy (its default). */
    private static boolean basicDisabledForTunnels() {
        String schemes = System.getProperty("jdk.http.auth.tunneling.disabledSchemes");
        return schemes == null || schemes.toLowerCase(Locale.ROOT).contains("basic");
    }

    private static Message unreachable(DownloadProxy proxy, Object reason) {
        return Messages.of("data.proxy.unreachable", proxy.description(), reason, proxy.id());
    }

    private static void copyBody(HttpURLConnection conn, Path target, Path shownAs)
            throws IOException, Retryable, FetchFailure {
        long expected = conn.getContentLengthLong();
        if (expected > MAX_BODY_BYTES) {
            throw FetchFailure.failed(Messages.of("data.http.tooLarge", expected, MAX_BODY_BYTES));
        }
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = conn.getInputStream(); OutputStream out = AtomicFiles.newOutputStream(target, shownAs)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > MAX_BODY_BYTES) {
                    throw FetchFailure.failed(Messages.of("data.http.tooLong", MAX_BODY_BYTES));
                }
                out.write(buffer, 0, n);
            }
        }
        if (expected >= 0 && copied != expected) {
            throw new Retryable(Messages.of("data.http.truncated", copied, expected));
        }
    }

    private static String message(HttpURLConnection conn) throws IOException {
        String m = conn.getResponseMessage();
        return m == null ? "" : m;
    }

    /** A timeout as the user would write it: whole seconds as "30 s", anything else in milliseconds ("400 ms"). */
    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static void sleep(long millis) throws FetchFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchFailure.failed(Messages.of("data.http.interrupted"));
        }
    }

    /** A failure worth another try. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Message reason;

        Retryable(Message reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }
    }
}
