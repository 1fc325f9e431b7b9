package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.junit.jupiter.api.Test;

/** Label smoothing on the real engine: against a hand computation, and with ε = 0 against DJL's cross entropy. */
class SmoothedCrossEntropyTest {
    private static final float[][] LOGITS = {{2, 0, -1}, {0.5f, 1.5f, 0}};
    private static final int[] LABELS = {0, 2};

    /** -log softmax(x)[k], by hand. */
    private static double nll(float[] x, int k) {
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v);
        }
        return Math.log(sum) - x[k];
    }

    private static double byHand(double epsilon) {
        double total = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            double uniform = 0;
            for (int k = 0; k < LOGITS[i].length; k++) {
                uniform += nll(LOGITS[i], k) / LOGITS[i].length;
            }
            total += (1 - epsilon) * nll(LOGITS[i], LABELS[i]) + epsilon * uniform;
        }
        return total / LOGITS.length;
    }

    private static float loss(NDManager m, Loss loss) {
        NDArray logits = m.create(new float[] {2, 0, -1, 0.5f, 1.5f, 0}, new Shape(2, 3));
        NDArray labels = m.create(new long[] {0, 2});
        return loss.evaluate(new NDList(labels), new NDList(logits)).getFloat();
    }

    @Test
    void matchesTheHandComputation() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (double epsilon : new double[] {0, 0.1, 0.5, 0.9}) {
                assertEquals(byHand(epsilon), loss(m, new SmoothedCrossEntropy(epsilon)), 1e-6, "ε = " + epsilon);
            }
            assertTrue(byHand(0.1) != byHand(0), "the test can tell smoothing from none");
        }
    }

    @Test
    void withoutSmoothingItIsExactlyDjlsCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(5);
            NDArray logits = m.randomNormal(new Shape(64, 10)).mul(3);
            NDArray labels = m.randomInteger(0, 10, new Shape(64), DataType.INT64);
            assertEquals(loss(m, Loss.softmaxCrossEntropyLoss()), loss(m, new SmoothedCrossEntropy(0)), 0f);
            float djl = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)).getFloat();
            float ours = new SmoothedCrossEntropy(0).evaluate(new NDList(labels), new NDList(logits)).getFloat();
            assertEquals(djl, ours, 0f);
            assertArrayEquals(gradient(Loss.softmaxCrossEntropyLoss(), logits, labels),
                    gradient(new SmoothedCrossEntropy(0), logits, labels), 0f);
            assertTrue(SmoothedCrossEntropy.of(0) instanceof SoftmaxCrossEntropyLoss, "training without smoothing "
                    + "keeps DJL's loss");
            assertEquals(0.1, ((SmoothedCrossEntropy) SmoothedCrossEntropy.of(0.1)).epsilon(), 0.0);
        }
    }

    @Test
    void smoothingPullsTheGradientTowardsUniform() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray logits = m.create(new float[] {2, 0, -1, 0.5f, 1.5f, 0}, new Shape(2, 3));
            NDArray labels = m.create(new long[] {0, 2});
            float[] g = gradient(new SmoothedCrossEntropy(0.3), logits, labels);
            // d/dx of the mean over the batch: (softmax(x) - target) / batch, target = (1-ε)·onehot + ε/K
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (float v : LOGITS[i]) {
                    sum += Math.exp(v);
                }
                for (int k = 0; k < 3; k++) {
                    double target = (k == LABELS[i] ? 0.7 : 0) + 0.3 / 3;
                    assertEquals((Math.exp(LOGITS[i][k]) / sum - target) / 2, g[i * 3 + k], 1e-6, i + "," + k);
                }
            }
        }
    }

    @Test
    void epsilonOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmoothedCrossEntropy(1));
        assertThrows(IllegalArgumentException.class, () -> new SmoothedCrossEntropy(-0.1));
    }

    private static float[] gradient(Loss loss, NDArray logits, NDArray labels) {
        NDArray x = logits.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(loss.evaluate(new NDList(labels), new NDList(x)));
        }
        return x.getGradient().toFloatArray();
    }
}
