package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.SweepResults;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.html.HtmlReport;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.repository.RepositorySystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CI pipelines in docs/ci, which the site's pages gates-and-ci.md ("CI recipes") and gpu.md name: each is parsed
 * and checked against the plugin itself: goals and user properties against the plugin descriptor, output file names
 * against the code's constants, cache folders against the parameters' defaults (and DJL's cache folder), shard
 * expressions against the matrix; the Kubernetes Job's script is run by bash (with an mvn that only prints its
 * command line) for every completion index, its shards parsed by the plugin's own shard parser.
 */
class CiRecipesTest {

    private static final String SHARD = "fashionmnist.shard";
    private static final String OUTPUT = "fashionmnist.outputDirectory";
    private static final String SWEEP_RESULTS = "fashionmnist.sweepResults";
    private static final String DEVICE = "fashionmnist.device";

    private static final String GITHUB = "github-actions.yml";
    private static final String GITLAB = "gitlab-ci.yml";
    private static final String GITHUB_GPU = "github-actions-gpu.yml";
    private static final String GITLAB_GPU = "gitlab-ci-gpu.yml";
    private static final String KUBERNETES_SWEEP = "kubernetes-sweep.yml";
    private static final String KUBERNETES_MERGE = "kubernetes-sweep-merge.yml";
    /** NVIDIA's device plugin's resource: a pod that asks for it gets that many GPUs and the driver's libraries. */
    private static final String GPU_RESOURCE = "nvidia.com/gpu";
    /** The variable Kubernetes sets in each pod of an Indexed Job: 0 .. completions - 1. */
    private static final String INDEX = "JOB_COMPLETION_INDEX";

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

        assertReportsKeptOnFailure(steps, mvn);
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
        assertArtifactsKeepReports(artifacts);
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

    // ---------------------------------------------------------------- GPU jobs

    @Test
    void githubGpuJobTrainsInTheMavenImageWithTheGpusAndKeepsTheNativesBetweenRuns() throws IOException {
        Map<String, Object> jobs = map(yaml(GITHUB_GPU).get("jobs"), "jobs");
        assertEquals(List.of("verify-gpu"), new ArrayList<>(jobs.keySet()));
        Map<String, Object> job = map(jobs.get("verify-gpu"), "verify-gpu");
        List<String> labels = names(job.get("runs-on"));
        assertTrue(labels.contains("gpu"), "a runner with a GPU, not a hosted CPU runner: " + labels);

        Map<String, Object> container = map(job.get("container"), "container");
        checkMavenImage(container.get("image"));
        assertTrue(hasGpusAll(String.valueOf(container.get("options"))),
                "docker's --gpus all gives the container the GPUs and the driver's libcuda: " + container);
        List<Map<String, Object>> steps = steps(job);
        step(steps, "actions/checkout@");
        assertTrue(steps.stream().noneMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")),
                "the image brings Java " + plugin.requiredJava());

        // actions/cache runs inside the container: absolute folders there are the same for Maven, DJL and the cache
        Map<String, Object> env = map(job.get("env"), "env");
        String repository = localRepository(env.get("MAVEN_OPTS"), "");
        String natives = String.valueOf(env.get(djlCacheVariable()));
        assertTrue(repository.startsWith("/") && natives.startsWith("/"), "folders in the container: " + env);
        Map<String, Object> restore = step(steps, "actions/cache/restore@");
        Map<String, Object> with = map(restore.get("with"), "with");
        List<String> paths = lines(with.get("path"));
        assertCovered(paths, repository, "the local repository (the plugin, the cu121 natives jar)");
        assertCovered(paths, natives, "the natives DJL unpacks");
        String data = dataFolder(repository);
        assertCovered(paths, data, "the datasets");
        assertCovered(paths, modelCacheFolder(data), "the model cache");
        String key = String.valueOf(with.get("key"));
        assertTrue(key.contains("hashFiles('**/pom.xml')"), "keyed on the POMs: " + key);
        List<String> fallbacks = lines(with.get("restore-keys"));
        assertFalse(fallbacks.isEmpty(), "a changed POM restores the natives of the last key instead of 2.4 GB again");
        assertTrue(fallbacks.stream().allMatch(key::startsWith), fallbacks + " are prefixes of " + key);
        // in a repository with both workflows, neither restores the other's cache (the CPU jobs would get gigabytes)
        Map<String, Object> cpuVerify = map(map(yaml(GITHUB).get("jobs"), "jobs").get("verify"), "verify");
        Map<String, Object> cpuCache = map(step(steps(cpuVerify), "actions/cache/restore@").get("with"), "with");
        String cpuKey = String.valueOf(cpuCache.get("key"));
        for (String cpuFallback : lines(cpuCache.get("restore-keys"))) {
            assertFalse(key.startsWith(cpuFallback), "the CPU job's " + cpuFallback + " matches " + key);
        }
        fallbacks.forEach(f -> assertFalse(cpuKey.startsWith(f), f + " matches the CPU job's " + cpuKey));

        MavenCommand run = MavenCommand.parse(single(runs(steps)));
        assertEquals(List.of("verify"), run.goals);
        assertEquals("gpu", run.properties.get(DEVICE), "on the GPU, or a clear failure: never the CPU unnoticed");
        int mvn = indexOfRun(steps, single(runs(steps)));
        assertTrue(steps.indexOf(restore) < mvn);

        List<String> uploaded = assertReportsKeptOnFailure(steps, mvn);
        assertTrue(uploaded.contains(defaultOutputFolder("evaluate") + "/" + JUnitReport.FILE),
                "the JUnit XML: " + uploaded);

        Map<String, Object> save = step(steps, "actions/cache/save@");
        assertTrue(steps.indexOf(save) > mvn);
        assertTrue(String.valueOf(save.get("if")).startsWith("always()"), "saved also after a failure: " + save);
        Map<String, Object> saved = map(save.get("with"), "with");
        assertEquals(paths, lines(saved.get("path")));
        assertEquals("${{ steps." + restore.get("id") + ".outputs.cache-primary-key }}", saved.get("key"));
    }

