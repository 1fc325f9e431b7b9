package dev.fashionmnist.runtime.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.fashionmnist.runtime.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trainable parameter counts, computed by hand from the layer definitions, as PyTorch's count_parameters does. */
class NetworksTest {

    private static long count(String arch, String hiddenLayers, String blocks) {
        ModelSpec spec = ModelSpec.of(arch, 128, hiddenLayers, blocks, 28, 28, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(spec);
            block.initialize(manager, DataType.FLOAT32, Networks.inputShape(spec, 2));
            return Networks.trainableParameters(block);
        }
    }

    private static long linear(long in, long out) {
        return in * out + out;
    }

    private static long conv(long in, long out, long k, boolean bias) {
        return in * out * k * k + (bias ? out : 0);
    }

    private static long bn(long c) {
        return 2 * c; // gamma and beta; running mean/var are not trained
    }

    private static List<String> layers(String arch) {
        ModelSpec spec = ModelSpec.of(arch, 128, null, "1,1,1", 28, 28, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(spec);
            block.initialize(manager, DataType.FLOAT32, Networks.inputShape(spec, 2));
            return Networks.layerSummary(block, spec, Language.ENGLISH).stream().skip(2)
                    .map(line -> line.substring(0, 22).strip()).toList();
        }
    }

    @Test
    void layerTableNamesTheLayers() {
        assertEquals(List.of("01 Flatten", "02 Linear", "03 ReLU", "04 Linear"), layers("mlp"));
        assertEquals(List.of("01 Conv2d", "02 ReLU", "03 Conv2d", "04 ReLU", "05 MaxPool 2x2", "06 Flatten",
                "07 Linear", "08 ReLU", "09 Linear"), layers("net"));
        List<String> amelie = layers("amelie-cnn");
        assertEquals(List.of("01 Conv2d", "02 BatchNorm", "03 ReLU", "04 MaxPool 2x2"), amelie.subList(0, 4));
        assertEquals(List.of("13 Flatten", "14 Linear"), amelie.subList(12, 14));
        assertEquals(List.of("01 Conv2d", "02 BatchNorm", "03 ReLU", "04 Residual", "05 Residual", "06 Residual",
                "07 GlobalAvgPool", "08 Linear"), layers("resnet"));
    }

    @Test
    void layerTableInBothLanguages() {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, "1,1,1", 28, 28, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(spec);
            block.initialize(manager, DataType.FLOAT32, Networks.inputShape(spec, 2));
            List<String> en = Networks.layerSummary(block, spec, Language.ENGLISH);
            List<String> de = Networks.layerSummary(block, spec, Language.GERMAN);
            assertEquals(List.of("layer", "output", "parameters"), List.of(en.get(0).split(" +")));
            assertEquals(List.of("Schicht", "Ausgabe", "Parameter"), List.of(de.get(0).split(" +")));
            assertEquals(en.get(0).length(), de.get(0).length(), "the columns stay aligned");
            assertEquals(List.of("Eingabe", "(1,", "1,", "28,", "28)"), List.of(de.get(1).strip().split(" +")));
            assertEquals(List.of("02", "Linear", "(1,", "128)", "100,480"), List.of(en.get(3).split(" +")));
            assertEquals(List.of("02", "Linear", "(1,", "128)", "100.480"), List.of(de.get(3).split(" +")));
        }
    }

    @Test
    void mlp() {
        long expected = linear(784, 128) + linear(128, 10);
        assertEquals(101_770, expected);
        assertEquals(expected, count("mlp", null, null));
        assertEquals(linear(784, 256) + linear(256, 128) + linear(128, 10), count("mlp", "256,128", null));
    }

    @Test
    void net() {
        long expected = conv(1, 32, 3, true) + conv(32, 64, 3, true) + linear(9216, 128) + linear(128, 10);
        assertEquals(1_199_882, expected);
        assertEquals(expected, count("net", null, null));
    }

    @Test
    void amelieCnn() {
        long expected = conv(1, 32, 3, true) + bn(32) + conv(32, 64, 3, true) + bn(64) + conv(64, 128, 3, true)
                + bn(128) + linear(1152, 10);
        assertEquals(104_650, expected);
        assertEquals(expected, count("amelie-cnn", null, null));
    }

    private static long residual(long in, long out, boolean projection) {
        long main = conv(in, out, 3, false) + bn(out) + conv(out, out, 3, false) + bn(out);
        return main + (projection ? conv(in, out, 1, false) + bn(out) : 0);
    }

    @Test
    void resnet() {
        long stem = conv(1, 64, 3, false) + bn(64);
        long expected = stem
                + residual(64, 64, false) + residual(64, 64, false)
                + residual(64, 128, true) + residual(128, 128, false)
                + residual(128, 256, true) + residual(256, 256, false)
                + linear(256, 10);
        assertEquals(2_776_522, expected);
        assertEquals(expected, count("resnet", null, "2,2,2"));
        long small = stem + residual(64, 64, false) + residual(64, 128, true) + residual(128, 256, true)
                + linear(256, 10);
        assertEquals(small, count("resnet", null, "1,1,1"));
    }
}
