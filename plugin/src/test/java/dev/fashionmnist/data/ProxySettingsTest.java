package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    private static DownloadProxy proxy(String id, String protocol, String nonProxyHosts) {
        return new DownloadProxy(id, protocol, id + ".example.com", 8080, null, null, nonProxyHosts);
    }

    private static Optional<String> chosen(ProxySettings settings, String url) {
        return settings.forUri(URI.create(url)).map(DownloadProxy::id);
    }

    private static void assertHosts(DownloadProxy p, boolean bypassed, String... hosts) {
        for (String host : hosts) {
            assertEquals(bypassed, p.bypasses(host), host + (bypassed ? " is reached directly" : " is proxied"));
        }
    }

    @Test
    void nonProxyHostsMatchesNamesAndWildcardsIgnoringCase() {
        DownloadProxy p = proxy("corp", "http", "localhost | *.internal.example.com|10.0.*||Data.Example.ORG");
        assertHosts(p, true, "localhost", "repo.internal.example.com", "a.b.internal.example.com", "10.0.3.4",
                "data.example.org");
        // *.x needs something before the dot; a pattern matches the whole host; loopback is proxied unless listed
        assertHosts(p, false, "internal.example.com", "localhost.evil.com", "10.1.0.4", "127.0.0.1", null);
    }

    @Test
    void aDotInAPatternIsADotNotAnyCharacter() {
        DownloadProxy p = proxy("corp", "http", "data.example.org|127.0.0.1");
        assertHosts(p, false, "dataXexample.org", "127x0x0x1");
        assertHosts(p, true, "127.0.0.1");
    }

    @Test
    void bracketedIpv6HostsMatchTheirAddress() {
        assertTrue(proxy("corp", "http", "::1").bypasses("[::1]"));
    }

    @Test
    void eachSchemeTakesTheFirstProxyOfItsProtocolThatDoesNotExcludeTheHost() {
        ProxySettings s = new ProxySettings(List.of(proxy("inner", "http", "*.example.com"), proxy("outer", "http", ""),
                proxy("secure", "https", "")));
        assertEquals(Optional.of("outer"), chosen(s, "http://data.example.com/x.gz"));
        assertEquals(Optional.of("inner"), chosen(s, "http://fashion-mnist.s3.amazonaws.com/x.gz"));
        assertEquals(Optional.of("secure"), chosen(s, "https://data.example.com/x.gz"));
        assertEquals(Optional.of("secure"), chosen(s, "HTTPS://data.example.com/x.gz"));
    }

    @Test
    void httpsWithoutAnHttpsProxyUsesTheHttpOneButHttpNeverUsesTheHttpsOne() {
        ProxySettings onlyHttp = new ProxySettings(List.of(proxy("corp", "http", "")));
        assertEquals(Optional.of("corp"), chosen(onlyHttp, "https://data.example.org/x.gz"));
        ProxySettings onlyHttps = new ProxySettings(List.of(proxy("secure", "https", "")));
        assertEquals(Optional.empty(), chosen(onlyHttps, "http://data.example.org/x.gz"));
    }

    @Test
    void listedHostsAndFileUrlsGoDirect() {
        ProxySettings s = new ProxySettings(List.of(proxy("corp", "http", "127.0.0.1|localhost")));
        assertEquals(Optional.empty(), chosen(s, "http://127.0.0.1:8080/x.gz"));
        assertEquals(Optional.empty(), chosen(s, "https://localhost/x.gz"));
        assertEquals(Optional.empty(), chosen(s, "file:///data/x.gz"));
        assertEquals(Optional.of("corp"), chosen(s, "http://127.0.0.2/x.gz"));
        assertEquals(Optional.empty(), chosen(ProxySettings.none(), "http://data.example.org/x.gz"));
    }

    @Test
    void protocolDefaultsToHttpAndIsCaseInsensitive() {
        ProxySettings s = new ProxySettings(List.of(new DownloadProxy("a", null, "h", 1), proxy("b", "HTTPS", "")));
        assertEquals(Optional.of("a"), chosen(s, "http://x/"));
        assertEquals(Optional.of("b"), chosen(s, "https://x/"));
    }

    @Test
    void thePasswordNeverAppearsInText() {
        DownloadProxy p = new DownloadProxy("corp", "http", "proxy.example.com", 3128, "alice", "s3cret!", "");
        assertFalse(p.toString().contains("s3cret!"), p.toString());
        assertFalse(p.describe().contains("s3cret!"));
        assertEquals("proxy 'corp' (proxy.example.com:3128)", p.describe());
        assertTrue(p.toString().contains("alice"), p.toString());
    }

    @Test
    void aProxyWithoutHostOrWithABadPortIsRefusedNamingItsId() {
        DatasetException noHost = assertThrows(DatasetException.class,
                () -> new DownloadProxy("corp", "http", " ", 8080));
        assertTrue(noHost.getMessage().contains("proxy 'corp' has no <host>"), noHost.getMessage());
        DatasetException badPort = assertThrows(DatasetException.class,
                () -> new DownloadProxy("corp", "http", "proxy.example.com", 0));
        assertTrue(badPort.getMessage().contains("proxy 'corp' has <port>0</port>"), badPort.getMessage());
        assertTrue(badPort.getMessage().contains("1 to 65535"), badPort.getMessage());
    }
}
