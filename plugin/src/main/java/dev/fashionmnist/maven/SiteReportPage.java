package dev.fashionmnist.maven;

import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.ReportContent;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.siterenderer.Renderer;
import org.apache.maven.doxia.tools.SiteTool;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;
import org.codehaus.plexus.component.repository.exception.ComponentLookupException;

/**
 * The page of {@link SiteReportMojo}, built on maven-reporting-impl (Doxia 2). Not a goal of its own: the goal makes it
 * once it knows that Doxia 2 is there, and hands it its settings.
 */
final class SiteReportPage extends AbstractMavenReport {
    private final File dataDirectory;

    private SiteReportPage(File dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /**
     * The page for {@code goal}'s settings, writing into {@code siteDirectory} (null: the project's site folder). The
     * site renderer is looked up by the deprecated role {@code Renderer} because that is the type of
     * maven-reporting-impl's field.
     */
    @SuppressWarnings("deprecation")
    static MavenMultiPageReport of(SiteReportMojo goal, File siteDirectory) throws MavenReportException {
        MavenProject project = goal.project();
        SiteReportPage page = new SiteReportPage(goal.outputDirectory);
        page.setLog(goal.getLog());
        page.project = project;
        page.mojoExecution = goal.mojoExecution;
        page.reactorProjects = goal.session.getProjects();
        page.repoSession = goal.session.getRepositorySession();
        page.remoteProjectRepositories = project.getRemoteProjectRepositories();
        page.siteDirectory = new File(project.getBasedir(), "src/site");
        page.locale = "default";
        page.outputTimestamp = goal.outputTimestamp;
        page.outputDirectory = siteDirectory != null ? siteDirectory
                : new File(project.getModel().getReporting().getOutputDirectory());
        try {
            page.siteTool = goal.container.lookup(SiteTool.class);
            page.siteRenderer = goal.container.lookup(Renderer.class);
        } catch (ComponentLookupException e) {
            throw new MavenReportException(Messages.text(Language.parse(goal.language).orElseGet(Language::ofJvm),
                    "maven.site.noSiteTools", e));
        }
        return page;
    }

    @Override
    protected String getInputEncoding() {
        return project.getProperties().getProperty("project.build.sourceEncoding", super.getInputEncoding());
    }

    @Override
    protected String getOutputEncoding() {
        return project.getProperties().getProperty("project.reporting.outputEncoding", super.getOutputEncoding());
    }

    @Override
    public String getOutputPath() {
        return SiteReportMojo.OUTPUT_NAME;
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return SiteReportMojo.OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return SiteReportMojo.name(locale);
    }

    @Override
    public String getDescription(Locale locale) {
        return SiteReportMojo.description(locale);
    }

    /** The page in the site's {@code locale}: German for a German one, else English. */
    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Language language = Language.of(locale);
        ReportContent content;
        try {
            content = ReportContent.collect(dataDirectory.toPath(), language);
        } catch (IOException e) {
            throw new MavenReportException(Messages.text(language, "report.site.unreadable", dataDirectory,
                    e));
        }
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(SiteReportMojo.name(locale));
        sink.title_();
        sink.head_();
        sink.body();
        if (content.isEmpty()) {
            sink.paragraph();
            sink.text(Messages.text(language, "report.site.empty", dataDirectory));
            sink.paragraph_();
        } else {
            sink.rawText(HtmlReport.body(content));
        }
        sink.body_();
        sink.flush();
        sink.close();
    }
}
