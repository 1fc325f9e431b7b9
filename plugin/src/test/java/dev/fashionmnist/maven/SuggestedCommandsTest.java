package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.report.html.LiveReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command that a message or a page suggests ({@code 'mvn fashionmnist:train -Dfashionmnist.force'}, the live
 * page's {@link LiveReport#EVALUATE_COMMAND}) is run, as written, by an invoker IT under {@code src/it}: a new
 * suggestion fails this test until an IT shows that it works (the IT's verify script checks what it does).
 */
class SuggestedCommandsTest {
    /** A command in a message: {@code ''mvn ...''} in the bundle's MessageFormat quoting. */
    private static final Pattern QUOTED = Pattern.compile("''mvn ([^']+)''");
    /** An option that a message offers, e.g. "-Dfashionmnist.force=true evaluates again", with the goal it is for. */
    private static final Pattern OFFERED = Pattern.compile("(-Dfashionmnist\\.\\w+=\\w+) (trains|evaluates) again");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SuggestedCommandsTest.class.getResourceAsStream("/dev/fashionmnist/text/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The suggested commands of both bundles and the pages, as the arguments after {@code mvn}. */
    static Set<String> suggested() throws IOException {
        Set<String> commands = new TreeSet<>();
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            for (Object value : bundle(name).values()) {
                Matcher m = QUOTED.matcher(value.toString());
                while (m.find()) {
                    commands.add(m.group(1).trim());
                }
                Matcher o = OFFERED.matcher(value.toString());
                while (o.find()) {
                    commands.add((o.group(2).equals("trains") ? "fashionmnist:train " : "fashionmnist:evaluate ")
                            + o.group(1));
                }
            }
        }
        commands.add(LiveReport.EVALUATE_COMMAND.substring("mvn ".length()));
        return commands;
    }

    /** Each IT's command lines ({@code invoker.goals}, {@code invoker.goals.N}) as argument lists. */
    private static List<List<String>> invocations() throws IOException {
        List<List<String>> lines = new ArrayList<>();
        try (Stream<Path> its = Files.list(Path.of("../src/it"))) {
            for (Path it : its.sorted().toList()) {
                Path file = it.resolve("invoker.properties");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    if (key.matches("invoker\\.goals(\\.\\d+)?")) {
                        lines.add(Arrays.asList(p.getProperty(key).trim().split("\\s+")));
                    }
                }
            }
        }
        return lines;
    }

    /** {@code -Dname=true} as Maven reads it: the same as {@code -Dname}. */
    private static List<String> normalized(List<String> words) {
        return words.stream().map(w -> w.startsWith("-D") && w.endsWith("=true") ? w.substring(0, w.length() - 5) : w)
                .toList();
    }

    @Test
    void theSuggestionsAreTheKnownOnes() throws IOException {
        // the list to extend (with an IT that runs it) when a message suggests something new
        assertEquals(new TreeSet<>(List.of("fashionmnist:download-data", "fashionmnist:evaluate",
                "fashionmnist:evaluate -Dfashionmnist.force=true", "fashionmnist:train",
                "fashionmnist:train -Dfashionmnist.force", "fashionmnist:train -Dfashionmnist.force=true", "install",
                "verify site")), suggested());
    }

    @Test
    void anItRunsEverySuggestedCommandAsWritten() throws IOException {
        List<List<String>> invocations = invocations();
        assertTrue(invocations.size() > 20, "the ITs under ../src/it: " + invocations.size());
        for (String command : suggested()) {
            List<String> words = normalized(Arrays.asList(command.split(" ")));
            // the command's words in its order, among an IT's other options (-B, an output folder, ...)
            boolean run = invocations.stream().map(SuggestedCommandsTest::normalized).anyMatch(line ->
                    line.containsAll(words) && line.stream().filter(words::contains).toList().equals(words));
            assertTrue(run, "no IT runs 'mvn " + command + "' as a message suggests it");
        }
    }
}
