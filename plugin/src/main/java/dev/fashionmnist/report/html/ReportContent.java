package dev.fashionmnist.report.html;

import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.report.plot.SampleGrid;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationRecord;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.ResultsFileException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Everything the HTML report shows, read from what train and evaluate left in the output folder; each part may be
 * missing (e.g. no evaluation yet). {@code metrics} are the model's (see {@link LearningHistory}); {@code metricsNote}
 * says where they come from when that is not simply metrics.csv. {@code language} is the reader's: the page is worded
 * in it (the files it is read from stay English: they are data).
 */
public record ReportContent(ModelCard card, List<EpochMetrics> metrics, Message metricsNote,
                            List<Diagnosis.Finding> diagnosis,
                            ConfusionMatrix confusion, Double testLoss, List<GateRow> gates,
                            Map<String, byte[]> images, List<String> sweepNames, List<SweepTable.Row> sweepRows,
                            Map<String, byte[]> sweepImages, Language language) {

    /** The plots, in the order they are shown; {@link #caption(String, Language)} says what each shows. */
    public static final List<String> PLOTS = List.of(SampleGrid.FILE, LearningCurves.ACCURACY, LearningCurves.LOSS,
            ConfusionHeatmap.FILE, MistakesGrid.FILE);

    /**
     * One gate's result as the JUnit report recorded it: measured and required value as people read them ({@code null}
     * in a report of an older plugin) and the message, which says both in words. Where the output folder holds the
     * evaluation the gates were checked on, {@code measuredText}, {@code requiredText} and {@code text} (the reasons)
     * say the same in any language; else they are {@code null} and the recorded strings are shown.
     */
    public record GateRow(String gate, boolean passed, String measured, String required, String message,
                          Message measuredText, Message requiredText, Message text) {
        /** A row known only by the JUnit report's strings. */
        public GateRow(String gate, boolean passed, String measured, String required, String message) {
            this(gate, passed, measured, required, message, null, null, null);
        }
    }

    /**
     * A builder of a page that shows nothing yet: no card, no metrics, no evaluation, no gates, no plots, no sweep,
     * worded in English.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this content, for a copy with some of it changed. */
    public Builder toBuilder() {
        return new Builder().card(card).metrics(metrics).metricsNote(metricsNote).diagnosis(diagnosis)
                .confusion(confusion).testLoss(testLoss).gates(gates).images(images).sweepNames(sweepNames)
                .sweepRows(sweepRows).sweepImages(sweepImages).language(language);
    }

    public boolean isEmpty() {
        return card == null && metrics.isEmpty() && confusion == null && sweepRows.isEmpty();
    }

    /** What the output folder {@code dir} holds, for a reader of {@code language} (plots drawn here too). */
    public static ReportContent collect(Path dir, Language language) throws IOException {
        ModelCard card = ModelCard.readIfPresent(dir.resolve("model"));
        LearningHistory history = LearningHistory.of(dir);
        List<EpochMetrics> metrics = history.metrics();
        // an evaluation recorded for another model than the folder's is not this model's: the page leaves it out
        boolean evaluated = !evaluationOfOtherModel(dir);
        Path confusionFile = dir.resolve(EvaluationReports.CONFUSION);
        ConfusionMatrix confusion = evaluated && Files.isRegularFile(confusionFile)
                ? EvaluationReports.readConfusion(confusionFile) : null;
        Path evaluation = dir.resolve(EvaluationReports.EVALUATION);
        Double loss = evaluated && Files.isRegularFile(evaluation)
                ? EvaluationReports.readAccuracyAndLoss(evaluation)[1] : null;
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (String name : PLOTS) {
            if (evaluated || !List.of(ConfusionHeatmap.FILE, MistakesGrid.FILE).contains(name)) {
                addImage(images, dir, name);
            }
        }
        if (history.note() != null && !metrics.isEmpty()) {
            // the learning-curve PNGs beside metrics.csv are another run's: draw the model's own
            images.putAll(LearningCurves.pngs(metrics, language));
        }
        List<String> sweepNames = List.of();
        List<SweepTable.Row> sweepRows = List.of();
        Map<String, byte[]> sweepImages = new LinkedHashMap<>();
        Path sweep = dir.resolve(SweepTable.FILE);
        if (Files.isRegularFile(sweep)) {
            sweepNames = SweepTable.names(sweep);
            sweepRows = SweepTable.read(sweep);
            if (sweepNames.size() >= 2) {
                addImage(sweepImages, dir, SweepPlots.HEATMAP);
            }
            for (String name : sweepNames) {
                addImage(sweepImages, dir, SweepPlots.parameterPlot(name));
            }
            addImage(sweepImages, dir, SweepPlots.CURVES);
        }
        return builder().card(card).metrics(metrics).metricsNote(history.noteText())
                .diagnosis(Diagnosis.of(metrics, runSetup(card, history, confusion)))
                .confusion(confusion).testLoss(loss)
                .gates(evaluated ? gates(dir.resolve(JUnitReport.FILE), confusion, loss) : List.of())
                .images(images).sweepNames(sweepNames).sweepRows(sweepRows).sweepImages(sweepImages).language(language)
                .build();
    }

    /**
     * What the diagnosis knows of the run whose {@code history} the page shows: the model card's settings when the
     * curves are the model's own, else only the classes (a card's, or the evaluation's {@code confusion} matrix's);
     * the majority class share from the evaluation, if any.
     */
    static RunSetup runSetup(ModelCard card, LearningHistory history, ConfusionMatrix confusion) {
        double majority = confusion == null ? 0 : RunSetup.majorityShare(confusion);
        if (card != null && (history.note() == null || history.metrics().equals(card.history()))) {
            return card.runSetup(majority);
        }
        int classes = card != null ? card.runSetup(majority).classCount()
                : confusion != null ? confusion.classCount() : 0;
        return RunSetup.ofClasses(classes, majority);
    }

    /**
     * Whether the evaluation that evaluate recorded in {@code dir} measured another model than the one in its
     * {@code model} folder (replaced by hand, or by a plugin that did not yet remove an older evaluation): its files
     * and gates must not pass for this model's. {@code false} without a record or a model to compare.
     */
    static boolean evaluationOfOtherModel(Path dir) throws IOException {
        EvaluationRecord record = EvaluationRecord.read(dir);
        Path card = dir.resolve("model").resolve(ModelCard.FILE);
        return record != null && Files.isRegularFile(card)
                && !record.key().modelSha256().equals(Digests.sha256(card));
    }

    /** Puts the file {@code name} of {@code dir} into {@code images} under its name, if it exists. */
    static void addImage(Map<String, byte[]> images, Path dir, String name) throws IOException {
        Path png = dir.resolve(name);
        if (Files.isRegularFile(png)) {
            images.put(name, Files.readAllBytes(png));
        }
    }

    /**
     * The gates of the JUnit report {@code junit}; with the evaluation's {@code confusion} matrix and {@code loss}
     * (either may be {@code null}) they are checked again, so that the page can word them in its own language.
     */
    static List<GateRow> gates(Path junit, ConfusionMatrix confusion, Double loss) throws IOException {
        List<GateRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(junit)) {
            return rows;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(junit.toFile());
            Map<String, String> properties = new HashMap<>();
            NodeList props = document.getElementsByTagName("property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            Map<String, Gates.GateOutcome> checked = checkedAgain(properties, confusion, loss);
            NodeList cases = document.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                String gate = c.getAttribute("name");
                NodeList failures = c.getElementsByTagName("failure");
                boolean passed = failures.getLength() == 0;
                String message = passed ? gate + " passed" : ((Element) failures.item(0)).getAttribute("message");
                String measured = properties.get(JUnitReport.measured(gate));
                String required = properties.get(JUnitReport.required(gate));
                Gates.GateOutcome o = checked.get(gate);
                // trust the XML: its verdict and values must be what the evaluation here gives
                rows.add(o != null && o.passed() == passed && o.measured().equals(measured)
                        && o.required().equals(required)
                        ? new GateRow(gate, passed, measured, required, message, o.measuredText(), o.requiredText(),
                        o.text())
                        : new GateRow(gate, passed, measured, required, message));
            }
        } catch (Exception e) {
            throw new ResultsFileException(Messages.of("report.html.unreadableJUnit", junit, e.getMessage()), e);
        }
        return rows;
    }

    /**
     * The gates the JUnit report's {@code properties} name ({@code fashionmnist.minAccuracy}, ...), checked again on
     * the evaluation, by gate; empty when the evaluation or the gates' configuration is missing or unreadable (an
     * older report, an edited file): the recorded strings are shown then.
     */
    private static Map<String, Gates.GateOutcome> checkedAgain(Map<String, String> properties,
                                                               ConfusionMatrix confusion, Double loss) {
        Map<String, Gates.GateOutcome> checked = new HashMap<>();
        String maxLoss = properties.get("fashionmnist.maxLoss");
        if (confusion == null || (maxLoss != null && loss == null && !properties.containsKey("evaluation.loss"))) {
            return checked;
        }
        try {
            // the loss as the report recorded it (4 decimals, as the gate showed it); evaluation.csv keeps 4 digits
            if (properties.containsKey("evaluation.loss")) {
                loss = Double.parseDouble(properties.get("evaluation.loss"));
            }
            Gates gates = Gates.parse(properties.get("fashionmnist.minAccuracy"),
                    properties.get("fashionmnist.minClassAccuracy"), maxLoss);
            for (Gates.GateOutcome o : gates.check(new EvaluationResult(confusion, loss == null ? Double.NaN : loss,
                    List.of()), properties.get("fashionmnist.dataset"))) {
                checked.put(o.gate(), o);
            }
        } catch (RuntimeException e) {
            checked.clear();
        }
        return checked;
    }

    /** The caption of the plot {@code file} (one of {@link #PLOTS}) in {@code language}. */
    public static String caption(String file, Language language) {
        return switch (file) {
            case SampleGrid.FILE -> Messages.text(language, "report.html.plot.samples");
            case LearningCurves.ACCURACY -> Messages.text(language, "report.html.plot.accuracy");
            case LearningCurves.LOSS -> Messages.text(language, "report.html.plot.loss");
            case ConfusionHeatmap.FILE -> Messages.text(language, "report.html.plot.confusion");
            case MistakesGrid.FILE -> Messages.text(language, "report.html.plot.mistakes");
            default -> throw new IllegalArgumentException("no plot " + file);
        };
    }

    /** {@link ReportContent} by name, one part at a time. */
    public static final class Builder {
        private ModelCard card;
        private List<EpochMetrics> metrics = List.of();
        private Message metricsNote;
        private List<Diagnosis.Finding> diagnosis = List.of();
        private ConfusionMatrix confusion;
        private Double testLoss;
        private List<GateRow> gates = List.of();
        private Map<String, byte[]> images = Map.of();
        private List<String> sweepNames = List.of();
        private List<SweepTable.Row> sweepRows = List.of();
        private Map<String, byte[]> sweepImages = Map.of();
        private Language language = Language.ENGLISH;

        private Builder() {
        }

        /** The model card; {@code null} = no model. */
        public Builder card(ModelCard card) {
            this.card = card;
            return this;
        }

        /** The model's metrics, a row per evaluation. */
        public Builder metrics(List<EpochMetrics> metrics) {
            this.metrics = metrics;
            return this;
        }

        /** Where the metrics come from when that is not simply metrics.csv. */
        public Builder metricsNote(Message metricsNote) {
            this.metricsNote = metricsNote;
            return this;
        }

        /** What the metrics say about the training. */
        public Builder diagnosis(List<Diagnosis.Finding> diagnosis) {
            this.diagnosis = diagnosis;
            return this;
        }

        /** The evaluation's confusion matrix; {@code null} = no evaluation. */
        public Builder confusion(ConfusionMatrix confusion) {
            this.confusion = confusion;
            return this;
        }

        /** The evaluation's test loss; {@code null} = none. */
        public Builder testLoss(Double testLoss) {
            this.testLoss = testLoss;
            return this;
        }

        /** The gates as the JUnit report recorded them. */
        public Builder gates(List<GateRow> gates) {
            this.gates = gates;
            return this;
        }

        /** The plots, by file name. */
        public Builder images(Map<String, byte[]> images) {
            this.images = images;
            return this;
        }

        /** The parameters a sweep varied. */
        public Builder sweepNames(List<String> sweepNames) {
            this.sweepNames = sweepNames;
            return this;
        }

        /** The sweep's trials. */
        public Builder sweepRows(List<SweepTable.Row> sweepRows) {
            this.sweepRows = sweepRows;
            return this;
        }

        /** The sweep's plots, by file name. */
        public Builder sweepImages(Map<String, byte[]> sweepImages) {
            this.sweepImages = sweepImages;
            return this;
        }

        /** The reader's language, in which the page is worded. */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /** The content. */
        public ReportContent build() {
            return new ReportContent(card, metrics, metricsNote, diagnosis, confusion, testLoss, gates, images,
                    sweepNames, sweepRows, sweepImages, language);
        }
    }
}
