package dev.fashionmnist.evaluate;

import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.runtime.internal.ImagePreparation;
import dev.fashionmnist.runtime.internal.ImagePreparation.Invert;
import dev.fashionmnist.text.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The predict goal's images: finds the PNG and JPEG files, reads each within a size limit, and prepares it as the
 * runtime's {@link ImagePreparation} does (grey, fitted keeping the aspect ratio, light objects on black).
 */
public final class ImageInput {
    /** The longest side of the largest square image predict takes. */
    public static final int MAX_SIDE = 4096;
    /** The most pixels an image may have (4096x4096, e.g. a 12-megapixel photo): larger ones are refused unread. */
    public static final long MAX_PIXELS = (long) MAX_SIDE * MAX_SIDE;

    private ImageInput() {
    }

    /** Parameter 'invert': auto, true or false (any case) as the runtime's {@link Invert}. */
    public static Invert parseInvert(String text) {
        String t = text == null ? "AUTO" : text.trim().toUpperCase(Locale.ROOT);
        for (Invert i : Invert.values()) {
            if (i.name().equals(t)) {
                return i;
            }
        }
        throw new ModelException(Messages.of("evaluate.invert.unknown", text));
    }

    /** One prepared image: its file, grey values (row-major, 0..255, light = object) and whether it was inverted. */
    public record Prepared(Path file, byte[] pixels, boolean inverted) {
    }

    /** The PNG and JPEG files at {@code images}: the file itself, or those in the folder (sorted by name). */
    public static List<Path> find(Path images) {
        if (Files.isRegularFile(images)) {
            return List.of(images);
        }
        if (!Files.isDirectory(images)) {
            throw new ModelException(Messages.of("evaluate.images.missing", images));
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(images)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new ModelException(Messages.of("evaluate.images.unlistable", images, e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new ModelException(Messages.of("evaluate.images.empty", images));
        }
        return files;
    }

    /** {@code file} read and prepared as {@link ImagePreparation#prepare} does. */
    public static Prepared prepare(Path file, int rows, int columns, Invert invert) {
        ImagePreparation.Prepared p = ImagePreparation.prepare(read(file), rows, columns, invert);
        return new Prepared(file, p.pixels(), p.inverted());
    }

    /**
     * Decodes {@code file} after reading its width and height from the header: an image of more than
     * {@link #MAX_PIXELS} pixels is refused before anything is decoded (a small PNG of 20000x20000 zeros would need
     * gigabytes).
     */
    static BufferedImage read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ModelException(Messages.of("evaluate.image.unreadable", file));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new ModelException(Messages.of("evaluate.image.tooLarge", file, width, height,
                            width * height, MAX_PIXELS, MAX_SIDE));
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new ModelException(Messages.of("evaluate.image.unreadable", file));
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (ModelException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelException(Messages.of("evaluate.image.failed", file, e.getMessage()));
        }
    }
}
