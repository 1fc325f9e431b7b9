package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import dev.fashionmnist.runtime.internal.Normalization;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Images resident as bytes on the real PyTorch engine give the same floats as the host's normalisation. */
class DeviceTensorsTest {
    private static final int SIZE = 4;

    /** The pixels of five 2x2 images, covering 0, 255 and values between. */
    private static byte[] pixels() {
        byte[] pixels = new byte[5 * SIZE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i == 0 ? 0 : i == 1 ? 255 : i * 13);
        }
        return pixels;
    }

    /** Five 2x2 images of {@link #pixels()}, labels 0..4. */
    private static IdxImages images() {
        return new IdxImages(5, 2, 2, pixels());
    }

    private static IdxLabels labels() {
        return new IdxLabels(new byte[] {0, 1, 2, 3, 4});
    }

    @Test
    void batchesAreTheHostNormalisationBitForBitWithTheirLabels() {
        IdxImages images = images();
        int[] chosen = {4, 0, 2};
        Normalization norm = Normalization.of(pixels(), SIZE, chosen);
        float[] expected = norm.apply(pixels(), SIZE, chosen);
        assertEquals(norm, images.normalization(chosen), "the decoded buffer's statistics are the runtime's");
        assertArrayEquals(expected, images.normalized(norm, chosen), "and so are its normalised floats");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
             DeviceTensors set = DeviceTensors.of(manager, images, labels(), chosen, norm)) {
            assertEquals(3, set.count());
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = set.images(batch, 0, 3);
                assertEquals(DataType.FLOAT32, x.getDataType());
                assertEquals("(3, 1, 2, 2)", x.getShape().toString());
                assertArrayEquals(expected, x.toFloatArray());
                assertArrayEquals(new long[] {4, 0, 2}, set.labels(batch, 0, 3).toLongArray());
                assertArrayEquals(Arrays.copyOfRange(expected, SIZE, 3 * SIZE), set.images(batch, 1, 3).toFloatArray());
            }
        }
    }

    @Test
    void positionsOfAnOrderAreGatheredWithTheirLabelsAndGoWithTheirManager() {
        IdxImages images = images();
        int[] chosen = {0, 1, 2, 3, 4};
        int[] order = {3, 1, 4, 0, 2};
        Normalization norm = Normalization.of(pixels(), SIZE, chosen);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
             DeviceTensors set = DeviceTensors.of(manager, images, labels(), chosen, norm)) {
            float[] expected = norm.apply(pixels(), SIZE, new int[] {4, 0});
            long before = countArrays(manager);
            try (NDManager chunk = manager.newSubManager()) {
                NDArray x = set.images(chunk, order, 2, 4);
                assertEquals("(2, 1, 2, 2)", x.getShape().toString());
                assertArrayEquals(expected, x.toFloatArray());
                assertArrayEquals(new long[] {4, 0}, set.labels(chunk, order, 2, 4).toLongArray());
            }
            assertEquals(before, countArrays(manager), "a chunk's arrays go with its manager");
        }
    }

    @Test
    void theWholeSetInFileOrderIsTheDecodedBufferItselfAndAChoiceACopy() {
        ByteBuffer decoded = ByteBuffer.allocateDirect(5 * SIZE).put(pixels()).flip();
        IdxImages images = new IdxImages(5, 2, 2, decoded);
        int[] all = {0, 1, 2, 3, 4};
        int[] some = {0, 1, 2, 3};
        Normalization norm = Normalization.of(pixels(), SIZE, all);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
             DeviceTensors whole = DeviceTensors.of(manager, images, labels(), all, norm);
             DeviceTensors chosen = DeviceTensors.of(manager, images, labels(), some, norm);
             NDManager batch = manager.newSubManager()) {
            assertArrayEquals(norm.apply(pixels(), SIZE, new int[] {1}), whole.images(batch, 1, 2).toFloatArray());
            decoded.put(SIZE, (byte) 7);
            byte[] changed = pixels();
            changed[SIZE] = 7;
            assertArrayEquals(norm.apply(changed, SIZE, new int[] {1}), whole.images(batch, 1, 2).toFloatArray(),
                    "the whole set's tensor reads the decoded buffer: no second copy");
            assertArrayEquals(norm.apply(pixels(), SIZE, new int[] {1}), chosen.images(batch, 1, 2).toFloatArray(),
                    "a choice of images is a copy made before");
        }
        assertTrue(DeviceTensors.wholeSet(all, 5));
        assertFalse(DeviceTensors.wholeSet(some, 5), "not all");
        assertFalse(DeviceTensors.wholeSet(new int[] {1, 0, 2, 3, 4}, 5), "not in file order");
    }

    private static long countArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }
}
