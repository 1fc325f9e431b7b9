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

    /**
     * The dataset: {@code fashion-mnist}, {@code mnist}, or the name of a custom set of four IDX files.
     * <p>
     * The two built-in sets are fetched from their official URLs (or a mirror, or a system copy) and verified against
     * their published checksums; case does not matter. Any other name is a custom set: letters, digits, {@code .},
     * {@code _} and {@code -}, starting with a letter or digit; it needs {@code classNames}, comes from
     * {@code mirrors} (or is already in {@code dataDirectory}), and should pin its files with {@code checksums}. A
     * name close to a built-in one without {@code classNames} (e.g. {@code fashion_mnist}) stops with "did you mean".
     * Default: {@code fashion-mnist}. Example: {@code -Dfashionmnist.dataset=mnist}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.dataset", defaultValue = "fashion-mnist")
    String dataset;

    /**
     * The shared dataset cache: each dataset gets a folder of its name below it.
     * <p>
     * It holds the four decoded IDX files of each dataset, verified, each with a {@code .sha256} file beside it, and
     * (unless {@code modelCacheDirectory} says otherwise) the model cache in {@code models/}. The default lies inside
     * the local Maven repository, so that a CI job that caches {@code ~/.m2/repository} caches the data too; several
     * builds may share it at the same time (a lock file serialises the downloads). Default:
     * {@code ${settings.localRepository}/.cache/fashionmnist}, usually {@code ~/.m2/repository/.cache/fashionmnist}.
     * Example: {@code -Dfashionmnist.dataDirectory=/srv/cache/fashionmnist}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.dataDirectory",
            defaultValue = "${settings.localRepository}/.cache/fashionmnist")
    File dataDirectory;

    /**
     * Base URLs of mirrors, tried in order before system copies and the official URLs.
     * <p>
     * Each is an {@code http://}, {@code https://} or {@code file:} URL of a folder that holds the files under their
     * standard names ({@code train-images-idx3-ubyte.gz} and so on, with or without {@code .gz}); a URL with another
     * scheme, or an http(s) URL without a host, stops the goal. A file that fails (missing, wrong checksum, broken
     * transfer) is reported and the next source tried. In Maven's offline mode ({@code -o}) only {@code file:}
     * mirrors are used. In the POM a list, {@code <mirrors><mirror>https://mirror.example.com/fashion-mnist/</mirror>
     * </mirrors>}; on the command line comma-separated. Default: none. Example:
     * {@code -Dfashionmnist.mirrors=file:///srv/datasets/fashion-mnist/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.mirrors")
    List<String> mirrors;

    /**
     * For a custom dataset: the class names in label order, comma-separated.
     * <p>
     * The first name is label 0. From 2 to 256 names, each non-empty and different from the others; the labels file
     * must not hold a label beyond them. Not allowed with {@code fashion-mnist} or {@code mnist}, which know their
     * classes. Default: none. Example: {@code -Dfashionmnist.classNames=cat,dog,bird}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.classNames")
    String classNames;

    /**
     * For a custom dataset: the SHA-256 of each decoded file, by standard file name without {@code .gz}.
     * <p>
     * The keys are {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
     * and {@code t10k-labels-idx1-ubyte}; each value is 64 hexadecimal digits, the SHA-256 of the uncompressed IDX
     * file ({@code sha256sum}). An unknown key or a malformed value stops the goal. With all four pinned, a custom set
     * may come from an http(s) mirror; without, see {@code allowUnverified}. Not allowed with the built-in datasets.
     * POM only (a map has no user property), e.g.
     * {@code <checksums><train-images-idx3-ubyte>9f86d0...</train-images-idx3-ubyte>...</checksums>}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> checksums;

    /**
     * Accepts a custom dataset from an http(s) mirror without {@code checksums}: {@code true} or {@code false}.
     * <p>
     * Without it such a set is refused before anything is downloaded, as nothing could tell a tampered or truncated
     * download from the real files; a set from {@code file:} mirrors needs no checksums. Default: {@code false}.
     * Example: {@code -Dfashionmnist.allowUnverified=true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.allowUnverified", defaultValue = "false")
    boolean allowUnverified;

    /**
     * Uses known system copies of a dataset: {@code true} or {@code false}.
     * <p>
     * Debian's package {@code dataset-fashion-mnist} installs Fashion-MNIST under
     * {@code /usr/share/datasets/fashion-mnist}; where it is there, it is used after the mirrors and before the
     * official URLs, verified like a download (by the SHA-256 of the decoded files, as the package recompresses
     * them). {@code false} ignores it. Default: {@code true}. Example: {@code -Dfashionmnist.systemCopies=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.systemCopies", defaultValue = "true")
    boolean systemCopies;

    /**
     * Seconds to wait for a connection to a download server or proxy.
     * <p>
     * A whole number above 0; 0 or less stops the goal. A timeout is retried (see {@code downloadRetries}). Default:
     * {@code 30}. Example: {@code -Dfashionmnist.connectTimeout=10}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.connectTimeout", defaultValue = "30")
    int connectTimeout;

    /**
     * Seconds to wait for data on an open connection.
     * <p>
     * A whole number above 0; 0 or less stops the goal. It bounds each wait for the next bytes, not the whole
     * download. A timeout is retried (see {@code downloadRetries}). Default: {@code 60}. Example:
     * {@code -Dfashionmnist.readTimeout=120}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.readTimeout", defaultValue = "60")
    int readTimeout;

    /**
     * How often a download is retried per URL after a timeout, a 5xx answer or a broken transfer.
     * <p>
     * A whole number from 0 (one try, no retry); a negative one stops the goal. HTTP 408 and 429 count as well. The
     * first retry waits 1 second, each further one twice as long as the one before (1, 2, 4 seconds for the default).
     * Other failures (a 404, a wrong checksum) are not retried: the next source is tried instead. Default:
     * {@code 3}. Example: {@code -Dfashionmnist.downloadRetries=0}.
     *
     * @since 0.1.0
     */
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
