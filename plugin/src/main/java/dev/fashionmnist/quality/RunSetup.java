package dev.fashionmnist.quality;

import dev.fashionmnist.results.ConfusionMatrix;
import java.util.List;

/**
 * What the diagnosis needs to know about a run besides its learning curves: where chance level lies and what in the
 * configuration can keep a network from learning. The callers build it from the training settings or the model card
 * (this package may not see either); a value that is not known is 0 (or empty), and a rule that needs it stays silent.
 *
 * @param architecture  the network's architecture id ({@code mlp}, {@code net}, …)
 * @param hiddenLayers  mlp only: the sizes of its hidden layers (empty for the other architectures)
 * @param trainImages   how many training images the run trains on
 * @param batchSize     images per optimizer step
 * @param optimizer     the optimizer's id ({@code adam}, {@code adamw}, {@code sgd})
 * @param learningRate  the learning rate it starts with
 * @param epochs        the last epoch the run trains (or trained) to, counted as metrics.csv counts them
 * @param classCount    how many classes the data has
 * @param majorityShare the share of the test images in the most frequent class (0.1 for Fashion-MNIST's balanced
 *                      test set): what always answering that class scores
 */
public record RunSetup(String architecture, List<Integer> hiddenLayers, int trainImages, int batchSize,
                       String optimizer, double learningRate, int epochs, int classCount, double majorityShare) {

    /** A run of which nothing is known: no chance level, no causes (e.g. metrics.csv without a model card). */
    public static final RunSetup UNKNOWN = new RunSetup(null, List.of(), 0, 0, null, 0, 0, 0, 0);

    public RunSetup {
        hiddenLayers = hiddenLayers == null ? List.of() : List.copyOf(hiddenLayers);
    }

    /** A run of which only the number of classes and the majority class share are known. */
    public static RunSetup ofClasses(int classCount, double majorityShare) {
        return new RunSetup(null, List.of(), 0, 0, null, 0, 0, classCount, majorityShare);
    }

    /** The share of the most frequent class among {@code labels} (class indices below {@code classCount}). */
    public static double majorityShare(int[] labels, int classCount) {
        if (labels.length == 0 || classCount < 1) {
            return 0;
        }
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return (double) max / labels.length;
    }

    /** The share of the most frequent true class of an evaluation's {@code confusion} matrix. */
    public static double majorityShare(ConfusionMatrix confusion) {
        long total = confusion.total();
        if (total == 0) {
            return 0;
        }
        long max = 0;
        for (int c = 0; c < confusion.classCount(); c++) {
            max = Math.max(max, confusion.support(c));
        }
        return (double) max / total;
    }

    /** This setup with the majority class share {@code share}. */
    public RunSetup withMajorityShare(double share) {
        return new RunSetup(architecture, hiddenLayers, trainImages, batchSize, optimizer, learningRate, epochs,
                classCount, share);
    }

    /** This setup of a run that ended (or is to end) after epoch {@code epochs}, e.g. stopped early. */
    public RunSetup withEpochs(int epochs) {
        return new RunSetup(architecture, hiddenLayers, trainImages, batchSize, optimizer, learningRate, epochs,
                classCount, majorityShare);
    }

    /** Whether the settings are known (not only the classes): the causes can be read from them. */
    public boolean configurationKnown() {
        return trainImages > 0 && batchSize > 0 && learningRate > 0 && epochs > 0 && optimizer != null;
    }
}
