package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.SweepResults;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.html.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.repository.RepositorySystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CI pipelines in docs/ci, which README's "CI recipes" links: each is parsed and checked against the plugin
 * itself: goals and user properties against the plugin descriptor, output file names against the code's constants,
 * cache folders against the parameters' defaults (and DJL's cache folder), shard expressions against the matrix.
 */
class CiRecipesTest {

    private static final String SHARD = "fashionmnist.shard";
    private static final String OUTPUT = "fashionmnist.outputDirectory";
    private static final String SWEEP_RESULTS = "fashionmnist.sweepResults";

    private static Path root;
    private static Descriptor plugin;
    private static DjlCacheFolders djl;

    @BeforeAll
    static void load() throws Exception {
        root = repositoryRoot();
        plugin = Descriptor.read();
        djl = DjlCacheFolders.ask();
    }

    // ---------------------------------------------------------------- GitHub Actions

    @Test
    void githubVerifyJobCachesBuildsAndPublishesEvenWhenTheGateFails() throws IOException {
        Map<String, Object> workflow = yaml("github-actions.yml");
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE); // YAML 1.1: on = true
        assertTrue(map(on, "on").keySet().containsAll(List.of("push", "pull_request", "workflow_dispatch")), "" + on);
        Map<String, Object> jobs = map(workflow.get("jobs"), "jobs");
        assertEquals(List.of("verify", "sweep", "sweep-merge"), new ArrayList<>(jobs.keySet()));

        Map<String, Object> verify = map(jobs.get("verify"), "verify");
        List<Map<String, Object>> steps = steps(verify);
        checkGithubSetup(steps);
        Map<String, Object> restore = step(steps, "actions/cache/restore@");
        checkGithubCache(restore, "verify");

        List<String> runs = runs(steps);
        assertEquals(List.of("mvn -B verify"), runs, "the verify job runs exactly `mvn -B verify`");
        int mvn = indexOfRun(steps, "mvn -B verify");
        assertTrue(steps.indexOf(restore) < mvn);

        // saved also when a gate failed the build: the model it trained is restored by the next run
        Map<String, Object> save = step(steps, "actions/cache/save@");
        assertTrue(steps.indexOf(save) > mvn);
        assertTrue(String.valueOf(save.get("if")).startsWith("always()"), "saved also after a failure: " + save);
        Map<String, Object> saved = map(save.get("with"), "with");
        assertEquals(lines(map(restore.get("with"), "with").get("path")), lines(saved.get("path")));
        assertEquals("${{ steps." + restore.get("id") + ".outputs.cache-primary-key }}", saved.get("key"));

        String out = defaultOutputFolder("evaluate");
        Map<String, Object> junit = step(steps, "mikepenz/action-junit-report@");
        assertEquals("always()", junit.get("if"), "the gates are reported also when a gate fails the build");
        assertTrue(steps.indexOf(junit) > mvn);
        assertEquals(out + "/" + JUnitReport.FILE, map(junit.get("with"), "with").get("report_paths"));