    @Test
    void gitlabGpuJobRunsOnGpuTaggedRunnersAndKeepsTheNativesBetweenRuns() throws IOException {
        Map<String, Object> pipeline = yaml(GITLAB_GPU);
        assertEquals(List.of("verify-gpu"), new ArrayList<>(pipeline.keySet()));
        Map<String, Object> job = map(pipeline.get("verify-gpu"), "verify-gpu");
        checkMavenImage(job.get("image"));
        assertEquals(List.of("gpu"), names(job.get("tags")), "runs only on runners tagged gpu");

        // GitLab caches folders inside the project only: the local repository and DJL's folder are moved there
        Map<String, Object> variables = map(job.get("variables"), "variables");
        String repository = localRepository(variables.get("MAVEN_OPTS"), "$CI_PROJECT_DIR/");
        String natives = String.valueOf(variables.get(djlCacheVariable()));
        assertTrue(natives.startsWith("$CI_PROJECT_DIR/"), djlCacheVariable() + " inside the project: " + natives);
        Map<String, Object> cache = map(job.get("cache"), "cache");
        List<String> paths = lines(cache.get("paths"));
        assertCovered(paths, repository, "the local repository (the plugin, the cu121 natives jar)");
        assertCovered(paths, natives.substring("$CI_PROJECT_DIR/".length()), "the natives DJL unpacks");
        String data = dataFolder(repository);
        assertCovered(paths, data, "the datasets");
        assertCovered(paths, modelCacheFolder(data), "the model cache");
        assertEquals("always", cache.get("when"), "saved also when a gate failed");
        assertNotEquals(yaml(GITLAB).get("cache"), cache, "not the CPU pipeline's cache, which holds no cu121 natives");

        MavenCommand run = MavenCommand.parse(single(lines(job.get("script"))));
        assertEquals(List.of("verify"), run.goals);
        assertEquals("gpu", run.properties.get(DEVICE), "on the GPU, or a clear failure: never the CPU unnoticed");
        Map<String, Object> artifacts = map(job.get("artifacts"), "artifacts");
        assertEquals("always", artifacts.get("when"), "reports are kept also when a gate fails the build");
        assertArtifactsKeepReports(artifacts);

        // the runner's side, which no job can set: its config.toml, shown in the comment
        List<String> comment = Files.readAllLines(root.resolve("docs/ci").resolve(GITLAB_GPU), StandardCharsets.UTF_8)
                .stream().filter(l -> l.startsWith("#")).map(l -> l.substring(1).trim()).toList();
        int docker = comment.indexOf("[runners.docker]");
        assertTrue(docker > 0 && comment.get(docker - 1).equals("executor = \"docker\""), "" + comment);
        assertEquals("gpus = \"all\"", comment.get(docker + 1), "the runner gives its jobs' containers the GPUs");
    }

