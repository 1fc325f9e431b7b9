package dev.fashionmnist.maven;

import dev.fashionmnist.report.HtmlReport;
import dev.fashionmnist.report.ReportContent;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The model report as a page of the Maven site: list this goal under {@code <reporting>} and {@code mvn site}
 * shows the same content as report.html (configuration, data, metrics, diagnosis, evaluation, gates, plots).
 */
@Mojo(name = "site-report", threadSafe = true)
public class SiteReportMojo extends AbstractMavenReport {

    /** Where train and evaluate wrote their outputs. */
    @Parameter(property = "fashionmnist.outputDirectory", defaultValue = "${project.build.directory}/fashionmnist")
    File fashionmnistDirectory;

    /** Skips every goal of this plugin. */
    @Parameter(property = "fashionmnist.skip", defaultValue = "false")
    boolean skip;

    @Override
    public String getOutputName() {
        return "fashionmnist-report";
    }

    @Override
    public String getName(Locale locale) {
        return "Fashion-MNIST model";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The trained image classifier: configuration, metrics, diagnosis, evaluation, quality gates, plots.";
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ReportContent content;
        try {
            content = ReportContent.collect(fashionmnistDirectory.toPath());
        } catch (IOException e) {
            throw new MavenReportException("Cannot read the outputs in " + fashionmnistDirectory + ": "
                    + e.getMessage());
        }
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        if (content.isEmpty()) {
            sink.paragraph();
            sink.text("No trained model in " + fashionmnistDirectory + ": bind the train goal (and evaluate) "
                    + "before site, e.g. run 'mvn verify site'.");
            sink.paragraph_();
        } else {
            sink.rawText(HtmlReport.body(content));
        }
        sink.body_();
        sink.flush();
        sink.close();
    }
}