        Map<String, Object> upload = step(steps, "actions/upload-artifact@");
        assertEquals("always()", upload.get("if"), "report.html is uploaded also when a gate fails the build");
        assertTrue(steps.indexOf(upload) > mvn);
        List<String> uploaded = lines(map(upload.get("with"), "with").get("path"));
        assertTrue(uploaded.contains(out + "/" + HtmlReport.FILE), "" + uploaded);
        assertTrue(uploaded.contains(out + "/*.png"), "the plots: " + uploaded);
    }

    @Test
    void githubSweepSplitsTheGridOverTheMatrixAndMergesEveryShard() throws IOException {
        Map<String, Object> jobs = map(yaml("github-actions.yml").get("jobs"), "jobs");

        Map<String, Object> sweep = map(jobs.get("sweep"), "sweep");
        Map<String, Object> strategy = map(sweep.get("strategy"), "strategy");
        assertEquals(Boolean.FALSE, strategy.get("fail-fast"), "one failed shard must not cancel the others");
        List<?> shards = list(map(strategy.get("matrix"), "matrix").get("shard"), "matrix.shard");
        int n = shards.size();
        assertTrue(n >= 2, "a matrix of shards: " + shards);
        assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), shards, "shard numbers are 1..n");

        List<Map<String, Object>> steps = steps(sweep);
        checkGithubSetup(steps);
        checkGithubCache(step(steps, "actions/cache@"), "sweep");
        MavenCommand shardRun = MavenCommand.parse(single(runs(steps)));
        assertEquals(List.of("fashionmnist:sweep"), shardRun.goals);
        assertEquals("${{ matrix.shard }}/" + n, shardRun.properties.get(SHARD), "shard=i/n with n = matrix size");
        String shardOut = shardRun.properties.get(OUTPUT);
        assertNotNull(shardOut, "each shard writes its own output folder");

        Map<String, Object> upload = map(step(steps, "actions/upload-artifact@").get("with"), "with");
        String artifact = (String) upload.get("name");
        assertTrue(artifact.contains("${{ matrix.shard }}"), "one artifact per shard: " + artifact);
        List<String> uploaded = lines(upload.get("path"));
        assertTrue(uploaded.contains(shardOut + "/" + SweepTable.FILE), "" + uploaded);
        assertTrue(uploaded.contains(shardOut + "/" + trialsFolder() + "/"), "the trials' curves: " + uploaded);

        Map<String, Object> merge = map(jobs.get("sweep-merge"), "sweep-merge");
        assertEquals(List.of("sweep"), names(merge.get("needs")), "the merge job waits for every shard");
        List<Map<String, Object>> mergeSteps = steps(merge);
        checkGithubSetup(mergeSteps);
        Map<String, Object> download = map(step(mergeSteps, "actions/download-artifact@").get("with"), "with");
        // several artifacts land in <path>/<artifact name>/
        assertEquals(artifact.replace("${{ matrix.shard }}", "*"), download.get("pattern"));
        assertFalse(Boolean.TRUE.equals(download.get("merge-multiple")), "each shard in its own folder");
        MavenCommand mergeRun = MavenCommand.parse(single(runs(mergeSteps)));
        assertEquals("sweep-merge", plugin.goalOf(mergeRun.goals.get(0)));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add(download.get("path") + "/" + artifact.replace("${{ matrix.shard }}", String.valueOf(i)));
        }
        assertEquals(expected, folders(mergeRun), "sweepResults names the folder of every downloaded shard");
        String out = defaultOutputFolder("sweep-merge");
        List<String> kept = lines(map(step(mergeSteps, "actions/upload-artifact@").get("with"), "with").get("path"));
        assertTrue(kept.contains(out + "/" + SweepTable.FILE), "" + kept);
        assertTrue(kept.contains(out + "/" + HtmlReport.FILE), "" + kept);
    }

    private static void checkGithubSetup(List<Map<String, Object>> steps) {
        step(steps, "actions/checkout@");
        Map<String, Object> java = map(step(steps, "actions/setup-java@").get("with"), "with");
        assertEquals("temurin", java.get("distribution"));
        assertEquals(plugin.requiredJava(), String.valueOf(java.get("java-version")));
    }

    private static void checkGithubCache(Map<String, Object> cache, String job) throws IOException {
        Map<String, Object> with = map(cache.get("with"), "with");
        List<String> paths = lines(with.get("path"));
        String repository = "~/" + home().relativize(RepositorySystem.defaultUserLocalRepository.toPath());
        assertTrue(paths.contains(repository), job + " caches the local repository: " + paths);
        String data = dataFolder(repository);
        assertCovered(paths, data, job + ": the datasets");
        assertCovered(paths, modelCacheFolder(data), job + ": the model cache");
        // DJL unpacks the natives into its cache folder, ~/.djl.ai unless DJL_CACHE_DIR is set (the workflow sets none)
        assertTrue(paths.contains("~/" + home().relativize(djl.unset())), job + ": DJL's natives: " + paths);
        assertTrue(String.valueOf(with.get("key")).contains("hashFiles('**/pom.xml')"), "keyed on the POMs");
    }

    // ---------------------------------------------------------------- GitLab CI

    @Test
    void gitlabVerifyJobCachesBuildsAndReportsEvenWhenTheGateFails() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci.yml");
        assertTrue(String.valueOf(pipeline.get("image")).endsWith("-temurin-" + plugin.requiredJava()),
                "a Maven image with Java " + plugin.requiredJava() + ": " + pipeline.get("image"));
        Map<String, Object> variables = map(pipeline.get("variables"), "variables");
        Map<String, Object> cache = map(pipeline.get("cache"), "cache");
        assertEquals(List.of("pom.xml"), list(map(cache.get("key"), "cache.key").get("files"), "cache.key.files"));
        assertEquals("always", cache.get("when"), "saved also when a gate failed: the next run restores the model");
        List<String> paths = lines(cache.get("paths"));

        // GitLab caches folders inside the project only: the local repository and DJL's folder are moved there
        Matcher repo = Pattern.compile("-Dmaven\\.repo\\.local=\\$CI_PROJECT_DIR/(\\S+)")
                .matcher(String.valueOf(variables.get("MAVEN_OPTS")));
        assertTrue(repo.find(), "MAVEN_OPTS puts the local repository into the project: " + variables);
        String repository = repo.group(1);
        assertCovered(paths, repository, "the local repository");
        String data = dataFolder(repository);
        assertCovered(paths, data, "the datasets");
        assertCovered(paths, modelCacheFolder(data), "the model cache");
        String djl = String.valueOf(variables.get(djlCacheVariable()));
        assertTrue(djl.startsWith("$CI_PROJECT_DIR/"), djlCacheVariable() + " inside the project: " + djl);
        assertCovered(paths, djl.substring("$CI_PROJECT_DIR/".length()), "DJL's natives");

        Map<String, Object> verify = map(pipeline.get("verify"), "verify");
        assertEquals(List.of("mvn -B verify"), lines(verify.get("script")), "the verify job runs `mvn -B verify`");
        Map<String, Object> artifacts = map(verify.get("artifacts"), "verify.artifacts");
        assertEquals("always", artifacts.get("when"), "reports are kept also when a gate fails the build");
        String out = defaultOutputFolder("evaluate");
        assertEquals(out + "/" + JUnitReport.FILE, map(artifacts.get("reports"), "reports").get("junit"));
        List<String> kept = lines(artifacts.get("paths"));
        assertTrue(kept.contains(out + "/" + HtmlReport.FILE), "" + kept);
        assertTrue(kept.contains(out + "/*.png"), "the plots: " + kept);
    }

    @Test
    void gitlabSweepRunsInParallelAndTheMergeJobNeedsEveryShard() throws IOException {
        Map<String, Object> pipeline = yaml("gitlab-ci.yml");
        List<String> stages = names(pipeline.get("stages"));

        Map<String, Object> sweep = map(pipeline.get("sweep"), "sweep");
        Object parallel = sweep.get("parallel");
        assertTrue(parallel instanceof Integer, "parallel: n");
        int n = (Integer) parallel;
        assertTrue(n >= 2, "several shards: " + n);
        MavenCommand shardRun = MavenCommand.parse(single(lines(sweep.get("script"))));
        assertEquals(List.of("fashionmnist:sweep"), shardRun.goals);
        // GitLab numbers the parallel jobs CI_NODE_INDEX = 1..CI_NODE_TOTAL, CI_NODE_TOTAL = parallel
        assertEquals("$CI_NODE_INDEX/$CI_NODE_TOTAL", shardRun.properties.get(SHARD));
        String shardOut = shardRun.properties.get(OUTPUT);
        assertNotNull(shardOut,
                "each shard writes its own output folder, so the artifacts do not overwrite each other");
        assertTrue(shardOut.contains("$CI_NODE_INDEX"), shardOut);
        String anyShard = shardOut.replace("$CI_NODE_INDEX", "*");
        List<String> kept = lines(map(sweep.get("artifacts"), "sweep.artifacts").get("paths"));
        assertTrue(kept.contains(anyShard + "/" + SweepTable.FILE), "" + kept);
        assertTrue(kept.contains(anyShard + "/" + trialsFolder() + "/"), "the trials' curves: " + kept);

        Map<String, Object> merge = map(pipeline.get("sweep-merge"), "sweep-merge");
        assertEquals(List.of("sweep"), names(merge.get("needs")), "the merge job needs every parallel shard");
        assertTrue(stages.indexOf(merge.get("stage")) > stages.indexOf(sweep.get("stage")), "" + stages);
        assertEquals(sweep.get("rules"), merge.get("rules"), "merged whenever the sweep runs");
        MavenCommand mergeRun = MavenCommand.parse(single(lines(merge.get("script"))));
        assertEquals("sweep-merge", plugin.goalOf(mergeRun.goals.get(0)));
        List<String> expected = IntStream.rangeClosed(1, n)
                .mapToObj(i -> shardOut.replace("$CI_NODE_INDEX", String.valueOf(i))).toList();
        assertEquals(expected, folders(mergeRun), "sweepResults names the folder of every shard, 1.." + n);
        String out = defaultOutputFolder("sweep-merge");
        List<String> merged = lines(map(merge.get("artifacts"), "sweep-merge.artifacts").get("paths"));
        assertTrue(merged.contains(out + "/" + SweepTable.FILE), "" + merged);
        assertTrue(merged.contains(out + "/" + HtmlReport.FILE), "" + merged);
    }

    // ---------------------------------------------------------------- both

    @Test
    void everyMavenCommandUsesGoalsAndPropertiesThePluginHas() throws IOException {
        List<String> commands = commands();
        assertTrue(commands.size() >= 6, "" + commands);
        for (String command : commands) {
            MavenCommand mvn = MavenCommand.parse(command);
            assertTrue(mvn.flags.contains("-B"), "batch mode: " + command);
            List<String> goals = new ArrayList<>();
            for (String goal : mvn.goals) {
                if (goal.contains(":")) {
                    goals.add(plugin.goalOf(goal));
                } else {
                    assertEquals("verify", goal, "a lifecycle phase: " + command);
                }
            }
            for (String property : mvn.properties.keySet()) {
                if (property.startsWith("fashionmnist.")) {
                    assertTrue(goals.stream().anyMatch(g -> plugin.properties(g).containsKey(property)),
                            property + " is a parameter of none of " + goals + " in: " + command);
                }
            }
        }
    }

    @Test
    void readmeLinksBothRecipes() throws IOException {
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## CI recipes\n");
        assertTrue(section >= 0, "README has a section 'CI recipes'");
        int end = readme.indexOf("\n## ", section + 1);
        String text = readme.substring(section, end < 0 ? readme.length() : end);
        for (String file : List.of("github-actions.yml", "gitlab-ci.yml")) {
            assertTrue(text.contains("](docs/ci/" + file + ")"), "the section links docs/ci/" + file);
            assertTrue(Files.isRegularFile(root.resolve("docs/ci").resolve(file)));
        }
        assertFalse(text.contains("```yaml"), "the recipes are linked, not copied (a copy would drift)");
        List<String> commands = commands();
        Matcher quoted = Pattern.compile("`(mvn [^`]+)`").matcher(text);
        int count = 0;
        for (; quoted.find(); count++) {
            assertTrue(commands.contains(quoted.group(1)),
                    "README quotes a command no recipe runs: " + quoted.group(1));
        }
        assertTrue(count >= 4, "README shows the recipes' commands: " + count);
    }

    /** Every command the two pipelines run. */
    private static List<String> commands() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Object job : map(yaml("github-actions.yml").get("jobs"), "jobs").values()) {
            commands.addAll(runs(steps(map(job, "job"))));
        }
        for (Object job : yaml("gitlab-ci.yml").values()) {
            if (job instanceof Map<?, ?> m && m.containsKey("script")) {
                commands.addAll(lines(m.get("script")));
            }
        }
        return commands;
    }

    // ---------------------------------------------------------------- the plugin's own facts

    /** Where a goal writes by default, relative to the project: outputDirectory with target/ for the build folder. */
    private static String defaultOutputFolder(String goal) {
        return plugin.defaultOf(goal, "outputDirectory").replace("${project.build.directory}", "target");
    }

    /** The dataset cache below a local repository: dataDirectory's default. */
    private static String dataFolder(String localRepository) {
        String value = plugin.defaultOf("train", "dataDirectory");
        assertTrue(value.startsWith("${settings.localRepository}/"), "the data cache is in the local repository");
        return value.replace("${settings.localRepository}", localRepository);
    }

    /** The model cache as README documents modelCacheDirectory's default (the parameter has none in the POM). */
    private static String modelCacheFolder(String dataFolder) throws IOException {
        for (String line : Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| `modelCacheDirectory` |")) {
                String documented = line.split("\\|")[3].trim().replace("`", "");
                assertTrue(documented.startsWith("<dataDirectory>/"), documented);
                return documented.replace("<dataDirectory>", dataFolder);
            }
        }
        throw new AssertionError("README documents no modelCacheDirectory");
    }

    /** The trials' folder inside an output folder, as the sweep writes it. */
    private static String trialsFolder() {
        SweepGrid.Trial trial = SweepGrid.parse(Map.of("hiddenSize", "2"), null).trials().get(0);
        Path out = Path.of("out");
        return out.relativize(SweepResults.trialDirectory(out, trial).getParent()).toString();
    }

    /** The environment variable DJL takes its cache folder from (checked through a system property of that name). */
    private static String djlCacheVariable() {
        String name = DjlCacheFolders.VARIABLE;
        assertEquals(Path.of(DjlCacheFolders.PROBE), djl.set(), "DJL reads its cache folder from " + name);
        return name;
    }

    /**
     * DJL's cache folder as DJL itself answers it in a JVM of its own whose environment sets none of DJL's cache
     * variables: {@code unset} with none, {@code set} with the system property {@code DJL_CACHE_DIR=}{@link #PROBE}.
     * Not in this JVM: DJL reads the environment first, and the one the tests run in may set DJL_CACHE_DIR (GitLab's
     * recipe does), which no system property overrides.
     */
    private record DjlCacheFolders(Path unset, Path set) {
        static final String VARIABLE = "DJL_CACHE_DIR";
        static final String PROBE = "/probe/djl-cache";

        static DjlCacheFolders ask() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Duser.home=" + home(), "-cp", System.getProperty("java.class.path"),
                    Probe.class.getName());
            builder.environment().keySet().removeAll(List.of(VARIABLE, "ENGINE_CACHE_DIR"));
            // one stream: a child that fills the pipe we do not read would block (its log lines are kept for failures)
            Process p = builder.redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM ends");
            assertEquals(0, p.exitValue(), "the probe JVM: " + output);
            List<String> folders = output.lines().filter(l -> l.startsWith(Probe.FOLDER))
                    .map(l -> l.substring(Probe.FOLDER.length())).toList();
            assertEquals(2, folders.size(), "the probe JVM: " + output);
            return new DjlCacheFolders(Path.of(folders.get(0)), Path.of(folders.get(1)));
        }

        /** Prints DJL's cache folder, then the one it takes from the system property {@link #VARIABLE}. */
        public static final class Probe {
            static final String FOLDER = "djl-cache-folder: ";

            public static void main(String[] args) {
                System.out.println(FOLDER + Utils.getCacheDir());
                System.setProperty(VARIABLE, PROBE);
                System.out.println(FOLDER + Utils.getCacheDir());
            }
        }
    }

    private static void assertCovered(List<String> cached, String folder, String what) {
        boolean covered = cached.stream().map(c -> c.endsWith("/") ? c.substring(0, c.length() - 1) : c)
                .anyMatch(c -> folder.equals(c) || folder.startsWith(c + "/"));
        assertTrue(covered, what + " (" + folder + ") are in a cached folder: " + cached);
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    private static List<String> folders(MavenCommand merge) {
        String value = merge.properties.get(SWEEP_RESULTS);
        assertNotNull(value, "sweep-merge gets the shards' folders: " + merge.properties);
        return Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    // ---------------------------------------------------------------- YAML

    private static Map<String, Object> yaml(String file) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve("docs/ci").resolve(file))) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return map(document, file);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertTrue(value instanceof Map, what + " is a mapping: " + value);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        assertTrue(value instanceof List, what + " is a list: " + value);
        return (List<?>) value;
    }

    /** A list of strings, or a block of lines (GitHub's multi-line `path:`), or one string. */
    private static List<String> lines(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        assertTrue(value instanceof String, "text or a list: " + value);
        return ((String) value).lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** `needs: sweep` or `needs: [sweep]`. */
    private static List<String> names(Object value) {
        return value instanceof String s ? List.of(s) : list(value, "names").stream().map(String::valueOf).toList();
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : list(job.get("steps"), "steps")) {
            steps.add(map(step, "step"));
        }
        return steps;
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String usesPrefix) {
        List<Map<String, Object>> found = steps.stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(usesPrefix)).toList();
        assertEquals(1, found.size(), "one step uses " + usesPrefix);
        return found.get(0);
    }

    private static List<String> runs(List<Map<String, Object>> steps) {
        return steps.stream().filter(s -> s.containsKey("run")).map(s -> String.valueOf(s.get("run")).trim()).toList();
    }

    private static int indexOfRun(List<Map<String, Object>> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            if (command.equals(String.valueOf(steps.get(i).get("run")).trim())) {
                return i;
            }
        }
        throw new AssertionError("no step runs " + command);
    }

    private static String single(List<String> commands) {
        assertEquals(1, commands.size(), "one command: " + commands);
        return commands.get(0);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/ci")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/ci not found above " + Path.of("").toAbsolutePath());
    }

    /** `mvn -B goal goal -Dname=value`: flags, goals and phases, user properties. */
    private record MavenCommand(List<String> flags, List<String> goals, Map<String, String> properties) {
        /** A word of the command line; a GitHub expression such as {@code ${{ matrix.shard }}} is part of its word. */
        private static final Pattern WORD = Pattern.compile("(?:\\$\\{\\{.*?}}|\\S)+");

        static MavenCommand parse(String command) {
            List<String> words = new ArrayList<>();
            Matcher next = WORD.matcher(command);
            while (next.find()) {
                words.add(next.group());
            }
            assertEquals("mvn", words.get(0), "a Maven command: " + command);
            List<String> flags = new ArrayList<>();
            List<String> goals = new ArrayList<>();
            Map<String, String> properties = new LinkedHashMap<>();
            for (String word : words.subList(1, words.size())) {
                if (word.startsWith("-D")) {
                    int eq = word.indexOf('=');
                    assertTrue(eq > 2, "-Dname=value: " + word);
                    assertFalse(properties.containsKey(word.substring(2, eq)), "given twice: " + word);
                    properties.put(word.substring(2, eq), word.substring(eq + 1));
                } else if (word.startsWith("-")) {
                    flags.add(word);
                } else {
                    goals.add(word);
                }
            }
            return new MavenCommand(flags, goals, properties);
        }
    }

    /** The plugin descriptor the build generated: goals, their parameters' user properties and defaults. */
    private record Descriptor(String prefix, String requiredJava, Map<String, Map<String, String>> properties,
                              Map<String, Map<String, String>> defaults) {

        static Descriptor read() throws Exception {
            for (URL url : Collections.list(CiRecipesTest.class.getClassLoader()
                    .getResources("META-INF/maven/plugin.xml"))) {
                Document xml;
                try (InputStream in = url.openStream()) {
                    xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                }
                Element top = xml.getDocumentElement();
                if (!"fashionmnist-maven-plugin".equals(text(top, "artifactId"))) {
                    continue;
                }
                Map<String, Map<String, String>> properties = new HashMap<>();
                Map<String, Map<String, String>> defaults = new HashMap<>();
                NodeList mojos = top.getElementsByTagName("mojo");
                for (int i = 0; i < mojos.getLength(); i++) {
                    Element mojo = (Element) mojos.item(i);
                    String goal = text(mojo, "goal");
                    Map<String, String> byProperty = new HashMap<>();
                    Map<String, String> byName = new HashMap<>();
                    Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
                    for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof Element parameter) {
                            Matcher m = Pattern.compile("\\$\\{(.+)}").matcher(parameter.getTextContent().trim());
                            if (m.matches()) {
                                byProperty.put(m.group(1), parameter.getTagName());
                            }
                            if (parameter.hasAttribute("default-value")) {
                                byName.put(parameter.getTagName(), parameter.getAttribute("default-value"));
                            }
                        }
                    }
                    properties.put(goal, byProperty);
                    defaults.put(goal, byName);
                }
                return new Descriptor(text(top, "goalPrefix"), text(top, "requiredJavaVersion"), properties,
                        defaults);
            }
            throw new AssertionError("the plugin descriptor META-INF/maven/plugin.xml is not on the class path");
        }

        private static String text(Element parent, String tag) {
            return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
        }

        /** The goal of {@code prefix:goal}, which must exist. */
        String goalOf(String invocation) {
            assertTrue(invocation.startsWith(prefix + ":"), "a goal of this plugin: " + invocation);
            String goal = invocation.substring(prefix.length() + 1);
            assertTrue(properties.containsKey(goal), "the plugin has no goal " + goal + ": " + properties.keySet());
            return goal;
        }

        Map<String, String> properties(String goal) {
            return properties.get(goal);
        }

        String defaultOf(String goal, String parameter) {
            String value = defaults.get(goal).get(parameter);
            assertNotNull(value, goal + " has a default for " + parameter);
            return value;
        }
    }
}
