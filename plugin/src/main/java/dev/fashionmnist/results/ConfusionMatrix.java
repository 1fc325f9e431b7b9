package dev.fashionmnist.results;

import java.util.List;

/**
 * Counts of true class (row) by predicted class (column) over a test set, with the metrics derived from it:
 * accuracy, per-class precision, recall (the class's accuracy), F1 and support, and their macro averages.
 */
public record ConfusionMatrix(List<String> classNames, long[][] counts) {

    public static ConfusionMatrix empty(List<String> classNames) {
        return new ConfusionMatrix(List.copyOf(classNames), new long[classNames.size()][classNames.size()]);
    }

    public void add(int trueClass, int predictedClass) {
        counts[trueClass][predictedClass]++;
    }

    public int classCount() {
        return classNames.size();
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i][i];
        }
        return n;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** Test images of this class. */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    public long predicted(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /** Of the images predicted as {@code c}, the share that is {@code c}; 0 when nothing was predicted as c. */
    public double precision(int c) {
        long p = predicted(c);
        return p == 0 ? 0 : (double) counts[c][c] / p;
    }

    /** Of the images of class {@code c}, the share recognised: the class's accuracy. */
    public double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) counts[c][c] / s;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < classCount(); c++) {
            sum += precision(c);
        }
        return sum / classCount();
    }

    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < classCount(); c++) {
            sum += recall(c);
        }
        return sum / classCount();
    }

    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classCount(); c++) {
            sum += f1(c);
        }
        return sum / classCount();
    }
}
