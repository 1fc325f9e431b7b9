package dev.fashionmnist.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the diagnosis on hand-made learning curves, with its evidence and remedies. */
class DiagnosisTest {

    /** Epochs 1.. with the given train/test losses and accuracies (rows: trainLoss, trainAcc, testLoss, testAcc). */
    private static List<EpochMetrics> run(double[]... rows) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            epochs.add(EpochMetrics.builder().epoch(i + 1).trainLoss(r[0]).trainAccuracy(r[1]).testLoss(r[2])
                    .testAccuracy(r[3]).learningRate(0.001).epochSeconds(1.0).trainImagesPerSecond(1000).build());
        }
        return epochs;
    }

    /**
     * A usual configuration of epochs runs on Fashion-MNIST: mlp 784-128-10 on all 60000 images, batches of 64, adam
     * with learning rate 0.001, a balanced test set.
     */
    private static RunSetup usual(int epochs) {
        return new RunSetup("mlp", List.of(128), 60_000, 64, "adam", 0.001, epochs, 10, 0.10);
    }

    /** The findings of a run of the usual configuration that trained the epochs {@code epochs}. */
    private static List<Diagnosis.Finding> of(List<EpochMetrics> epochs) {
        return Diagnosis.of(epochs, usual(epochs.size()));
    }

    private static double[] e(double trainLoss, double trainAcc, double testLoss, double testAcc) {
        return new double[] {trainLoss, trainAcc, testLoss, testAcc};
    }

    private static Diagnosis.Finding only(List<EpochMetrics> epochs, Diagnosis.Kind kind) {
        List<Diagnosis.Finding> findings = of(epochs);
        assertEquals(1, findings.size(), findings.toString());
        Diagnosis.Finding f = findings.get(0);
        assertEquals(kind, f.kind(), f.message());
        assertEquals(kind.label(), Diagnosis.verdict(findings));
        assertTrue(f.message().startsWith(kind.label() + ": "), f.message());
        assertTrue(f.message().contains(f.evidence()), f.message());
        assertTrue(f.message().endsWith(". Try: " + f.remedies()), f.message());
        return f;
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + text + "' should contain '" + part + "'");
        }
    }

    private static List<EpochMetrics> healthy() {
        return run(e(0.90, 0.70, 0.80, 0.72), e(0.60, 0.79, 0.58, 0.79), e(0.48, 0.83, 0.50, 0.82),
                e(0.42, 0.85, 0.46, 0.84));
    }

    @Test
    void healthyRunHasNoFinding() {
        List<Diagnosis.Finding> findings = of(healthy());
        assertEquals(List.of(), findings);
        assertEquals("healthy", Diagnosis.verdict(findings));
    }

    @Test
    void overfittingWhenTheTestLossRisesTwoEpochsWhileTheTrainLossFalls() {
        List<EpochMetrics> epochs = run(e(0.80, 0.72, 0.60, 0.78), e(0.50, 0.82, 0.45, 0.83),
                e(0.35, 0.88, 0.48, 0.84), e(0.25, 0.91, 0.55, 0.83));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.OVERFITTING);
        assertContains(f.evidence(), "test loss rose from 0.4500 to 0.5500", "epochs 3-4",
                "train loss fell from 0.5000 to 0.2500");
        assertContains(f.message(), "trainSize", "weightDecay", "earlyStoppingPatience", "augment");
        assertEquals("overfitting", Diagnosis.verdict(of(epochs)));
    }

    @Test
    void aSingleRiseOfTheTestLossIsNotOverfitting() {
        List<EpochMetrics> epochs = run(e(0.80, 0.72, 0.60, 0.78), e(0.50, 0.82, 0.45, 0.83),
                e(0.35, 0.88, 0.48, 0.84), e(0.25, 0.89, 0.46, 0.84));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void testLossRisingWhileTheTrainLossAlsoRisesIsNotTheOverfittingPattern() {
        // both losses rise: not over-, but the train loss stays below twice its first value, so not diverging
        List<EpochMetrics> epochs = run(e(0.50, 0.85, 0.45, 0.84), e(0.55, 0.84, 0.50, 0.83),
                e(0.60, 0.83, 0.55, 0.82));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void overfittingWhenTrainAccuracyIsMoreThanTenPointsAboveTest() {
        List<EpochMetrics> epochs = run(e(0.60, 0.80, 0.70, 0.75), e(0.30, 0.92, 0.60, 0.80),
                e(0.10, 0.97, 0.58, 0.82));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.OVERFITTING);
        assertContains(f.evidence(), "train accuracy 97.00%", "15.0 points above test accuracy 82.00%",
                "more than 10");
        assertContains(f.message(), "trainSize", "weightDecay", "earlyStoppingPatience", "augment");
    }

    @Test
    void aGapOfNineAndAHalfPointsIsNotOverfitting() {
        List<EpochMetrics> epochs = run(e(0.60, 0.80, 0.70, 0.75), e(0.30, 0.875, 0.60, 0.80),
                e(0.20, 0.875, 0.58, 0.78));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void underfittingWhenTrainAccuracyIsLowAndFlat() {
        List<EpochMetrics> epochs = run(e(1.20, 0.55, 1.18, 0.56), e(1.00, 0.62, 1.00, 0.62),
                e(0.98, 0.625, 0.99, 0.62), e(0.97, 0.628, 0.98, 0.63));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.UNDERFITTING);
        assertContains(f.evidence(), "train accuracy is only 62.80%", "rose 0.80 points over the last two epochs");
        assertContains(f.message(), "epochs", "hiddenSize", "learningRate", "adam");
        assertEquals("underfitting", Diagnosis.verdict(of(epochs)));
    }

    @Test
    void lowButStillRisingTrainAccuracyIsNotUnderfitting() {
        List<EpochMetrics> epochs = run(e(1.00, 0.40, 0.98, 0.41), e(0.85, 0.50, 0.84, 0.50),
                e(0.72, 0.58, 0.71, 0.58), e(0.62, 0.65, 0.62, 0.64));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void underfittingNeedsThreeEpochs() {
        // two flat epochs at 60%: no underfitting yet, and no health either
        List<EpochMetrics> epochs = run(e(0.98, 0.60, 0.98, 0.60), e(0.97, 0.60, 0.97, 0.60));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.TOO_EARLY);
        assertEquals("only 2 epochs: over- and underfitting show in the learning curves over at least 3 epochs",
                f.evidence());
    }

    @Test
    void underfittingSuppressesLearningSlowly() {
        // flat, low accuracy and a high, barely falling loss: one finding, underfitting
        List<EpochMetrics> epochs = run(e(2.00, 0.30, 2.00, 0.30), e(1.99, 0.30, 1.99, 0.30),
                e(1.98, 0.301, 1.98, 0.30));
        only(epochs, Diagnosis.Kind.UNDERFITTING);
    }

    @Test
    void divergingWhenTheLossIsNaN() {
        List<EpochMetrics> epochs = run(e(0.90, 0.70, 0.80, 0.72), e(Double.NaN, 0.10, Double.NaN, 0.10),
                e(Double.NaN, 0.10, Double.NaN, 0.10));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.DIVERGING);
        assertContains(f.evidence(), "NaN", "epoch 2");
        assertContains(f.message(), "learningRate");
        assertEquals("diverging", Diagnosis.verdict(of(epochs)));
    }

    @Test
    void divergingWhenOnlyTheTestLossIsInfinite() {
        List<EpochMetrics> epochs = run(e(0.90, 0.70, 0.80, 0.72), e(0.80, 0.72, Double.POSITIVE_INFINITY, 0.10));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.DIVERGING);
        assertContains(f.evidence(), "Infinity", "epoch 2");
    }

    @Test
    void divergingWhenTheTrainLossMoreThanDoubles() {
        List<EpochMetrics> epochs = run(e(0.60, 0.80, 0.55, 0.80), e(0.90, 0.70, 0.95, 0.68),
                e(1.30, 0.50, 1.40, 0.48), e(2.50, 0.20, 2.60, 0.20));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.DIVERGING);
        assertContains(f.evidence(), "exploded from 0.6000 to 1.3000 by epoch 3");
        assertContains(f.message(), "lower the learningRate");
    }

    @Test
    void exactlyTwiceTheFirstLossIsNotDiverging() {
        List<EpochMetrics> epochs = run(e(0.60, 0.80, 0.55, 0.80), e(1.20, 0.79, 1.10, 0.79));
        assertTrue(of(epochs).stream().noneMatch(f -> f.kind() == Diagnosis.Kind.DIVERGING),
                of(epochs).toString());
    }

    @Test
    void divergingHidesEveryOtherFinding() {
        // overfitting pattern first (test loss rising twice while train loss falls), then NaN
        List<EpochMetrics> epochs = run(e(0.80, 0.72, 0.60, 0.78), e(0.50, 0.82, 0.65, 0.83),
                e(0.35, 0.95, 0.70, 0.70), e(Double.NaN, 0.10, Double.NaN, 0.10));
        only(epochs, Diagnosis.Kind.DIVERGING);
    }

    @Test
    void learningTooSlowlyLikeSgdWithATinyLearningRateOnACnn() {
        List<EpochMetrics> epochs = run(e(2.30, 0.10, 2.29, 0.11), e(2.29, 0.15, 2.28, 0.16),
                e(2.27, 0.22, 2.26, 0.23), e(2.26, 0.30, 2.25, 0.31));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.LEARNING_SLOWLY);
        assertContains(f.evidence(), "fell only 0.6% per epoch on average", "still 2.2600");
        assertContains(f.message(), "learningRate", "momentum", "adam");
        assertEquals("learning too slowly", Diagnosis.verdict(of(epochs)));
    }

    @Test
    void aSlowFallOfALowLossIsNotLearningTooSlowly() {
        // the loss is already below 1.0: a slow fall is convergence, not slow learning
        List<EpochMetrics> epochs = run(e(0.40, 0.86, 0.42, 0.85), e(0.395, 0.861, 0.41, 0.851),
                e(0.39, 0.862, 0.405, 0.852));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void aHighButFastFallingLossIsNotLearningTooSlowly() {
        List<EpochMetrics> epochs = run(e(2.30, 0.10, 2.20, 0.15), e(1.90, 0.30, 1.85, 0.31),
                e(1.60, 0.45, 1.55, 0.46));
        assertEquals(List.of(), of(epochs));
    }

    @Test
    void noEpochEndIsTooEarlyToTell() {
        // e.g. the accuracy target stopped the run within its first epoch: only rows within an epoch
        List<EpochMetrics> within = List.of(EpochMetrics.at(0.5, 0.5, 0.8, 0.5, 0.8, 0.001, 1, 1000));
        Diagnosis.Finding f = only(within, Diagnosis.Kind.TOO_EARLY);
        assertEquals("no epoch has ended: over- and underfitting show in the learning curves over at least 3 epochs",
                f.evidence());
        assertEquals("too early to tell", Diagnosis.verdict(of(within)));
    }

    @Test
    void noRowsNoFinding() {
        // nothing to judge; the pages and logs show no diagnosis without metrics
        assertEquals(List.of(), of(List.of()));
    }

    @Test
    void aSingleGoodEpochIsTooEarlyToTellNotHealthy() {
        List<EpochMetrics> epochs = run(e(0.50, 0.82, 0.52, 0.81));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.TOO_EARLY);
        assertEquals("too early to tell: only 1 epoch: over- and underfitting show in the learning curves over at "
                + "least 3 epochs. Try: train at least 3 epochs (epochs=3) to read the learning curves", f.message());
        assertEquals("zu früh für ein Urteil: Nur 1 Epoche: Über- und Unteranpassung zeigen die Lernkurven erst über "
                + "mindestens 3 Epochen. Versuche: mindestens 3 Epochen trainieren (epochs=3), um die Lernkurven zu "
                + "lesen", f.text().in(Language.GERMAN));
        assertEquals("too early to tell", Diagnosis.verdict(of(epochs)));
        assertFalse(f.kind().warning(), "too early to tell is information, not a problem");
    }

    @Test
    void tooEarlyWhileTheRunGoesOnSaysToWait() {
        // the live report after epoch 1 of 10
        List<Diagnosis.Finding> findings = Diagnosis.of(run(e(0.50, 0.82, 0.52, 0.81)), usual(10));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("too early to tell: epoch 1 of 10 so far: over- and underfitting show in the learning curves "
                + "over at least 3 epochs. Try: wait for the remaining epochs", findings.get(0).message());
        assertEquals("zu früh für ein Urteil: Bisher Epoche 1 von 10: Über- und Unteranpassung zeigen die Lernkurven "
                + "erst über mindestens 3 Epochen. Versuche: auf die übrigen Epochen warten",
                findings.get(0).text().in(Language.GERMAN));
    }

    @Test
    void singleEpochWithALargeGapIsOverfitting() {
        Diagnosis.Finding f = only(run(e(0.20, 0.95, 0.60, 0.80)), Diagnosis.Kind.OVERFITTING);
        assertContains(f.evidence(), "15.0 points");
    }

    @Test
    void singleEpochAtChanceIsNotLearningNotSlowOrUnderfitting() {
        // one epoch says nothing about a trend, but 10% on ten classes is chance whatever comes next
        Diagnosis.Finding f = only(run(e(2.30, 0.10, 2.30, 0.10)), Diagnosis.Kind.NOT_LEARNING);
        assertEquals("test accuracy 10.00% at epoch 1 is at chance level: guessing among 10 classes gets 10.00%, a "
                + "network that learns reaches 20.00% or more; the configuration shows no usual cause", f.evidence());
        assertEquals(Diagnosis.Kind.NOT_LEARNING.remedies(), f.remedies(), "no cause: the general remedies");
        assertTrue(f.kind().warning());
    }

    @Test
    void singleNaNEpochIsDiverging() {
        Diagnosis.Finding f = only(run(e(Double.NaN, 0.10, 2.30, 0.10)), Diagnosis.Kind.DIVERGING);
        assertContains(f.evidence(), "NaN", "epoch 1");
    }

    @Test
    void overfittingAndLearningSlowlyCanBothBeReported() {
        List<EpochMetrics> epochs = run(e(1.50, 0.90, 2.00, 0.60), e(1.49, 0.91, 2.10, 0.60),
                e(1.48, 0.92, 2.20, 0.60));
        List<Diagnosis.Finding> findings = of(epochs);
        assertEquals(List.of(Diagnosis.Kind.OVERFITTING, Diagnosis.Kind.LEARNING_SLOWLY),
                findings.stream().map(Diagnosis.Finding::kind).toList(), findings.toString());
        assertEquals("overfitting", Diagnosis.verdict(findings));
    }

    // ---- the diagnosis in German (and English unchanged), for every kind and every evidence variant ----

    private static final String OVERFITTING_DE = ". Versuche: mehr Trainingsdaten (trainSize), weniger Epochen oder "
            + "frühes Stoppen (earlyStoppingPatience), ein kleineres Modell, Gewichtsverfall (weightDecay), "
            + "Datenaugmentierung (augment)";
    private static final String DIVERGING_DE = ": Die Lernrate ist so groß, dass jeder Schritt über das Tal "
            + "hinausschießt. Versuche: eine kleinere Lernrate (learningRate), z. B. zehnmal kleiner";

    /** The only finding's full text in German; its English text is what message() has always said. */
    private static String german(List<EpochMetrics> epochs, Diagnosis.Kind kind) {
        Diagnosis.Finding f = only(epochs, kind);
        assertEquals(f.message(), f.text().toString());
        assertEquals(kind.label() + ": " + f.evidence() + ". Try: " + kind.remedies(), f.text().in(Language.ENGLISH));
        return f.text().in(Language.GERMAN);
    }

    /** Learning curves, the kind of their only finding, and its exact German text. */
    private record German(List<EpochMetrics> epochs, Diagnosis.Kind kind, String text) {
    }

    @Test
    void everyFindingInGermanWithDecimalCommas() {
        List<German> cases = List.of(
                new German(run(e(0.80, 0.72, 0.60, 0.78), e(0.50, 0.82, 0.45, 0.83), e(0.35, 0.88, 0.48, 0.84),
                        e(0.25, 0.91, 0.55, 0.83)), Diagnosis.Kind.OVERFITTING,
                        "Überanpassung: Der Testverlust stieg in den Epochen 3–4 von 0,4500 auf 0,5500, während der "
                                + "Trainingsverlust von 0,5000 auf 0,2500 fiel: Das Netz lernt die Trainingsdaten "
                                + "auswendig, statt zu verallgemeinern" + OVERFITTING_DE),
                // the example
                new German(run(e(0.001, 1.0, 0.9, 0.757)), Diagnosis.Kind.OVERFITTING,
                        "Überanpassung: Die Trainingsgenauigkeit (100,00 %) liegt 24,3 Punkte über der "
                                + "Testgenauigkeit (75,70 %), mehr als 10 Punkte: Das Netz lernt die Trainingsdaten "
                                + "auswendig, statt zu verallgemeinern" + OVERFITTING_DE),
                new German(run(e(1.20, 0.55, 1.18, 0.56), e(1.00, 0.62, 1.00, 0.62), e(0.98, 0.625, 0.99, 0.62),
                        e(0.97, 0.628, 0.98, 0.63)), Diagnosis.Kind.UNDERFITTING,
                        "Unteranpassung: Die Trainingsgenauigkeit beträgt nur 62,80 % und stieg in den letzten zwei "
                                + "Epochen um 0,80 Punkte: Das Netz ist für die Aufgabe zu einfach oder hat noch zu "
                                + "wenig gelernt. Versuche: länger trainieren (mehr Epochen, 'epochs'), ein größeres "
                                + "Modell (hiddenSize, eine andere Architektur), eine höhere Lernrate (learningRate), "
                                + "einen anderen Optimierer (adam)"),
                new German(run(e(0.90, 0.70, 0.80, 0.72), e(Double.NaN, 0.10, Double.NaN, 0.10)),
                        Diagnosis.Kind.DIVERGING, "Divergenz: Der Verlust wurde in Epoche 2 zu NaN (keine Zahl)"
                                + DIVERGING_DE),
                new German(run(e(0.90, 0.70, 0.80, 0.72), e(0.80, 0.72, Double.POSITIVE_INFINITY, 0.10)),
                        Diagnosis.Kind.DIVERGING, "Divergenz: Der Verlust wurde in Epoche 2 zu unendlich"
                                + DIVERGING_DE),
                new German(run(e(0.90, 0.70, 0.80, 0.72), e(Double.NEGATIVE_INFINITY, 0.72, 0.8, 0.10)),
                        Diagnosis.Kind.DIVERGING, "Divergenz: Der Verlust wurde in Epoche 2 zu minus unendlich"
                                + DIVERGING_DE),
                new German(run(e(0.60, 0.80, 0.55, 0.80), e(0.90, 0.70, 0.95, 0.68), e(1.30, 0.50, 1.40, 0.48),
                        e(2.50, 0.20, 2.60, 0.20)), Diagnosis.Kind.DIVERGING,
                        "Divergenz: Der Trainingsverlust ist bis Epoche 3 von 0,6000 auf 1,3000 explodiert"
                                + DIVERGING_DE),
                new German(run(e(2.30, 0.10, 2.29, 0.11), e(2.29, 0.15, 2.28, 0.16), e(2.27, 0.22, 2.26, 0.23),
                        e(2.26, 0.30, 2.25, 0.31)), Diagnosis.Kind.LEARNING_SLOWLY,
                        "Zu langsames Lernen: Der Trainingsverlust fiel im Mittel nur um 0,6 % pro Epoche und liegt "
                                + "noch bei 2,2600: Die Lernkurven bewegen sich kaum, das Netz lernt zu langsam. "
                                + "Versuche: eine höhere Lernrate (learningRate), Momentum (z. B. 0.9 mit sgd) oder "
                                + "den Optimierer adam"));
        for (German c : cases) {
            assertEquals(c.text(), german(c.epochs(), c.kind()));
        }
        assertEquals("overfitting: train accuracy 100.00% is 24.3 points above test accuracy 75.70% (more than 10). "
                + "Try: more training data (trainSize), fewer epochs or early stopping (earlyStoppingPatience), a "
                + "smaller model, weight decay (weightDecay), augmentation (augment)",
                of(cases.get(1).epochs()).get(0).message(), "English as before");
    }

    @Test
    void verdictInBothLanguages() {
        assertEquals("healthy", Diagnosis.verdictText(List.of()).in(Language.ENGLISH));
        assertEquals("gesund", Diagnosis.verdictText(List.of()).in(Language.GERMAN));
        List<Diagnosis.Finding> findings = of(run(e(1.50, 0.90, 2.00, 0.60), e(1.49, 0.91, 2.10, 0.60),
                e(1.48, 0.92, 2.20, 0.60)));
        assertEquals("overfitting", Diagnosis.verdictText(findings).in(Language.ENGLISH));
        assertEquals("Überanpassung", Diagnosis.verdictText(findings).in(Language.GERMAN));
        assertEquals(Diagnosis.verdict(findings), Diagnosis.verdictText(findings).toString());
    }

    @Test
    void everyKindHasItsWordsInBothLanguages() {
        List<String> german = List.of("Überanpassung", "Unteranpassung", "Divergenz", "Zu langsames Lernen",
                "lernt nicht", "zu früh für ein Urteil");
        List<String> english = List.of("overfitting", "underfitting", "diverging", "learning too slowly",
                "not learning", "too early to tell");
        for (Diagnosis.Kind kind : Diagnosis.Kind.values()) {
            assertEquals(english.get(kind.ordinal()), kind.label());
            assertEquals(kind.label(), kind.labelText().in(Language.ENGLISH));
            assertEquals(german.get(kind.ordinal()), kind.labelText().in(Language.GERMAN));
            assertEquals(kind.remedies(), kind.remediesText().in(Language.ENGLISH));
            String remedies = kind.remediesText().in(Language.GERMAN);
            assertTrue(remedies.contains("learningRate") || remedies.contains("trainSize")
                    || remedies.contains("epochs="), remedies);
            assertTrue(!remedies.equals(kind.remedies()), "German remedies of " + kind + ": " + remedies);
        }
    }

    // ---- not learning: chance level from the first epoch on, with the causes in the configuration ----

    /** The chance-level run: hiddenSize=2, learningRate=1e-7 (adam), 300 images in batches of 64, 1 epoch. */
    private static final RunSetup TINY = new RunSetup("mlp", List.of(2), 300, 64, "adam", 1e-7, 1, 10, 0.10);

    @Test
    void chanceLevelAtEpochOneIsNotLearningWithItsCausesInBothLanguages() {
        List<Diagnosis.Finding> findings = Diagnosis.of(run(e(2.31, 0.098, 2.30, 0.1025)), TINY);
        assertEquals(1, findings.size(), findings.toString());
        Diagnosis.Finding f = findings.get(0);
        assertEquals(Diagnosis.Kind.NOT_LEARNING, f.kind());
        assertEquals("not learning", Diagnosis.verdict(findings));
        assertEquals("not learning: test accuracy 10.25% at epoch 1 is at chance level: guessing among 10 classes "
                + "gets 10.00%, a network that learns reaches 20.00% or more; likely causes: a hidden layer of only 2 "
                + "neurons for 10 classes (hiddenSize=2), a tiny learning rate (learningRate=1E-7 with adam), with "
                + "which each step barely moves the weights, only 5 optimizer steps (300 training images in batches "
                + "of 64, 1 epoch). Try: a wider hidden layer (hiddenSize=128, the default); a larger learningRate "
                + "(0.003 with adam, the default, or 0.01 with sgd); more epochs (epochs) or more training images "
                + "(trainSize)", f.message());
        assertEquals("lernt nicht: Die Testgenauigkeit von 10,25 % in Epoche 1 liegt auf Zufallsniveau: Raten unter "
                + "10 Klassen ergibt 10,00 %, ein Netz, das lernt, erreicht 20,00 % oder mehr; wahrscheinliche "
                + "Ursachen: eine verborgene Schicht mit nur 2 Neuronen für 10 Klassen (hiddenSize=2), eine winzige "
                + "Lernrate (learningRate=1E-7 mit adam), mit der jeder Schritt die Gewichte kaum bewegt, nur 5 "
                + "Optimierungsschritte (300 Trainingsbilder in Stapeln zu 64, 1 Epoche). Versuche: eine breitere "
                + "verborgene Schicht (hiddenSize=128, voreingestellt); eine größere Lernrate (learningRate: 0.003 "
                + "mit adam, voreingestellt, oder 0.01 mit sgd); mehr Epochen ('epochs') oder mehr Trainingsbilder "
                + "(trainSize)", f.text().in(Language.GERMAN));
        assertEquals("lernt nicht", Diagnosis.verdictText(findings).in(Language.GERMAN));
        assertEquals("lernt nicht", Diagnosis.verdictText("not learning").in(Language.GERMAN));
        assertEquals("zu früh für ein Urteil", Diagnosis.verdictText("too early to tell").in(Language.GERMAN));
    }

    @Test
    void oneCauseIsNamedInTheSingular() {
        RunSetup narrow = new RunSetup("mlp", List.of(64, 4), 60_000, 64, "adam", 0.001, 1, 10, 0.10);
        Diagnosis.Finding f = Diagnosis.of(run(e(2.0, 0.15, 2.0, 0.15)), narrow).get(0);
        assertEquals(Diagnosis.Kind.NOT_LEARNING, f.kind());
        assertContains(f.evidence(), "; likely cause: a hidden layer of only 4 neurons for 10 classes "
                + "(hiddenLayers=64,4)");
        assertEquals("a wider hidden layer (hiddenSize=128, the default)", f.remedies());
        assertContains(f.text().in(Language.GERMAN), "; wahrscheinliche Ursache: eine verborgene Schicht");
    }

    @Test
    void theLearningRateIsACauseWhereItIsTinyOrLargeForItsOptimizer() {
        List<EpochMetrics> chance = run(e(2.3, 0.1, 2.3, 0.1));
        assertContains(Diagnosis.of(chance, new RunSetup("net", List.of(), 60_000, 64, "sgd", 0.0005, 1, 10, 0.1))
                .get(0).evidence(), "likely cause: a tiny learning rate (learningRate=0.0005 with sgd)");
        assertContains(Diagnosis.of(chance, new RunSetup("net", List.of(), 60_000, 64, "adam", 0.5, 1, 10, 0.1))
                .get(0).evidence(), "likely cause: a large learning rate (learningRate=0.5 with adam), whose steps "
                + "overshoot");
        // 0.0005 is a usual rate for adam, 0.5 for sgd: no cause
        for (RunSetup usualRate : List.of(new RunSetup("net", List.of(), 60_000, 64, "adam", 0.0005, 1, 10, 0.1),
                new RunSetup("net", List.of(), 60_000, 64, "sgd", 0.5, 1, 10, 0.1))) {
            assertContains(Diagnosis.of(chance, usualRate).get(0).evidence(),
                    "; the configuration shows no usual cause");
        }
    }

    @Test
    void twiceChanceIsWhereLearningStarts() {
        assertEquals(Diagnosis.Kind.NOT_LEARNING, of(run(e(1.9, 0.2, 1.9, 0.1999))).get(0).kind());
        assertEquals(Diagnosis.Kind.TOO_EARLY, of(run(e(1.9, 0.2, 1.9, 0.20))).get(0).kind());
    }

    @Test
    void withFewClassesTenPointsAboveChanceAndAboveTheMajorityClass() {
        // two classes: twice chance would be 100%; learning starts 10 points above chance
        RunSetup binary = new RunSetup("mlp", List.of(128), 60_000, 64, "adam", 0.001, 1, 2, 0.5);
        assertContains(Diagnosis.of(run(e(0.69, 0.55, 0.69, 0.58)), binary).get(0).evidence(),
                "test accuracy 58.00% at epoch 1 is at chance level: guessing among 2 classes gets 50.00%, a "
                        + "network that learns reaches 60.00% or more");
        assertEquals(Diagnosis.Kind.TOO_EARLY, Diagnosis.of(run(e(0.6, 0.65, 0.6, 0.65)), binary).get(0).kind());
        // 70% of the test images in one class: 65% is below what always answering it gets
        Diagnosis.Finding f = Diagnosis.of(run(e(0.6, 0.65, 0.6, 0.65)), binary.withMajorityShare(0.7)).get(0);
        assertEquals(Diagnosis.Kind.NOT_LEARNING, f.kind());
        assertContains(f.evidence(), "test accuracy 65.00% at epoch 1 is not above the 70.00% that always answering "
                + "the most frequent class gets");
        assertContains(f.text().in(Language.GERMAN), "liegt nicht über den 70,00 %, die schon erreicht, wer immer "
                + "die häufigste Klasse nennt");
    }

    @Test
    void stuckAtChanceForEpochsIsNotLearningAlone() {
        // flat at 10% for four epochs: underfitting and slow learning would say less than "not learning"
        List<EpochMetrics> epochs = run(e(2.30, 0.10, 2.30, 0.10), e(2.30, 0.10, 2.30, 0.10),
                e(2.30, 0.10, 2.30, 0.10), e(2.30, 0.10, 2.30, 0.10));
        Diagnosis.Finding f = only(epochs, Diagnosis.Kind.NOT_LEARNING);
        assertContains(f.evidence(), "at epoch 4");
    }

    @Test
    void memorisingTheTrainingImagesAtChanceOnTheTestSetIsAlsoOverfitting() {
        List<Diagnosis.Finding> findings = Diagnosis.of(run(e(0.05, 0.99, 4.0, 0.12)), TINY);
        assertEquals(List.of(Diagnosis.Kind.NOT_LEARNING, Diagnosis.Kind.OVERFITTING),
                findings.stream().map(Diagnosis.Finding::kind).toList(), findings.toString());
    }

    @Test
    void withoutTheClassesThereIsNoChanceLevel() {
        // metrics.csv without a model card: nothing says how many classes there are
        assertEquals(List.of(Diagnosis.Kind.TOO_EARLY), Diagnosis.of(run(e(2.3, 0.1, 2.3, 0.1)), RunSetup.UNKNOWN)
                .stream().map(Diagnosis.Finding::kind).toList());
        // the classes alone: chance level, but no causes
        Diagnosis.Finding f = Diagnosis.of(run(e(2.3, 0.1, 2.3, 0.1)), RunSetup.ofClasses(10, 0.1)).get(0);
        assertEquals("test accuracy 10.00% at epoch 1 is at chance level: guessing among 10 classes gets 10.00%, a "
                + "network that learns reaches 20.00% or more", f.evidence());
    }

    @Test
    void divergingStaysAsItWasAndHidesNotLearning() {
        Diagnosis.Finding f = Diagnosis.of(run(e(Double.NaN, 0.10, Double.NaN, 0.10)), TINY).get(0);
        assertEquals(Diagnosis.Kind.DIVERGING, f.kind());
        assertEquals(Diagnosis.Kind.DIVERGING.remedies(), f.remedies());
    }

    @Test
    void theMajorityShareOfLabelsAndOfAConfusionMatrix() {
        assertEquals(0.5, RunSetup.majorityShare(new int[] {0, 1, 1, 2}, 3), 1e-12);
        assertEquals(0, RunSetup.majorityShare(new int[0], 3), 0);
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("a", "b"));
        m.add(0, 0);
        m.add(1, 0);
        m.add(1, 1);
        m.add(1, 1);
        assertEquals(0.75, RunSetup.majorityShare(m), 1e-12);
    }
}
