package dev.fashionmnist.maven;

import dev.fashionmnist.engine.CudaFork;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.engine.NativeArtifact;
import dev.fashionmnist.engine.NativesFolder;
import dev.fashionmnist.engine.Platform;
import dev.fashionmnist.fork.EngineJvm;
import dev.fashionmnist.fork.ForkLauncher;
import dev.fashionmnist.fork.ForkMain;
import dev.fashionmnist.fork.OutputFolderLock;
import dev.fashionmnist.io.FileWriteException;
import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.runtime.internal.CudaProbe;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/** The goals that run PyTorch: device choice, natives resolution, and the forked JVM they run in. */
abstract class AbstractEngineMojo extends AbstractDataMojo {

    /**
     * Where PyTorch runs: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}.
     * <ul>
     * <li>{@code auto}: the first NVIDIA GPU where the driver reports one that the CUDA 12.1 natives can run
     * (linux-x86_64 only), else the CPU; the log says which and why.</li>
     * <li>{@code cpu}: the CPU natives ({@code ai.djl.pytorch:pytorch-native-cpu} for this platform), never the GPU
     * natives (2.4 GB).</li>
     * <li>{@code gpu} (the same as {@code gpu:0}) or {@code gpu:N}: that GPU, counted from 0, with the natives
     * {@code ai.djl.pytorch:pytorch-native-cu121}; it needs the NVIDIA driver 525.60.13 or newer (CUDA 12.0) on
     * linux-x86_64, no CUDA toolkit.
     * Where that GPU cannot be used the goal stops with the reason, instead of training on the CPU.</li>
     * </ul>
     * <p>
     * Case does not matter; any other value stops the goal. The natives are resolved from Maven's repositories like
     * any dependency. Default: {@code auto}. Example: {@code -Dfashionmnist.device=cpu}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.device", defaultValue = "auto")
    String device;

    /**
     * Arguments for the separate JVM that runs PyTorch, separated by spaces.
     * <p>
     * Training, evaluation and prediction run in a JVM of their own, started with a small heap and direct memory
     * sized to the data, the serial collector and the quick JIT tier: {@code -XX:+UseSerialGC -Xmn8m
     * -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -Xms16m -Xmx<sized to the data>
     * -XX:MaxDirectMemorySize=<sized to the data>}. These arguments come after those defaults, so that yours win,
     * e.g. {@code -Xmx4g}; with a collector of your own ({@code -XX:+UseG1GC} and the like) only the last four
     * defaults remain. The value is split at whitespace, without quoting. Default: none.
     * Example: {@code -Dfashionmnist.jvmArgs="-Xmx4g -XX:+UseG1GC"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.jvmArgs")
    String jvmArgs;

    /**
     * Seconds to wait while another build uses the same {@code outputDirectory}, before failing.
     * <p>
     * One goal at a time writes into an output folder: a second build (another terminal, a parallel CI job on the
     * same workspace) waits and logs who holds the folder, then goes on, or fails after this many seconds. A whole
     * number; {@code 0} fails at once, a negative one stops the goal. Default: {@code 600} (10 minutes). Example:
     * {@code -Dfashionmnist.lockTimeout=0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.lockTimeout", defaultValue = "600")
    int lockTimeout;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> remoteRepositories;

    @Inject
    RepositorySystem repositorySystem;

    /** One goal at a time in the output folder: a second build waits, at most lockTimeout seconds. */
    @Override
    FolderLock lockOutputDirectory(BuildLog log) {
        return OutputFolderLock.acquire(outputDirectory.toPath(), lockTimeout, log);
    }

    /** The device and natives: for auto or a GPU the driver is asked here, before any natives are resolved. */
    EngineChoice engineChoice() {
        return EngineChoice.choose(device, () -> new CudaProbe().probe(), Platform.classifier());
    }

    /** An environment variable of the fork, or else a system property that jvmArgs gives it, as DJL reads them. */
    private static String forkSetting(String name, List<String> forkJvmArgs) {
        String value = System.getenv(name);
        for (String arg : forkJvmArgs) {
            if (value == null && arg.startsWith("-D" + name + "=")) {
                value = arg.substring(name.length() + 3);
            }
        }
        return value;
    }

    /**
     * Where the training progress goes: nowhere with {@code -q}, a bar on an interactive terminal, else log lines (with
     * the module's name in a parallel build).
     */
    ProgressOutput progressOutput(BuildLog log) {
        boolean parallel = session != null && session.isParallel();
        return switch (ProgressOutput.choose(getLog().isInfoEnabled(), parallel, terminal())) {
            case SILENT -> ProgressOutput.silent();
            case BAR -> ProgressOutput.bar(System.out, ProgressOutput.width(System.getenv("COLUMNS"),
                    ProgressOutput::sttySize), log.language());
            case LINES -> ProgressOutput.lines(log); // in a parallel build, log names the module
        };
    }

