package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SGD (with momentum or Nesterov momentum), Adam and AdamW with the state the plugin owns, so that a checkpoint can
 * carry it and a resumed run goes on exactly where the last one stopped: per parameter the momentum buffer or
 * Adam's two moment estimates, and the number of updates (Adam's bias correction depends on it). DJL 0.29's own
 * optimizers keep that state private. The updates are the same fused engine ops DJL's optimizers call, with the
 * same constants (beta1 0.9, beta2 0.999, epsilon 1e-8), so speed and results are those of DJL's optimizers.
 * Nesterov momentum is written out in in-place ops, as PyTorch's engine has no fused one.
 */
public final class ResumableOptimizer extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final OptimizerKind kind;
    private final float momentum;
    private final boolean nesterov;
    private final Tracker learningRate;
    /** Parameter names by DJL's parameter id (a random UUID per process, so state is saved by name). */
    private final Map<String, String> names = new HashMap<>();
    /** Per parameter name: the momentum buffer (sgd) or the first and second moments (adam, adamw). */
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    /** The parameters that {@link #step} updates, in the block's order (found on the first step). */
    private List<Parameter> trainable;
    /** Per parameter name: the updates done so far. */
    private final Map<String, Integer> steps = new TreeMap<>();

    private ResumableOptimizer(Builder builder, OptimizerKind kind, float momentum, boolean nesterov,
                               Tracker learningRate, Block block) {
        super(builder);
        this.kind = kind;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.learningRate = learningRate;
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
    }

    /**
     * Updates every trainable parameter of {@code block} from its gradient, one fused op each. This is what DJL's
     * {@code Trainer.step()} does on one device, without its parameter server's per-parameter copy of the gradient
     * and bookkeeping, which made up most of an mlp step (measured with StepProfile: 55-60% of a batch).
     */
    public void step(Block block) {
        if (trainable == null) {
            trainable = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    trainable.add(p.getValue());
                }
            }
        }
        for (Parameter parameter : trainable) {
            NDArray weight = parameter.getArray();
            try (NDArray grad = weight.getGradient()) {
                update(parameter.getId(), weight, grad);
            }
        }
    }

    /** The optimizer {@code settings} ask for, for the parameters of {@code block}, at the rate {@code rate} gives. */
    public static ResumableOptimizer of(TrainSettings settings, Tracker rate, Block block) {
        Builder builder = new Builder().optWeightDecays((float) settings.weightDecay());
        return new ResumableOptimizer(builder, settings.optimizer(), (float) settings.momentum(), settings.nesterov(),
                rate, block);
    }

    /** The state the parameters' updates keep, as written into a checkpoint. */
    public record Snapshot(String optimizer, Map<String, Integer> steps, List<String> slots) {
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        String name = names.getOrDefault(parameterId, parameterId);
        int t = steps.merge(name, 1, Integer::sum);
        float lr = learningRate.getNewValue(t);
        float wd = getWeightDecay();
        if (!Float.isFinite(lr) || !Float.isFinite(wd)) {
            throw new ModelException(Messages.of("train.optimizer.notFinite", String.valueOf(lr), String.valueOf(wd)));
        }
        NDList weights = new NDList(weight);
        switch (kind) {
            case SGD -> {
                if (momentum == 0f) {
                    weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad), weights, lr, wd, rescaleGrad,
                            clipGrad, 0f, true);
                } else if (!nesterov) {
                    NDArray buffer = slots(name, weight, 1)[0];
                    weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, buffer), weights, lr, wd,
                            rescaleGrad, clipGrad, momentum, true);
                } else {
                    nesterovUpdate(slots(name, weight, 1)[0], weight, grad, lr, wd);
                }
            }
            case ADAM, ADAMW -> {
                NDArray[] moments = slots(name, weight, 2);
                double coef1 = 1.0 - Math.pow(BETA1, t);
                double coef2 = 1.0 - Math.pow(BETA2, t);
                float biasCorrected = (float) (lr * Math.sqrt(coef2) / coef1);
                boolean decoupled = kind == OptimizerKind.ADAMW;
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, moments[0], moments[1]), weights, lr,
                        biasCorrected, wd, rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, decoupled);
            }
            default -> throw new IllegalStateException(kind.id());
        }
    }

    /** PyTorch's SGD with Nesterov momentum: g += wd w; b = m b + g; w -= lr (g + m b). */
    private void nesterovUpdate(NDArray buffer, NDArray weight, NDArray grad, float lr, float wd) {
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray g = scoped(grad.mul(rescaleGrad), scope);
            if (clipGrad > 0) {
                g = g.clip(-clipGrad, clipGrad);
            }
            if (wd != 0f) {
                g.addi(scoped(weight.mul(wd), scope));
            }
            buffer.muli(momentum).addi(g);
            weight.subi(g.addi(scoped(buffer.mul(momentum), scope)).muli(lr));
        }
        // as the fused ops do: the parameter's gradient (not the copy handed in) is zeroed for the next batch, which
        // PyTorch's backward pass would otherwise add to it
        try (NDArray accumulated = weight.getGradient()) {
            accumulated.muli(0f);
        }
    }

    /** {@code array}, freed with {@code scope}: engine ops attach results to their input's manager. */
    private static NDArray scoped(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }

    private NDArray[] slots(String name, NDArray weight, int count) {
        NDArray[] s = state.get(name);
        if (s == null) {
            s = new NDArray[count];
            for (int i = 0; i < count; i++) {
                s[i] = weight.zerosLike();
            }
            state.put(name, s);
        }
        return s;
    }

    private List<String> slotKinds() {
        return kind == OptimizerKind.SGD ? List.of("momentum") : List.of("mean", "variance");
    }

    private List<String> slotNames() {
        List<String> kinds = slotKinds();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            for (int i = 0; i < e.getValue().length; i++) {
                out.add(e.getKey() + "/" + kinds.get(i));
            }
        }
        return out;
    }

    /** Writes the state arrays to {@code out} (an NDList, in the order of the snapshot's slots); returns the rest. */
    public Snapshot save(OutputStream out) throws IOException {
        NDList arrays = new NDList();
        for (NDArray[] s : state.values()) {
            arrays.addAll(List.of(s));
        }
        arrays.encode(out);
        return new Snapshot(kind.id(), new TreeMap<>(steps), slotNames());
    }

    /**
     * Restores what {@link #save} wrote, onto {@code manager}'s device; {@code file} names the source in messages.
     * The arrays must fit this optimizer and these parameters.
     */
    public void load(Snapshot snapshot, InputStream in, NDManager manager, Block block, String file) {
        if (!kind.id().equals(snapshot.optimizer())) {
            throw new ModelException(Messages.of("train.optimizer.otherKind", file, snapshot.optimizer(), kind.id()));
        }
        Map<String, NDArray> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            byName.put(p.getKey(), p.getValue().getArray());
        }
        NDList arrays = new NDList();
        try {
            if (!snapshot.slots().isEmpty()) { // plain SGD keeps no arrays
                arrays = NDList.decode(manager, in);
            }
        } catch (RuntimeException e) {
            throw new ModelException(Messages.of("train.optimizer.unreadable", file, e.getMessage()));
        }
        if (arrays.size() != snapshot.slots().size()) {
            throw new ModelException(Messages.of("train.optimizer.arrayCount", file, arrays.size(),
                    snapshot.slots().size()));
        }
        List<String> kinds = slotKinds();
        state.clear();
        for (int i = 0; i < arrays.size(); i++) {
            String slot = snapshot.slots().get(i);
            int cut = slot.lastIndexOf('/');
            String name = slot.substring(0, Math.max(0, cut));
            int which = kinds.indexOf(slot.substring(cut + 1));
            NDArray weight = byName.get(name);
            NDArray array = arrays.get(i);
            if (which < 0) {
                throw new ModelException(Messages.of("train.optimizer.foreignSlot", file, slot, kind.id(),
                        String.join(", ", kinds)));
            }
            if (weight == null || !weight.getShape().equals(array.getShape())) {
                throw new ModelException(Messages.of("train.optimizer.shape", file, slot, array.getShape(),
                        weight == null ? Messages.of("train.optimizer.noParameter")
                                : Messages.of("train.optimizer.parameterShape", weight.getShape())));
            }
            state.computeIfAbsent(name, k -> new NDArray[kinds.size()])[which] = array;
        }
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            if (java.util.Arrays.asList(e.getValue()).contains(null)) {
                throw new ModelException(Messages.of("train.optimizer.incomplete", file, e.getKey(), kind.id(),
                        String.join(", ", kinds)));
            }
        }
        steps.clear();
        steps.putAll(snapshot.steps());
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
