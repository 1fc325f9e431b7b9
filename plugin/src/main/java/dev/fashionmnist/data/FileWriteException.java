package dev.fashionmnist.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writing a file failed (disk full, read-only folder, a file where a folder should be): the message names the file
 * being written and the reason in the operating system's words, without Java class names, also as
 * {@link #toString()}, so that a caller that appends the exception to its own message shows only that.
 */
public final class FileWriteException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    private FileWriteException(Path file, String reason, IOException cause) {
        super("cannot write " + file + ": " + reason, cause);
        this.file = file;
    }

    /** The failure {@code cause} while writing {@code file}; a failure already worded this way is kept as it is. */
    public static FileWriteException of(Path file, IOException cause) {
        if (cause instanceof FileWriteException f) {
            return f;
        }
        return new FileWriteException(file, reason(cause, file), cause);
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }

    /** What went wrong, in words: the operating system's reason and the path it concerns. */
    static String reason(IOException e) {
        return reason(e, null);
    }

    /**
     * Like {@link #reason(IOException)}, leaving out the path when it is {@code target} or its temporary file (the
     * message names the target already).
     */
    private static String reason(IOException e, Path target) {
        if (e instanceof FileSystemException f && f.getReason() != null && concerns(f.getFile(), target)) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied (" + a.getFile() + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder (" + n.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() != null && Files.isRegularFile(Path.of(x.getFile()))
                    ? x.getFile() + " is a file, not a folder"
                    : x.getFile() + " already exists";
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "a folder of that name is in the way (" + d.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        if (e instanceof FileSystemException f) {
            return "file system error (" + f.getFile() + ")";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }

    private static boolean concerns(String file, Path target) {
        if (file == null || target == null) {
            return false;
        }
        Path p = Path.of(file).toAbsolutePath();
        Path t = target.toAbsolutePath();
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return p.equals(t) || (p.getParent() != null && p.getParent().equals(t.getParent())
                && name.startsWith("." + t.getFileName() + ".") && name.endsWith(".part"));
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
