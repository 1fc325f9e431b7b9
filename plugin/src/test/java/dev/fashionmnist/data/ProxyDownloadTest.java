package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.IdxFixtures;
import dev.fashionmnist.testing.LocalHttpServer;
import dev.fashionmnist.testing.LoopbackProxy;
import dev.fashionmnist.testing.RecordingLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads through a real forward proxy on 127.0.0.1 that wants Basic credentials. */
class ProxyDownloadTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final String USER = "alice";
    private static final String PASSWORD = "pa:ss wörd";

    @TempDir
    Path tmp;

    private final Map<DatasetFile, byte[]> raw = IdxFixtures.dataset();
    private final RecordingLog log = new RecordingLog();
    private LocalHttpServer server;
    private LoopbackProxy proxy;
    private URI mirror;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        proxy = new LoopbackProxy(USER, PASSWORD);
        mirror = server.serveGzipped("m", raw);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    private DatasetSpec spec() {
        return new DatasetSpec("tiny", false, List.of("a", "b", "c"), List.of(), IdxFixtures.sha256(raw), Map.of(),
                List.of());
    }

    private FetchSettings settings(DownloadProxy... proxies) {
        return FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .useSystemCopies(false).connectTimeout(GENEROUS).readTimeout(GENEROUS).retries(0)
                .retryBackoff(Duration.ofMillis(10)).proxies(new ProxySettings(List.of(proxies))).build();
    }

    private DownloadProxy loopback(String user, String password, String nonProxyHosts) {
        return new DownloadProxy("it-proxy", "http", "127.0.0.1", proxy.port(), user, password, nonProxyHosts);
    }

    private List<String> allLines() {
        List<String> all = new ArrayList<>(log.infos);
        all.addAll(log.warnings);
        all.addAll(log.debugs);
        return all;
    }

    @Test
    void everyFileComesThroughTheProxyWithItsCredentialsAndOneLineSaysSo() throws IOException {
        DatasetFiles files = new DatasetFetcher(settings(loopback(USER, PASSWORD, "")), log).fetch(spec());

        for (DatasetFile f : DatasetFile.values()) {
            assertArrayEquals(raw.get(f), Files.readAllBytes(files.path(f)), f + " arrived whole and decoded");
            assertTrue(proxy.forwarded.contains(mirror.resolve(f.gzipName()).toString()), proxy.forwarded.toString());
        }
        assertEquals(4, proxy.forwarded.size(), "one forwarded request per file: " + proxy.forwarded);
        assertEquals(4, server.totalRequests(), "the server saw only what the proxy forwarded");
        assertTrue(proxy.seen.stream().allMatch(s -> s.endsWith(" +auth")), "credentials sent at once: " + proxy.seen);
        long through = log.infos.stream()
                .filter(i -> i.contains("through proxy 'it-proxy' (127.0.0.1:" + proxy.port() + ")")).count();
        assertEquals(4, through, "one line per download: " + log.infos);
        assertTrue(allLines().stream().noneMatch(l -> l.contains(PASSWORD)), "the password is never logged");
    }

    @Test
    void theDownloadLineSpeaksTheReadersLanguage() {
        RecordingLog german = new RecordingLog(Language.GERMAN);
        new DatasetFetcher(settings(loopback(USER, PASSWORD, "")), german).fetch(spec());
        String line = "Lade " + mirror.resolve("train-images-idx3-ubyte.gz") + " über Proxy 'it-proxy' (127.0.0.1:"
                + proxy.port() + ") herunter";
        assertTrue(german.infos.contains(line), german.infos.toString());
    }

    @Test
    void withoutCredentialsTheProxysRefusalNamesTheProxyAndWhatToAdd() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(settings(loopback(null, null, "")), log).fetch(spec()));
        assertTrue(e.getMessage().contains("proxy 'it-proxy' (127.0.0.1:" + proxy.port() + ") from settings.xml asks "
                + "for credentials (HTTP 407 Proxy Authentication Required)"), e.getMessage());
        assertTrue(e.getMessage().contains("add <username> and <password>"), e.getMessage());
        assertEquals(0, server.totalRequests(), "nothing reached the server");
        assertTrue(proxy.forwarded.isEmpty());
        assertFalse(Files.exists(tmp.resolve("cache/tiny/train-images-idx3-ubyte")));
    }

    @Test
    void wrongCredentialsFailAtOnceWithoutHammeringTheProxy() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(settings(loopback(USER, "wrong", "")), log).fetch(spec()));
        assertTrue(e.getMessage().contains("refused the credentials of user 'alice'"), e.getMessage());
        assertTrue(e.getMessage().contains("<id>it-proxy</id>"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "no password in the message: " + e.getMessage());
        assertTrue(proxy.seen.size() <= 2, "at most two tries with wrong credentials: " + proxy.seen);
        assertEquals(0, server.totalRequests());
    }

    @Test
    void aHostInNonProxyHostsIsFetchedDirectly() {
        new DatasetFetcher(settings(loopback(USER, PASSWORD, "localhost|127.0.0.*")), log).fetch(spec());
        assertTrue(proxy.seen.isEmpty(), "the proxy saw nothing: " + proxy.seen);
        assertEquals(4, server.totalRequests());
        assertTrue(log.infos.stream().noneMatch(i -> i.contains("through proxy")), log.infos.toString());
    }

    @Test
    void anHttpsTunnelRefusedWith407ExplainsJavasDefaultForBasic() throws IOException {
        FetchSettings s = settings(loopback(USER, PASSWORD, ""));
        URI secure = URI.create("https://127.0.0.1:" + server.base("m").getPort() + "/m/x.gz");
        Path file = tmp.resolve("x.gz");
        FetchFailure f = assertThrows(FetchFailure.class,
                () -> new HttpDownloader(s, log).download(secure, file, file));
        assertTrue(f.getMessage().contains("proxy 'it-proxy' (127.0.0.1:" + proxy.port() + ") from settings.xml "
                + "refused to open a tunnel for " + secure), f.getMessage());
        assertTrue(f.getMessage().contains("Java does not send Basic proxy credentials for https URLs by default: add "
                + "-Djdk.http.auth.tunneling.disabledSchemes= to MAVEN_OPTS or to .mvn/jvm.config"), f.getMessage());
        assertTrue(proxy.seen.get(0).startsWith("CONNECT 127.0.0.1:"), proxy.seen.toString());
        assertTrue(proxy.seen.stream().noneMatch(l -> l.endsWith("+auth")), "no Basic header in a CONNECT by default");
    }

    @Test
    void anUnreachableProxyIsNamedWithItsId() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DownloadProxy gone = new DownloadProxy("corp", "http", "127.0.0.1", closedPort);
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(settings(gone), log).fetch(spec()));
        assertTrue(e.getMessage().contains("cannot connect to proxy 'corp' (127.0.0.1:" + closedPort
                + ") from settings.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("Check <host> and <port> of the <proxy> with <id>corp</id>"),
                e.getMessage());
        assertEquals(0, server.totalRequests());
    }
}
