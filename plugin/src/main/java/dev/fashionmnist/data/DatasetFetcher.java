package dev.fashionmnist.data;

import dev.fashionmnist.report.BuildLog;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Makes the four files of a dataset available, verified, in the shared cache. Sources are tried in order: the
 * verified cache, the configured mirrors, known system copies, the official URLs. A file is downloaded into a
 * temporary file in the cache, decoded, verified (SHA-256 of the decoded IDX bytes, or the official archive MD5),
 * checked as IDX, and only then renamed into place. A source that fails is reported and the next one tried.
 */
public final class DatasetFetcher {
    private final FetchSettings settings;
    private final BuildLog log;
    private final HttpDownloader http;

    public DatasetFetcher(FetchSettings settings, BuildLog log) {
        this.settings = settings;
        this.log = log;
        this.http = new HttpDownloader(settings, log);
    }

    /** The folder of the cache that holds {@code spec}'s files. */
    public Path cacheDirectory(DatasetSpec spec) {
        return settings.dataDirectory().resolve(spec.name()).toAbsolutePath().normalize();
    }

    public DatasetFiles fetch(DatasetSpec spec) {
        checkVerifiable(spec);
        Path dir = cacheDirectory(spec);
        List<DataSource> sources = sources(spec);
        Map<DatasetFile, Path> paths = new EnumMap<>(DatasetFile.class);
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        try (FolderLock lock = FolderLock.acquire(dir, null,
                holder -> log.info("Waiting for " + holder + " to finish downloading into " + dir))) {
            for (DatasetFile file : DatasetFile.values()) {
                sha.put(file, ensure(spec, file, dir, sources));
                paths.put(file, dir.resolve(file.fileName()));
            }
        } catch (AccessDeniedException e) {
            throw new DatasetException("Parameter 'dataDirectory': the data cache " + dir + " is not writable ("
                    + e.getFile() + "): choose a folder you can write, e.g. -Dfashionmnist.dataDirectory=/tmp/data");
        } catch (FileSystemException e) {
            throw new DatasetException("Parameter 'dataDirectory': the data cache " + dir + " cannot be used: "
                    + e.getMessage() + ". Choose a writable folder with -Dfashionmnist.dataDirectory=...");
        } catch (IOException e) {
            throw new DatasetException("Parameter 'dataDirectory': the data cache " + dir + " cannot be used: " + e
                    + ". Choose a writable folder with -Dfashionmnist.dataDirectory=...");
        }
        return new DatasetFiles(spec, dir, paths, sha);
    }

    /** The sources for {@code spec}, in the order they are tried after the cache. */
    public List<DataSource> sources(DatasetSpec spec) {
        List<DataSource> sources = new ArrayList<>();
        for (URI mirror : settings.mirrors()) {
            sources.add(new DataSource(DataSource.Kind.MIRROR, mirror));
        }
        if (settings.useSystemCopies()) {
            for (Path copy : spec.systemCopies()) {
                if (Files.isDirectory(copy)) {
                    sources.add(DataSource.systemCopy(copy));
                }
            }
        }
        for (URI official : spec.officialBaseUrls()) {
            sources.add(new DataSource(DataSource.Kind.OFFICIAL, official));
        }
        return sources;
    }

    private void checkVerifiable(DatasetSpec spec) {
        if (spec.isFullyPinned() || settings.allowUnverified()) {
            return;
        }
        for (URI mirror : settings.mirrors()) {
            if (!"file".equalsIgnoreCase(mirror.getScheme())) {
                throw new DatasetException("Dataset '" + spec.name() + "' would be fetched over the network from "
                        + mirror + " without checksums to verify it: set 'checksums' (standard file name without "
                        + ".gz -> SHA-256 of the decoded file) for all four files, or set 'allowUnverified' "
                        + "(-Dfashionmnist.allowUnverified=true) to accept unverified downloads");
            }
        }
    }

    private String ensure(DatasetSpec spec, DatasetFile file, Path dir, List<DataSource> sources) throws IOException {
        Path target = dir.resolve(file.fileName());
        String cached = verifiedCacheHit(spec, file, target);
        if (cached != null) {
            log.info(file.fileName() + ": verified, from the cache");
            return cached;
        }
        List<String> failures = new ArrayList<>();
        for (DataSource source : sources) {
            if (settings.offline() && !source.isLocal()) {
                failures.add(source + ": skipped, Maven is offline (-o)");
                continue;
            }
            try {
                String sha = fetchFrom(source, spec, file, target);
                log.info(file.fileName() + ": verified, from " + source);
                return sha;
            } catch (FetchFailure f) {
                failures.add(source + ": " + f.getMessage());
                if (f.isNotFound()) {
                    log.info(source + ": " + f.getMessage() + "; trying the next source");
                } else {
                    log.warn(source + ": " + file.fileName() + ": " + f.getMessage() + "; trying the next source");
                }
            }
        }
        throw new DatasetException(noSourceMessage(spec, file, dir, failures));
    }

