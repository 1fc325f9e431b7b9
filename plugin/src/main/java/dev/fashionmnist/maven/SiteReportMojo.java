package dev.fashionmnist.maven;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.util.Locale;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;
import org.codehaus.plexus.PlexusContainer;

/**
 * The model report as a page of the Maven site.
 * <p>
 * List this goal as a report under {@code <reporting>} and {@code mvn verify site} adds the page
 * {@code fashionmnist-report.html} to the site (under Project Reports), with the same content as
 * {@code report.html}: configuration, data, metrics, diagnosis, evaluation, gates and plots, read from what
 * {@code train}, {@code evaluate} and {@code report} wrote into {@code outputDirectory} (a folder without them gives
 * a page that says so). The page speaks the site's locale: German for a German site, else English. Run alone
 * ({@code mvn fashionmnist:site-report}) it writes the page into {@code target/site} with the project's skin.
 * Maven 3.8's default maven-site-plugin 3.3 hides the Doxia 2 site renderer that the page needs: then {@code mvn site}
 * stops with one line that says which version to pin (3.12.1, 3.20.0 and 3.21.0 work).
 * <p>
 * Example: {@code mvn verify site}, with {@code <report>site-report</report>} in a {@code <reportSet>} of this
 * plugin under {@code <reporting>}.
 *
 * @since 0.1.0
 */
// This class refers to no Doxia 2 type, so that an old site plugin can load it and hear that line; the page itself is
// SiteReportPage (on maven-reporting-impl 4), made only once Doxia 2 is there.
@Mojo(name = "site-report", threadSafe = true)
public class SiteReportMojo extends AbstractFashionMnistMojo implements MavenMultiPageReport {
    static final String OUTPUT_NAME = "fashionmnist-report";
    static final String SITE_PLUGIN = "org.apache.maven.plugins:maven-site-plugin";
    static final String TESTED_SITE_PLUGIN = "3.21.0";
    /** A class of doxia-site-renderer 2, which this plugin brings and maven-site-plugin 3.3 hides from it. */
    static final String DOXIA_2_CLASS = "org.apache.maven.doxia.siterenderer.DocumentContent";

    /**
     * The publication date of the page when this goal runs alone, for a reproducible build.
     * <p>
     * ISO-8601 ({@code 2026-01-01T00:00:00Z}) or seconds since 1970, as for maven-jar-plugin; unset, the page carries
     * the time it was made. Under {@code mvn site} the site plugin's own settings apply. Default:
     * {@code ${project.build.outputTimestamp}}. Example: {@code -Dfashionmnist.outputTimestamp=1767225600}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /**
     * Deprecated: use {@code outputDirectory}. The folder this page shows, by the name the parameter had before it
     * took every goal's name; still read for one release, with a warning. Given with {@code outputDirectory} and
     * another folder, the page stops with an error naming both.
     *
     * @since 0.1.0
     * @deprecated use {@code outputDirectory}
     */
    @Deprecated
    @Parameter
    File fashionmnistDirectory;

    @Inject
    PlexusContainer container;

    /** The site folder maven-site-plugin gives, before the page exists. */
    private File reportOutputDirectory;
    private MavenMultiPageReport page;

    /** Run alone ({@code mvn fashionmnist:site-report}): the page with the project's skin in target/site. */
    @Override
    void run(BuildLog log) throws MojoExecutionException, MojoFailureException {
        try {
            ((AbstractMojo) page()).execute();
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /**
     * Whether the site gets this page: not when skip is set. With a site plugin that hides Doxia 2 (3.3) this is where
     * the build stops, with one line that says which version to pin.
     */
    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skip) {
            return false;
        }
        page();
        return true;
    }

    @Override
    public void generate(Sink sink, SinkFactory sinkFactory, Locale locale) throws MavenReportException {
        page().generate(sink, sinkFactory, locale);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        page().generate(sink, null, locale);
    }

    @Override
    public String getOutputPath() {
        return OUTPUT_NAME;
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return name(locale);
    }

    @Override
    public String getDescription(Locale locale) {
        return description(locale);
    }

