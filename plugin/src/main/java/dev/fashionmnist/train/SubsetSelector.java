package dev.fashionmnist.train;

import dev.fashionmnist.data.IdxLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Chooses which training images a run uses: the first N, or a seeded stratified sample of N. */
public final class SubsetSelector {
    private SubsetSelector() {
    }

    /** Indices (ascending) of the images to use; {@code count} equal to the set's size selects all. */
    public static int[] select(IdxLabels labels, int count, int classCount, boolean stratified, long seed) {
        int n = labels.count();
        if (count >= n) {
            return range(n);
        }
        if (!stratified) {
            return range(count);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels.label(i)).add(i);
        }
        // proportional share per class, the remainder to the largest fractions (ties: lower class first)
        int[] take = new int[classCount];
        double[] fraction = new double[classCount];
        int assigned = 0;
        for (int c = 0; c < classCount; c++) {
            double exact = (double) count * byClass.get(c).size() / n;
            take[c] = (int) Math.floor(exact);
            fraction[c] = exact - take[c];
            assigned += take[c];
        }
        while (assigned < count) {
            int best = -1;
            for (int c = 0; c < classCount; c++) {
                if (take[c] < byClass.get(c).size() && (best < 0 || fraction[c] > fraction[best])) {
                    best = c;
                }
            }
            take[best]++;
            fraction[best] = -1;
            assigned++;
        }
        Random random = new Random(seed);
        int[] chosen = new int[count];
        int k = 0;
        for (int c = 0; c < classCount; c++) {
            List<Integer> members = byClass.get(c);
            java.util.Collections.shuffle(members, random);
            for (int i = 0; i < take[c]; i++) {
                chosen[k++] = members.get(i);
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
