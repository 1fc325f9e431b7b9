package dev.fashionmnist.config;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials of a sweep grid on the configured parameters, and which of them are trained. A varied parameter that
 * changes no trial's network ({@code hiddenSize} when every trial trains amelie-cnn: see
 * {@link ArchitectureParameters}) is refused before any work, as every trial would be the same training. When
 * {@code architecture} is varied too, a trial that differs from an earlier one only in parameters its architecture does
 * not use (architecture=mlp,amelie-cnn x hiddenSize=32,128: the second amelie-cnn trial) is that same training: it is
 * not trained again but shares the earlier trial's run, folder and id, so that sweep.csv and the plots still show the
 * whole grid, each combination with the result it has.
 *
 * @param trials        every trial of the grid, in grid order
 * @param withoutEffect for each varied parameter that some trials share a run over: the architectures it has no
 *                      effect on, in grid order
 */
public record SweepPlan(List<SweepGrid.Trial> trials, Map<String, List<String>> withoutEffect) {

    /** The plan of {@code grid} on {@code base}, the configured training parameters each trial starts from. */
    public static SweepPlan of(SweepGrid grid, TrainParameters base) {
        List<SweepGrid.Trial> plain = grid.trials();
        List<TrainParameters> parameters = plain.stream().map(t -> t.applyTo(base)).toList();
        for (String name : grid.names()) {
            if (parameters.stream().noneMatch(p -> ArchitectureParameters.hasEffect(name, p))) {
                throw refusal(name, parameters);
            }
        }
        Map<Map<String, String>, SweepGrid.Trial> firstOfItsKind = new HashMap<>();
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        List<SweepGrid.Trial> trials = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            SweepGrid.Trial t = plain.get(i);
            TrainParameters p = parameters.get(i);
            List<String> without = grid.names().stream().filter(n -> !ArchitectureParameters.hasEffect(n, p))
                    .toList();
            // two trials with the same values of the parameters that have an effect train the same network alike
            Map<String, String> effective = new HashMap<>(t.values());
            without.forEach(effective::remove);
            SweepGrid.Trial earlier = firstOfItsKind.get(effective);
            if (earlier == null) {
                SweepGrid.Trial runs = new SweepGrid.Trial(t.number(), t.values(), without, t.number(),
                        firstOfItsKind.size() + 1);
                firstOfItsKind.put(effective, runs);
                trials.add(runs);
            } else {
                trials.add(new SweepGrid.Trial(t.number(), t.values(), without, earlier.number(), earlier.run()));
                for (String w : without) {
                    shared.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(architecture(p));
                }
            }
        }
        Map<String, List<String>> withoutEffect = new LinkedHashMap<>();
        shared.forEach((name, architectures) -> withoutEffect.put(name, List.copyOf(architectures)));
        return new SweepPlan(List.copyOf(trials), withoutEffect);
    }

    /** How many trainings the plan needs: one per set of identical trials. */
    public int runs() {
        return (int) trials.stream().filter(SweepGrid.Trial::runs).count();
    }

    /**
     * The line that says which trials share a run and why, e.g. "Identical trials run once: hiddenSize has no effect
     * on amelie-cnn, so 3 of the 4 trials are trained; trial 4 = trial 3"; null when every trial is trained.
     */
    public Message identicalTrials() {
        if (runs() == trials.size()) {
            return null;
        }
        List<Message> reasons = new ArrayList<>();
        withoutEffect.forEach((name, architectures) -> reasons.add(Messages.of("train.sweep.noEffectOn", name,
                String.join(", ", architectures))));
        List<Message> pairs = trials.stream().filter(t -> !t.runs())
                .map(t -> Messages.of("train.sweep.sameAs", t.number(), t.sameAs())).toList();
        return Messages.of("train.sweep.identical", Message.joined("; ", reasons), runs(), trials.size(),
                Message.joined(", ", pairs));
    }

    private static String architecture(TrainParameters parameters) {
        return Architecture.parse(parameters.get("architecture")).id();
    }

    /**
     * The refusal of {@code name}, which changes none of the trials: its architectures do not use it (naming those
     * that do), or a parameter that wins over it is set.
     */
    private static ConfigurationException refusal(String name, List<TrainParameters> trials) {
        Set<String> architectures = new LinkedHashSet<>();
        trials.forEach(p -> architectures.add(architecture(p)));
        List<String> using = ArchitectureParameters.architecturesUsing(name);
        String winner = ArchitectureParameters.overriddenBy(name);
        if (winner != null && architectures.stream().anyMatch(using::contains)) {
            return new ConfigurationException(Messages.of("train.sweep.overridden", name, winner));
        }
        return new ConfigurationException(Messages.of("train.sweep.noEffect", name, String.join(", ", architectures),
                architectures.size(), String.join(", ", using)));
    }
}
