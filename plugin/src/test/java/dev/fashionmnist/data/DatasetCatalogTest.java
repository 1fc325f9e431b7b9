package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    private static String error(Runnable r) {
        return assertThrows(DatasetException.class, r::run).getMessage();
    }

    @Test
    void fashionMnistIsBuiltInWithItsClassesChecksumsAndDebianCopy() {
        DatasetSpec spec = DatasetCatalog.resolve("fashion-mnist", null, null);
        assertEquals(10, spec.classCount());
        assertEquals("T-shirt/top", spec.classNames().get(0));
        assertEquals("Ankle boot", spec.classNames().get(9));
        assertEquals(List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
                spec.officialBaseUrls());
        assertEquals("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                spec.payloadSha256().get(DatasetFile.TRAIN_IMAGES));
        assertEquals("bb300cfdad3c16e7a12a480ee83cd310", spec.archiveMd5().get(DatasetFile.TEST_LABELS));
        assertEquals(List.of(DatasetCatalog.DEBIAN_FASHION_MNIST), spec.systemCopies());
        assertTrue(spec.isFullyPinned());
    }

    @Test
    void mnistHasTwoOfficialUrlsInOrderAndArchiveMd5s() {
        DatasetSpec spec = DatasetCatalog.resolve("MNIST", List.of(), Map.of());
        assertEquals("mnist", spec.name());
        assertEquals(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"), spec.officialBaseUrls().get(0));
        assertEquals(URI.create("http://yann.lecun.com/exdb/mnist/"), spec.officialBaseUrls().get(1));
        assertEquals("f68b3c2dcbeaaa9fbdd348bbdeb94873", spec.archiveMd5().get(DatasetFile.TRAIN_IMAGES));
        assertTrue(spec.isFullyPinned());
    }

    @Test
    void customSetTakesClassNamesAndChecksums() {
        String hex = "AB".repeat(32);
        DatasetSpec spec = DatasetCatalog.resolve("my-set", List.of("cat", " dog "),
                Map.of("train-images-idx3-ubyte", hex));
        assertEquals(List.of("cat", "dog"), spec.classNames());
        assertEquals(hex.toLowerCase(Locale.ROOT), spec.payloadSha256().get(DatasetFile.TRAIN_IMAGES));
        assertTrue(spec.isPinned(DatasetFile.TRAIN_IMAGES));
        assertTrue(!spec.isPinned(DatasetFile.TEST_IMAGES));
    }

    @Test
    void didYouMeanInBothLanguages() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetCatalog.resolve("fashion-mnst", null, null));
        assertEquals("Parameter 'dataset' is 'fashion-mnst': did you mean fashion-mnist? Any name other than "
                + "fashion-mnist and mnist is a custom set of four IDX files, which needs 'classNames'",
                e.getMessage());
        assertEquals("Parameter 'dataset' ist 'fashion-mnst': meintest Du fashion-mnist? Jeder andere Name als "
                + "fashion-mnist und mnist ist ein eigener Satz aus vier IDX-Dateien und braucht 'classNames'",
                Messages.of(e, Language.GERMAN));
    }

    @Test
    void badConfigurationNamesTheParameter() {
        assertTrue(error(() -> DatasetCatalog.resolve(" ", null, null)).contains("'dataset' is empty"));
        assertTrue(error(() -> DatasetCatalog.resolve("my-set", null, null)).contains("'classNames' is missing"));
        assertTrue(error(() -> DatasetCatalog.resolve("fashion-mnst", null, null))
                .startsWith("Parameter 'dataset' is 'fashion-mnst': did you mean fashion-mnist?"));
        assertTrue(error(() -> DatasetCatalog.resolve("mnst", null, null)).contains("did you mean mnist?"));
        assertTrue(error(() -> DatasetCatalog.resolve("my-set", null, null)).indexOf("did you mean") < 0);
        assertTrue(error(() -> DatasetCatalog.resolve("../etc", List.of("a", "b"), null)).contains("letters, digits"));
        assertTrue(error(() -> DatasetCatalog.resolve("s", List.of("a"), null)).contains("between 2 and 256"));
        assertTrue(error(() -> DatasetCatalog.resolve("s", List.of("a", "a"), null)).contains("twice"));
        assertTrue(error(() -> DatasetCatalog.resolve("s", List.of("a", ""), null)).contains("empty class name"));
        assertTrue(error(() -> DatasetCatalog.resolve("fashion-mnist", List.of("a", "b"), null))
                .contains("built-in fashion-mnist"));
        String m = error(() -> DatasetCatalog.resolve("s", List.of("a", "b"), Map.of("train-images", "00")));
        assertTrue(m.contains("'checksums' has key 'train-images'") && m.contains("t10k-labels-idx1-ubyte"), m);
        m = error(() -> DatasetCatalog.resolve("s", List.of("a", "b"), Map.of("t10k-labels-idx1-ubyte.gz", "xyz")));
        assertTrue(m.contains("64 hex digits"), m);
    }

    @Test
    void mirrorUrlsAreCheckedAndNormalised() {
        assertEquals(URI.create("https://host/data/"), DataSource.parseBase("https://host/data", "mirrors"));
        assertEquals(URI.create("file:///srv/data/"), DataSource.parseBase(" file:///srv/data/ ", "mirrors"));
        assertTrue(error(() -> DataSource.parseBase("ftp://host/x", "mirrors")).contains("only http, https and file"));
        assertTrue(error(() -> DataSource.parseBase("not a url", "mirrors")).contains("'mirrors'"));
        assertTrue(error(() -> DataSource.parseBase("http:///path", "mirrors")).contains("no host"));
    }
}
