package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** One place the dataset files may come from: a configured mirror, a known system copy, or the official site. */
public record DataSource(Kind kind, URI base) {

    public enum Kind {
        MIRROR, SYSTEM_COPY, OFFICIAL
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
            throw new DatasetException(Messages.of("data.url.invalid", parameter, value));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new DatasetException(Messages.of("data.url.scheme", parameter, value));
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new DatasetException(Messages.of("data.url.noHost", parameter, value));
        }
        return uri;
    }

    /** How messages name it: "mirror https://host/path/", "system copy /usr/share/datasets/fashion-mnist". */
    public Message description() {
        String where = isLocal() ? Path.of(base).toString() : base.toString();
        return switch (kind) {
            case MIRROR -> Messages.of("data.source.mirror", where);
            case SYSTEM_COPY -> Messages.of("data.source.systemCopy", where);
            case OFFICIAL -> Messages.of("data.source.official", where);
        };
    }

    @Override
    public String toString() {
        return description().toString();
    }
}
