package dev.fashionmnist.maven;

import dev.fashionmnist.data.DataSource;
import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.data.DatasetFetcher;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.DatasetSpec;
import dev.fashionmnist.data.FetchSettings;
import dev.fashionmnist.data.ProxySettings;
import dev.fashionmnist.data.VerifiedFiles;
import dev.fashionmnist.text.BuildLog;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The data parameters that every goal needing a dataset shares. */
abstract class AbstractDataMojo extends AbstractFashionMnistMojo {

    /** {@code fashion-mnist}, {@code mnist}, or the name of a custom set of four IDX files. */
    @Parameter(property = "fashionmnist.dataset", defaultValue = "fashion-mnist")
    String dataset;

    /** The shared dataset cache; each dataset gets a folder of its name below it. */
    @Parameter(property = "fashionmnist.dataDirectory",
            defaultValue = "${settings.localRepository}/.cache/fashionmnist")
    File dataDirectory;

    /** Base URLs (http, https, file:) tried in order before system copies and the official URLs. */
    @Parameter(property = "fashionmnist.mirrors")
    List<String> mirrors;

    /** For a custom dataset: the class names in label order, comma-separated. */
    @Parameter(property = "fashionmnist.classNames")
    String classNames;

    /** For a custom dataset: standard file name without .gz → SHA-256 of the decoded file. */
    @Parameter
    Map<String, String> checksums;

    /** Accept a custom dataset fetched over http(s) without checksums. */
    @Parameter(property = "fashionmnist.allowUnverified", defaultValue = "false")
    boolean allowUnverified;

    /** Use known system copies (Debian's dataset-fashion-mnist under /usr/share/datasets/fashion-mnist). */
    @Parameter(property = "fashionmnist.systemCopies", defaultValue = "true")
    boolean systemCopies;

    /** Seconds to wait for a connection. */
    @Parameter(property = "fashionmnist.connectTimeout", defaultValue = "30")
    int connectTimeout;

    /** Seconds to wait for data on an open connection. */
    @Parameter(property = "fashionmnist.readTimeout", defaultValue = "60")
    int readTimeout;

    /** How often a timeout, a 5xx answer or a broken transfer is retried per URL, with doubling backoff. */
    @Parameter(property = "fashionmnist.downloadRetries", defaultValue = "3")
    int downloadRetries;

    /** Decrypts the proxy passwords of settings.xml ({@code mvn --encrypt-password}). */
    @Inject
    SettingsDecrypter settingsDecrypter;

    DatasetSpec datasetSpec() {
        List<String> names = classNames == null ? List.of() : splitCommas(List.of(classNames));
        return DatasetCatalog.resolve(dataset, names, checksums);
    }

    FetchSettings fetchSettings(BuildLog log) {
        List<URI> bases = new ArrayList<>();
        for (String mirror : splitCommas(mirrors)) {
            bases.add(DataSource.parseBase(mirror, "mirrors"));
        }
        return FetchSettings.builder().dataDirectory(dataDirectory.toPath()).mirrors(bases)
                .offline(session != null && session.isOffline()).useSystemCopies(systemCopies)
                .allowUnverified(allowUnverified).connectTimeout(Duration.ofSeconds(connectTimeout))
                .readTimeout(Duration.ofSeconds(readTimeout)).retries(downloadRetries)
                .retryBackoff(Duration.ofSeconds(1)).proxies(proxies(log)).build();
    }

    /** The active proxies of settings.xml; the downloads go through them as Maven's own would. */
    ProxySettings proxies(BuildLog log) {
        return session == null ? ProxySettings.none()
                : SettingsProxies.from(session.getSettings(), settingsDecrypter, log);
    }

    DatasetFiles fetchDataset(BuildLog log) {
        DatasetSpec spec = datasetSpec();
        return new DatasetFetcher(fetchSettings(log), log, verifiedFiles()).fetch(spec);
    }

    /** The dataset files verified in this build, shared by all goals of the build (kept in its session). */
    VerifiedFiles verifiedFiles() {
        return perBuild(VerifiedFiles.class, VerifiedFiles::new);
    }

    private static List<String> splitCommas(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null) {
                    Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
                }
            }
        }
        return out;
    }
}
