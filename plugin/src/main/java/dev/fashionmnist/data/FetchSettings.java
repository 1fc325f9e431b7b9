package dev.fashionmnist.data;

import dev.fashionmnist.text.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to get dataset files: the shared cache, extra mirrors (tried before system copies and official sites),
 * offline mode, and the network's patience.
 *
 * @param dataDirectory   the shared cache; each dataset gets a folder of its name below it
 * @param mirrors         base URLs tried in order before system copies and the official URLs
 * @param offline         Maven's offline mode: only the cache, system copies and file: mirrors are used
 * @param useSystemCopies whether known system copies (Debian's dataset-fashion-mnist) are used
 * @param allowUnverified whether a custom set without checksums may be fetched over http(s)
 * @param retries         how often a timeout, a 5xx or a broken transfer is retried per URL
 * @param retryBackoff    the wait before the first retry; it doubles with each further one
 * @param proxies         the HTTP proxies downloads go through (Maven's settings.xml proxies)
 */
public record FetchSettings(Path dataDirectory, List<URI> mirrors, boolean offline, boolean useSystemCopies,
                            boolean allowUnverified, Duration connectTimeout, Duration readTimeout, int retries,
                            Duration retryBackoff, ProxySettings proxies) {

    public FetchSettings {
        mirrors = List.copyOf(mirrors);
        proxies = proxies == null ? ProxySettings.none() : proxies;
        if (retries < 0) {
            throw new DatasetException(Messages.of("data.settings.retries", retries));
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new DatasetException(Messages.of("data.settings.connectTimeout", connectTimeout.toSeconds()));
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new DatasetException(Messages.of("data.settings.readTimeout", readTimeout.toSeconds()));
        }
    }

    /** Settings without proxies. */
    public FetchSettings(Path dataDirectory, List<URI> mirrors, boolean offline, boolean useSystemCopies,
                         boolean allowUnverified, Duration connectTimeout, Duration readTimeout, int retries,
                         Duration retryBackoff) {
        this(dataDirectory, mirrors, offline, useSystemCopies, allowUnverified, connectTimeout, readTimeout, retries,
                retryBackoff, ProxySettings.none());
    }

    /** Defaults for a cache folder: no mirrors, online, system copies on, 30 s / 60 s timeouts, 3 retries. */
    public static FetchSettings defaults(Path dataDirectory) {
        return new FetchSettings(dataDirectory, List.of(), false, true, false, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 3, Duration.ofSeconds(1));
    }
}
