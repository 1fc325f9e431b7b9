package dev.fashionmnist.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.IdxLabels;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.evaluate.BatchedEvaluation;
import dev.fashionmnist.results.EpochMetrics;

/**
 * The test checks of a training run: which test images a check evaluates and which weights its row reports. A check
 * within an epoch looks at a fixed stratified sample of {@value #TEST_SAMPLE} test images (seeded by the run's seed)
 * and at the whole test set only when the accuracy target might be reached (the sample's accuracy plus
 * {@value #TARGET_MARGIN} standard errors reaches it): "not yet" may come from the sample, "reached" only from the
 * whole test set, as does every check at an epoch's end. With a {@link WeightAverage} both the trained weights and
 * the average are evaluated, and the better by test accuracy (a tie: the average) is what the row reports: the
 * weights that would be written as the model at that point. When a check within an epoch goes on to the whole test
 * set, only the weights that the sample found better are evaluated there.
 */
final class TestChecks {
    /** Test images in the sample that checks within an epoch evaluate (with {@code evaluationsPerEpoch} above 1). */
    static final int TEST_SAMPLE = 2000;
    /**
     * Standard errors of the sample's accuracy within which a check on the sample might still reach the accuracy
     * target: then the whole test set decides (a sample's accuracy lies more than 3 standard errors below the whole
     * set's in about 1 of 740 checks; a sample drawn without replacement errs less).
     */
    static final double TARGET_MARGIN = 3;

    private final Trainer trainer;
    private final WeightAverage average;
    private final DeviceTensors test;
    /** The sample for checks within an epoch, or {@code null} when every check takes the whole test set. */
    private final DeviceTensors sample;
    private final Double target;

    private TestChecks(Trainer trainer, WeightAverage average, DeviceTensors test, DeviceTensors sample,
                       Double target) {
        this.trainer = trainer;
        this.average = average;
        this.test = test;
        this.sample = sample;
        this.target = target;
    }

    /**
     * The checks of {@code plan}'s run on {@code test} (the test images evaluated, on the device), with the trained
     * weights of {@code trainer} and the {@code average} ({@code null} without one). The sample is made only with
     * more than one check per epoch and where it would be less than half the test set (else every check takes the
     * whole set), as arrays of {@code manager}.
     */
    static TestChecks of(RunPlan plan, Trainer trainer, WeightAverage average, DeviceTensors test,
                         NDManager manager) {
        TrainSettings s = plan.settings();
        DeviceTensors sample = null;
        if (s.evaluationsPerEpoch() > 1 && 2 * TEST_SAMPLE <= test.count()) {
            byte[] labels = new byte[plan.testIndex().length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) plan.data().testLabels().label(plan.testIndex()[i]);
            }
            int[] positions = SubsetSelector.select(new IdxLabels(labels), TEST_SAMPLE,
                    plan.data().classNames().size(), true, s.seed());
            sample = test.subset(manager, positions);
        }
        return new TestChecks(trainer, average, test, sample, s.targetAccuracy());
    }

    /** The check after the batches so far: at the epoch's end ({@code epochEnd}) or within it. */
    Check at(boolean epochEnd) {
        if (!epochEnd && sample != null) {
            Check onSample = on(sample);
            double p = onSample.accuracy();
            if (target == null || p + TARGET_MARGIN * Math.sqrt(p * (1 - p) / sample.count()) < target) {
                return onSample;
            }
            // the sample chose the weights; the whole test set decides whether they reach the target (one pass, not
            // two: this check stands for the sample's choice, and the epoch's end compares both on the whole set)
            return EpochMetrics.AVERAGE.equals(onSample.weights()) ? averaged(test) : trained(test);
        }
        return on(test);
    }

    /** The test metrics on {@code set} of the trained weights or, with an average that tests at least as well, its. */
    private Check on(DeviceTensors set) {
        Check trained = trained(set);
        if (average != null) {
            Check averaged = averaged(set);
            if (averaged.accuracy() >= trained.accuracy()) {
                return averaged;
            }
        }
        return trained;
    }

    private Check trained(DeviceTensors set) {
        BatchedEvaluation.Result r = BatchedEvaluation.run(trainer.getManager(), set, trainer::evaluate);
        return new Check(r.loss(), r.accuracy(), EpochMetrics.TRAINED, set.count());
    }

    private Check averaged(DeviceTensors set) {
        BatchedEvaluation.Result r = BatchedEvaluation.run(trainer.getManager(), set, average::evaluate);
        return new Check(r.loss(), r.accuracy(), EpochMetrics.AVERAGE, set.count());
    }

    /**
     * A check's test metrics.
     *
     * @param weights which weights they are of: {@link EpochMetrics#TRAINED} or {@link EpochMetrics#AVERAGE}
     * @param images  how many test images they come from
     */
    record Check(double loss, double accuracy, String weights, int images) {
    }
}
