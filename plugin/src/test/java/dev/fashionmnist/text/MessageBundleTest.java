package dev.fashionmnist.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two languages stay twins: every key in both, the same arguments, patterns that MessageFormat reads as meant,
 * German without English words, and every key the code asks for present.
 */
class MessageBundleTest {
    private static final List<String> BUNDLES = List.of(Messages.BUNDLE, Message.RUNTIME_BUNDLE);

    /** English words that have no place in a German sentence (names of parameters and files are not words here). */
    static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "was", "were", "be", "been", "of", "with",
            "from", "to", "not", "for", "this", "that", "which", "found", "expected", "cannot", "can", "could",
            "should", "must", "into", "only", "after", "before", "when", "while", "each", "every", "than", "more",
            "less", "file", "files", "folder", "image", "images", "accuracy", "loss", "epoch", "epochs", "try",
            "use", "used", "using", "wrote", "written", "writing", "skipping", "downloading", "missing", "invalid",
            "none", "no", "yes", "has", "have", "had", "it", "its", "or", "on", "at", "by", "if", "then", "else",
            "there", "here", "will", "would", "too", "up", "out", "down", "set", "get", "see", "per", "over",
            "under", "train", "learning", "rate", "model", "models", "dataset", "class", "classes", "left", "right",
            "seconds", "minutes", "hours", "days", "gate", "gates", "passed", "failed", "still", "again", "already",
            "overfitting", "underfitting", "diverging", "healthy", "slowly", "confusion", "matrix", "predicted",
            "true", "false", "label", "labels", "page", "report", "plot", "plots", "curve", "curves", "waiting",
            "wait", "trial", "trials", "best", "worst", "time", "epoch's", "unknown", "did", "you", "mean",
            "your", "our", "we", "they");

    /** Words both languages share or that German uses as they are. */
    static final Set<String> SHARED = Set.of("Overfitting", "Underfitting", "Test", "Sneaker", "Top", "Pullover");

    private static Properties load(String bundle, Language language) throws IOException {
        String file = "/" + bundle.replace('.', '/') + (language == Language.ENGLISH ? "" : "_" + language.tag())
                + ".properties";
        Properties p = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream(file)) {
            assertTrue(in != null, "missing " + file);
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> en = new TreeSet<>(load(bundle, Language.ENGLISH).stringPropertyNames());
            Set<String> de = new TreeSet<>(load(bundle, Language.GERMAN).stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(de);
            Set<String> onlyDe = new TreeSet<>(de);
            onlyDe.removeAll(en);
            assertEquals(Set.of(), onlyEn, bundle + ": keys without German text");
            assertEquals(Set.of(), onlyDe, bundle + ": keys without English text");
        }
    }

    @Test
    void patternsTakeTheSameArgumentsAndKeepTheirApostrophes() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String bundle : BUNDLES) {
            Properties en = load(bundle, Language.ENGLISH);
            Properties de = load(bundle, Language.GERMAN);
            for (String key : en.stringPropertyNames()) {
                String e = en.getProperty(key);
                String d = de.getProperty(key, e);
                for (String p : List.of(e, d)) {
                    if (lone.matcher(p.replace("''", "")).find()) {
                        problems.add(key + ": a single apostrophe (write '' for '): " + p);
                    }
                }
                try {
                    int ne = new MessageFormat(e, Locale.ENGLISH).getFormatsByArgumentIndex().length;
                    int nd = new MessageFormat(d, Locale.GERMAN).getFormatsByArgumentIndex().length;
                    if (!arguments(e).equals(arguments(d)) || ne != nd) {
                        problems.add(key + ": English takes " + arguments(e) + ", German " + arguments(d));
                    }
                } catch (IllegalArgumentException ex) {
                    problems.add(key + ": not a MessageFormat pattern: " + ex.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> args = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern.replaceAll("''|'[^']*'", ""));
        while (m.find()) {
            args.add(Integer.parseInt(m.group(1)));
        }
        return args;
    }

    @Test
    void germanTextsContainNoEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties de = load(bundle, Language.GERMAN);
            for (String key : de.stringPropertyNames()) {
                if (key.startsWith("class.")) {
                    continue; // names, not sentences
                }
                for (String word : englishWords(de.getProperty(key))) {
                    problems.add(key + ": '" + word + "' in \"" + de.getProperty(key) + "\"");
                }
            }
        }
        assertEquals(List.of(), problems, "English words in German texts");
    }

    /** The English words of a German text, leaving out placeholders, quoted names, markup and technical names. */
    static List<String> englishWords(String text) {
        String plain = text.replaceAll("\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}", " ") // {0}, {0,choice,1#a|1<{0} b}
                .replaceAll("''[^' ]*''", " ") // ''language'', a quoted name
                .replaceAll("<[^>]*>", " "); // <classNames>, markup
        List<String> found = new ArrayList<>();
        for (String raw : plain.split("\\s+")) {
            String token = raw.replaceAll("^[\\p{Punct}„“«»–]+|[\\p{Punct}„“«»–]+$", "");
            if (token.isEmpty() || SHARED.contains(token) || !token.matches("\\p{L}+")
                    || token.chars().skip(1).anyMatch(Character::isUpperCase)) {
                continue; // empty, shared, a name with dots, dashes or digits (file, -Dproperty, URL), or camelCase
            }
            if (ENGLISH.contains(token.toLowerCase(Locale.ROOT))) {
                found.add(token);
            }
        }
        return found;
    }

    @Test
    void theWordCheckFindsEnglish() {
        assertEquals(List.of("the", "is", "not"), englishWords("Die Datei {0} the Test is not da"));
        assertEquals(List.of("Skipping", "the"), englishWords("Skipping: the fashionmnist.skip ist gesetzt"));
        assertEquals(List.of(), englishWords("Parameter ''trainSize'' ist {0}: erlaube -Dfashionmnist.epochs=1 "
                + "und <classNames>cat,dog</classNames> mit learningRate (Overfitting)"));
    }

    /**
     * HTML's elements that a report could be tempted to word in a bundle; the elements of a POM or settings.xml that
     * messages name ({@code <configuration>}, {@code <host>}, {@code <classNames>}) are words for the user to write.
     */
    static final Set<String> HTML_ELEMENTS = Set.of("a", "b", "i", "u", "s", "em", "strong", "small", "mark", "sub",
            "sup", "code", "kbd", "pre", "blockquote", "span", "div", "p", "br", "hr", "img", "figure", "figcaption",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "ol", "li", "dl", "dt", "dd", "h1",
            "h2", "h3", "h4", "h5", "h6", "html", "head", "body", "title", "meta", "link", "style", "script");

    /** A tag: its name, and whether attributes follow; a '<' that compares ({@code 1<{1}}, {@code i <= n}) is none. */
    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][\\w.-]*)(\\s+[\\w.:-]+\\s*=)?[^<>]*>");
    /** A character reference: {@code &amp;}, {@code &#160;}. */
    private static final Pattern REFERENCE = Pattern.compile("&(#\\d+|#x\\p{XDigit}+|[A-Za-z]+);");

    /** The HTML in {@code text}: tags of HTML's elements, tags with attributes, character references. */
    static List<String> markup(String text) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            if (HTML_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT)) || tag.group(2) != null) {
                found.add(tag.group());
            }
        }
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            found.add(reference.group());
        }
        return found;
    }

    /** Bundles hold words: the code that writes a page wraps them in its tags and escapes them. */
    @Test
    void noTextHoldsHtml() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (Language language : List.of(Language.ENGLISH, Language.GERMAN)) {
                Properties p = load(bundle, language);
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    List<String> tags = markup(p.getProperty(key));
                    if (!tags.isEmpty()) {
                        problems.add(language.tag() + " " + key + ": " + tags);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "HTML in the bundles");
    }

    @Test
    void theMarkupCheckFindsHtml() {
        assertEquals(List.of("<b>", "</b>"), markup("Test accuracy <b>{0}</b> on {1} test images"));
        assertEquals(List.of("<span class=\"pass\">", "</span>", "<br>"),
                markup("Quality gates: <span class=\"pass\">all passed</span><br>next"));
        assertEquals(List.of("<th class=\"l\">", "</th>", "</td>", "<a href=\"x\">", "&amp;", "&#160;"),
                markup("<th class=\"l\">gate</th></td><a href=\"x\">A &amp; B&#160;"));
        assertEquals(List.of("<pom combine.children=\"append\">"), markup("<pom combine.children=\"append\">"),
                "a tag with attributes, whatever its name");
        assertEquals(List.of(), markup("Check <host> and <port> of the <proxy> with <id>{2}</id>; pin "
                + "<artifactId>maven-site-plugin</artifactId><version>{1}</version> in <build><pluginManagement>"
                + "<plugins>, e.g. <classNames>cat,dog</classNames>"), "a POM's elements are words");
        assertEquals(List.of(), markup("{1,choice,0#{1} files|1#{1} file|1<{1} files}, [{2}<{3}], 1 <= i <= n, "
                + "R&D, a & b"), "comparisons and ampersands");
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Pattern call = Pattern.compile("(?:Messages\\.(?:of|text)\\((?:[^\";]*?,\\s*)?|Message\\.runtime\\()\\s*"
                + "\"([^\"]+)\"");
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../runtime/src/main/java"))) {
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                Matcher m = call.matcher(Files.readString(source));
                while (m.find()) {
                    calls++;
                    String key = m.group(1);
                    String bundle = source.startsWith(Path.of("../runtime")) ? Message.RUNTIME_BUNDLE : Messages.BUNDLE;
                    if (!Message.exists(bundle, key)) {
                        problems.add(source.getFileName() + ": no key '" + key + "' in " + bundle);
                    }
                }
            }
        }
        assertTrue(calls > 0, "no Messages.of(\"key\") call found: is the pattern still right?");
        assertEquals(List.of(), problems);
    }

    /** Keys made at run time, each family worded in both languages by a test of its own. */
    private static final List<String> COMPUTED_KEYS = List.of("class.fashion-mnist.", "report.json.token.");

    @Test
    void everyKeyIsAskedForByTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../runtime/src/main/java"))) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path source : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    code.append(Files.readString(source));
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (String key : new TreeSet<>(load(bundle, Language.ENGLISH).stringPropertyNames())) {
                if (!code.toString().contains("\"" + key + "\"") && COMPUTED_KEYS.stream().noneMatch(key::startsWith)) {
                    unused.add(key);
                }
            }
        }
        assertEquals(List.of(), unused, "keys no code asks for");
    }

    /**
     * No user-facing text is written into the code: log lines and the problems users see are Messages (debug lines
     * and programming errors such as IllegalArgumentException stay English).
     */
    @Test
    void noLogLineOrProblemIsWrittenInTheCode() throws IOException {
        Pattern literal = Pattern.compile("\\.(info|warn)\\(\"[\\p{L}]|new (Mojo\\w*|MavenReport|Model|Dataset|"
                + "Classifier|IdxFormat|ResultsFile|FileWrite|UnreadableFile)Exception\\(\"");
        List<String> problems = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../runtime/src/main/java"))) {
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (literal.matcher(lines.get(i)).find()) {
                        problems.add(source.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "texts for the user belong into the bundles");
    }

    @Test
    void germanNumbersHaveADecimalComma() {
        Message m = Messages.of("maven.language.unknown", "fr");
        assertTrue(m.in(Language.GERMAN).contains("'fr'"), m.in(Language.GERMAN));
        assertEquals("Parameter 'language' is 'fr': use en (English) or de (German)", m.toString());
        assertEquals("T-Shirt/Top", new ClassName("fashion-mnist", 0, "T-shirt/top").in(Language.GERMAN));
        assertEquals("T-shirt/top", new ClassName("fashion-mnist", 0, "T-shirt/top").in(Language.ENGLISH));
        assertEquals("cat", new ClassName("pets", 0, "cat").in(Language.GERMAN));
    }
}
