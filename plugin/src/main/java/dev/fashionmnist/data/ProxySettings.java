package dev.fashionmnist.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP proxies downloads go through: Maven's active {@code settings.xml} proxies, in their order. For a URL, the
 * first proxy of the URL's scheme whose {@code nonProxyHosts} does not list the URL's host is used; an https URL with
 * no https proxy uses the first http one (the rules of Maven's own resolver). Loopback hosts are proxied too unless
 * {@code nonProxyHosts} lists them.
 */
public record ProxySettings(List<DownloadProxy> proxies) {
    private static final ProxySettings NONE = new ProxySettings(List.of());

    public ProxySettings {
        proxies = List.copyOf(proxies);
    }

    /** No proxies: every download connects directly (or as the JVM's own proxy properties say). */
    public static ProxySettings none() {
        return NONE;
    }

    /** The proxy a download of {@code uri} goes through, or empty for a direct connection. */
    public Optional<DownloadProxy> forUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        Optional<DownloadProxy> own = first(uri, scheme);
        return own.isPresent() || !scheme.equals("https") ? own : first(uri, "http");
    }

    private Optional<DownloadProxy> first(URI uri, String protocol) {
        return proxies.stream().filter(p -> p.protocol().equals(protocol) && !p.bypasses(uri.getHost())).findFirst();
    }
}
