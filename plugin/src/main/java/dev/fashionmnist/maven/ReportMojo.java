package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.IdxDecoder;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.LearningHistory;
import dev.fashionmnist.report.html.ReportContent;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Draws the plots again from the CSV files that train and evaluate wrote and writes {@code report.html}.
 * <p>
 * Bound by default to the {@code verify} phase. From {@code outputDirectory} it draws the learning curves
 * ({@code accuracy.png}, {@code loss.png} from {@code metrics.csv}), the confusion matrix and the misclassified
 * images (from {@code evaluate}'s CSV files, with the test images from the data cache), in the chosen
 * {@code language}. Then it writes {@code report.html}: configuration, data, metrics, plots, per-class table, gates
 * and the diagnosis (overfitting, underfitting, learning too slowly, ...) on one self-contained page with the
 * images inline; the diagnosis is also logged. A folder with nothing to report stops the goal.
 * <p>
 * Example: {@code mvn fashionmnist:report -Dfashionmnist.language=de}
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractDataMojo {

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        Path out = outputDirectory.toPath();
        try {
            LearningHistory history = LearningHistory.of(out);
            if (!history.metrics().isEmpty()) {
                LearningCurves.write(history.metrics(), out, log.language());
            }
            if (history.note() != null) {
                log.warn(history.noteText());
            }
            Path confusion = out.resolve(EvaluationReports.CONFUSION);
            if (Files.isRegularFile(confusion)) {
                ConfusionHeatmap.write(EvaluationReports.readConfusion(confusion), dataset,
                        out.resolve(ConfusionHeatmap.FILE), log.language());
            }
            Path mistakes = out.resolve(EvaluationReports.MISTAKES);
            if (Files.isRegularFile(mistakes) && Files.isRegularFile(confusion)) {
                DatasetFiles files = fetchDataset(log);
                MistakesGrid.write(IdxDecoder.readImages(files.path(DatasetFile.TEST_IMAGES)),
                        EvaluationReports.readMistakes(mistakes), files.spec().classNames(), files.spec().name(),
                        out.resolve(MistakesGrid.FILE), log.language());
            }
            ReportContent content = ReportContent.collect(out, log.language());
            if (content.isEmpty()) {
                throw new ModelException(Messages.of("maven.report.nothing", out));
            }
            for (Diagnosis.Finding f : content.diagnosis()) {
                if (f.kind().warning()) {
                    log.warn(Messages.of("maven.report.diagnosis", f.text()));
                } else {
                    log.info(Messages.of("maven.report.diagnosis", f.text()));
                }
            }
            HtmlReport.write(content, out.resolve(HtmlReport.FILE));
            log.info(Messages.of("maven.report.written", out.resolve(HtmlReport.FILE)));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.report.cannotWrite", out, e));
        }
    }
}