    // ---------------------------------------------------------------- Kubernetes

    @Test
    void kubernetesIndexedJobRunsShardOneToNAndTheMergeJobNamesEveryShardsFolder() throws Exception {
        List<Map<String, Object>> documents = yamlDocuments(KUBERNETES_SWEEP);
        Map<String, Object> claim = ofKind(documents, "PersistentVolumeClaim");
        assertTrue(list(specOf(claim).get("accessModes"), "accessModes").contains("ReadWriteMany"),
                "the pods, on several nodes, write the volume at once: " + claim);
        String claimName = String.valueOf(map(claim.get("metadata"), "metadata").get("name"));

        Map<String, Object> job = ofKind(documents, "Job");
        assertEquals("batch/v1", job.get("apiVersion"));
        Map<String, Object> jobSpec = specOf(job);
        assertEquals("Indexed", jobSpec.get("completionMode"), "each pod gets its own JOB_COMPLETION_INDEX");
        int n = (Integer) jobSpec.get("completions");
        assertTrue(n >= 2, "several shards: " + n);
        int parallelism = (Integer) jobSpec.get("parallelism");
        assertTrue(parallelism >= 1 && parallelism <= n, "parallelism " + parallelism + " of " + n);
        assertTrue(jobSpec.get("backoffLimit") instanceof Integer, "a failed shard is retried (it resumes)");
        Pod shards = Pod.of(job);
        assertEquals("Never", shards.spec.get("restartPolicy"), "a failed pod is replaced with the same index");
        checkMavenImage(shards.container.get("image"));
        String shared = shards.mountOf(claimName);
        shards.checkCaches(shared);
        shards.checkCheckout();

        List<String> shardFolders = new ArrayList<>();
        List<SweepGrid.Shard> all = new ArrayList<>();
        for (int index = 0; index < n; index++) {
            MavenCommand run = MavenCommand.parse(single(shards.run(Map.of(INDEX, String.valueOf(index)))));
            assertEquals(List.of("fashionmnist:sweep"), run.goals);
            SweepGrid.Shard shard = SweepGrid.Shard.parse(run.properties.get(SHARD));
            assertEquals(new SweepGrid.Shard(index + 1, n), shard, "pod " + index + " runs shard " + (index + 1)
                    + "/" + n + ": " + run);
            all.add(shard);
            String folder = run.properties.get(OUTPUT);
            assertNotNull(folder, "each shard writes its own output folder: " + run);
            assertTrue(folder.startsWith(shared + "/"), "on the shared volume " + shared + ": " + folder);
            assertFalse(shardFolders.contains(folder), "each shard its own folder: " + folder);
            shardFolders.add(folder);
            boolean gpu = shards.limits().containsKey(GPU_RESOURCE);
            assertEquals(gpu ? "gpu" : "cpu", run.properties.get(DEVICE), "the device the pod asks for: " + run);
            if (gpu) {
                assertEquals(1, shards.limits().get(GPU_RESOURCE), "one GPU per shard");
            }
        }
        for (SweepGrid.Trial trial : SweepGrid.parse(Map.of("hiddenSize", "1,2,3,4,5,6,7,8,9"), null).trials()) {
            assertEquals(1, all.stream().filter(s -> s.includes(trial)).count(), "trial " + trial + " in one shard");
        }

        Map<String, Object> mergeJob = ofKind(yamlDocuments(KUBERNETES_MERGE), "Job");
        assertEquals("batch/v1", mergeJob.get("apiVersion"));
        assertNotEquals("Indexed", specOf(mergeJob).get("completionMode"), "one merge");
        Pod merge = Pod.of(mergeJob);
        assertEquals(shared, merge.mountOf(claimName), "the shards' volume, at the same place");
        assertEquals(shards.container.get("image"), merge.container.get("image"));
        assertEquals(shards.env(), merge.env(), "the same local repository and DJL cache on the volume");
        assertEquals(shards.checkout.get("env"), merge.checkout.get("env"), "the same project at the same ref");
        merge.checkCheckout();
        assertFalse(merge.limits().containsKey(GPU_RESOURCE), "the merge trains nothing");
        MavenCommand mergeRun = MavenCommand.parse(single(merge.run(Map.of())));
        assertEquals("sweep-merge", plugin.goalOf(mergeRun.goals.get(0)));
        assertEquals(shardFolders, folders(mergeRun), "sweepResults names the folder of every shard, 1.." + n);
        String merged = mergeRun.properties.get(OUTPUT);
        assertTrue(merged != null && merged.startsWith(shared + "/") && !shardFolders.contains(merged),
                "the merge writes a folder of its own on the volume: " + merged);

        // the order the header comment gives: the merge is applied when the sweep Job is complete
        String text = Files.readString(root.resolve("docs/ci").resolve(KUBERNETES_SWEEP), StandardCharsets.UTF_8);
        String jobName = String.valueOf(map(job.get("metadata"), "metadata").get("name"));
        String mergeName = String.valueOf(map(mergeJob.get("metadata"), "metadata").get("name"));
        int waits = text.indexOf("kubectl wait --for=condition=complete --timeout=24h job/" + jobName + "\n");
        assertTrue(waits > 0 && text.indexOf("kubectl apply -f " + KUBERNETES_MERGE) > waits, "wait, then merge");
        assertTrue(text.contains("job/" + mergeName), "the merge job's name: " + mergeName);
    }

