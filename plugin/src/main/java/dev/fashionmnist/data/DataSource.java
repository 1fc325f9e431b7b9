package dev.fashionmnist.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** One place the dataset files may come from: a configured mirror, a known system copy, or the official site. */
public record DataSource(Kind kind, URI base) {

    public enum Kind {
        MIRROR("mirror"), SYSTEM_COPY("system copy"), OFFICIAL("official");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static DataSource systemCopy(Path directory) {
        return new DataSource(Kind.SYSTEM_COPY, directory.toUri());
    }

    /** True for {@code file:} sources, which are read from disk and need no network. */
    public boolean isLocal() {
        return "file".equalsIgnoreCase(base.getScheme());
    }

    /** The address of one file below this source's base. */
    public URI resolve(String fileName) {
        return base.resolve(fileName);
    }

    /**
     * Parses a user-given base URL (http, https or file), making sure it ends with '/', so that file names resolve
     * below it. Throws a message naming {@code parameter} when it is not one of those.
     */
    public static URI parseBase(String text, String parameter) {
        String value = text.trim();
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new DatasetException("Parameter '" + parameter + "' has '" + value + "', which is not a URL: use "
                    + "http://host/path/, https://host/path/ or file:///path/to/folder/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new DatasetException("Parameter '" + parameter + "' has '" + value + "': only http, https and file "
                    + "URLs are supported, e.g. https://host/path/ or file:///path/to/folder/");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new DatasetException("Parameter '" + parameter + "' has '" + value + "', which names no host: "
                    + "use e.g. https://host/path/");
        }
        return uri;
    }

    @Override
    public String toString() {
        return kind.label + " " + (isLocal() ? Path.of(base).toString() : base.toString());
    }
}
