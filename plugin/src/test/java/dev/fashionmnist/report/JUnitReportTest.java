package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.evaluate.Gates;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The gates' JUnit XML, read back with a real XML parser. */
class JUnitReportTest {
    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        return builder.parse(file.toFile());
    }

    @Test
    void onePassingOneFailingGate() throws Exception {
        Path file = dir.resolve(JUnitReport.FILE);
        List<Gates.GateOutcome> outcomes = List.of(
                new Gates.GateOutcome("minAccuracy", true,
                        List.of("accuracy 91.00% meets the required minimum of 90.00%")),
                new Gates.GateOutcome("minClassAccuracy", false,
                        List.of("class 'Shirt' accuracy 60.00% is below the required minimum of 70.00%",
                                "class 'Pullover' accuracy 65.00% is below the required minimum of 70.00%")));
        JUnitReport.write(file, outcomes, "accuracy 91.00%, loss 0.2500 on 10000 test images", 1.5);

        Document doc = parse(file);
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("fashionmnist-evaluation", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("1.500", suite.getAttribute("time"));

        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element pass = (Element) cases.item(0);
        Element fail = (Element) cases.item(1);
        assertEquals("minAccuracy", pass.getAttribute("name"));
        assertEquals("fashionmnist.evaluation", pass.getAttribute("classname"));
        assertEquals(0, pass.getElementsByTagName("failure").getLength());
        assertEquals("minClassAccuracy", fail.getAttribute("name"));

        NodeList failures = fail.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("QualityGate", failure.getAttribute("type"));
        String message = failure.getAttribute("message");
        assertTrue(message.contains("60.00%") && message.contains("70.00%") && message.contains("'Shirt'")
                && message.contains("'Pullover'"), message);
        assertEquals(outcomes.get(1).message(), message);
        assertEquals(String.join("\n", outcomes.get(1).details()), failure.getTextContent());

        NodeList out = suite.getElementsByTagName("system-out");
        assertEquals(1, out.getLength());
        assertEquals("accuracy 91.00%, loss 0.2500 on 10000 test images", out.item(0).getTextContent());
    }

    @Test
    void specialCharactersAreEscaped() throws Exception {
        Path file = dir.resolve("special.xml");
        String gate = "gate <a & \"b\" 'c'>";
        String detail = "class 'T-shirt<top>' & \"Shirt\" accuracy 1.00% < 50.00%";
        String summary = "summary with <tags>, & ampersands, \"quotes\" and 'apostrophes'";
        JUnitReport.write(file, List.of(new Gates.GateOutcome(gate, false, List.of(detail))), summary, 0);

        Document doc = parse(file);
        Element suite = doc.getDocumentElement();
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals(gate, testcase.getAttribute("name"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals(detail, failure.getAttribute("message"));
        assertEquals(detail, failure.getTextContent());
        assertEquals(summary, suite.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void controlCharactersDoNotBreakTheXml() throws Exception {
        Path file = dir.resolve("control.xml");
        JUnitReport.write(file, List.of(new Gates.GateOutcome("maxLoss", false, List.of("loss\u0001 too high"))),
                "bell\u0007", 0);
        Document doc = parse(file);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("loss  too high", failure.getAttribute("message"));
        assertEquals("bell ", doc.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void noOutcomesIsAnEmptySuite() throws Exception {
        Path file = dir.resolve("empty.xml");
        JUnitReport.write(file, List.of(), "", 0);
        Element suite = parse(file).getDocumentElement();
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(0, suite.getElementsByTagName("testcase").getLength());
    }
}