    /** A Job's pod template: its one container, and the init container that clones the project. */
    private record Pod(Map<String, Object> spec, Map<String, Object> container, Map<String, Object> checkout) {

        static Pod of(Map<String, Object> job) {
            Map<String, Object> pod = specOf(map(specOf(job).get("template"), "template"));
            List<?> containers = list(pod.get("containers"), "containers");
            assertEquals(1, containers.size(), "one container: " + containers);
            List<?> init = list(pod.get("initContainers"), "initContainers");
            assertEquals(1, init.size(), "one init container, the checkout: " + init);
            return new Pod(pod, map(containers.get(0), "container"), map(init.get(0), "initContainer"));
        }

        /** The container's environment variables, name to value. */
        Map<String, String> env() {
            return variables(container);
        }

        Map<String, Object> limits() {
            Object resources = container.get("resources");
            Object limits = resources == null ? null : map(resources, "resources").get("limits");
            return limits == null ? Map.of() : map(limits, "limits");
        }

        /** Where the container mounts the volume of a persistent volume claim. */
        String mountOf(String claimName) {
            String volume = volumes().entrySet().stream()
                    .filter(v -> v.getValue().get("persistentVolumeClaim") instanceof Map<?, ?> c
                            && claimName.equals(c.get("claimName")))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume of the claim " + claimName + ": " + spec));
            return mounts(container).get(volume);
        }

        /** The local repository and DJL's cache on the shared volume; pods that share them lock across processes. */
        void checkCaches(String shared) throws IOException {
            Map<String, String> env = env();
            String repository = localRepository(env.get("MAVEN_OPTS"), "");
            assertTrue(repository.startsWith(shared + "/"), "the local repository on the volume: " + repository);
            String data = dataFolder(repository);
            assertTrue(data.startsWith(shared + "/") && modelCacheFolder(data).startsWith(shared + "/"), data);
            String natives = env.get(djlCacheVariable());
            assertTrue(natives != null && natives.startsWith(shared + "/"), "DJL's natives on the volume: " + env);
            List<String> options = Arrays.asList(env.get("MAVEN_OPTS").trim().split("\\s+"));
            assertTrue(options.contains("-Daether.syncContext.named.factory=file-lock")
                    && options.contains("-Daether.syncContext.named.nameMapper=file-gav"),
                    "Maven locks the shared repository's files across pods: " + options);
        }

