// Copies the repository's sample-project/ and sample-app/ into this IT's folder, so that the IT builds the samples'
// real sources (and never writes into the repository's own folders). repositoryRoot comes from the invoker's
// scriptVariables in plugin/pom.xml. A target/ folder a developer built there is left behind.
import java.nio.file.FileVisitResult
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.SimpleFileVisitor
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.BasicFileAttributes

def root = new File(repositoryRoot).toPath().toRealPath()
['sample-project', 'sample-app'].each { name ->
    Path from = root.resolve(name)
    Path to = basedir.toPath().resolve(name)
    assert Files.isRegularFile(from.resolve('pom.xml')): "no ${from}/pom.xml"
    Files.walkFileTree(from, new SimpleFileVisitor<Path>() {
        @Override
        FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir == from.resolve('target')) {
                return FileVisitResult.SKIP_SUBTREE
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()))
            return FileVisitResult.CONTINUE
        }

        @Override
        FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING)
            return FileVisitResult.CONTINUE
        }
    })
}
return true
