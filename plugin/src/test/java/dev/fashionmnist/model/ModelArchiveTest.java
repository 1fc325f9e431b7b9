package dev.fashionmnist.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.ModelZip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model zips are unpacked only when they hold exactly what a model directory holds, within size limits counted while
 * inflating; a refused zip names the entry and the reason and leaves nothing unpacked.
 */
class ModelArchiveTest {
    private static final String CARD = "model/model.json";
    private static final String PARAMS = "model/fashionmnist-0000.params";
    private static final ModelZip.Limits SMALL = new ModelZip.Limits(1024, 64 * 1024);

    @TempDir
    Path dir;
    private Path target;

    @BeforeEach
    void setUp() {
        target = dir.resolve("model-artifact").resolve("g_a_1.0");
    }

    /** One zip entry: its name and how many bytes of {@code fill} it holds. */
    private record Entry(String name, long size, byte fill) {
        static Entry of(String name, long size) {
            return new Entry(name, size, (byte) 'x');
        }
    }

    /** A zip written as a stream: the bytes of each entry are generated, never held. */
    private Path zip(String file, List<Entry> entries) throws IOException {
        Path zip = dir.resolve(file);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] chunk = new byte[8192];
            for (Entry e : entries) {
                java.util.Arrays.fill(chunk, e.fill());
                z.putNextEntry(new ZipEntry(e.name()));
                for (long left = e.size(); left > 0; left -= chunk.length) {
                    z.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                z.closeEntry();
            }
        }
        return zip;
    }

    private IOException refused(Path zip, String... parts) {
        IOException e = assertThrows(IOException.class, () -> ModelArchive.unzip(zip, target, SMALL));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
        assertNothingUnpacked();
        return e;
    }

    private void assertNothingUnpacked() {
        assertFalse(Files.exists(target), "nothing unpacked at " + target);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(), s.toList(), "no temporary folder left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aZipOfAModelDirectoryUnpacksAndReplacesAnEarlierOne() throws Exception {
        Path model = Files.createDirectories(dir.resolve("trained"));
        Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1}");
        Files.write(model.resolve("fashionmnist-0000.params"), new byte[] {'D', 'J', 'L', '@', 1, 2, 3});
        Path zip = dir.resolve("model.zip");
        ModelArchive.zip(model, zip);
        Files.createDirectories(target.resolve("model"));
        Files.writeString(target.resolve("model").resolve("stale.txt"), "from an earlier unpack");

        Path unpacked = ModelArchive.unzip(zip, target);
        assertEquals(target.resolve("model"), unpacked);
        try (Stream<Path> s = Files.list(unpacked)) {
            assertEquals(List.of("fashionmnist-0000.params", "model.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(Files.readAllBytes(model.resolve("model.json")),
                Files.readAllBytes(unpacked.resolve("model.json")));
        assertArrayEquals(Files.readAllBytes(model.resolve("fashionmnist-0000.params")),
                Files.readAllBytes(unpacked.resolve("fashionmnist-0000.params")));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList(), "no temporary folder left behind");
        }
    }

    /** A model folder with both files, as train writes it. */
    private Path modelFolder(String name) throws IOException {
        Path model = Files.createDirectories(dir.resolve(name));
        Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1}");
        Files.write(model.resolve("fashionmnist-0000.params"), new byte[] {'D', 'J', 'L', '@', 1, 2, 3});
        return model;
    }

    @Test
    void entriesCarryTheTimesOfTheirFilesNotNineteenSeventy() throws Exception {
        // the file system's clock, which stamps the files (it may lag Instant.now() by a tick across a second)
        Instant before = Files.getLastModifiedTime(Files.createFile(dir.resolve("probe"))).toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
        Path model = modelFolder("trained");
        Path zip = dir.resolve("model.zip");
        ModelArchive.zip(model, zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(2, z.size());
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                Instant time = e.getLastModifiedTime().toInstant();
                Path file = model.resolve(e.getName().substring("model/".length()));
                assertEquals(Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS), time,
                        e.getName());
                assertFalse(time.isBefore(before), e.getName() + ": " + time + " is before the run began at " + before);
            }
        }
    }

    @Test
    void theOutputTimestampIsEveryEntrysTimeWhateverTheFilesAndTheTimeZone() throws Exception {
        Instant timestamp = Instant.parse("2024-05-06T07:08:10Z");
        Path model = modelFolder("trained");
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            ModelArchive.zip(model, first, timestamp);
            for (Path f : List.of(model.resolve("model.json"), model.resolve("fashionmnist-0000.params"))) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2031-01-02T03:04:06Z")));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            ModelArchive.zip(model, second, timestamp);
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "the same model and outputTimestamp give the same bytes in any time zone");
        try (ZipFile z = new ZipFile(first.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 10), e.getTimeLocal(), e.getName());
            }
        }
    }

    @Test
    void tenThousandEntriesAreRefused() throws Exception {
        List<Entry> entries = new java.util.ArrayList<>(List.of(Entry.of(CARD, 10), Entry.of(PARAMS, 10)));
        for (int i = 0; i < 10_000; i++) {
            entries.add(Entry.of("model/f" + i, 1));
        }
        refused(zip("many.zip", entries), "10002 entries", "at most 3");
    }

    @Test
    void anEntryLargerThanItsLimitIsRefusedWhileInflating() throws Exception {
        refused(zip("big-params.zip", List.of(Entry.of(CARD, 10), new Entry(PARAMS, 10L << 20, (byte) 0))),
                "'" + PARAMS + "'", "more than 65536 bytes");
        refused(zip("big-card.zip", List.of(Entry.of(CARD, 1025), Entry.of(PARAMS, 10))),
                "'" + CARD + "'", "more than 1024 bytes");
    }

    @Test
    void theDefaultLimitsLeaveRoomForLargeNetworksAndRefuseGigabytes() {
        assertEquals(1L << 20, ModelZip.Limits.DEFAULT.maxCardBytes());
        assertEquals(512L << 20, ModelZip.Limits.DEFAULT.maxParametersBytes());
    }

    @Test
    void aSizeThatTheZipUnderstatesIsCountedWhileInflating() throws Exception {
        Path zip = zip("lying.zip", List.of(Entry.of(CARD, 10), new Entry(PARAMS, 1L << 20, (byte) 0)));
        // the central directory says the parameters inflate to 100 bytes: patch its uncompressed size
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) { // central directory file header
                int nameLength = b.getShort(i + 28) & 0xFFFF;
                String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals(PARAMS)) {
                    assertEquals(1L << 20, b.getInt(i + 24) & 0xFFFFFFFFL);
                    b.putInt(i + 24, 100);
                    patched++;
                }
            }
        }
        assertEquals(1, patched);
        Files.write(zip, bytes);
        refused(zip, "'" + PARAMS + "'", "more than 65536 bytes");
    }

    @Test
    void zipSlipIsRefusedAndWhatCameBeforeIsNotLeft() throws Exception {
        refused(zip("slip.zip", List.of(Entry.of(CARD, 10), Entry.of("../x", 10))), "'../x'", "refused");
        refused(zip("slip2.zip", List.of(Entry.of(CARD, 10), Entry.of("model/../../x", 10))), "'model/../../x'");
        assertFalse(Files.exists(dir.resolve("x")));
        assertFalse(Files.exists(target.getParent().getParent().resolve("x")));
    }

    @Test
    void anUnexpectedEntryNameIsRefused() throws Exception {
        refused(zip("extra.zip", List.of(Entry.of(CARD, 10), Entry.of(PARAMS, 10), Entry.of("model/run.sh", 10))),
                "'model/run.sh'", "holds only " + CARD + " and " + PARAMS);
        refused(zip("nested.zip", List.of(Entry.of(CARD, 10), Entry.of("model/sub/model.json", 10))),
                "'model/sub/model.json'");
    }

    @Test
    void aZipWithoutParametersOrNotAZipAtAllIsRefused() throws Exception {
        refused(zip("card-only.zip", List.of(Entry.of(CARD, 10))), "holds no " + PARAMS);
        Path notZip = Files.writeString(dir.resolve("not.zip"), "plain text");
        refused(notZip, "not a zip file");
    }

    @Test
    void aRefusedZipLeavesAnEarlierUnpackAsItWas() throws Exception {
        Path earlier = Files.createDirectories(target.resolve("model"));
        Files.writeString(earlier.resolve("model.json"), "{}");
        assertThrows(IOException.class, () -> ModelArchive.unzip(
                zip("slip.zip", List.of(Entry.of(CARD, 10), Entry.of("../x", 10))), target, SMALL));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList(), "no temporary folder left behind");
        }
        assertEquals("{}", Files.readString(earlier.resolve("model.json")));
    }
}
