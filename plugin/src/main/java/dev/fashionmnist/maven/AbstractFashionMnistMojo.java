package dev.fashionmnist.maven;

import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Problem;
import java.io.File;
import java.nio.charset.Charset;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.SessionData;

/**
 * What every goal shares: {@code skip}, the output folder, the check of the {@code -Dfashionmnist.*} properties, and
 * turning the core's errors into Maven's.
 */
abstract class AbstractFashionMnistMojo extends AbstractMojo {

    /**
     * Skips the goal: {@code true} or {@code false}.
     * <p>
     * A skipped goal logs one line and does nothing else. The property skips every goal of this plugin in the build at
     * once, e.g. {@code mvn verify -Dfashionmnist.skip=true} to build a project without training or evaluating. As a
     * property, a value other than {@code true} or {@code false} (in any case) stops the goal with a message naming it
     * (this holds for every true/false parameter of this plugin). Default: {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.skip", defaultValue = "false")
    boolean skip;

    /**
     * The folder every goal of this plugin writes into and reads from.
     * <p>
     * {@code download-data} writes {@code samples.png} there, {@code train} {@code metrics.csv}, {@code model/},
     * {@code checkpoints/}, the plots and {@code report.html}, {@code evaluate} its CSV files and JUnit XML,
     * {@code report} and {@code site-report} read what those wrote, {@code sweep} writes {@code sweep/} and
     * {@code sweep.csv}. Goals that run PyTorch take the folder for their run (see {@code lockTimeout}). Set it once
     * as a {@code <properties>} entry, {@code <fashionmnist.outputDirectory>}, to move the folder of every goal.
     * Default: {@code ${project.build.directory}/fashionmnist}, that is {@code target/fashionmnist}. Example:
     * {@code -Dfashionmnist.outputDirectory=target/fashionmnist-mlp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.outputDirectory", defaultValue = "${project.build.directory}/fashionmnist")
    File outputDirectory;

    /**
     * The language of log lines, messages, {@code report.html} and the plots: {@code en} or {@code de}.
     * <p>
     * Case does not matter, and a region may follow ({@code de_AT}, {@code de-CH}); any other value stops the goal
     * with a message that names the allowed ones. CSV and JSON files stay English whatever this says: they are data,
     * and switching the language never trains a model again. Default: none set, which means German where the JVM's
     * locale is German (on Linux {@code LANG=de_DE.UTF-8}), else English. Example: {@code -Dfashionmnist.language=de}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.language")
    String language;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Language words = language();
        BuildLog log = new MavenBuildLog(getLog(), session != null && session.isParallel()
                && session.getCurrentProject() != null ? session.getCurrentProject().getArtifactId() : null, words);
        Properties typed = session == null || mojoExecution == null ? null : session.getUserProperties();
        if (typed != null) {
            // a skipped goal still names the unknown properties; what its configuration overrides does not matter
            perBuild(UserPropertyCheck.class, UserPropertyCheck::new).check(typed, mojoExecution, !skip, log);
        }
        perBuild(ConsoleEncoding.class, ConsoleEncoding::new).check(words,
                ConsoleEncoding.of(System.getProperties(), Charset.defaultCharset()), log);
        if (skip) {
            log.info(Messages.of("maven.skip"));
            return;
        }
        Message invalid = typed == null ? null : UserPropertyCheck.invalidSwitch(typed, mojoExecution);
        if (invalid != null) {
            throw new MojoExecutionException(invalid.in(words));
        }
        try (FolderLock lock = lockOutputDirectory(log)) {
            run(log);
        } catch (Problem | ClassifierException e) {
            throw new MojoExecutionException(Messages.of(e, words));
        }
    }

    /** The reader's language: the {@code language} parameter, else the JVM's locale's. */
    Language language() throws MojoExecutionException {
        if (language == null || language.isBlank()) {
            return Language.ofJvm();
        }
        return Language.parse(language).orElseThrow(() -> new MojoExecutionException(
                Messages.text(Language.ofJvm(), "maven.language.unknown", language.trim())));
    }

    /**
     * The one {@code type} of this build, shared by all goals of the build (kept in its session): made by
     * {@code fresh} on first use; without a session, a fresh one each time.
     */
    <T> T perBuild(Class<T> type, Supplier<T> fresh) {
        if (session == null || session.getRepositorySession() == null) {
            return fresh.get();
        }
        SessionData data = session.getRepositorySession().getData();
        Object known = data.get(type);
        if (type.isInstance(known)) {
            return type.cast(known);
        }
        T made = fresh.get();
        return data.set(type, null, made) ? made : type.cast(data.get(type));
    }

    /** The goals that write into the output folder take it for their run; {@code null}: this goal does not. */
    FolderLock lockOutputDirectory(BuildLog log) {
        return null;
    }

    abstract void run(BuildLog log) throws MojoExecutionException, MojoFailureException;
}
