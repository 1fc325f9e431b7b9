package dev.fashionmnist.report;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gates as a JUnit XML report in Surefire's format, so that CI test reporters (Maven's surefire-report plugin,
 * Jenkins' JUnit plugin, GitLab's and GitHub's test reports) show a violated gate like a failed test: one test case
 * per configured gate, all of class {@link #CLASS_NAME}, which is also the suite's name (reporters index suites by
 * it). The suite carries {@code tests}/{@code errors}/{@code skipped}/{@code failures} counts, its {@code time} in
 * seconds, the {@code timestamp} (local time, as JUnit's and Ant's XML give it) and {@code hostname} of the run, and
 * as {@code <properties>} the configuration that produced the result and each gate's measured and required value
 * ({@code gate.minAccuracy.measured}, {@code gate.minAccuracy.required}).
 */
public final class JUnitReport {
    public static final String FILE = "TEST-fashionmnist-evaluation.xml";
    /** The test class of every gate and the name of the suite. */
    public static final String CLASS_NAME = "fashionmnist.evaluation";

    /**
     * The evaluation run behind a report.
     *
     * @param timestamp  when the evaluation began, local time without zone, to the second
     * @param hostname   the machine that ran it
     * @param seconds    how long it took
     * @param properties the configuration and measurements that produced the result, by name
     * @param summary    one line on the result, in the report's language; each gate's standard output
     */
    public record Run(LocalDateTime timestamp, String hostname, double seconds, Map<String, String> properties,
                      String summary) {
        public Run {
            timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
            properties = new LinkedHashMap<>(properties);
        }
    }

    private JUnitReport() {
    }

    /** The report with English failure messages. */
    public static void write(Path file, Run run, List<Gates.GateOutcome> outcomes) throws IOException {
        write(file, run, outcomes, Language.ENGLISH);
    }

    /**
     * The report with the failure messages in {@code language}; the test cases keep their English names (the gates'
     * parameter names), which CI dashboards track from build to build.
     */
    public static void write(Path file, Run run, List<Gates.GateOutcome> outcomes, Language language)
            throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(run.properties());
        for (Gates.GateOutcome o : outcomes) {
            putIfSet(properties, measured(o.gate()), o.measured());
            putIfSet(properties, required(o.gate()), o.required());
        }
        AtomicFiles.write(file, out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
                write(xml, run, properties, outcomes, language);
                xml.close();
            } catch (XMLStreamException e) {
                // the writer wraps the stream's own failure (a full disk, say): report that one
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        });
    }

    /**
     * The suite as Surefire writes it, indented by two spaces a level; the JDK's own StAX writer (not one a plugin on
     * the class path may bring) escapes what the texts hold.
     */
    private static void write(XMLStreamWriter xml, Run run, Map<String, String> properties,
                              List<Gates.GateOutcome> outcomes, Language language) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        indent(xml, 0);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", CLASS_NAME);
        xml.writeAttribute("time", seconds(run.seconds()));
        xml.writeAttribute("tests", String.valueOf(outcomes.size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("failures", String.valueOf(outcomes.stream().filter(o -> !o.passed()).count()));
        xml.writeAttribute("timestamp", run.timestamp().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        xml.writeAttribute("hostname", text(run.hostname()));
        indent(xml, 1);
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> p : properties.entrySet()) {
            indent(xml, 2);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", text(p.getKey()));
            xml.writeAttribute("value", text(p.getValue()));
        }
        indent(xml, 1);
        xml.writeEndElement();
        for (Gates.GateOutcome o : outcomes) {
            indent(xml, 1);
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", text(o.gate()));
            xml.writeAttribute("classname", CLASS_NAME);
            xml.writeAttribute("time", "0");
            if (!o.passed()) {
                indent(xml, 2);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", text(o.text().in(language)));
                xml.writeAttribute("type", "QualityGate");
                xml.writeCharacters(text(String.join("\n", o.details(language))));
                xml.writeEndElement();
            }
            indent(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(run.summary()));
            xml.writeEndElement();
            indent(xml, 1);
            xml.writeEndElement();
        }
        indent(xml, 0);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    /** A line break and the indentation of an element {@code depth} levels down. */
    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * What produced {@code result}: the dataset and training parameters under their user property names
     * ({@code fashionmnist.epochs}, ...), the configured gates likewise, facts of the trained model as
     * {@code model.*} and the measurements as {@code evaluation.*}.
     */
    public static Map<String, String> properties(ModelCard card, Gates gates, EvaluationResult result,
                                                 String evaluationDevice) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fashionmnist.dataset", card.dataset());
        card.hyperparameters().parameters().forEach((name, value) -> p.put("fashionmnist." + name, value));
        putIfSet(p, "fashionmnist.minAccuracy", gates.minAccuracy());
        putIfSet(p, "fashionmnist.minClassAccuracy", gates.minClassAccuracy());
        putIfSet(p, "fashionmnist.maxLoss", gates.maxLoss());
        p.put("model.network", card.model().describe());
        p.put("model.trainableParameters", String.valueOf(card.trainableParameters()));
        p.put("model.epochsTrained", String.valueOf(card.epochsTrained()));
        p.put("model.bestEpoch", String.valueOf(card.bestEpoch()));
        p.put("model.trainImages", String.valueOf(card.trainImages()));
        p.put("model.testImages", String.valueOf(card.testImages()));
        p.put("model.device", card.device());
        p.put("model.trainingSeconds", String.format(Locale.ROOT, "%.3f", card.trainingSeconds()));
        putIfSet(p, "model.createdAt", card.createdAt());
        putIfSet(p, "model.runId", card.runId());
        putIfSet(p, "model.fingerprint", card.fingerprint());
        putIfSet(p, "model.parametersSha256", card.parametersSha256());
        if (card.versions() != null) {
            putIfSet(p, "model.pluginVersion", card.versions().plugin());
            putIfSet(p, "model.djlVersion", card.versions().djl());
            putIfSet(p, "model.pytorchVersion", card.versions().pytorch());
            putIfSet(p, "model.javaVersion", card.versions().java());
        }
        p.put("evaluation.testImages", String.valueOf(result.confusion().total()));
        p.put("evaluation.accuracy", String.format(Locale.ROOT, "%.4f", result.accuracy()));
        p.put("evaluation.loss", String.format(Locale.ROOT, "%.4f", result.loss()));
        p.put("evaluation.device", evaluationDevice);
        return p;
    }

    /** The property that holds a gate's measured value as people read it, e.g. {@code gate.minAccuracy.measured}. */
    public static String measured(String gate) {
        return "gate." + gate + ".measured";
    }

    /** The property that holds a gate's required value, e.g. {@code gate.minAccuracy.required} = {@code ≥ 80.00%}. */
    public static String required(String gate) {
        return "gate." + gate + ".required";
    }

    private static void putIfSet(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, String.valueOf(value));
        }
    }

    /** Seconds as Surefire writes them: at most three decimals, no grouping, no exponent. */
    static String seconds(double seconds) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3f", Math.max(0, seconds)))
                .stripTrailingZeros().toPlainString();
    }

    /**
     * {@code s} as XML 1.0 may hold it: a control character other than line break and tab (a bell in a log line, say)
     * becomes a space, so that a reporter never rejects the file; escaping is the XML writer's.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
