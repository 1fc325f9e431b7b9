package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.evaluate.Gates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The gates as a JUnit XML report in Surefire's shape ({@code testsuite/testcase/failure}), so CI test reporters
 * show a violated gate like a failed test: one test case per configured gate.
 */
public final class JUnitReport {
    public static final String FILE = "TEST-fashionmnist-evaluation.xml";

    private JUnitReport() {
    }

    public static void write(Path file, List<Gates.GateOutcome> outcomes, String summary, double seconds)
            throws IOException {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT,
                "<testsuite name=\"fashionmnist-evaluation\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" "
                        + "time=\"%.3f\">\n", outcomes.size(), failures, seconds));
        for (Gates.GateOutcome o : outcomes) {
            xml.append("  <testcase classname=\"fashionmnist.evaluation\" name=\"").append(escape(o.gate()))
                    .append("\" time=\"0\"");
            if (o.passed()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure type=\"QualityGate\" message=\"").append(escape(o.message()))
                        .append("\">").append(escape(String.join("\n", o.details()))).append("</failure>\n")
                        .append("  </testcase>\n");
            }
        }
        xml.append("  <system-out>").append(escape(summary)).append("</system-out>\n");
        xml.append("</testsuite>\n");
        AtomicFiles.writeString(file, xml.toString());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
