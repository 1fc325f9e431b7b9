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

    /**
     * The model to use: a model directory as the {@code train} goal writes it.
     * <p>
     * The directory holds {@code model.json} and {@code fashionmnist-0000.params}; both are checked before use (the
     * card, the parameters' SHA-256, their shapes against the network), and a missing or damaged model stops the goal
     * with a message naming the file. {@code modelArtifact}, when set, wins over this. Default: none set, which means
     * {@code model} in {@code outputDirectory} ({@code target/fashionmnist/model}), the model this project's
     * {@code train} wrote. Example: {@code -Dfashionmnist.modelDirectory=../classifier/target/fashionmnist/model}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.modelDirectory")
    File modelDirectory;

    /**
     * An installed or deployed model to use instead, as {@code groupId:artifactId:version}.
     * <p>
     * The model zip that {@code train} attached to that project (type {@code zip}, classifier {@code model}) is
     * resolved from the local repository or the project's remote repositories, like a dependency, and unpacked into
     * {@code model-artifact/} in {@code outputDirectory}, within size limits: {@code model.json} at most 1 MiB, the
     * parameters at most 512 MiB, and nothing else (a zip that holds more stops the goal). Exactly three non-empty
     * parts; anything else, or an artifact that cannot be resolved, stops the goal. Wins over {@code modelDirectory}.
     * Default: none. Example: {@code -Dfashionmnist.modelArtifact=com.example:my-classifier:1.0}.
     *
     * @since 0.1.0
     */
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
