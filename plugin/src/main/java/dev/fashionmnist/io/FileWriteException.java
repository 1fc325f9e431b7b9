package dev.fashionmnist.io;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
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
 * {@link #toString()}, so that a caller that appends the exception to its own message shows only that. The message is
 * English; {@link #message()} words it in any language (the operating system's own reason stays as it says it).
 */
public final class FileWriteException extends IOException implements Localizable {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final transient Message message;

    private FileWriteException(Path file, Message message, IOException cause) {
        super(message.toString(), cause);
        this.message = message;
        this.file = file;
    }

    @Override
    public Message message() {
        return message;
    }

    /** The failure {@code cause} while writing {@code file}; a failure already worded this way is kept as it is. */
    public static FileWriteException of(Path file, IOException cause) {
        if (cause instanceof FileWriteException f) {
            return f;
        }
        return new FileWriteException(file, Messages.of("data.write.failed", file, reason(cause, file)), cause);
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }

    /** What went wrong, in words: the operating system's reason and the path it concerns. */
    public static Message reason(IOException e) {
        return reason(e, null);
    }

    /**
     * Like {@link #reason(IOException)}, leaving out the path when it is {@code target} or its temporary file (the
     * message names the target already).
     */
    private static Message reason(IOException e, Path target) {
        if (e instanceof FileSystemException f && f.getReason() != null && concerns(f.getFile(), target)) {
            return Messages.of("data.write.reason.system", f.getReason());
        }
        if (e instanceof AccessDeniedException a) {
            return Messages.of("data.write.reason.denied", a.getFile());
        }
        if (e instanceof NoSuchFileException n) {
            return Messages.of("data.write.reason.noSuchFile", n.getFile());
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() != null && Files.isRegularFile(Path.of(x.getFile()))
                    ? Messages.of("data.write.reason.fileNotFolder", x.getFile())
                    : Messages.of("data.write.reason.exists", x.getFile());
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return Messages.of("data.write.reason.folderInTheWay", d.getFile());
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() == null ? Messages.of("data.write.reason.system", f.getReason())
                    : Messages.of("data.write.reason.systemFile", f.getReason(), f.getFile());
        }
        if (e instanceof FileSystemException f) {
            return Messages.of("data.write.reason.fileSystem", f.getFile());
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? Messages.of("data.write.reason.io")
                : Messages.of("data.write.reason.system", e.getMessage());
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
