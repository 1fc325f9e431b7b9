package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.DatasetOverview;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.io.FileWriteException;
import dev.fashionmnist.report.plot.SampleGrid;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fetches the dataset's four IDX files into the shared cache, verifies them, and shows what they hold.
 * <p>
 * Bound by default to the {@code generate-resources} phase. The files come from the first source that has them:
 * the verified cache in {@code dataDirectory}, the {@code mirrors}, known system copies, the official URLs (through
 * the proxies of {@code settings.xml}; in offline mode only local sources). Each file is checked against its
 * published checksum and as IDX before it is kept, so a broken download never lands in the cache. The goal logs
 * the images' and labels' shapes and the class names, and writes {@code samples.png} into {@code outputDirectory}:
 * the first 18 training images with their class names. The other goals that need the data fetch it the same way,
 * so this goal is optional; it is the quick look at the data.
 * <p>
 * Example: {@code mvn fashionmnist:download-data -Dfashionmnist.dataset=mnist}
 *
 * @since 0.1.0
 */
@Mojo(name = "download-data", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class DownloadDataMojo extends AbstractDataMojo {

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        DatasetFiles files = fetchDataset(log);
        LoadedDataset data = files.load();
        log.info(Messages.of("maven.download.dataset", files.spec().name(), files.directory()));
        for (String line : DatasetOverview.lines(data, log.language())) {
            log.info("  " + line);
        }
        Path png = outputDirectory.toPath().resolve(SampleGrid.FILE);
        try {
            SampleGrid.write(data.trainImages(), data.trainLabels(), data.classNames(), files.spec().name(), png,
                    log.language());
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(log.language(), "maven.download.cannotWrite",
                    FileWriteException.of(png, e)));
        }
        log.info(Messages.of("maven.download.examples", png));
    }
}
