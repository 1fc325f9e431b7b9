package dev.fashionmnist.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name a mistyped one was probably meant to be, for "did you mean ...?" in error messages. */
public final class NearestName {
    private NearestName() {
    }

    /**
     * The name in {@code known} with the fewest single-character edits (insert, delete, replace; letter case ignored)
     * from {@code typed}, if it is close: at most a third of the typed name's length, at least one and at most three
     * edits. On a tie the first such name in {@code known}'s order wins. Empty when nothing is that close.
     */
    public static Optional<String> among(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        for (String candidate : known) {
            int d = distance(typed, candidate);
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance of {@code a} and {@code b}, ignoring letter case. */
    public static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int replace = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }
}