    /** Whether a person watches: a console, Maven in interactive mode (not -B), and not a CI server. */
    private boolean terminal() {
        return System.console() != null && session != null && session.getRequest().isInteractiveMode()
                && System.getenv("CI") == null;
    }

    /** Writes {@code job} as JSON beside the outputs and runs {@link ForkMain} {@code mode} on it in a fork. */
    void fork(BuildLog log, EngineChoice engine, String mode, Object job, Path jobFile, ProgressOutput progress)
            throws MojoExecutionException {
        fork(log, engine, mode, List.of(job), List.of(jobFile), List.of(Map.of()),
                requests -> ForkLauncher.run(requests.get(0), log, progress));
    }

    /**
     * Writes each of {@code jobs} as JSON to its file in {@code jobFiles} and hands {@code launch} one fork request
     * per job, {@link ForkMain} {@code mode} on it with the job's own system properties from {@code properties}
     * besides the common ones; deletes the job files afterwards.
     */
    void fork(BuildLog log, EngineChoice engine, String mode, List<?> jobs, List<Path> jobFiles,
              List<Map<String, String>> properties, Consumer<List<ForkLauncher.Request>> launch)
            throws MojoExecutionException {
        NativesResolver resolver = new NativesResolver(repositorySystem, repositorySession, remoteRepositories,
                log.language());
        List<Path> classpath = new ArrayList<>();
        classpath.add(plugin.getPluginArtifact().getFile().toPath());
        for (Artifact a : pluginArtifacts) {
            if (a.getFile() != null && EngineJvm.needs(a.getGroupId(), a.getArtifactId())) {
                classpath.add(a.getFile().toPath());
            }
        }
        Path natives = resolver.resolve(engine.natives()).toPath();
        classpath.add(natives);
        List<String> forkJvmArgs = jvmArgs == null || jvmArgs.isBlank() ? List.of()
                : Arrays.asList(jvmArgs.trim().split("\\s+"));
        Path userHome = Path.of(System.getProperty("user.home"));
        NativesFolder.firstUseNotice(natives, name -> forkSetting(name, forkJvmArgs), userHome).ifPresent(log::info);
        CudaFork cuda = new CudaFork(Map.of(), Map.of());
        if (engine.gpu()) {
            classpath.add(resolver.resolve(NativeArtifact.cpu(Platform.classifier())).toPath());
            // the natives unpacked here and named to DJL, so that no system libcudart decides their flavour
            cuda = CudaFork.prepare(natives, engine.libcuda(), name -> forkSetting(name, forkJvmArgs), userHome,
                    System.getenv("LD_LIBRARY_PATH"));
        }
        Path writing = jobFiles.get(0);
        try {
            List<ForkLauncher.Request> requests = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                writing = jobFiles.get(i);
                Json.writeFile(writing, jobs.get(i));
                Map<String, String> props = new LinkedHashMap<>();
                props.put("ai.djl.offline", "true");
                props.put("java.awt.headless", "true");
                props.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
                props.put(ForkMain.LANGUAGE, log.language().tag());
                props.putAll(cuda.systemProperties());
                props.putAll(properties.get(i));
                List<String> args = EngineJvm.arguments(jobs.get(i), forkJvmArgs);
                requests.add(new ForkLauncher.Request(classpath, args, props, ForkMain.class.getName(),
                        List.of(mode, writing.toString()), cuda.environment()));
            }
            launch.accept(requests);
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(log.language(), "maven.engine.cannotStart",
                    FileWriteException.of(writing, e)));
        } finally {
            for (Path jobFile : jobFiles) {
                try {
                    Files.deleteIfExists(jobFile);
                } catch (IOException e) {
                    log.debug("could not delete " + jobFile);
                }
            }
        }
    }

    /**
     * Writes report.html as the output folder {@code out} now is (the model there, with this build's evaluation and
     * gates if any), logging where with {@code writtenKey}: the page of an earlier model or build must not stay. A
     * failure to write it is a warning: the build's own outcome stands.
     */
    static void refreshReport(BuildLog log, Path out, String writtenKey) {
        try {
            Path page = HtmlReport.refresh(out, log.language());
            if (page != null) {
                log.info(Messages.of(writtenKey, page));
            }
        } catch (IOException | RuntimeException e) {
            log.warn(Messages.of("maven.report.cannotWrite", out, e));
        }
    }
}
