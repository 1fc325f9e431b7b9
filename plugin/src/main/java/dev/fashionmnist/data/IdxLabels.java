package dev.fashionmnist.data;

/** Decoded IDX label data: one class index per image, each below the dataset's class count. */
public record IdxLabels(byte[] labels) {

    public int count() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index] & 0xFF;
    }
}
