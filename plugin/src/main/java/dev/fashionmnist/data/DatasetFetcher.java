package dev.fashionmnist.data;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.io.FileWriteException;
import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
    private final VerifiedFiles verified;

    /** A fetcher that hashes every cached file it uses. */
    public DatasetFetcher(FetchSettings settings, BuildLog log) {
        this(settings, log, new VerifiedFiles());
    }

    /** A fetcher that skips hashing the cached files {@code verified} knows as verified and unchanged. */
    public DatasetFetcher(FetchSettings settings, BuildLog log, VerifiedFiles verified) {
        this.settings = settings;
        this.log = log;
        this.http = new HttpDownloader(settings, log);
        this.verified = verified;
    }

    /** The folder of the cache that holds {@code spec}'s files. */
    public Path cacheDirectory(DatasetSpec spec) {
        return settings.dataDirectory().resolve(spec.name()).toAbsolutePath().normalize();
    }

    public DatasetFiles fetch(DatasetSpec spec) {
        checkVerifiable(spec);
        Path dir = cacheDirectory(spec);
        List<DataSource> sources = sources(spec);
        try (FolderLock lock = FolderLock.acquire(dir, null,
                holder -> log.info(Messages.of("data.lock.waiting", holder, dir)))) {
            return fetchLocked(spec, dir, sources);
        } catch (FileWriteException e) {
            throw new DatasetException(Messages.of("data.cache.writeFailed", e.message()));
        } catch (AccessDeniedException e) {
            throw new DatasetException(Messages.of("data.cache.notWritable", dir, e.getFile()));
        } catch (IOException e) {
            throw new DatasetException(Messages.of("data.cache.unusable", dir, FileWriteException.reason(e)));
        }
    }

    /**
     * Finds each file in the cache or stages it from a source, checks the four files against each other, and only
     * then commits the staged ones to the cache. When the check fails, nothing staged is kept, and cached files
     * whose only proof is their recorded checksum are removed, so that the next run fetches them afresh. When a
     * file cannot be fetched at all, the staged files that match a published checksum are kept (they are right
     * whatever the others hold, and need no second download).
     */
    private DatasetFiles fetchLocked(DatasetSpec spec, Path dir, List<DataSource> sources) throws IOException {
        long start = System.nanoTime();
        Map<DatasetFile, Candidate> candidates = new EnumMap<>(DatasetFile.class);
        try {
            for (DatasetFile file : DatasetFile.values()) {
                try {
                    candidates.put(file, ensure(spec, file, dir, sources));
                } catch (DatasetException e) {
                    for (Candidate c : candidates.values()) {
                        if (c.staged() && spec.isPinned(c.file())) {
                            commit(c, dir); // matches a published checksum: right whatever the other files hold
                        }
                    }
                    throw e;
                }
            }
            crossCheck(spec, candidates);
            Map<DatasetFile, Path> paths = new EnumMap<>(DatasetFile.class);
            Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
            Map<Message, Integer> origins = new LinkedHashMap<>();
            for (Candidate c : candidates.values()) {
                Message origin;
                if (c.staged()) {
                    commit(c, dir);
                    origin = Messages.of("data.origin.source", c.source().description());
                } else if (c.verifiedBefore()) {
                    origin = Messages.of("data.origin.earlier");
                } else {
                    origin = Messages.of("data.origin.cache");
                }
                log.debug(c.file().fileName() + ": verified " + origin);
                origins.merge(origin, 1, Integer::sum);
                paths.put(c.file(), dir.resolve(c.file().fileName()));
                sha.put(c.file(), c.sha256());
            }
            Message summary = verifiedSummary(spec.name(), origins, (System.nanoTime() - start) / 1e9);
            if (candidates.values().stream().allMatch(Candidate::verifiedBefore)) {
                log.debug(summary.toString()); // the build's first goal said it already
            } else {
                log.info(summary);
            }
            return new DatasetFiles(spec, dir, paths, sha);
        } finally {
            for (Candidate c : candidates.values()) {
                if (c.staged()) {
                    Files.deleteIfExists(c.path());
                }
            }
        }
    }

    /**
     * One line for a verified dataset: {@code fashion-mnist: 4 files verified from the cache in 0.5 s}, or with
     * several origins {@code ... 4 files verified (2 from the cache, 2 from mirror https://...) in 3.1 s}.
     */
    static Message verifiedSummary(String dataset, Map<Message, Integer> origins, double seconds) {
        int files = origins.values().stream().mapToInt(Integer::intValue).sum();
        if (origins.size() == 1) {
            return Messages.of("data.verified", dataset, files, origins.keySet().iterator().next(), seconds);
        }
        List<Message> parts = origins.entrySet().stream()
                .map(e -> Messages.of("data.verified.part", e.getValue(), e.getKey())).toList();
        return Messages.of("data.verified", dataset, files,
                Messages.of("data.verified.several", Message.joined(", ", parts)), seconds);
    }

    /** Renames a staged file into the cache and records its checksum beside it. */
    private void commit(Candidate staged, Path dir) throws FileWriteException {
        Path target = dir.resolve(staged.file().fileName());
        AtomicFiles.move(staged.path(), target);
        try {
            verified.remember(target, VerifiedFiles.stateOf(target), staged.sha256());
        } catch (IOException e) {
            // not remembered: the next goal hashes it again
        }
        AtomicFiles.writeString(sidecar(target), staged.sha256() + "  " + staged.file().fileName() + "\n");
    }

    /**
     * One file ready for the dataset: a verified copy in the cache (hashed now, or {@code verifiedBefore} by an
     * earlier goal of this build), or a verified download staged beside it.
     */
    private record Candidate(DatasetFile file, Path path, String sha256, boolean staged, Object origin,
                             DataSource source, boolean verifiedBefore) {
    }

    private void crossCheck(DatasetSpec spec, Map<DatasetFile, Candidate> candidates) throws IOException {
        Map<DatasetFile, int[]> dims = new EnumMap<>(DatasetFile.class);
        Map<DatasetFile, Object> names = new EnumMap<>(DatasetFile.class);
        for (Candidate c : candidates.values()) {
            dims.put(c.file(), IdxDecoder.readHeader(c.path(), c.file().isImages() ? 3 : 1).dims());
            names.put(c.file(), c.origin());
        }
        try {
            DatasetConsistency.check(dims, names);
        } catch (IdxFormatException e) {
            List<String> removed = new ArrayList<>();
            for (Candidate c : candidates.values()) {
                if (!c.staged() && !spec.isPinned(c.file())) {
                    Files.deleteIfExists(sidecar(c.path()));
                    Files.deleteIfExists(c.path());
                    removed.add(c.file().fileName());
                }
            }
            throw new DatasetException(removed.isEmpty()
                    ? Messages.of("data.inconsistent", spec.name(), e.message())
                    : Messages.of("data.inconsistent.removed", spec.name(), e.message(), String.join(", ", removed)));
        }
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
                throw new DatasetException(Messages.of("data.unverified", spec.name(), mirror));
            }
        }
    }

    private Candidate ensure(DatasetSpec spec, DatasetFile file, Path dir, List<DataSource> sources)
            throws IOException {
        Path target = dir.resolve(file.fileName());
        Candidate cached = verifiedCacheHit(spec, file, target);
        if (cached != null) {
            return cached;
        }
        List<Message> failures = new ArrayList<>();
        for (DataSource source : sources) {
            if (settings.offline() && !source.isLocal()) {
                failures.add(Messages.of("data.source.offline", source.description()));
                continue;
            }
            try {
                return fetchFrom(source, spec, file, target);
            } catch (FetchFailure f) {
                failures.add(Messages.of("data.source.failed", source.description(), f.reason()));
                if (f.isNotFound()) {
                    log.info(Messages.of("data.source.notFound.next", source.description(), f.reason()));
                } else {
                    log.warn(Messages.of("data.source.failed.next", source.description(), file.fileName(),
                            f.reason()));
                }
            }
        }
        throw new DatasetException(noSourceMessage(spec, file, dir, failures));
    }

    private Message noSourceMessage(DatasetSpec spec, DatasetFile file, Path dir, List<Message> failures) {
        if (failures.isEmpty()) {
            return Messages.of("data.noSource.none", file.fileName(), spec.name(), dir, DatasetFile.allFileNames());
        }
        Message tried = Message.joined("\n  - ", failures);
        Message hint;
        if (!settings.offline()) {
            hint = Messages.of("data.noSource.online");
        } else if (spec.systemCopies().isEmpty()) {
            hint = Messages.of("data.noSource.offline");
        } else if (settings.useSystemCopies()) {
            hint = Messages.of("data.noSource.offline.debian");
        } else {
            // the system copy is switched off: installing the package would not help, switching it on might
            Path present = spec.systemCopies().stream().filter(Files::isDirectory).findFirst().orElse(null);
            hint = present == null ? Messages.of("data.noSource.offline")
                    : Messages.of("data.noSource.offline.systemCopiesOff", present);
        }
        return Messages.of("data.noSource.tried", file.fileName(), spec.name(), dir, tried, hint);
    }

    /**
     * The cache's copy when it verifies (or was verified earlier in this build and is unchanged), else {@code null}.
     */
    private Candidate verifiedCacheHit(DatasetSpec spec, DatasetFile file, Path target) throws IOException {
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
            log.info(Messages.of("data.cache.noChecksum", target));
            return null;
        }
        Message origin = Messages.of("data.cache.origin", target);
        if (verified.verifiedBefore(target, expected)) {
            return new Candidate(file, target, expected, false, origin, null, true);
        }
        VerifiedFiles.State state = VerifiedFiles.stateOf(target);
        String actual = Digests.sha256(target);
        if (actual.equals(expected)) {
            verified.remember(target, state, actual);
            return new Candidate(file, target, actual, false, origin, null, false);
        }
        log.warn(Messages.of("data.cache.mismatch", target, actual, expected));
        return null;
    }

    private static Path sidecar(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }

    /** Fetches, decodes and verifies {@code file} from {@code source} into a staged file beside {@code target}. */
    private Candidate fetchFrom(DataSource source, DatasetSpec spec, DatasetFile file, Path target)
            throws FetchFailure, IOException {
        Path download = AtomicFiles.tempFileFor(target);
        Path payload = AtomicFiles.tempFileFor(target);
        boolean staged = false;
        try {
            Fetched fetched = fetchAny(source, file, download, target);
            String archiveMd5 = Digests.md5(fetched.path());
            String sha = decodeInto(fetched, file, payload, target);
            verify(spec, file, sha, archiveMd5);
            try {
                if (file.isImages()) {
                    IdxDecoder.readImages(payload);
                } else {
                    IdxDecoder.readLabels(payload, spec.classCount());
                }
            } catch (IdxFormatException e) {
                throw FetchFailure.failed(Messages.of("data.fetch.notIdx", naming(e.message(), payload,
                        fetched.name())));
            }
            staged = true;
            return new Candidate(file, payload, sha, true, fetched.name(), source, false);
        } finally {
            Files.deleteIfExists(download);
            if (!staged) {
                Files.deleteIfExists(payload);
            }
        }
    }

    /** The bytes of one file as fetched: where they are now, and the URL or path they came from. */
    private record Fetched(Path path, String name) {
    }

    /** Fetches {@code name.gz} or else {@code name}; returns the local file holding the bytes. */
    private Fetched fetchAny(DataSource source, DatasetFile file, Path download, Path target)
            throws FetchFailure, FileWriteException {
        List<Object> missing = new ArrayList<>();
        for (String name : List.of(file.gzipName(), file.fileName())) {
            URI uri = source.resolve(name);
            if (source.isLocal()) {
                Path local = Path.of(uri);
                if (Files.isRegularFile(local)) {
                    if (!Files.isReadable(local)) {
                        throw FetchFailure.failed(Messages.of("data.fetch.unreadable", local));
                    }
                    return new Fetched(local, local.toString());
                }
                missing.add(name);
            } else {
                try {
                    http.download(uri, download, target);
                    return new Fetched(download, uri.toString());
                } catch (FetchFailure f) {
                    if (!f.isNotFound()) {
                        throw FetchFailure.failed(Messages.of("data.fetch.failed", name, f.reason()));
                    }
                    missing.add(Messages.of("data.fetch.missing.why", name, f.reason()));
                }
            }
        }
        throw FetchFailure.notFound(Messages.of("data.fetch.notFound", Message.joined(", ", missing)));
    }

    /**
     * Writes the decoded (gunzipped if needed) bytes of {@code fetched} to {@code payload}; returns their SHA-256.
     * The IDX header is read first and says how many bytes the file must decode to; decoding stops as soon as more
     * arrive (a gzip bomb never fills the disk), and a header that promises more than {@link
     * IdxDecoder#MAX_DATA_BYTES} is refused before anything is written.
     */
    private static String decodeInto(Fetched fetched, DatasetFile file, Path payload, Path target)
            throws IOException, FetchFailure {
        MessageDigest sha = Digests.sha256();
        boolean gzip = IdxDecoder.isGzip(fetched.path());
        try (InputStream raw = Files.newInputStream(fetched.path());
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
            IdxHeader header;
            try {
                header = IdxDecoder.readHeader(in, fetched.name(), file.isImages() ? 3 : 1);
            } catch (IdxFormatException e) {
                throw FetchFailure.failed(Messages.of("data.fetch.notIdx", e.message()));
            }
            try (OutputStream out = AtomicFiles.newOutputStream(payload, target)) {
                byte[] head = header.bytes();
                sha.update(head);
                out.write(head);
                long left = header.dataBytes();
                byte[] buffer = new byte[1 << 16];
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw FetchFailure.failed(Messages.of("data.fetch.truncated", fetched.name(),
                                header.fileBytes() - left, header.shape(), header.fileBytes()));
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            if (in.read() >= 0) {
                throw FetchFailure.failed(gzip
                        ? Messages.of("data.fetch.inflatesPast", fetched.name(), header.fileBytes(), header.shape())
                        : Messages.of("data.fetch.longerPast", fetched.name(), header.fileBytes(), header.shape()));
            }
        } catch (ZipException | EOFException e) {
            throw FetchFailure.failed(Messages.of("data.fetch.corruptGzip", fetched.name(), e.getMessage()));
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
        if (expectedMd5 == null) {
            throw FetchFailure.failed(Messages.of("data.checksum.sha", sha, expectedSha));
        }
        if (expectedSha == null) {
            throw FetchFailure.failed(Messages.of("data.checksum.md5", archiveMd5, expectedMd5));
        }
        throw FetchFailure.failed(Messages.of("data.checksum.both", sha, expectedSha, archiveMd5, expectedMd5));
    }

    /** {@code message} with {@code file} (a temporary file the user never sees) named as {@code name} instead. */
    private static Message naming(Message message, Path file, String name) {
        Object[] args = message.args();
        for (int i = 0; i < args.length; i++) {
            if (file.equals(args[i]) || file.toString().equals(args[i])) {
                args[i] = name;
            }
        }
        return new Message(message.bundle(), message.key(), args);
    }
}
