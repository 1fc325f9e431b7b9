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

    /** Skips every goal of this plugin. */
    @Parameter(property = "fashionmnist.skip", defaultValue = "false")
    boolean skip;

    /** Where reports, samples, metrics and models are written. */
    @Parameter(property = "fashionmnist.outputDirectory", defaultValue = "${project.build.directory}/fashionmnist")
    File outputDirectory;

    /**
     * The language of every log line, report and plot: {@code en} or {@code de}. Default: German where the JVM's locale
     * is German ({@code LANG=de_DE.UTF-8}), else English. CSV and JSON stay English: they are data.
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
