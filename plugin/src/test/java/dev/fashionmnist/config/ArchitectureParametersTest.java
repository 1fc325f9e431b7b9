package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which parameters shape which architecture's network, checked against the networks themselves: a parameter has an
 * effect exactly where changing it changes the {@link ModelSpec} the network is built from.
 */
class ArchitectureParametersTest {

    private static TrainParameters parameters(String architecture, String hiddenSize, String hiddenLayers,
                                              String resnetBlocks) {
        return new TrainParameters(Map.of("architecture", architecture, "hiddenSize", hiddenSize, "hiddenLayers",
                hiddenLayers, "resnetBlocks", resnetBlocks, "epochs", "1"));
    }

    private static ModelSpec spec(TrainParameters p) {
        return ModelSpec.of(p.get("architecture"), Integer.parseInt(p.get("hiddenSize")), p.get("hiddenLayers"),
                p.get("resnetBlocks"), 28, 28, 10);
    }

    /** A second value for each parameter that changes the network where the parameter is used. */
    private static final Map<String, String> OTHER = Map.of("hiddenSize", "32", "hiddenLayers", "64,32",
            "resnetBlocks", "1,1,1");

    @Test
    void aParameterHasAnEffectExactlyWhereItChangesTheNetwork() {
        for (Architecture a : Architecture.values()) {
            for (String hiddenLayers : List.of("", "256")) {
                TrainParameters p = parameters(a.id(), "128", hiddenLayers, "2,2,2");
                for (Map.Entry<String, String> other : OTHER.entrySet()) {
                    boolean changes = !spec(p).equals(spec(p.with(other.getKey(), other.getValue())));
                    assertEquals(changes, ArchitectureParameters.hasEffect(other.getKey(), p),
                            other.getKey() + " on " + a.id() + " with hiddenLayers='" + hiddenLayers + "'");
                }
            }
        }
    }

    @Test
    void theModelParametersNameTheArchitecturesThatUseThem() {
        assertEquals(List.of("mlp"), ArchitectureParameters.architecturesUsing("hiddenSize"));
        assertEquals(List.of("mlp"), ArchitectureParameters.architecturesUsing("hiddenLayers"));
        assertEquals(List.of("resnet"), ArchitectureParameters.architecturesUsing("resnetBlocks"));
        assertEquals("hiddenLayers", ArchitectureParameters.overriddenBy("hiddenSize"));
    }

    @Test
    void everyOtherTrainingParameterActsOnAllFourArchitectures() {
        List<String> all = List.of("mlp", "net", "amelie-cnn", "resnet");
        for (String name : TrainParameters.NAMES) {
            if (OTHER.containsKey(name)) {
                continue;
            }
            assertEquals(all, ArchitectureParameters.architecturesUsing(name), name);
            for (String a : all) {
                assertTrue(ArchitectureParameters.hasEffect(name, parameters(a, "128", "", "2,2,2")),
                        name + " on " + a);
            }
        }
        assertFalse(ArchitectureParameters.hasEffect("hiddenSize", parameters("amelie-cnn", "128", "", "2,2,2")));
    }
}