        /** The init container clones the project into the folder the container works in, on a volume of both. */
        void checkCheckout() {
            assertEquals(container.get("image"), checkout.get("image"), "git from the same image");
            List<String> command = list(checkout.get("command"), "command").stream()
                    .map(w -> expand(String.valueOf(w), variables(checkout))).toList();
            assertEquals(List.of("git", "clone"), command.subList(0, 2), "" + command);
            assertTrue(command.stream().noneMatch(w -> w.contains("$(")), "every $(NAME) is defined: " + command);
            String target = command.get(command.size() - 1);
            assertEquals(container.get("workingDir"), target, "the container works in the clone");
            Map<String, String> initMounts = mounts(checkout);
            Map<String, String> mounts = mounts(container);
            String volume = initMounts.entrySet().stream().filter(m -> target.startsWith(m.getValue() + "/"))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError(target + ": " + initMounts));
            assertEquals(initMounts.get(volume), mounts.get(volume), "the container sees the clone where it was made");
            assertTrue(volumes().get(volume).containsKey("emptyDir"), "each pod its own clone: " + volumes());
        }

        /**
         * The mvn commands the container's script runs, with {@code env} set as Kubernetes sets it: the script's
         * {@code $(NAME)} references expanded as Kubernetes does, then run by bash with an mvn that prints its line.
         */
        List<String> run(Map<String, String> env) throws IOException, InterruptedException {
            assertEquals(List.of("bash", "-c"), container.get("command"));
            List<?> args = list(container.get("args"), "args");
            assertEquals(1, args.size(), "one script: " + args);
            Map<String, String> variables = new HashMap<>(env());
            variables.putAll(env);
            String script = expand(String.valueOf(args.get(0)), variables);
            Path bin = Files.createTempDirectory("fake-mvn");
            try {
                Path mvn = bin.resolve("mvn");
                Files.writeString(mvn,
                        "#!/bin/sh\nprintf 'mvn'\nfor a in \"$@\"; do printf ' %s' \"$a\"; done\necho\n");
                assertTrue(mvn.toFile().setExecutable(true));
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(bin.toFile())
                        .redirectErrorStream(true);
                builder.environment().putAll(variables);
                builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
                Process p = builder.start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script ends");
                assertEquals(0, p.exitValue(), "the script with " + env + ": " + output);
                return output.lines().filter(l -> l.startsWith("mvn ")).toList();
            } finally {
                Files.delete(bin.resolve("mvn"));
                Files.delete(bin);
            }
        }

        private Map<String, Map<String, Object>> volumes() {
            Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
            for (Object v : list(spec.get("volumes"), "volumes")) {
                Map<String, Object> volume = map(v, "volume");
                volumes.put(String.valueOf(volume.get("name")), volume);
            }
            return volumes;
        }

        private static Map<String, String> mounts(Map<String, Object> container) {
            Map<String, String> mounts = new LinkedHashMap<>();
            for (Object m : list(container.get("volumeMounts"), "volumeMounts")) {
                Map<String, Object> mount = map(m, "volumeMount");
                mounts.put(String.valueOf(mount.get("name")), String.valueOf(mount.get("mountPath")));
            }
            return mounts;
        }

