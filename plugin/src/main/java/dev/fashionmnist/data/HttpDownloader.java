package dev.fashionmnist.data;

import dev.fashionmnist.report.BuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads one URL (http or https) into a file. Timeouts, 5xx answers and broken or truncated transfers are
 * retried with exponential backoff; 404 and 410 report "not found" at once; redirects are followed, also from
 * http to https.
 */
final class HttpDownloader {
    private static final int MAX_REDIRECTS = 5;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final BuildLog log;

    HttpDownloader(FetchSettings settings, BuildLog log) {
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
        this.retries = settings.retries();
        this.backoff = settings.retryBackoff();
        this.log = log;
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
        for (int attempt = 0; ; attempt++) {
            try {
                fetchOnce(uri, file, shownAs);
                return;
            } catch (Retryable e) {
                if (attempt >= retries) {
                    throw FetchFailure.failed(e.getMessage()
                            + (retries > 0 ? " (gave up after " + (retries + 1) + " attempts)" : ""));
                }
                long waitMillis = backoff.toMillis() << attempt;
                log.info(uri + ": " + e.getMessage() + "; retrying in " + waitMillis + " ms (attempt "
                        + (attempt + 2) + " of " + (retries + 1) + ")");
                sleep(waitMillis);
            }
        }
    }

    private void fetchOnce(URI start, Path target, Path shownAs) throws Retryable, FetchFailure, FileWriteException {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection conn = null;
            try {
                conn = (HttpURLConnection) uri.toURL().openConnection();
                conn.setConnectTimeout(millis(connectTimeout));
                conn.setReadTimeout(millis(readTimeout));
                conn.setInstanceFollowRedirects(false);
                conn.setRequestProperty("User-Agent", "fashionmnist-maven-plugin");
                int code = conn.getResponseCode();
                if (code >= 300 && code < 400 && conn.getHeaderField("Location") != null) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw FetchFailure.failed("more than " + MAX_REDIRECTS + " redirects");
                    }
                    uri = uri.resolve(conn.getHeaderField("Location"));
                    continue;
                }
                if (code == 404 || code == 410) {
                    throw FetchFailure.notFound("HTTP " + code + " " + message(conn));
                }
                if (code >= 500 || code == 408 || code == 429) {
                    throw new Retryable("HTTP " + code + " " + message(conn));
                }
                if (code != 200) {
                    throw FetchFailure.failed("HTTP " + code + " " + message(conn));
                }
                copyBody(conn, target, shownAs);
                return;
            } catch (SocketTimeoutException e) {
                throw new Retryable("no answer within the timeout (connectTimeout " + describe(connectTimeout)
                        + ", readTimeout " + describe(readTimeout) + ")");
            } catch (FileWriteException e) {
                throw e;
            } catch (UnknownHostException e) {
                throw FetchFailure.failed("unknown host " + e.getMessage());
            } catch (ConnectException e) {
                throw FetchFailure.failed("cannot connect: " + e.getMessage());
            } catch (IOException e) {
                throw new Retryable("transfer broke off: " + e.getMessage());
            } finally {
                if (conn != null) {
                    conn.disconnect();
                }
            }
        }
    }

    private static void copyBody(HttpURLConnection conn, Path target, Path shownAs)
            throws IOException, Retryable, FetchFailure {
        long expected = conn.getContentLengthLong();
        if (expected > MAX_BODY_BYTES) {
            throw FetchFailure.failed("the answer announces " + expected + " bytes, more than the " + MAX_BODY_BYTES
                    + " bytes any IDX file (or its .gz) can have");
        }
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = conn.getInputStream(); OutputStream out = AtomicFiles.newOutputStream(target, shownAs)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > MAX_BODY_BYTES) {
                    throw FetchFailure.failed("the answer goes on past " + MAX_BODY_BYTES
                            + " bytes, more than any IDX file (or its .gz) can have; download stopped there");
                }
                out.write(buffer, 0, n);
            }
        }
        if (expected >= 0 && copied != expected) {
            throw new Retryable("truncated body: received " + copied + " of " + expected + " bytes");
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
            throw FetchFailure.failed("interrupted");
        }
    }

    /** A failure worth another try. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;

        Retryable(String message) {
            super(message, null, false, false);
        }
    }
}