    private String noSourceMessage(DatasetSpec spec, DatasetFile file, Path dir, List<String> failures) {
        StringBuilder m = new StringBuilder("Could not get ").append(file.fileName()).append(" of dataset '")
                .append(spec.name()).append("': the cache ").append(dir).append(" holds no verified copy");
        if (failures.isEmpty()) {
            m.append(" and no source is configured: '").append(spec.name()).append("' has no official URL, so set "
                    + "'mirrors' (-Dfashionmnist.mirrors=https://host/path/ or file:///folder/) to where its four "
                    + "files live (").append(DatasetFile.allFileNames()).append(", each raw or as .gz)");
            return m.toString();
        }
        m.append(". Sources tried:");
        for (String f : failures) {
            m.append("\n  - ").append(f);
        }
        if (settings.offline()) {
            m.append("\nMaven is offline (-o). To fill the cache: run 'mvn fashionmnist:download-data' once online");
            if (!spec.systemCopies().isEmpty()) {
                m.append(", install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
            }
            m.append(", or point -Dfashionmnist.mirrors at a file:///folder/ holding the four files.");
        } else {
            m.append("\nCheck the network or proxy, or set -Dfashionmnist.mirrors to a reachable mirror or to a "
                    + "file:///folder/ holding the four files.");
        }
        return m.toString();
    }

    /** The decoded file's SHA-256 when the cache holds a copy that verifies, else {@code null}. */
    private String verifiedCacheHit(DatasetSpec spec, DatasetFile file, Path target) throws IOException {
        if (!Files.isRegularFile(target)) {
            return null;
        }
        String expected = spec.payloadSha256().get(file);
        Path sidecar = sidecar(target);
        if (expected == null && Files.isRegularFile(sidecar)) {
            String[] fields = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split("\\s+");
            expected = fields.length > 0 ? fields[0] : null;
        }
        if (expected == null || expected.isEmpty()) {
            log.info(target + " has no recorded checksum; fetching it again");
            return null;
        }
        String actual = Digests.sha256(target);
        if (actual.equals(expected)) {
            return actual;
        }
        log.warn(target + " in the cache fails verification (SHA-256 " + actual + ", expected " + expected
                + "); fetching it again");
        return null;
    }

    private static Path sidecar(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }

    private String fetchFrom(DataSource source, DatasetSpec spec, DatasetFile file, Path target)
            throws FetchFailure, IOException {
        Path download = AtomicFiles.tempFileFor(target);
        Path payload = AtomicFiles.tempFileFor(target);
        try {
            Path fetched = fetchAny(source, file, download);
            String archiveMd5 = Digests.md5(fetched);
            String sha = decodeInto(fetched, payload);
            verify(spec, file, sha, archiveMd5);
            try {
                if (file.isImages()) {
                    IdxDecoder.readImages(payload);
                } else {
                    IdxDecoder.readLabels(payload, spec.classCount());
                }
            } catch (IdxFormatException e) {
                throw FetchFailure.failed("not a valid IDX file: "
                        + e.getMessage().replace(payload.toString(), file.fileName()));
            }
            AtomicFiles.move(payload, target);
            AtomicFiles.writeString(sidecar(target), sha + "  " + file.fileName() + "\n");
            return sha;
        } finally {
            Files.deleteIfExists(download);
            Files.deleteIfExists(payload);
        }
    }

    /** Fetches {@code name.gz} or else {@code name}; returns the local file holding the bytes. */
    private Path fetchAny(DataSource source, DatasetFile file, Path download) throws FetchFailure {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(file.gzipName(), file.fileName())) {
            URI uri = source.resolve(name);
            if (source.isLocal()) {
                Path local = Path.of(uri);
                if (Files.isRegularFile(local)) {
                    if (!Files.isReadable(local)) {
                        throw FetchFailure.failed(local + " is not readable");
                    }
                    return local;
                }
                missing.add(name);
            } else {
                try {
                    http.download(uri, download);
                    return download;
                } catch (FetchFailure f) {
                    if (!f.isNotFound()) {
                        throw FetchFailure.failed(name + ": " + f.getMessage());
                    }
                    missing.add(name + " (" + f.getMessage() + ")");
                }
            }
        }
        throw FetchFailure.notFound("not found: " + String.join(", ", missing));
    }

    /** Writes the decoded (gunzipped if needed) bytes of {@code fetched} to {@code payload}; returns their SHA-256. */
    private static String decodeInto(Path fetched, Path payload) throws IOException, FetchFailure {
        MessageDigest sha = Digests.sha256();
        boolean gzip = IdxDecoder.isGzip(fetched);
        byte[] buffer = new byte[1 << 16];
        try (InputStream raw = Files.newInputStream(fetched);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
             OutputStream out = Files.newOutputStream(payload)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw FetchFailure.failed("corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
        return Digests.hex(sha);
    }

    private void verify(DatasetSpec spec, DatasetFile file, String sha, String archiveMd5) throws FetchFailure {
        String expectedSha = spec.payloadSha256().get(file);
        String expectedMd5 = spec.archiveMd5().get(file);
        if (expectedSha == null && expectedMd5 == null) {
            log.debug(file.fileName() + " of '" + spec.name() + "' has no checksum to verify against");
            return;
        }
        if (sha.equals(expectedSha) || archiveMd5.equals(expectedMd5)) {
            return;
        }
        StringBuilder m = new StringBuilder("checksum mismatch: ");
        if (expectedSha != null) {
            m.append("decoded SHA-256 ").append(sha).append(", expected ").append(expectedSha);
        }
        if (expectedMd5 != null) {
            m.append(expectedSha != null ? "; " : "").append("archive MD5 ").append(archiveMd5)
                    .append(", expected ").append(expectedMd5);
        }
        throw FetchFailure.failed(m.toString());
    }
}
