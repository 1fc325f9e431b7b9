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

    /** Defaults for a cache folder: no mirrors, online, system copies on, 30 s / 60 s timeouts, 3 retries. */
    public static FetchSettings defaults(Path dataDirectory) {
        return builder().dataDirectory(dataDirectory).build();
    }

    /**
     * A builder that starts from the defaults (see {@link #defaults(Path)}: no mirrors, online, system copies on,
     * unverified sets refused, 30 s / 60 s timeouts, 3 retries after 1 s, no proxies) without a cache folder.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings, for a copy with some of them changed. */
    public Builder toBuilder() {
        return new Builder().dataDirectory(dataDirectory).mirrors(mirrors).offline(offline)
                .useSystemCopies(useSystemCopies).allowUnverified(allowUnverified).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).retries(retries).retryBackoff(retryBackoff).proxies(proxies);
    }

    /** {@link FetchSettings} by name, one setting at a time. */
    public static final class Builder {
        private Path dataDirectory;
        private List<URI> mirrors = List.of();
        private boolean offline;
        private boolean useSystemCopies = true;
        private boolean allowUnverified;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int retries = 3;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private ProxySettings proxies = ProxySettings.none();

        private Builder() {
        }

        /** The shared cache; each dataset gets a folder of its name below it. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** Base URLs tried in order before system copies and the official URLs. */
        public Builder mirrors(List<URI> mirrors) {
            this.mirrors = mirrors;
            return this;
        }

        /** Maven's offline mode: only the cache, system copies and file: mirrors are used. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Whether known system copies (Debian's dataset-fashion-mnist) are used. */
        public Builder useSystemCopies(boolean useSystemCopies) {
            this.useSystemCopies = useSystemCopies;
            return this;
        }

        /** Whether a custom set without checksums may be fetched over http(s). */
        public Builder allowUnverified(boolean allowUnverified) {
            this.allowUnverified = allowUnverified;
            return this;
        }

        /** How long to wait for a connection. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for data on an open connection. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How often a timeout, a 5xx or a broken transfer is retried per URL. */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** The wait before the first retry; it doubles with each further one. */
        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        /** The HTTP proxies downloads go through. */
        public Builder proxies(ProxySettings proxies) {
            this.proxies = proxies;
            return this;
        }

        /** The settings, validated. */
        public FetchSettings build() {
            return new FetchSettings(dataDirectory, mirrors, offline, useSystemCopies, allowUnverified, connectTimeout,
                    readTimeout, retries, retryBackoff, proxies);
        }
    }
}
