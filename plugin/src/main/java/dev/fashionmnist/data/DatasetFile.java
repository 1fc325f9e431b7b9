package dev.fashionmnist.data;

/** The four standard IDX files of an MNIST-style dataset, by their standard (uncompressed) names. */
public enum DatasetFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", true, true),
    TRAIN_LABELS("train-labels-idx1-ubyte", false, true),
    TEST_IMAGES("t10k-images-idx3-ubyte", true, false),
    TEST_LABELS("t10k-labels-idx1-ubyte", false, false);

    private final String fileName;
    private final boolean images;
    private final boolean train;

    DatasetFile(String fileName, boolean images, boolean train) {
        this.fileName = fileName;
        this.images = images;
        this.train = train;
    }

    /** The standard name without {@code .gz}, e.g. {@code train-images-idx3-ubyte}. */
    public String fileName() {
        return fileName;
    }

    public String gzipName() {
        return fileName + ".gz";
    }

    public boolean isImages() {
        return images;
    }

    public boolean isTrain() {
        return train;
    }

    /** The file with this standard name, or {@code null}. Accepts the name with or without {@code .gz}. */
    public static DatasetFile byFileName(String name) {
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        for (DatasetFile f : values()) {
            if (f.fileName.equals(plain)) {
                return f;
            }
        }
        return null;
    }

    public static String allFileNames() {
        StringBuilder names = new StringBuilder();
        for (DatasetFile f : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(f.fileName);
        }
        return names.toString();
    }
}
