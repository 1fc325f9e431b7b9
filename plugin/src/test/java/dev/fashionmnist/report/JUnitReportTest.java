package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.html.EvaluationSummary;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The gates' JUnit XML, read back with a real XML parser and checked against what Surefire's reporters rely on. */
public class JUnitReportTest {
    @TempDir
    Path dir;

    /** A run with one property, for tests that need a report but not its configuration. */
    public static JUnitReport.Run run(String summary, double seconds) {
        return new JUnitReport.Run(LocalDateTime.of(2025, 3, 7, 9, 5, 2), "ci-runner-7", seconds,
                Map.of("fashionmnist.architecture", "mlp"), summary);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        return builder.parse(file.toFile());
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void onePassingOneFailingGateInSurefiresFormat() throws Exception {
        Path file = dir.resolve(JUnitReport.FILE);
        List<Gates.GateOutcome> outcomes = List.of(
                new Gates.GateOutcome("minAccuracy", true,
                        List.of("accuracy 91.00% meets the required minimum of 90.00%")),
                new Gates.GateOutcome("minClassAccuracy", false,
                        List.of("class 'Shirt' accuracy 60.00% is below the required minimum of 70.00%",
                                "class 'Pullover' accuracy 65.00% is below the required minimum of 70.00%")));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("fashionmnist.dataset", "fashion-mnist");
        properties.put("fashionmnist.architecture", "mlp");
        properties.put("fashionmnist.epochs", "1");
        JUnitReport.write(file, new JUnitReport.Run(LocalDateTime.of(2025, 3, 7, 9, 5, 2, 987_000_000), "ci-runner-7",
                1.5, properties, "accuracy 91.00%, loss 0.2500 on 10000 test images"), outcomes);

        assertTrue(Files.readString(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                + "fashionmnist.evaluation\" time=\"1.5\" tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"1\""),
                "Surefire's declaration and attribute order");
        Element suite = parse(file).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals(JUnitReport.CLASS_NAME, suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("1.5", suite.getAttribute("time"));
        assertEquals("2025-03-07T09:05:02", suite.getAttribute("timestamp"), "local time to the second, no zone");
        assertEquals("ci-runner-7", suite.getAttribute("hostname"));

        List<Element> parts = children(suite);
        assertEquals(List.of("properties", "testcase", "testcase"), parts.stream().map(Element::getTagName).toList(),
                "properties first, then the test cases, nothing else at suite level (Surefire's schema)");
        List<Element> props = children(parts.get(0));
        assertEquals(List.of("fashionmnist.dataset", "fashionmnist.architecture", "fashionmnist.epochs"),
                props.stream().map(p -> p.getAttribute("name")).toList());
        assertEquals(List.of("fashion-mnist", "mlp", "1"), props.stream().map(p -> p.getAttribute("value")).toList());

        Element pass = parts.get(1);
        Element fail = parts.get(2);
        for (Element testcase : List.of(pass, fail)) {
            assertEquals(suite.getAttribute("name"), testcase.getAttribute("classname"),
                    "reporters find a test case's suite by its class name");
            assertEquals("0", testcase.getAttribute("time"));
            Element out = (Element) testcase.getElementsByTagName("system-out").item(0);
            assertEquals("accuracy 91.00%, loss 0.2500 on 10000 test images", out.getTextContent());
        }
        assertEquals("minAccuracy", pass.getAttribute("name"));
        assertEquals(List.of("system-out"), children(pass).stream().map(Element::getTagName).toList());
        assertEquals("minClassAccuracy", fail.getAttribute("name"));
        assertEquals(List.of("failure", "system-out"), children(fail).stream().map(Element::getTagName).toList());

        Element failure = children(fail).get(0);
        assertEquals("QualityGate", failure.getAttribute("type"));
        String message = failure.getAttribute("message");
        assertTrue(message.contains("60.00%") && message.contains("70.00%") && message.contains("'Shirt'")
                && message.contains("'Pullover'"), message);
        assertEquals(outcomes.get(1).message(), message);
        assertEquals(String.join("\n", outcomes.get(1).details()), failure.getTextContent());
    }

    @Test
    void timeIsInSecondsAsSurefireWritesIt() {
        assertEquals("0", JUnitReport.seconds(0));
        assertEquals("0.04", JUnitReport.seconds(0.04));
        assertEquals("12", JUnitReport.seconds(12.0001));
        assertEquals("1234.568", JUnitReport.seconds(1234.5678), "no grouping, at most three decimals");
        assertEquals("0", JUnitReport.seconds(-0.5), "never negative");
        assertEquals(1234.568f, Float.parseFloat(JUnitReport.seconds(1234.5678)));
    }

    @Test
    void propertiesHoldTheConfigurationThatProducedTheResult() {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, null, 28, 28, 3);
        TrainSettings settings = TrainSettings.builder().model(spec).epochs(2).batchSize(32)
                .optimizer(OptimizerKind.SGD).learningRate(0.01).momentum(0.9).nesterov(true).weightDecay(0.0005)
                .lrSchedule(LrSchedule.CONSTANT).trainSize(600).seed(7).device("auto").earlyStoppingPatience(1)
                .augment(true).build();
        ModelCard card = ModelCard.builder()
                .architecture("mlp")
                .model(spec)
                .hyperparameters(settings)
                .dataset("mnist")
                .classNames(List.of("a", "b", "c"))
                .dataSha256(Map.of())
                .trainImages(600)
                .testImages(300)
                .epochsTrained(2)
                .bestEpoch(1)
                .trainableParameters(101_770)
                .device("cpu")
                .trainingSeconds(3.25)
                .parametersFile("fashionmnist-0000.params")
                .parametersSha256("beef")
                .versions(new ModelCard.Versions("0.1.0", "0.29.0", "2.3.1", "17.0.9"))
                .fingerprint("fp-1")
                .createdAt("2025-03-07T09:00:00Z")
                .runId("run-1")
                .history(List.of())
                .resumedAfter(List.of())
                .build();
        ConfusionMatrix m = ConfusionMatrix.empty(card.classNames());
        m.add(0, 0);
        m.add(1, 1);
        m.add(2, 2);
        m.add(2, 0);
        Gates gates = Gates.parse("70%", null, "0.5");

        Map<String, String> p = JUnitReport.properties(card, gates, new EvaluationResult(m, 0.41234), "cpu (1 core)");

        String expected = """
                fashionmnist.dataset=mnist
                fashionmnist.architecture=mlp
                fashionmnist.hiddenLayers=128
                fashionmnist.epochs=2
                fashionmnist.batchSize=32
                fashionmnist.optimizer=sgd
                fashionmnist.learningRate=0.01
                fashionmnist.nesterov=true
                fashionmnist.trainSize=600
                fashionmnist.trainSubset=first
                fashionmnist.seed=7
                fashionmnist.augment=true
                fashionmnist.device=auto
                fashionmnist.minAccuracy=0.7
                fashionmnist.maxLoss=0.5
                model.network=mlp 784-128-3
                model.trainableParameters=101770
                model.epochsTrained=2
                model.bestEpoch=1
                model.trainImages=600
                model.device=cpu
                model.runId=run-1
                model.parametersSha256=beef
                model.djlVersion=0.29.0
                evaluation.testImages=4
                evaluation.accuracy=0.7500
                evaluation.loss=0.4123
                evaluation.device=cpu (1 core)
                """;
        expected.lines().map(line -> line.split("=", 2))
                .forEach(kv -> assertEquals(kv[1], p.get(kv[0]), kv[0]));
        assertNull(p.get("fashionmnist.resnetBlocks"), "only the parameters of the model's architecture");
        assertFalse(p.containsKey("fashionmnist.minClassAccuracy"), "a gate that is not configured is left out");
        assertEquals("fashionmnist.dataset", p.keySet().iterator().next(), "the configuration comes first");
    }

    @Test
    void aSecondWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("surefire-reports").resolve(JUnitReport.FILE);
        JUnitReport.write(file, run("first", 1), List.of(new Gates.GateOutcome("maxLoss", false, List.of("bad"))));
        JUnitReport.write(file, run("second", 2), List.of(new Gates.GateOutcome("maxLoss", true, List.of("ok"))));
        Element suite = parse(file).getDocumentElement();
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("time"));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void specialCharactersAreEscaped() throws Exception {
        Path file = dir.resolve("special.xml");
        String gate = "gate <a & \"b\" 'c'>";
        String detail = "class 'T-shirt<top>' & \"Shirt\" accuracy 1.00% < 50.00%";
        String summary = "summary with <tags>, & ampersands, \"quotes\" and 'apostrophes'";
        String value = "<odd> & \"value\"";
        JUnitReport.write(file, new JUnitReport.Run(LocalDateTime.of(2025, 1, 1, 0, 0), "host<&>", 0,
                Map.of("fashionmnist.architecture", value), summary),
                List.of(new Gates.GateOutcome(gate, false, List.of(detail))));

        Element suite = parse(file).getDocumentElement();
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("host<&>", suite.getAttribute("hostname"));
        Element property = (Element) suite.getElementsByTagName("property").item(0);
        assertEquals(value, property.getAttribute("value"));
        Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals(gate, testcase.getAttribute("name"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals(detail, failure.getAttribute("message"));
        assertEquals(detail, failure.getTextContent());
        assertEquals(summary, testcase.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void controlCharactersDoNotBreakTheXml() throws Exception {
        Path file = dir.resolve("control.xml");
        JUnitReport.write(file, run("bell\u0007", 0),
                List.of(new Gates.GateOutcome("maxLoss", false, List.of("loss\u0001 too high"))));
        Document doc = parse(file);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("loss  too high", failure.getAttribute("message"));
        assertEquals("bell ", doc.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void noOutcomesIsAnEmptySuite() throws Exception {
        Path file = dir.resolve("empty.xml");
        JUnitReport.write(file, run("", 0), List.of());
        Element suite = parse(file).getDocumentElement();
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(0, suite.getElementsByTagName("testcase").getLength());
        assertEquals(1, suite.getElementsByTagName("property").getLength());
    }

    @Test
    void germanFailureMessagesUnderEnglishTestCaseNames() throws Exception {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("x", "y"));
        for (int i = 0; i < 7; i++) {
            m.add(0, 0);
        }
        m.add(0, 1);
        m.add(1, 1);
        m.add(1, 0);
        EvaluationResult result = new EvaluationResult(m, 0.5);
        List<Gates.GateOutcome> outcomes = new Gates(0.9, null, 0.75).check(result);
        Path file = dir.resolve(JUnitReport.FILE);
        JUnitReport.write(file, run(EvaluationSummary.headline(result, Language.GERMAN), 2), outcomes,
                Language.GERMAN);

        List<Element> cases = new ArrayList<>();
        NodeList nodes = parse(file).getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            cases.add((Element) nodes.item(i));
        }
        assertEquals(List.of("minAccuracy", "maxLoss"), cases.stream().map(c -> c.getAttribute("name")).toList());
        Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
        assertEquals("Genauigkeit 80,00 % liegt unter dem geforderten Minimum von 90,00 %",
                failure.getAttribute("message"));
        assertEquals("Genauigkeit 80,00 % liegt unter dem geforderten Minimum von 90,00 %", failure.getTextContent());
        assertEquals(0, cases.get(1).getElementsByTagName("failure").getLength());
        assertEquals("Genauigkeit 80,00 %, Verlust 0,5000 auf 10 Testbildern",
                cases.get(1).getElementsByTagName("system-out").item(0).getTextContent());
        // the properties are data: English numbers whatever the language
        assertTrue(Files.readString(file).contains("<property name=\"gate.minAccuracy.measured\" value=\"80.00%\"/>"),
                Files.readString(file));

        JUnitReport.write(file, run(EvaluationSummary.headline(result), 2), outcomes);
        Element english = (Element) parse(file).getElementsByTagName("failure").item(0);
        assertEquals("accuracy 80.00% is below the required minimum of 90.00%", english.getAttribute("message"));
    }

    @Test
    void theGatesPropertiesAreEnglishDataInAGermanReport() throws Exception {
        EvaluationResult result = dev.fashionmnist.quality.GatesTest.fashion();
        Path file = dir.resolve(JUnitReport.FILE);
        JUnitReport.write(file, run("x", 1), new Gates(0.88, 0.65, 0.5).check(result, "fashion-mnist"),
                Language.GERMAN);
        String xml = Files.readString(file);
        for (String property : List.of("<property name=\"gate.minAccuracy.measured\" value=\"87.06%\"/>",
                "<property name=\"gate.minAccuracy.required\" value=\"\u2265 88.00%\"/>",
                "<property name=\"gate.minClassAccuracy.measured\" value=\"60.60% (lowest: Shirt)\"/>",
                "<property name=\"gate.minClassAccuracy.required\" value=\"\u2265 65.00% in every class\"/>",
                "<property name=\"gate.maxLoss.measured\" value=\"0.3789\"/>",
                "<property name=\"gate.maxLoss.required\" value=\"\u2264 0.5000\"/>")) {
            assertTrue(xml.contains(property), property + " in " + xml);
        }
        Element failure = (Element) parse(file).getElementsByTagName("failure").item(1);
        assertEquals("Klasse 'Hemd': Genauigkeit 60,60 % liegt unter dem geforderten Minimum von 65,00 %",
                failure.getAttribute("message"));
    }
}
