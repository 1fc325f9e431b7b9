package dev.fashionmnist.config;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of experiments: for each varied training parameter its values; every combination is one trial, in a fixed
 * order (the first parameter changes slowest), so that shards of a sweep and merged results agree on trial numbers.
 */
public record SweepGrid(Map<String, List<String>> axes) {

    /**
     * One combination: its number (from 1, as in the log's "Trial 1/4" and sweep.csv's {@code trial} column) and the
     * value of each varied parameter.
     */
    public record Trial(int number, Map<String, String> values) {
        /** A folder name, e.g. {@code hiddenSize-2_trainSize-1000}. */
        public String id() {
            StringBuilder s = new StringBuilder();
            values.forEach((k, v) -> s.append(s.length() == 0 ? "" : "_").append(k).append('-')
                    .append(v.replaceAll("[^A-Za-z0-9.]", "")));
            return s.toString();
        }
    }

    /**
     * The grid from the POM's {@code <sweep>} map and/or the command line's {@code fashionmnist.sweep}
     * ({@code hiddenSize=2,8,32;trainSize=1000,10000}); the command line wins for a parameter given in both.
     */
    public static SweepGrid parse(Map<String, String> pom, String commandLine) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        if (pom != null) {
            pom.forEach((k, v) -> axes.put(k.trim(), values(k.trim(), v)));
        }
        if (commandLine != null && !commandLine.isBlank()) {
            for (String part : commandLine.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigurationException(Messages.of("train.sweep.syntax", part.trim()));
                }
                String name = part.substring(0, eq).trim();
                axes.put(name, values(name, part.substring(eq + 1)));
            }
        }
        if (axes.isEmpty()) {
            throw new ConfigurationException(Messages.of("train.sweep.empty"));
        }
        for (String name : axes.keySet()) {
            if (!TrainParameters.NAMES.contains(name)) {
                throw new ConfigurationException(Messages.of("train.sweep.notAParameter", name,
                        String.join(", ", TrainParameters.NAMES)));
            }
        }
        return new SweepGrid(axes);
    }

    private static List<String> values(String name, String text) {
        List<String> values = new ArrayList<>();
        for (String v : (text == null ? "" : text).split(",")) {
            if (!v.isBlank()) {
                if (values.contains(v.trim())) {
                    throw new ConfigurationException(Messages.of("train.sweep.twice", name, v.trim()));
                }
                values.add(v.trim());
            }
        }
        if (values.isEmpty()) {
            throw new ConfigurationException(Messages.of("train.sweep.noValues", name));
        }
        return values;
    }

    public List<String> names() {
        return List.copyOf(axes.keySet());
    }

    public List<Trial> trials() {
        List<Trial> trials = new ArrayList<>();
        List<String> names = names();
        int total = 1;
        for (List<String> v : axes.values()) {
            total *= v.size();
        }
        for (int t = 0; t < total; t++) {
            Map<String, String> values = new LinkedHashMap<>();
            int rest = t;
            for (int a = names.size() - 1; a >= 0; a--) {
                List<String> v = axes.get(names.get(a));
                values.put(names.get(a), v.get(rest % v.size()));
                rest /= v.size();
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            names.forEach(n -> ordered.put(n, values.get(n)));
            trials.add(new Trial(t + 1, ordered));
        }
        return trials;
    }

    /** A CI matrix job's share: every n-th trial, starting with the i-th ({@code i/n}, 1-based). */
    public record Shard(int index, int count) {
        public static Shard parse(String text) {
            if (text == null || text.isBlank()) {
                return new Shard(1, 1);
            }
            String[] parts = text.trim().split("/");
            try {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (parts.length == 2 && n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new ConfigurationException(Messages.of("train.sweep.shard", text));
        }

        public boolean includes(Trial trial) {
            return (trial.number() - 1) % count == index - 1;
        }
    }
}
