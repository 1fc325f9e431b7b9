package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One HTTP proxy as declared in Maven's {@code settings.xml} ({@code <proxy>}), with its password already decrypted.
 * {@code protocol} is the scheme of the URLs it serves ({@code http} or {@code https}); {@code nonProxyHosts} lists
 * the hosts reached directly, separated by {@code |}, each a name with {@code *} as wildcard, matched ignoring case
 * (as Maven's resolver does). The password never appears in {@link #toString()}.
 *
 * @param id       the proxy's id in settings.xml, named in messages
 * @param username {@code null} or empty when the proxy needs no credentials
 */
public record DownloadProxy(String id, String protocol, String host, int port, String username, String password,
                            String nonProxyHosts) {

    public DownloadProxy {
        id = id == null || id.isBlank() ? "default" : id.trim();
        protocol = protocol == null || protocol.isBlank() ? "http" : protocol.trim().toLowerCase(Locale.ROOT);
        if (host == null || host.isBlank()) {
            throw new DatasetException(Messages.of("data.proxy.noHost", id));
        }
        host = host.trim();
        if (port < 1 || port > 65535) {
            throw new DatasetException(Messages.of("data.proxy.badPort", id, port));
        }
        nonProxyHosts = nonProxyHosts == null ? "" : nonProxyHosts.trim();
    }

    /** A proxy without credentials and without exceptions. */
    public DownloadProxy(String id, String protocol, String host, int port) {
        this(id, protocol, host, port, null, null, null);
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** True when {@code host} matches one of {@link #nonProxyHosts()} and is therefore reached directly. */
    public boolean bypasses(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (Pattern pattern : patterns()) {
            if (pattern.matcher(bare).matches()) {
                return true;
            }
        }
        return false;
    }

    private List<Pattern> patterns() {
        List<Pattern> out = new ArrayList<>();
        for (String part : nonProxyHosts.split("\\|")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                StringJoiner regex = new StringJoiner(".*");
                for (String literal : p.split("\\*", -1)) {
                    regex.add(literal.isEmpty() ? "" : Pattern.quote(literal));
                }
                out.add(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
            }
        }
        return out;
    }

    /** The proxy for {@link java.net.URL#openConnection(Proxy)}. */
    Proxy javaProxy() {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    /** The value of a {@code Proxy-Authorization} header that sends the credentials with Basic authentication. */
    String basicAuthorization() {
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** How messages name it: "proxy 'corp' (proxy.example.com:8080)" in English. */
    public Message description() {
        return Messages.of("data.proxy.name", id, host, port);
    }

    /** {@link #description()} in English, for debug lines. */
    public String describe() {
        return description().toString();
    }

    @Override
    public String toString() {
        return describe() + " for " + protocol + (hasCredentials() ? ", user " + username : "")
                + (nonProxyHosts.isEmpty() ? "" : ", not for " + nonProxyHosts);
    }
}
