package dev.fashionmnist.maven;

import dev.fashionmnist.engine.NativeArtifact;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves the PyTorch natives jar through Maven's own resolver, so settings mirrors, proxies, {@code -o} and the
 * local repository work as for any artifact, and DJL never downloads from its own servers.
 */
final class NativesResolver {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final Language language;

    /** {@code language}: what its errors are worded in. */
    NativesResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                    Language language) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.language = language;
    }

    File resolve(NativeArtifact natives) throws MojoExecutionException {
        DefaultArtifact artifact = new DefaultArtifact(natives.groupId(), natives.artifactId(), natives.classifier(),
                "jar", natives.version());
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException(session.isOffline()
                    ? Messages.text(language, "maven.natives.offline", natives, e.getMessage())
                    : Messages.text(language, "maven.natives.online", natives, e.getMessage()));
        }
    }
}
