package dev.fashionmnist.maven;

import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Combines the results of a sweep that ran in shards into one {@code sweep.csv} and one set of sweep plots.
 * <p>
 * Not bound to a phase: call it on the command line, typically in the CI job after a matrix of {@code sweep} jobs
 * that each ran one {@code shard}. Each folder in {@code sweepResults} is one shard's {@code outputDirectory} (from
 * the matrix jobs' artifacts) with its {@code sweep.csv} and its trials under {@code sweep/}. The goal writes
 * {@code sweep.csv} with every trial in trial order, and the plots {@code sweep-<parameter>.png},
 * {@code sweep-heatmap.png} (two or more varied parameters) and {@code sweep-curves.png} (from the trials'
 * {@code metrics.csv} where they are there) into {@code outputDirectory}, and logs the summary. Shards of different
 * grids (other varied parameters, or other values for one trial number) stop the goal.
 * <p>
 * Example: {@code mvn fashionmnist:sweep-merge -Dfashionmnist.sweepResults=shard-1,shard-2,shard-3}
 *
 * @since 0.1.0
 */
@Mojo(name = "sweep-merge", threadSafe = true)
public class SweepMergeMojo extends AbstractFashionMnistMojo {

    /**
     * The shards' output folders, comma-separated: each holds the {@code sweep.csv} of one shard.
     * <p>
     * Relative paths are resolved against the project's folder. An empty list, or a folder without
     * {@code sweep.csv}, stops the goal. In the POM a list,
     * {@code <sweepResults><sweepResult>shard-1</sweepResult>...</sweepResults>}, or one comma-separated value.
     * Required. Example: {@code -Dfashionmnist.sweepResults=shard-1/fashionmnist,shard-2/fashionmnist}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.sweepResults", required = true)
    List<String> sweepResults;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    java.io.File basedir;

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        Path out = outputDirectory.toPath();
        List<String> names = null;
        Map<Integer, SweepTable.Row> rows = new TreeMap<>();
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        try {
            for (Path dir : directories()) {
                Path csv = dir.resolve(SweepTable.FILE);
                if (!Files.isRegularFile(csv)) {
                    throw new ModelException(Messages.of("maven.merge.noTable", dir, SweepTable.FILE));
                }
                List<String> these = SweepTable.names(csv);
                if (names != null && !names.equals(these)) {
                    throw new ModelException(Messages.of("maven.merge.otherNames", csv, these, names));
                }
                names = these;
                for (SweepTable.Row row : SweepTable.read(csv)) {
                    SweepTable.Row earlier = rows.putIfAbsent(row.trial(), row);
                    if (earlier != null && !earlier.values().equals(row.values())) {
                        throw new ModelException(Messages.of("maven.merge.otherTrial", csv, row.trial(),
                                row.values(), earlier.values()));
                    }
                    Path metrics = dir.resolve("sweep").resolve(row.id()).resolve("metrics.csv");
                    if (Files.isRegularFile(metrics)) {
                        curves.putIfAbsent(row.id(), MetricsCsv.read(metrics));
                    }
                }
            }
            List<SweepTable.Row> merged = new ArrayList<>(rows.values());
            merged.sort(Comparator.comparingInt(SweepTable.Row::trial));
            SweepTable.write(names, merged, out.resolve(SweepTable.FILE));
            SweepPlots.write(names, merged, curves, out, log.language());
            log.info(Messages.of("maven.merge.done", merged.size(), sweepResults.size(),
                    out.resolve(SweepTable.FILE)));
            for (String line : SweepPlots.summary(names, merged, log.language())) {
                log.info(line);
            }
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.merge.cannot", e));
        }
    }

    private List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        if (sweepResults != null) {
            for (String entry : sweepResults) {
                for (String part : entry.split(",")) {
                    if (!part.isBlank()) {
                        dirs.add(basedir.toPath().resolve(part.trim()).toAbsolutePath().normalize());
                    }
                }
            }
        }
        if (dirs.isEmpty()) {
            throw new ModelException(Messages.of("maven.merge.empty"));
        }
        return dirs;
    }
}
