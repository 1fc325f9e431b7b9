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
 * Fetches the four IDX files of the configured dataset into the shared cache, verifies them, logs their shapes
 * and class names, and writes {@code samples.png}: the first 18 training images with their class names.
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
