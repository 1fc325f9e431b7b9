package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetException;
import dev.fashionmnist.data.FolderLock;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.BuildLog;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal shares: {@code skip}, the output folder, and turning the core's errors into Maven's. */
abstract class AbstractFashionMnistMojo extends AbstractMojo {

    /** Skips every goal of this plugin. */
    @Parameter(property = "fashionmnist.skip", defaultValue = "false")
    boolean skip;

    /** Where reports, samples, metrics and models are written. */
    @Parameter(property = "fashionmnist.outputDirectory", defaultValue = "${project.build.directory}/fashionmnist")
    File outputDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: fashionmnist.skip is set");
            return;
        }
        BuildLog log = new MavenBuildLog(getLog());
        try (FolderLock lock = lockOutputDirectory(log)) {
            run(log);
        } catch (DatasetException | ModelException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** The goals that write into the output folder take it for their run; {@code null}: this goal does not. */
    FolderLock lockOutputDirectory(BuildLog log) {
        return null;
    }

    abstract void run(BuildLog log) throws MojoExecutionException, MojoFailureException;
}
