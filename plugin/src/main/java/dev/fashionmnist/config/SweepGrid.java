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
     * value of each varied parameter. A trial of a {@link SweepPlan} also knows the varied parameters that have no
     * effect on it ({@code withoutEffect}, e.g. hiddenSize when it trains amelie-cnn) and whose run gives its result:
     * {@code sameAs} is its own number, or that of the earlier identical trial whose run it shares; {@code run} is that
     * run's place among the grid's runs, from 1 (shards split the runs, so identical trials stay in one shard).
     */
    public record Trial(int number, Map<String, String> values, List<String> withoutEffect, int sameAs, int run) {
        public Trial {
            withoutEffect = List.copyOf(withoutEffect);
        }

        /** A trial on which every varied parameter has an effect: its own run. */
        public Trial(int number, Map<String, String> values) {
            this(number, values, List.of(), number, number);
        }

        /** Whether this trial is trained; false when it shares the run of the identical trial {@link #sameAs}. */
        public boolean runs() {
            return sameAs == number;
        }

        /**
         * A folder name of the values that have an effect, e.g. {@code hiddenSize-2_trainSize-1000}: identical trials
         * share it, and with it their folder.
         */
        public String id() {
            StringBuilder s = new StringBuilder();
            values.forEach((k, v) -> {
                if (!withoutEffect.contains(k)) {
                    s.append(s.length() == 0 ? "" : "_").append(k).append('-')
                            .append(v.replaceAll("[^A-Za-z0-9.]", ""));
                }
            });
            return s.toString();
        }

        /** {@code base} (the configured training parameters) with this trial's values. */
        public TrainParameters applyTo(TrainParameters base) {
            TrainParameters p = base;
            for (Map.Entry<String, String> e : values.entrySet()) {
                p = p.with(e.getKey(), e.getValue());
            }
            return p;
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

    /**
     * A CI matrix job's share: every n-th run, starting with the i-th ({@code i/n}, 1-based), with the trials that
     * share those runs; in a grid where every trial runs, every n-th trial.
     */
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
            return (trial.run() - 1) % count == index - 1;
        }
    }
}