        private static Map<String, String> variables(Map<String, Object> container) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Object e : list(container.get("env"), "env")) {
                Map<String, Object> variable = map(e, "env");
                env.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
            }
            return env;
        }

        /**
         * Kubernetes' expansion of command and args: {@code $(NAME)} of a variable the container has becomes its
         * value, {@code $$} becomes {@code $}, anything else (a shell's {@code $((i + 1))}) stays as written.
         */
        static String expand(String text, Map<String, String> env) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                    out.append('$');
                    i++;
                    continue;
                }
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                    int close = text.indexOf(')', i + 2);
                    String name = close < 0 ? null : text.substring(i + 2, close);
                    if (name != null && env.containsKey(name)) {
                        out.append(env.get(name));
                        i = close;
                        continue;
                    }
                }
                out.append(c);
            }
            return out.toString();
        }
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
                    goals.addAll(boundGoals()); // the goals a POM like the sample's binds to the lifecycle
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
    void gatesAndCiPageLinksBothRecipes() throws IOException {
        String text = section(sitePage("gates-and-ci.md"), "CI recipes");
        for (String file : List.of(GITHUB, GITLAB)) {
            assertTrue(Pattern.compile("\\]\\([^)\\s]*\\bdocs/ci/" + Pattern.quote(file) + "\\)").matcher(text).find(),
                    "the section links docs/ci/" + file);
            assertTrue(Files.isRegularFile(root.resolve("docs/ci").resolve(file)));
        }
        assertFalse(text.contains("```yaml"), "the recipes are linked, not copied (a copy would drift)");
        List<String> commands = commands();
        Matcher quoted = Pattern.compile("`(mvn [^`]+)`").matcher(text);
        int count = 0;
        for (; quoted.find(); count++) {
            assertTrue(commands.contains(quoted.group(1)),
                    "gates-and-ci.md quotes a command no recipe runs: " + quoted.group(1));
        }
        assertTrue(count >= 4, "the page shows the recipes' commands: " + count);
    }

    @Test
    void everyPropertyARecipeNamesIsOneOfThePlugin() throws IOException {
        Set<String> known = new HashSet<>();
        plugin.properties.values().forEach(p -> known.addAll(p.keySet()));
        Pattern property = Pattern.compile("-D(fashionmnist\\.\\w+)");
        try (DirectoryStream<Path> recipes = Files.newDirectoryStream(root.resolve("docs/ci"), "*.yml")) {
            int files = 0;
            for (Path recipe : recipes) {
                files++;
                // comments included: what they tell users to set must exist too
                Matcher m = property.matcher(Files.readString(recipe, StandardCharsets.UTF_8));
                while (m.find()) {
                    assertTrue(known.contains(m.group(1)), recipe.getFileName() + " names " + m.group(1)
                            + ", which is no parameter of the plugin");
                }
            }
            assertTrue(files >= 6, "the recipes in docs/ci: " + files);
        }
    }

    @Test
    void gpuPageNamesItsRecipesAndSaysWhatTheyNeed() throws IOException {
        String page = sitePage("gpu.md");
        List<String> recipes = List.of(GITHUB_GPU, GITLAB_GPU, KUBERNETES_SWEEP, KUBERNETES_MERGE);
        // the part of the page that lists the recipes: the section that names all four
        String text = null;
        for (String part : page.split("\n(?=## )")) {
            if (recipes.stream().allMatch(file -> part.contains("docs/ci/" + file))) {
                text = part;
            }
        }
        assertNotNull(text, "gpu.md has a section that names the four GPU recipes in docs/ci");
        for (String file : recipes) {
            assertTrue(Files.isRegularFile(root.resolve("docs/ci").resolve(file)));
        }
        assertFalse(text.contains("```yaml"), "the recipes are named, not copied (a copy would drift)");
        assertTrue(page.contains("525.60"), "the driver CUDA 12.1 needs");
        assertTrue(page.contains("2.4 GB"), "the size of the cu121 natives, which is why they are cached");
        assertTrue(page.contains("not run on a GPU"), "says plainly how far the recipes are checked");
        List<String> commands = commands();
        Matcher quoted = Pattern.compile("`(mvn [^`]+)`").matcher(text);
        while (quoted.find()) {
            assertTrue(commands.contains(quoted.group(1)),
                    "gpu.md quotes a command no recipe runs: " + quoted.group(1));
        }
    }

    /** A topic page of the site, src/site/markdown/{@code name}. */
    private static String sitePage(String name) throws IOException {
        return Files.readString(root.resolve("src/site/markdown").resolve(name), StandardCharsets.UTF_8);
    }

    /** The {@code ## heading} section of a Markdown page, up to the next {@code ## } heading. */
    private static String section(String page, String heading) {
        int start = page.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "the page has a section '" + heading + "'");
        int end = page.indexOf("\n## ", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** Every command the pipelines and the Kubernetes Jobs run. */
    private static List<String> commands() throws IOException {
        List<String> commands = new ArrayList<>();
        for (String file : List.of(GITHUB, GITHUB_GPU)) {
            for (Object job : map(yaml(file).get("jobs"), "jobs").values()) {
                commands.addAll(runs(steps(map(job, "job"))));
            }
        }
        for (String file : List.of(GITLAB, GITLAB_GPU)) {
            for (Object job : yaml(file).values()) {
                if (job instanceof Map<?, ?> m && m.containsKey("script")) {
                    commands.addAll(lines(m.get("script")));
                }
            }
        }
        for (String file : List.of(KUBERNETES_SWEEP, KUBERNETES_MERGE)) {
            for (Map<String, Object> document : yamlDocuments(file)) {
                if ("Job".equals(document.get("kind"))) {
                    for (Object arg : list(Pod.of(document).container.get("args"), "args")) {
                        String.valueOf(arg).lines().map(String::trim).filter(l -> l.startsWith("mvn "))
                                .forEach(commands::add);
                    }
                }
            }
        }
        return commands;
    }

    /** The plugin's goals that sample-project/pom.xml binds to the lifecycle, which `mvn verify` runs. */
    private static List<String> boundGoals() throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve("sample-project/pom.xml"))) {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            List<String> goals = new ArrayList<>();
            NodeList found = pom.getElementsByTagName("goal");
            for (int i = 0; i < found.getLength(); i++) {
                goals.add(found.item(i).getTextContent().trim());
            }
            assertTrue(goals.containsAll(List.of("train", "evaluate")),
                    "the sample binds train and evaluate: " + goals);
            return goals;
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("sample-project/pom.xml", e);
        }
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

    /**
     * The model cache as the training page documents modelCacheDirectory's default (the parameter has none in the
     * POM: the Mojo computes it).
     */
    private static String modelCacheFolder(String dataFolder) throws IOException {
        Matcher documented = Pattern.compile("`modelCacheDirectory` defaults to `([^`]+)`")
                .matcher(section(sitePage("training.md"), "Model cache"));
        assertTrue(documented.find(), "training.md's 'Model cache' documents modelCacheDirectory's default");
        String folder = documented.group(1);
        assertTrue(folder.startsWith("<dataDirectory>/"), folder);
        return folder.replace("<dataDirectory>", dataFolder);
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

    /** A file of several YAML documents (separated by ---), such as a Kubernetes manifest. */
    private static List<Map<String, Object>> yamlDocuments(String file) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve("docs/ci").resolve(file))) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                documents.add(map(document, file));
            }
            return documents;
        }
    }

    /** The one Kubernetes object of a kind among the documents. */
    private static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertEquals(1, found.size(), "one " + kind + ": " + documents);
        return found.get(0);
    }

    private static Map<String, Object> specOf(Map<String, Object> object) {
        return map(object.get("spec"), "spec");
    }

    /** The official Maven image with the Java the plugin needs, e.g. maven:3.9-eclipse-temurin-17. */
    private static void checkMavenImage(Object image) {
        String name = String.valueOf(image);
        assertTrue(name.startsWith("maven:3.9-") && name.endsWith("-temurin-" + plugin.requiredJava()),
                "a Maven image with Java " + plugin.requiredJava() + ": " + name);
    }

    /** Docker's option that gives a container all GPUs: {@code --gpus all} or {@code --gpus=all}. */
    private static boolean hasGpusAll(String options) {
        List<String> words = Arrays.asList(options.trim().split("\\s+"));
        int flag = words.indexOf("--gpus");
        return words.contains("--gpus=all")
                || flag >= 0 && flag + 1 < words.size() && "all".equals(words.get(flag + 1));
    }

    /** The folder of {@code -Dmaven.repo.local=<prefix><folder>} in MAVEN_OPTS. */
    private static String localRepository(Object mavenOpts, String prefix) {
        Matcher repo = Pattern.compile("-Dmaven\\.repo\\.local=" + Pattern.quote(prefix) + "(\\S+)")
                .matcher(String.valueOf(mavenOpts));
        assertTrue(repo.find(), "MAVEN_OPTS sets the local repository (" + prefix + "...): " + mavenOpts);
        return repo.group(1);
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

    /**
     * A GitHub job's steps after its {@code mvn} step (at {@code mvn}) report the gates' JUnit XML and upload
     * report.html and the plots also when a gate failed the build; returns the uploaded paths.
     */
    private static List<String> assertReportsKeptOnFailure(List<Map<String, Object>> steps, int mvn) {
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
        return uploaded;
    }

    /** A GitLab job's artifacts hold the gates' JUnit XML as its report, report.html and the plots. */
    private static void assertArtifactsKeepReports(Map<String, Object> artifacts) {
        String out = defaultOutputFolder("evaluate");
        assertEquals(out + "/" + JUnitReport.FILE, map(artifacts.get("reports"), "reports").get("junit"));
        List<String> kept = lines(artifacts.get("paths"));
        assertTrue(kept.contains(out + "/" + HtmlReport.FILE), "" + kept);
        assertTrue(kept.contains(out + "/*.png"), "the plots: " + kept);
    }
}
