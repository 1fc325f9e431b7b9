package dev.fashionmnist.data;

import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.NearestName;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The built-in datasets (Fashion-MNIST, MNIST) and the rules for a custom set of four IDX files. */
public final class DatasetCatalog {
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String MNIST = "mnist";

    /** Where Debian's package {@code dataset-fashion-mnist} installs the real Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private DatasetCatalog() {
    }

    public static DatasetSpec fashionMnist() {
        return new DatasetSpec(FASHION_MNIST, true,
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"),
                List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
                files("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
                files("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                        "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
                List.of(DEBIAN_FASHION_MNIST));
    }

    public static DatasetSpec mnist() {
        return new DatasetSpec(MNIST, true,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                        URI.create("http://yann.lecun.com/exdb/mnist/")),
                Map.of(),
                files("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                        "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
                List.of());
    }

    /**
     * The dataset a user configured. {@code fashion-mnist} and {@code mnist} are built in; any other name is a custom
     * set, which needs {@code classNames} and may pin its files with {@code checksums} (standard file name without
     * {@code .gz} → SHA-256 of the decoded file).
     */
    public static DatasetSpec resolve(String name, List<String> classNames, Map<String, String> checksums) {
        if (name == null || name.isBlank()) {
            throw new DatasetException(Messages.of("data.dataset.empty"));
        }
        String key = name.trim();
        boolean hasClassNames = classNames != null && !classNames.isEmpty();
        boolean hasChecksums = checksums != null && !checksums.isEmpty();
        if (key.equalsIgnoreCase(FASHION_MNIST) || key.equalsIgnoreCase(MNIST)) {
            if (hasClassNames || hasChecksums) {
                throw new DatasetException(Messages.of("data.dataset.builtInCustomized", key.toLowerCase(Locale.ROOT)));
            }
            return key.equalsIgnoreCase(FASHION_MNIST) ? fashionMnist() : mnist();
        }
        if (!SAFE_NAME.matcher(key).matches()) {
            throw new DatasetException(Messages.of("data.dataset.unsafeName", name));
        }
        if (!hasClassNames) {
            Optional<String> meant = NearestName.among(key, List.of(FASHION_MNIST, MNIST));
            if (meant.isPresent()) {
                throw new DatasetException(Messages.of("data.dataset.didYouMean", key, meant.get()));
            }
            throw new DatasetException(Messages.of("data.classNames.missing", key));
        }
        List<String> names = new ArrayList<>();
        for (String c : classNames) {
            String trimmed = c.trim();
            if (trimmed.isEmpty()) {
                throw new DatasetException(Messages.of("data.classNames.empty"));
            }
            if (names.contains(trimmed)) {
                throw new DatasetException(Messages.of("data.classNames.twice", trimmed));
            }
            names.add(trimmed);
        }
        if (names.size() < 2 || names.size() > 256) {
            throw new DatasetException(Messages.of("data.classNames.count", names.size()));
        }
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        if (hasChecksums) {
            for (Map.Entry<String, String> e : checksums.entrySet()) {
                DatasetFile file = DatasetFile.byFileName(e.getKey().trim());
                if (file == null) {
                    throw new DatasetException(Messages.of("data.checksums.key", e.getKey(),
                            DatasetFile.allFileNames()));
                }
                String value = e.getValue() == null ? "" : e.getValue().trim();
                if (!SHA256.matcher(value).matches()) {
                    throw new DatasetException(Messages.of("data.checksums.value", file.fileName(), value));
                }
                sha.put(file, value.toLowerCase(Locale.ROOT));
            }
        }
        return new DatasetSpec(key, false, names, List.of(), sha, Map.of(), List.of());
    }

    private static Map<DatasetFile, String> files(String trainImages, String trainLabels, String testImages,
                                                  String testLabels) {
        Map<DatasetFile, String> m = new EnumMap<>(DatasetFile.class);
        m.put(DatasetFile.TRAIN_IMAGES, trainImages);
        m.put(DatasetFile.TRAIN_LABELS, trainLabels);
        m.put(DatasetFile.TEST_IMAGES, testImages);
        m.put(DatasetFile.TEST_LABELS, testLabels);
        return m;
    }
}