    /** The page's name in the site's menu, in the site's {@code locale} (German for a German one, else English). */
    static String name(Locale locale) {
        return Messages.text(Language.of(locale), "report.site.name");
    }

    /** What the page shows, for the site's list of reports, in the site's {@code locale}. */
    static String description(Locale locale) {
        return Messages.text(Language.of(locale), "report.site.description");
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportOutputDirectory = directory;
        if (page != null) {
            page.setReportOutputDirectory(directory);
        }
    }

    @Override
    public File getReportOutputDirectory() {
        return page != null ? page.getReportOutputDirectory() : reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    /** The page; made once, after checking that the site plugin brings Doxia 2. */
    private MavenMultiPageReport page() throws MavenReportException {
        if (page == null) {
            if (!doxia2(pageLoader())) {
                Language words;
                try {
                    words = language();
                } catch (MojoExecutionException e) {
                    throw new MavenReportException(e.getMessage());
                }
                throw new MavenReportException(incompatibleSitePlugin(sitePluginVersion(), words));
            }
            Language readerLanguage = Language.parse(language).orElseGet(Language::ofJvm);
            try {
                useRenamedParameters(renamedParameterProperties(), new MavenBuildLog(getLog(), null, readerLanguage));
            } catch (ConfigurationException e) {
                throw new MavenReportException(Messages.of(e, readerLanguage));
            }
            page = SiteReportPage.of(this, reportOutputDirectory);
        }
        return page;
    }

    /**
     * Takes the folder from {@code fashionmnistDirectory}, the parameter's old name, where it is given: with a warning
     * to {@code log}, or an error when {@code outputDirectory} is given too (in the POM or in {@code properties}) and
     * names another folder.
     */
    void useRenamedParameters(Properties properties, BuildLog log) {
        if (fashionmnistDirectory == null) {
            return; // outputDirectory stays as Maven gave it
        }
        RenamedParameter renamed = RenamedParameter.SITE_REPORT_FOLDER;
        outputDirectory = renamed.value(normalized(fashionmnistDirectory), normalized(outputDirectory),
                renamed.newNameGiven(mojoExecution, properties), log);
    }

    /** Where a parameter's property can come from: the POM's properties, then the JVM's, then -D, the last winning. */
    private Properties renamedParameterProperties() {
        Properties properties = new Properties();
        MavenProject project = project();
        if (project != null) {
            properties.putAll(project.getProperties());
        }
        if (session != null) {
            properties.putAll(session.getSystemProperties());
            properties.putAll(session.getUserProperties());
        }
        return properties;
    }

    /** {@code folder} absolute and without {@code .} or {@code ..}, so that one folder written two ways is equal. */
    private static File normalized(File folder) {
        return folder == null ? null : folder.getAbsoluteFile().toPath().normalize().toFile();
    }

    /** The class loader the page comes from: this plugin's, with what the site plugin running it lends. */
    ClassLoader pageLoader() {
        return SiteReportMojo.class.getClassLoader();
    }

    /** Whether {@code loader} sees Doxia 2's site renderer. */
    static boolean doxia2(ClassLoader loader) {
        try {
            Class.forName(DOXIA_2_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The one line for a site plugin that hides Doxia 2: which one runs, what it lacks, what to pin. */
    static String incompatibleSitePlugin(String version, Language language) {
        return version == null
                ? Messages.text(language, "report.site.incompatibleUnknown", TESTED_SITE_PLUGIN)
                : Messages.text(language, "report.site.incompatible", version, TESTED_SITE_PLUGIN);
    }

    /** The project this page is for. */
    MavenProject project() {
        return session == null ? null : session.getCurrentProject();
    }

    /** The maven-site-plugin version of this project's build, {@code null} when the POM does not say. */
    private String sitePluginVersion() {
        MavenProject project = project();
        Plugin plugin = project == null ? null : project.getPlugin(SITE_PLUGIN);
        if ((plugin == null || plugin.getVersion() == null) && project != null
                && project.getPluginManagement() != null) {
            plugin = project.getPluginManagement().getPluginsAsMap().get(SITE_PLUGIN);
        }
        return plugin == null ? null : plugin.getVersion();
    }
}
