package dev.fashionmnist.config;

import dev.fashionmnist.runtime.internal.network.Architecture;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which training parameters shape the network of which of the four architectures: the one place that knows it (the
 * networks themselves, {@code ModelSpec.of}, read the same parameters). {@code hiddenSize} and {@code hiddenLayers}
 * build the mlp's hidden layers ({@code hiddenLayers} wins when set), {@code resnetBlocks} the resnet's stages; net
 * and amelie-cnn have fixed layers. Every other training parameter (epochs, optimizer, trainSize, ...) acts on the
 * training and applies to all four.
 */
public final class ArchitectureParameters {
    /** The parameters that only some architectures use, with those architectures. */
    private static final Map<String, Set<Architecture>> USED_BY = Map.of(
            "hiddenSize", EnumSet.of(Architecture.MLP),
            "hiddenLayers", EnumSet.of(Architecture.MLP),
            "resnetBlocks", EnumSet.of(Architecture.RESNET));

    /** A parameter that has no effect while another one is set, with that one: hiddenLayers wins over hiddenSize. */
    private static final Map<String, String> OVERRIDDEN_BY = Map.of("hiddenSize", "hiddenLayers");

    private ArchitectureParameters() {
    }

    /** The ids of the architectures whose network {@code parameter} changes: all four for a training parameter. */
    public static List<String> architecturesUsing(String parameter) {
        Set<Architecture> users = USED_BY.getOrDefault(parameter, EnumSet.allOf(Architecture.class));
        return Arrays.stream(Architecture.values()).filter(users::contains).map(Architecture::id).toList();
    }

    /**
     * Whether changing {@code parameter} changes the training that {@code parameters} describe: its architecture uses
     * it and no parameter that wins over it is set. {@code architecture} itself always has an effect.
     */
    public static boolean hasEffect(String parameter, TrainParameters parameters) {
        Set<Architecture> users = USED_BY.get(parameter);
        if (users != null && !users.contains(Architecture.parse(parameters.get("architecture")))) {
            return false;
        }
        String winner = OVERRIDDEN_BY.get(parameter);
        return winner == null || parameters.get(winner) == null || parameters.get(winner).isBlank();
    }

    /** The parameter that wins over {@code parameter} when set, e.g. hiddenLayers over hiddenSize; null when none. */
    public static String overriddenBy(String parameter) {
        return OVERRIDDEN_BY.get(parameter);
    }
}
