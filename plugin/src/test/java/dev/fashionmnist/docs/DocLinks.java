package dev.fashionmnist.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The documentation's internal links, checked, and the one change the site build makes to the Markdown pages so that
 * a link to a heading works on GitHub and on the site alike. JDK only, so that it also runs as a single-file program:
 * <pre>
 * java plugin/src/test/java/dev/fashionmnist/docs/DocLinks.java check-sources .
 * java plugin/src/test/java/dev/fashionmnist/docs/DocLinks.java check-site target/staging
 * java plugin/src/test/java/dev/fashionmnist/docs/DocLinks.java prepare-site src/site target/site-src
 * </pre>
 * {@code check-sources} runs in {@code mvn verify} (DocLinksTest), {@code check-site} in .ci/run after
 * {@code mvn site site:stage}, {@code prepare-site} in the root POM's {@code pre-site} phase. Each check prints one
 * line per problem (file and line, the link, why) and exits with 1 when there is one.
 *
 * <h2>The pages and their links</h2>
 * README.md is read on GitHub only: a relative link there is a file of the repository. The topic pages
 * {@code src/site/markdown/*.md} are read on GitHub and on the site, where {@code mvn site} renders {@code x.md} to
 * {@code x.html}. A page links another page as {@code x.md} or {@code x.md#anchor}: Doxia's Markdown module rewrites
 * that to {@code x.html[#anchor]}, but only where the name has no dot before {@code .md} and the anchor has no dot
 * ({@code FlexmarkDoxiaLinkResolver}: {@code ^(?![^:]+:)((?:\./)?(?:\.\./)*[^\.]+).(?:md|markdown)(#[^#\.]*)?$}); a
 * link Doxia leaves alone would point at a {@code .md} file the site does not have, so it is a problem. Files beside
 * the pages ({@code images/x.png}) are copied into the site at the same relative path ({@code prepare-site}), so one
 * relative link works in both places; a link that leaves {@code src/site/markdown} ({@code ../../docs/ci/x.yml})
 * finds its file on GitHub only and is a problem: link such a file by its absolute URL. The generated reference is
 * linked by its HTML name relative to the site root (it is no file on GitHub): {@code plugin-info.html},
 * {@code <goal>-mojo.html} for each goal (the {@code @Mojo(name = ...)} of the plugin's sources, plus {@code help}
 * where the plugin POM generates it), the reports the root POM lists for maven-project-info-reports-plugin
 * ({@code <report>.html} and {@code project-info.html}) and the runtime's Javadoc {@code apidocs/...} (its public
 * packages and types). The site's menu ({@code src/site/site.xml}) is the agreed list of pages: every page has a menu
 * item, every menu item a page or generated page, every goal its page in the menu.
 *
 * <h2>Anchors: GitHub's rule and the site's</h2>
 * GitHub gives a heading the anchor made of its text (as rendered: no Markdown, no HTML tags, code spans as their
 * text) in lower case, with every character removed that is not a letter, mark, digit, connector ({@code _}), hyphen
 * or space, and each space replaced by a hyphen; the second heading with the same anchor gets {@code -1}, the third
 * {@code -2}: "Up to date, force &amp; resume" is {@code #up-to-date-force--resume}, "Über die Daten" is
 * {@code #über-die-daten}. An explicit {@code <a id="x">} works too (GitHub prefixes {@code user-content-} and its
 * page script follows {@code #x}).
 * <p>
 * The site (Doxia 2.0 in maven-site-plugin 3.21) writes a heading's anchor from {@code DoxiaUtils.encodeId} of its
 * text instead: each blank becomes {@code _}, every character other than ASCII letters, digits and {@code - _ .}
 * becomes {@code .XX} per UTF-8 byte, a leading non-letter gets an {@code a} before it, repeats get {@code _1},
 * {@code _2}: "Model cache" is {@code #Model_cache} there, not {@code #model-cache}. An explicit {@code <a id="x">}
 * in a page keeps {@code x} as it is, while a link's {@code #x} keeps it only where {@code x} is a valid Doxia id (an
 * ASCII letter or {@code _} first, then ASCII letters, digits, {@code - _ .}) and is encoded as above otherwise:
 * {@code deutsch.md#über-die-daten} becomes {@code deutsch.html#a.C3.BCber-die-daten}. So {@code prepare-site}
 * renders a copy of the pages in which each ATX heading ({@code ## text}) starts with
 * {@code <a id="GitHub's anchor"></a>}, or where that is no valid Doxia id with {@code <span id="GitHub's anchor">}
 * and {@code <a id>} of its encoded form, the one Doxia's links use: a link written for GitHub finds its heading on
 * the site too, and Doxia writes no anchor of its own for that heading. One rule remains for links to headings,
 * GitHub's. A link to an explicit {@code <a id>} of a page must use a valid Doxia id (the link would be encoded, the
 * id not). Setext headings (text underlined with {@code ===} or {@code ---}) get no anchor from
 * {@code prepare-site} and are a problem: write {@code ## text}.
 * <p>
 * Code (fenced blocks, code spans) and HTML comments are no links and no headings. Anchors of generated pages are
 * checked on the staged site ({@code check-site}: every {@code href} and {@code src} to a local file and every
 * {@code #anchor} of the staged HTML must exist), where Javadoc's and the goal pages' anchors are real.
 */
public final class DocLinks {
    /** The topic pages, relative to the repository root. */
    static final String PAGES = "src/site/markdown";
    /** The site's menu: the agreed list of pages. */
    static final String SITE_DESCRIPTOR = "src/site/site.xml";
    static final String README = "README.md";
    /** The goal reference's overview, written by maven-plugin-report-plugin. */
    static final String PLUGIN_INFO = "plugin-info.html";
    /** Where the runtime's Javadoc report writes, relative to the site root. */
    static final String API_DOCS = "apidocs/";

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*))?$");
    private static final Pattern ATX_MARKER = Pattern.compile("^ {0,3}#{1,6}[ \\t]+");
    private static final Pattern ATX_CLOSING = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
    /** A line that is no paragraph text, so a {@code ---} under it is no setext heading. */
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("^\\s*(?:$|[-*+>|#]|\\d+[.)]|<)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)(?<!`)\\1(?!`)");
    private static final Pattern INLINE_LINK =
            Pattern.compile("\\]\\(\\s*(<[^>]*>|[^\\s)]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^ {0,3}\\[(?!\\^)[^\\]]+\\]:[ \\t]*(<[^>]*>|\\S+)");
    private static final Pattern HTML_LINK = Pattern.compile(
            "<(?:a|img|source|area|link|script|iframe)\\b[^>]*?\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    /** Any tag's href or src: what a browser loads or follows from a page of the site. */
    private static final Pattern HTML_REFERENCE =
            Pattern.compile("<[a-zA-Z][^>]*?\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern HTML_ID = Pattern.compile(
            "<([a-z][a-z0-9]*)\\b[^>]*?\\s(id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** FlexmarkDoxiaLinkResolver's pattern (doxia-module-markdown 2.0): the .md links Doxia rewrites to .html. */
    private static final Pattern DOXIA_REWRITES =
            Pattern.compile("^(?![^:]+:)((?:\\./)?(?:\\.\\./)*[^\\.]+).(?:md|markdown)(#[^#\\.]*){0,1}$");
    private static final Pattern MOJO_NAME = Pattern.compile("@Mojo\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT_BODY =
            Pattern.compile("(<script\\b[^>]*>).*?(</script>)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final int ANCHORS_LISTED = 12;

    private DocLinks() {
    }

    /** The command line: {@code check-sources}, {@code check-site} or {@code prepare-site} (see above). */
    public static void main(String[] args) throws IOException {
        String usage = "usage: java DocLinks.java check-sources <repository root> | check-site <staged site folder>"
                + " | prepare-site <src/site> <output folder>";
        if (args.length == 2 && args[0].equals("check-sources")) {
            exit(checkSources(Path.of(args[1])), "the README and the site's pages (" + PAGES + ")");
        } else if (args.length == 2 && args[0].equals("check-site")) {
            exit(checkSite(Path.of(args[1])), "the staged site " + args[1]);
        } else if (args.length == 3 && args[0].equals("prepare-site")) {
            prepareSite(Path.of(args[1]), Path.of(args[2]));
            System.out.println("Site sources with GitHub's heading anchors in " + args[2]);
        } else {
            System.err.println(usage);
            System.exit(2);
        }
    }

    private static void exit(List<Problem> problems, String what) {
        problems.forEach(System.out::println);
        if (problems.isEmpty()) {
            System.out.println("Links checked: no broken link in " + what);
        } else {
            System.out.println(problems.size() + " broken link(s) in " + what);
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ the problems

    /** One broken link or missing page: where (file, line), the link as written, and why it is broken. */
    public record Problem(String where, String link, String why) {
        @Override
        public String toString() {
            return where + ": " + link + ": " + why;
        }
    }

    // ------------------------------------------------------------------ GitHub's anchors

    /** GitHub's anchor of a heading whose rendered text is {@code text} (before the -1, -2 of repeats). */
    public static String gitHubAnchor(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\- ]", "").replace(' ', '-');
    }

    /** The text a heading's Markdown renders to, as GitHub takes it for the anchor: no markup, no HTML tags. */
    public static String renderedText(String markdown) {
        StringBuilder text = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(markdown);
        int at = 0;
        while (code.find()) {
            text.append(withoutMarkup(markdown.substring(at, code.start()))).append(code.group(2).strip());
            at = code.end();
        }
        return text.append(withoutMarkup(markdown.substring(at))).toString().strip();
    }

    private static String withoutMarkup(String markdown) {
        return unescapeHtml(markdown
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("!?\\[([^\\]]*)\\]\\[[^\\]]*\\]", "$1")
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1")
                .replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "")
                .replaceAll("[*~]", ""));
    }

    /** Doxia's {@code DoxiaUtils.isValidId}: a link's anchor Doxia leaves as it is (any other it encodes). */
    static boolean isValidDoxiaId(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean letter = c < 128 && Character.isLetter(c) || c == '_';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    /** Doxia's {@code DoxiaUtils.encodeId}: what becomes of a link's anchor that is no valid Doxia id. */
    static String encodeDoxiaId(String text) {
        String trimmed = text.strip();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean asciiLetter = c < 128 && Character.isLetter(c);
            if (i == 0 && !(asciiLetter || c == '_')) {
                id.append('a');
            }
            if (c == ' ') {
                id.append('_');
            } else if (asciiLetter || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
                id.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    id.append('.').append(String.format("%02X", b));
                }
            }
        }
        return id.toString();
    }

    // ------------------------------------------------------------------ Markdown files

    /** A heading of a Markdown file: its line (1-based), its rendered text and its anchor (GitHub's, with repeats). */
    public record Heading(int line, String text, String anchor) {
    }

    /** A link or image of a Markdown file: its line and its target as written. */
    public record Link(int line, String target) {
    }

    /**
     * What of a Markdown file matters to its links: its ATX headings, its explicit HTML ids, its links, and the lines
     * of setext headings (which get no anchor on the site). Code and HTML comments are left out.
     */
    public record MarkdownFile(Path path, List<Heading> headings, Set<String> htmlIds, List<Link> links,
                               List<Integer> setextHeadings) {

        /** Reads {@code path}. */
        public static MarkdownFile read(Path path) {
            List<String> lines = lines(path);
            List<Heading> headings = new ArrayList<>();
            Set<String> htmlIds = new LinkedHashSet<>();
            List<Link> links = new ArrayList<>();
            List<Integer> setext = new ArrayList<>();
            Map<String, Integer> repeats = new HashMap<>();
            String fence = null;
            boolean inComment = false;
            String previous = "";
            int first = frontMatterEnd(lines);
            for (int i = first; i < lines.size(); i++) {
                String line = lines.get(i);
                int number = i + 1;
                if (fence != null) {
                    String trimmed = line.strip();
                    char mark = fence.charAt(0);
                    if (trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == mark)) {
                        fence = null;
                    }
                    previous = "";
                    continue;
                }
                Matcher opening = FENCE.matcher(line);
                if (!inComment && opening.find()) {
                    fence = opening.group(1);
                    previous = "";
                    continue;
                }
                // an HTML comment may span lines: keep only what is outside of it
                StringBuilder outside = new StringBuilder();
                String rest = line;
                while (!rest.isEmpty()) {
                    if (inComment) {
                        int end = rest.indexOf("-->");
                        if (end < 0) {
                            rest = "";
                        } else {
                            inComment = false;
                            rest = rest.substring(end + 3);
                        }
                    } else {
                        int start = rest.indexOf("<!--");
                        if (start < 0) {
                            outside.append(rest);
                            rest = "";
                        } else {
                            outside.append(rest, 0, start);
                            inComment = true;
                            rest = rest.substring(start + 4);
                        }
                    }
                }
                String text = outside.toString();
                Matcher heading = ATX_HEADING.matcher(text);
                if (heading.matches()) {
                    String content = ATX_CLOSING.matcher(heading.group(2) == null ? "" : heading.group(2))
                            .replaceFirst("").strip();
                    String rendered = renderedText(content);
                    String anchor = gitHubAnchor(rendered);
                    if (!anchor.isEmpty()) {
                        int seen = repeats.merge(anchor, 1, Integer::sum) - 1;
                        headings.add(new Heading(number, rendered, seen == 0 ? anchor : anchor + "-" + seen));
                    }
                } else if (SETEXT_UNDERLINE.matcher(text).matches() && !NOT_PARAGRAPH.matcher(previous).find()) {
                    setext.add(number);
                }
                String withoutCode = CODE_SPAN.matcher(text).replaceAll("");
                Matcher ids = HTML_ID.matcher(withoutCode);
                while (ids.find()) {
                    if (ids.group(2).equalsIgnoreCase("id") || ids.group(1).equalsIgnoreCase("a")) {
                        htmlIds.add(unescapeHtml(ids.group(3) != null ? ids.group(3) : ids.group(4)));
                    }
                }
                for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
                    Matcher link = pattern.matcher(withoutCode);
                    while (link.find()) {
                        String target = link.group(1);
                        if (target.startsWith("<") && target.endsWith(">")) {
                            target = target.substring(1, target.length() - 1);
                        }
                        links.add(new Link(number, target));
                    }
                }
                Matcher html = HTML_LINK.matcher(withoutCode);
                while (html.find()) {
                    links.add(new Link(number, unescapeHtml(html.group(1) != null ? html.group(1) : html.group(2))));
                }
                previous = text;
            }
            return new MarkdownFile(path, List.copyOf(headings), Collections.unmodifiableSet(htmlIds),
                    List.copyOf(links), List.copyOf(setext));
        }

        /** The index of the first line after a YAML front matter block ({@code ---} lines), or 0 without one. */
        private static int frontMatterEnd(List<String> lines) {
            if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).strip().equals("---") || lines.get(i).strip().equals("...")) {
                        return i + 1;
                    }
                }
            }
            return 0;
        }

        /** The anchors GitHub gives this file: its headings' and its explicit ids. */
        public Set<String> gitHubAnchors() {
            Set<String> anchors = new LinkedHashSet<>();
            headings.forEach(h -> anchors.add(h.anchor()));
            anchors.addAll(htmlIds);
            return anchors;
        }
    }

    // ------------------------------------------------------------------ check-sources

    /**
     * Checks README.md, the pages in {@code src/site/markdown} and the menu in {@code src/site/site.xml} below the
     * repository root {@code root}: every relative link finds its file and anchor, every page is in the menu and every
     * menu item has its page.
     */
    public static List<Problem> checkSources(Path root) {
        Path base = root.toAbsolutePath().normalize();
        Sources sources = new Sources(base, GeneratedPages.of(base));
        List<Problem> problems = new ArrayList<>();
        Path readme = base.resolve(README);
        if (Files.isRegularFile(readme)) {
            MarkdownFile file = sources.markdown(readme);
            for (Link link : file.links()) {
                sources.checkReadmeLink(file, link, problems);
            }
        }
        for (Path page : sources.pages().values()) {
            MarkdownFile file = sources.markdown(page);
            for (int line : file.setextHeadings()) {
                problems.add(new Problem(sources.where(page, line), "setext heading",
                        "a heading underlined with === or --- gets no anchor on the site: write it as '## text'"));
            }
            for (Link link : file.links()) {
                sources.checkPageLink(file, link, problems);
            }
        }
        sources.checkMenu(problems);
        return problems;
    }

    /** The generated pages the site has beside the topic pages, known from the sources and POMs. */
    record GeneratedPages(Map<String, String> goalPages, Set<String> reports, Path apiSources,
                          List<String> apiExcluded) {

        static GeneratedPages of(Path root) {
            Map<String, String> goals = new TreeMap<>();
            Path mojos = root.resolve("plugin/src/main/java");
            if (Files.isDirectory(mojos)) {
                for (Path source : walk(mojos, ".java")) {
                    Matcher mojo = MOJO_NAME.matcher(read(source));
                    while (mojo.find()) {
                        goals.put(mojo.group(1) + "-mojo.html", root.relativize(source).toString());
                    }
                }
            }
            String pluginPom = read(root.resolve("plugin/pom.xml"));
            if (pluginPom.contains("<goal>helpmojo</goal>")) {
                goals.put("help-mojo.html", "plugin/pom.xml (maven-plugin-plugin:helpmojo)");
            }
            Set<String> reports = new LinkedHashSet<>();
            Matcher projectInfo = Pattern.compile(
                    "<artifactId>maven-project-info-reports-plugin</artifactId>(.*?)</plugin>", Pattern.DOTALL)
                    .matcher(read(root.resolve("pom.xml")));
            while (projectInfo.find()) {
                Matcher report = Pattern.compile("<report>([\\w-]+)</report>").matcher(projectInfo.group(1));
                while (report.find()) {
                    reports.add(report.group(1) + ".html");
                    reports.add("project-info.html");
                }
            }
            List<String> excluded = new ArrayList<>();
            Matcher exclude = Pattern.compile("<excludePackageNames>([^<]*)</excludePackageNames>")
                    .matcher(read(root.resolve("runtime/pom.xml")));
            while (exclude.find()) {
                for (String name : exclude.group(1).split("[:,;\\s]+")) {
                    if (!name.isBlank()) {
                        excluded.add(name.replace("*", "").replace('.', '/'));
                    }
                }
            }
            return new GeneratedPages(goals, reports, root.resolve("runtime/src/main/java"), excluded);
        }

        /** Whether {@code name} (relative to the site root, {@code /}-separated) is a generated page. */
        boolean has(String name) {
            return name.equals(PLUGIN_INFO) || goalPages.containsKey(name) || reports.contains(name)
                    || name.startsWith(API_DOCS) && inApiDocs(name.substring(API_DOCS.length()));
        }

        /** The runtime's Javadoc of its public packages: its index pages, package summaries and types. */
        private boolean inApiDocs(String page) {
            if (!page.contains("/")) {
                return page.endsWith(".html");
            }
            String dir = page.substring(0, page.lastIndexOf('/'));
            if (apiExcluded.stream().anyMatch(dir::startsWith)) {
                return false;
            }
            String name = page.substring(page.lastIndexOf('/') + 1);
            if (!name.endsWith(".html")) {
                return false;
            }
            if (name.equals("package-summary.html") || name.equals("package-tree.html")) {
                return Files.isDirectory(apiSources.resolve(dir));
            }
            // a nested type's page is Outer.Inner.html, its source Outer.java
            String type = name.substring(0, name.indexOf('.'));
            return Files.isRegularFile(apiSources.resolve(dir).resolve(type + ".java"));
        }

        String describe() {
            return PLUGIN_INFO + ", " + String.join(", ", goalPages.keySet()) + (reports.isEmpty() ? "" : ", ")
                    + String.join(", ", reports) + ", " + API_DOCS + "... (the runtime's public API)";
        }
    }

    /** The repository's documentation sources, read once each. */
    private static final class Sources {
        private final Path root;
        private final Path pagesDir;
        private final GeneratedPages generated;
        private final Map<Path, MarkdownFile> read = new HashMap<>();
        private final Map<String, Path> pages = new TreeMap<>();

        Sources(Path root, GeneratedPages generated) {
            this.root = root;
            this.pagesDir = root.resolve(PAGES);
            this.generated = generated;
            if (Files.isDirectory(pagesDir)) {
                for (Path page : walk(pagesDir, ".md")) {
                    pages.put(slashes(pagesDir.relativize(page)), page);
                }
            }
        }

        /** The topic pages by their path relative to {@code src/site/markdown}. */
        Map<String, Path> pages() {
            return pages;
        }

        MarkdownFile markdown(Path file) {
            return read.computeIfAbsent(file, MarkdownFile::read);
        }

        String where(Path file, int line) {
            return slashes(root.relativize(file)) + (line > 0 ? ":" + line : "");
        }

        /** README.md is read on GitHub: its relative links are files of the repository. */
        void checkReadmeLink(MarkdownFile readme, Link link, List<Problem> problems) {
            String where = where(readme.path(), link.line());
            String target = link.target();
            if (target.isEmpty() || isExternal(target)) {
                return;
            }
            String path = percentDecode(pathOf(target));
            String fragment = fragmentOf(target);
            if (path.isEmpty()) {
                checkAnchor(readme, fragment, false, where, target, problems);
                return;
            }
            if (path.startsWith("/")) {
                problems.add(new Problem(where, target, "an absolute path leaves the repository on GitHub: write it "
                        + "relative to " + README));
                return;
            }
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root)) {
                problems.add(new Problem(where, target, "points outside the repository"));
            } else if (!Files.exists(file)) {
                String why = "no such file in the repository";
                if (generated.has(path)) {
                    why += " (" + path + " is generated: it exists on the site only; link the page's .md in " + PAGES
                            + " or the published site)";
                }
                problems.add(new Problem(where, target, why));
            } else if (fragment != null && isMarkdown(file)) {
                checkAnchor(markdown(file), fragment, false, where, target, problems);
            }
        }

        /** A topic page is read on GitHub and on the site: its links must work in both. */
        void checkPageLink(MarkdownFile page, Link link, List<Problem> problems) {
            String where = where(page.path(), link.line());
            String target = link.target();
            if (target.isEmpty()) {
                problems.add(new Problem(where, "()", "an empty link"));
                return;
            }
            if (isExternal(target)) {
                return;
            }
            String path = percentDecode(pathOf(target));
            String fragment = fragmentOf(target);
            if (path.isEmpty()) {
                checkAnchor(page, fragment, true, where, target, problems);
                return;
            }
            if (path.startsWith("/")) {
                problems.add(new Problem(where, target, "an absolute path starts at the repository on GitHub and at "
                        + "the host on the site: write it relative to the page"));
                return;
            }
            Path file = page.path().getParent().resolve(path).normalize();
            if (!file.startsWith(pagesDir)) {
                problems.add(new Problem(where, target, "leaves " + PAGES + ": GitHub finds it, the site has no copy "
                        + "of it; link a page or a file beside the pages, or the file's absolute URL"));
                return;
            }
            String name = slashes(pagesDir.relativize(file));
            if (isMarkdown(file)) {
                if (!Files.isRegularFile(file)) {
                    problems.add(new Problem(where, target, "no such page: " + PAGES + "/" + name));
                } else if (!DOXIA_REWRITES.matcher(target).matches()) {
                    problems.add(new Problem(where, target, "the site would keep this link to a .md file: Doxia "
                            + "rewrites x.md and x.md#anchor to .html only without another dot in the name or a dot "
                            + "in the anchor"));
                } else if (fragment != null) {
                    checkAnchor(markdown(file), fragment, true, where, target, problems);
                }
            } else if (Files.isRegularFile(file)) {
                return;
            } else if (generated.has(name)) {
                return;
            } else if (name.endsWith(".html")) {
                String page2 = name.replaceFirst("\\.html$", ".md");
                problems.add(new Problem(where, target, pages.containsKey(page2)
                        ? "GitHub has no " + name + ": link the page as " + page2
                        : "no such page: neither " + PAGES + "/" + page2 + " nor a generated page ("
                                + generated.describe() + ")"));
            } else {
                problems.add(new Problem(where, target, "no such file in " + PAGES));
            }
        }

        /**
         * GitHub's anchors of headings are the site's too (prepare-site); an explicit id works on the site only where
         * Doxia leaves the link to it as it is ({@code onSite}: the link is on a page of the site).
         */
        private void checkAnchor(MarkdownFile target, String fragment, boolean onSite, String where, String link,
                                 List<Problem> problems) {
            if (fragment == null || fragment.isEmpty()) {
                return;
            }
            String anchor = percentDecode(fragment);
            String name = slashes(root.relativize(target.path()));
            boolean heading = target.headings().stream().anyMatch(h -> h.anchor().equals(anchor));
            if (!target.gitHubAnchors().contains(anchor)) {
                problems.add(new Problem(where, link, "no heading of " + name + " has the anchor #" + anchor
                        + " (GitHub's rule: lower case, spaces to -, punctuation dropped); its anchors: "
                        + listed(target.gitHubAnchors())));
            } else if (onSite && !heading && !isValidDoxiaId(anchor)) {
                problems.add(new Problem(where, link, "the site links #" + encodeDoxiaId(anchor) + " but " + name
                        + " has the id #" + anchor + ": give the <a id> ASCII letters, digits, - _ . only, a letter "
                        + "first"));
            }
        }

        /** The menu of site.xml against the pages and the generated reference, both ways. */
        void checkMenu(List<Problem> problems) {
            Path descriptor = root.resolve(SITE_DESCRIPTOR);
            if (!Files.isRegularFile(descriptor)) {
                if (!pages.isEmpty()) {
                    problems.add(new Problem(SITE_DESCRIPTOR, "", "missing: the site's menu lists the pages"));
                }
                return;
            }
            Set<String> listed = new LinkedHashSet<>();
            for (String href : menuItems(descriptor)) {
                if (isExternal(href)) {
                    continue;
                }
                String name = pathOf(href);
                listed.add(name);
                String page = name.replaceFirst("\\.html$", ".md");
                if (!(name.endsWith(".html") && pages.containsKey(page)) && !generated.has(name)) {
                    problems.add(new Problem(SITE_DESCRIPTOR, "<item href=\"" + href + "\">", "no page " + PAGES + "/"
                            + page + " and no generated page of that name (" + generated.describe() + ")"));
                }
            }
            for (String page : pages.keySet()) {
                if (!listed.contains(page.replaceFirst("\\.md$", ".html"))) {
                    problems.add(new Problem(PAGES + "/" + page, page.replaceFirst("\\.md$", ".html"),
                            "not in the menu of " + SITE_DESCRIPTOR + " (every page has its menu item)"));
                }
            }
            List<String> reference = new ArrayList<>(List.of(PLUGIN_INFO));
            reference.addAll(generated.goalPages().keySet());
            for (String page : reference) {
                if (!listed.contains(page)) {
                    String from = generated.goalPages().getOrDefault(page, "maven-plugin-report-plugin");
                    problems.add(new Problem(SITE_DESCRIPTOR, page, "the generated page (from " + from + ") is not in "
                            + "the menu"));
                }
            }
        }
    }

    /** The {@code href} of every menu item of a site descriptor, in order. */
    static List<String> menuItems(Path descriptor) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList items = factory.newDocumentBuilder().parse(descriptor.toFile()).getElementsByTagName("item");
            List<String> hrefs = new ArrayList<>();
            for (int i = 0; i < items.getLength(); i++) {
                String href = ((Element) items.item(i)).getAttribute("href");
                if (!href.isEmpty()) {
                    hrefs.add(href);
                }
            }
            return hrefs;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + descriptor + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ check-site

    /**
     * Checks the staged site below {@code staging}: every {@code href} and {@code src} of every HTML file that names a
     * local file finds it (a folder: its index.html) inside the site, and every {@code #anchor} an element with that
     * id (or an {@code <a name>}) in the target page.
     */
    public static List<Problem> checkSite(Path staging) {
        Path site = staging.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        Map<Path, Set<String>> ids = new HashMap<>();
        List<Path> htmlFiles = walk(site, ".html");
        if (htmlFiles.isEmpty()) {
            problems.add(new Problem(slashes(site), "", "no HTML file: build the site first (mvn site site:stage)"));
        }
        for (Path html : htmlFiles) {
            String text = linkBearing(read(html));
            Matcher attribute = HTML_REFERENCE.matcher(text);
            while (attribute.find()) {
                String target = unescapeHtml(attribute.group(1) != null ? attribute.group(1) : attribute.group(2));
                if (target.isEmpty() || target.equals("#") || isExternal(target)) {
                    continue;
                }
                String where = slashes(site.relativize(html)) + ":" + lineOf(text, attribute.start());
                String path = percentDecode(pathOf(target));
                String fragment = fragmentOf(target);
                Path file = path.isEmpty() ? html : html.getParent().resolve(path).normalize();
                if (!file.startsWith(site)) {
                    problems.add(new Problem(where, target, "points outside the staged site"));
                    continue;
                }
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!Files.isRegularFile(file)) {
                    problems.add(new Problem(where, target, "no such file in the staged site: "
                            + slashes(site.relativize(file))));
                } else if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".html")) {
                    String anchor = percentDecode(fragment);
                    Set<String> targetIds = ids.computeIfAbsent(file, f -> htmlIds(read(f)));
                    if (!targetIds.contains(anchor) && !isJavadocPackageGroup(file, anchor, targetIds)) {
                        problems.add(new Problem(where, target, "no element with the id #" + anchor + " in "
                                + slashes(site.relativize(file))));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * JDK 17's javadoc links each package group of constant-values.html ({@code #dev.fashionmnist} for
     * "dev.fashionmnist.*") but names the section by its first package ({@code dev.fashionmnist.runtime}): such a
     * link counts where a section of that group exists.
     */
    private static boolean isJavadocPackageGroup(Path file, String anchor, Set<String> ids) {
        return file.getFileName().toString().equals("constant-values.html")
                && ids.stream().anyMatch(id -> id.startsWith(anchor + "."));
    }

    /** The page without comments and script bodies (which hold no links, only text that looks like some). */
    private static String linkBearing(String html) {
        String noComments = COMMENT.matcher(html).replaceAll(m -> "\n".repeat(newlines(m.group())));
        return SCRIPT_BODY.matcher(noComments).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "\n".repeat(newlines(m.group()) - newlines(m.group(1))) + m.group(2)));
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** The ids of an HTML page: every {@code id} attribute and every {@code <a name>}. */
    static Set<String> htmlIds(String html) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher id = HTML_ID.matcher(COMMENT.matcher(html).replaceAll(""));
        while (id.find()) {
            if (id.group(2).equalsIgnoreCase("id") || id.group(1).equalsIgnoreCase("a")) {
                ids.add(unescapeHtml(id.group(3) != null ? id.group(3) : id.group(4)));
            }
        }
        return ids;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    // ------------------------------------------------------------------ prepare-site

    /**
     * Copies the site's sources {@code siteSources} (src/site) to {@code output}, where the site plugin renders them:
     * every heading of a Markdown page gets GitHub's anchor as an {@code <a id>} (see the class comment), and the
     * files beside the pages (images) go to {@code resources/} at the same relative path, so that
     * {@code images/x.png} works on GitHub and on the site.
     */
    public static void prepareSite(Path siteSources, Path output) throws IOException {
        Path in = siteSources.toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path pages = in.resolve("markdown");
        for (Path file : walk(in, "")) {
            Path target;
            if (file.startsWith(pages) && !isMarkdown(file)) {
                target = out.resolve("resources").resolve(pages.relativize(file).toString());
            } else {
                target = out.resolve(in.relativize(file).toString());
            }
            Files.createDirectories(target.getParent());
            if (file.startsWith(pages) && isMarkdown(file)) {
                Files.writeString(target, withAnchors(file), StandardCharsets.UTF_8);
            } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The page with {@code <a id="anchor"></a>} (and its Doxia form) at the start of each heading's text. */
    static String withAnchors(Path page) {
        List<String> lines = new ArrayList<>(lines(page));
        for (Heading heading : MarkdownFile.read(page).headings()) {
            int index = heading.line() - 1;
            Matcher marker = ATX_MARKER.matcher(lines.get(index));
            if (marker.find()) {
                // Doxia's check for repeated anchors knows an <a id> by its encoded form: GitHub's form on a span
                String anchor = heading.anchor();
                String anchors = isValidDoxiaId(anchor) ? "<a id=\"" + anchor + "\"></a>"
                        : "<span id=\"" + anchor + "\"></span><a id=\"" + encodeDoxiaId(anchor) + "\"></a>";
                lines.set(index, marker.group() + anchors + lines.get(index).substring(marker.end()));
            }
        }
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------ small helpers

    private static boolean isExternal(String target) {
        return SCHEME.matcher(target).find() || target.startsWith("//");
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** The path of a link: before {@code ?} and {@code #}. */
    private static String pathOf(String target) {
        int end = target.length();
        for (char c : new char[] {'#', '?'}) {
            int at = target.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return target.substring(0, end);
    }

    /** The fragment of a link (after {@code #}), or null without one. */
    private static String fragmentOf(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? null : target.substring(hash + 1);
    }

    /** %XX escapes decoded as UTF-8 ({@code +} stays: it is no space in a path or fragment). */
    static String percentDecode(String text) {
        if (!text.contains("%")) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                decoded.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                decoded.write(bytes[i]);
            }
        }
        return decoded.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** HTML character references decoded: the named ones pages use, and numeric ones. */
    static String unescapeHtml(String text) {
        if (!text.contains("&")) {
            return text;
        }
        Matcher reference = Pattern.compile("&(#[xX][0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos|nbsp);").matcher(text);
        return reference.replaceAll(m -> {
            String name = m.group(1);
            String character = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                default -> Character.toString(name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            return Matcher.quoteReplacement(character);
        });
    }

    private static String listed(Set<String> anchors) {
        String shown = anchors.stream().limit(ANCHORS_LISTED).collect(Collectors.joining(", "));
        return anchors.isEmpty() ? "none" : anchors.size() > ANCHORS_LISTED ? shown + ", ..." : shown;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static List<Path> walk(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        return List.of(read(file).split("\r?\n", -1));
    }
}
