package dev.fashionmnist.maven;

import dev.fashionmnist.model.ModelArchive;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** The goals that use a trained model: from a directory, or an installed/deployed model zip by coordinates. */
abstract class AbstractModelMojo extends AbstractEngineMojo {

    /** The model to use: a directory written by the train goal; default {@code <outputDirectory>/model}. */
    @Parameter(property = "fashionmnist.modelDirectory")
    File modelDirectory;

    /** An installed or deployed model instead, as groupId:artifactId:version (its zip with classifier model). */
    @Parameter(property = "fashionmnist.modelArtifact")
    String modelArtifact;

    /** The model directory to use: the unpacked {@code modelArtifact}, {@code modelDirectory}, or train's output. */
    Path modelDirectory(Path out) throws MojoExecutionException {
        if (modelArtifact != null && !modelArtifact.isBlank()) {
            return resolveModelArtifact(out);
        }
        return modelDirectory != null ? modelDirectory.toPath() : out.resolve("model");
    }

    private Path resolveModelArtifact(Path out) throws MojoExecutionException {
        String[] gav = modelArtifact.trim().split(":");
        if (gav.length != 3 || List.of(gav).stream().anyMatch(String::isBlank)) {
            throw new ModelException(Messages.of("maven.modelArtifact.format", modelArtifact));
        }
        File zip;
        try {
            zip = repositorySystem.resolveArtifact(repositorySession, new ArtifactRequest(
                    new DefaultArtifact(gav[0], gav[1], "model", "zip", gav[2]), remoteRepositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new ModelException(Messages.of("maven.modelArtifact.unresolved", modelArtifact,
                    gav[0] + ":" + gav[1] + ":zip:model:" + gav[2], e));
        }
        try {
            return ModelArchive.unzip(zip.toPath(), out.resolve("model-artifact").resolve(
                    gav[0] + "_" + gav[1] + "_" + gav[2]));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.modelArtifact.unpack", zip, e));
        }
    }
}
