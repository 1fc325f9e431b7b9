package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.ConfigurationException;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site page needs Doxia 2: hidden, one line that names the site plugin in use and the version to pin. */
class SiteReportMojoTest {

    @Test
    void doxia2IsFoundWhereItIsAndMissedWhereItIsNot() throws Exception {
        assertTrue(SiteReportMojo.doxia2(SiteReportMojo.class.getClassLoader()));
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertFalse(SiteReportMojo.doxia2(bare));
        }
    }

    @Test
    void withoutDoxia2CanGenerateReportStopsWithOneLine() {
        MavenProject project = new MavenProject();
        Plugin site = new Plugin();
        site.setGroupId("org.apache.maven.plugins");
        site.setArtifactId("maven-site-plugin");
        site.setVersion("3.3");
        project.getBuild().addPlugin(site);
        SiteReportMojo mojo = new SiteReportMojo() {
            @Override
            ClassLoader pageLoader() {
                return new URLClassLoader(new URL[0], null);
            }

            @Override
            MavenProject project() {
                return project;
            }
        };
        mojo.language = "en";
        MavenReportException e = assertThrows(MavenReportException.class, mojo::canGenerateReport);
        assertEquals("fashionmnist:site-report cannot run in maven-site-plugin 3.3: it hides Doxia 2's site renderer "
                + "from reports; pin <artifactId>maven-site-plugin</artifactId><version>3.21.0</version> "
                + "in <build><pluginManagement><plugins> of the POM", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void skipNeedsNoSitePlugin() throws Exception {
        SiteReportMojo mojo = new SiteReportMojo() {
            @Override
            ClassLoader pageLoader() {
                return new URLClassLoader(new URL[0], null);
            }
        };
        mojo.skip = true;
        assertFalse(mojo.canGenerateReport());
    }

    @Test
    void theLineAndThePageNameInGerman() {
        assertEquals("fashionmnist:site-report kann nicht in maven-site-plugin 3.3 laufen: es verbirgt den "
                + "Site-Renderer von Doxia 2 vor Berichten; setze <artifactId>maven-site-plugin</artifactId>"
                + "<version>3.21.0</version> in <build><pluginManagement><plugins> des POM",
                SiteReportMojo.incompatibleSitePlugin("3.3", Language.GERMAN));
        assertEquals("fashionmnist:site-report cannot run in maven-site-plugin of this build: it hides Doxia 2's site "
                + "renderer from reports; pin <artifactId>maven-site-plugin</artifactId><version>3.21.0</version> "
                + "in <build><pluginManagement><plugins> of the POM",
                SiteReportMojo.incompatibleSitePlugin(null, Language.ENGLISH));
        SiteReportMojo mojo = new SiteReportMojo();
        assertEquals("Fashion-MNIST-Modell", mojo.getName(Locale.GERMAN));
        assertEquals("Fashion-MNIST-Modell", mojo.getName(Locale.GERMANY));
        assertEquals("Der trainierte Bildklassifikator: Konfiguration, Metriken, Diagnose, Auswertung, "
                + "Qualitätsgrenzen, Grafiken.", mojo.getDescription(Locale.GERMAN));
        assertEquals("Fashion-MNIST model", mojo.getName(Locale.ENGLISH));
        assertEquals("Fashion-MNIST model", mojo.getName(Locale.FRENCH));
        assertEquals("The trained image classifier: configuration, metrics, diagnosis, evaluation, quality gates, "
                + "plots.", mojo.getDescription(Locale.ROOT));
    }

    @Test
    void theOldNameFashionmnistDirectoryStillWorksWithAWarningNamingTheNewOne(@TempDir Path dir) throws Exception {
        File old = dir.resolve("old").toFile();
        SiteReportMojo mojo = siteReport(dir, "<fashionmnistDirectory>" + old + "</fashionmnistDirectory>");
        setOldName(mojo, old);
        RecordingLog log = new RecordingLog();
        mojo.useRenamedParameters(new Properties(), log);
        assertEquals(old, mojo.outputDirectory);
        assertEquals(List.of("Parameter 'fashionmnistDirectory' is deprecated: its name is now 'outputDirectory' "
                + "(-Dfashionmnist.outputDirectory); the old name stops working in the next release"), log.warnings);

        RecordingLog german = new RecordingLog(Language.GERMAN);
        siteReportWith(dir, old).useRenamedParameters(new Properties(), german);
        assertEquals(List.of("Parameter 'fashionmnistDirectory' ist veraltet: er heißt jetzt 'outputDirectory' "
                + "(-Dfashionmnist.outputDirectory); der alte Name entfällt in der nächsten "
                + "Version"), german.warnings);
    }

    @Test
    void bothNamesWithDifferentFoldersStopWithAnErrorNamingBoth(@TempDir Path dir) throws Exception {
        File old = dir.resolve("old").toFile();
        File other = dir.resolve("other").toFile();
        String expected = "Parameters 'fashionmnistDirectory' and 'outputDirectory' are one setting by its old and "
                + "its new name, given different values: fashionmnistDirectory=" + old + ", outputDirectory=" + other
                + "; keep only 'outputDirectory'";

        // both in the POM's configuration
        SiteReportMojo inPom = siteReport(dir, "<fashionmnistDirectory>" + old + "</fashionmnistDirectory>"
                + "<outputDirectory>" + other + "</outputDirectory>");
        setOldName(inPom, old);
        inPom.outputDirectory = other;
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> inPom.useRenamedParameters(new Properties(), new RecordingLog()));
        assertEquals(expected, e.getMessage());
        assertEquals("Die Parameter 'fashionmnistDirectory' und 'outputDirectory' sind dieselbe Einstellung unter "
                + "altem und neuem Namen, haben aber verschiedene Werte: fashionmnistDirectory=" + old
                + ", outputDirectory=" + other + "; behalte nur 'outputDirectory'", e.message().in(Language.GERMAN));

        // the new name by its property (-D or the POM's <properties>), the old one in the configuration
        SiteReportMojo byProperty = siteReportWith(dir, old);
        byProperty.outputDirectory = other;
        Properties properties = new Properties();
        properties.setProperty("fashionmnist.outputDirectory", other.toString());
        e = assertThrows(ConfigurationException.class,
                () -> byProperty.useRenamedParameters(properties, new RecordingLog()));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void bothNamesWithTheSameFolderWarnOnly(@TempDir Path dir) throws Exception {
        File old = dir.resolve("old").toFile();
        SiteReportMojo mojo = siteReportWith(dir, new File(dir.resolve("other").toFile(), "../old"));
        mojo.outputDirectory = old;
        Properties properties = new Properties();
        properties.setProperty("fashionmnist.outputDirectory", old.toString());
        RecordingLog log = new RecordingLog();
        mojo.useRenamedParameters(properties, log);
        assertEquals(old, mojo.outputDirectory);
        assertEquals(1, log.warnings.size(), log.warnings.toString());
    }

    @Test
    void withoutTheOldNameNothingChangesAndNothingIsSaid(@TempDir Path dir) throws Exception {
        SiteReportMojo mojo = siteReport(dir, "<outputDirectory>" + dir.resolve("x/../y") + "</outputDirectory>");
        File given = dir.resolve("x/../y").toFile();
        mojo.outputDirectory = given;
        Properties properties = new Properties();
        properties.setProperty("fashionmnist.outputDirectory", "z");
        RecordingLog log = new RecordingLog();
        mojo.useRenamedParameters(properties, log);
        assertSame(given, mojo.outputDirectory);
        assertEquals(List.of(), log.warnings);
    }

    @Test
    void theDescriptorMarksTheOldNameDeprecatedWithoutAPropertyOfItsOwn() throws Exception {
        Parameter old = GoalExecutions.plugin().getMojo("site-report").getParameterMap().get("fashionmnistDirectory");
        assertNotNull(old, "site-report keeps the parameter fashionmnistDirectory");
        assertNotNull(old.getDeprecated());
        assertTrue(old.getDeprecated().contains("outputDirectory"), old.getDeprecated());
        // its old property is the new name's: a property of its own would set both at once
        assertNull(old.getExpression());
        assertEquals("java.io.File", old.getType());
    }

    /** site-report with {@code pomConfiguration} and outputDirectory at its default below {@code dir}. */
    private static SiteReportMojo siteReport(Path dir, String pomConfiguration) throws Exception {
        SiteReportMojo mojo = new SiteReportMojo();
        mojo.mojoExecution = GoalExecutions.execution("site-report", pomConfiguration);
        mojo.outputDirectory = dir.resolve("target/fashionmnist").toFile();
        return mojo;
    }

    /** site-report whose POM gives the old name {@code old}, and nothing else. */
    private static SiteReportMojo siteReportWith(Path dir, File old) throws Exception {
        SiteReportMojo mojo = siteReport(dir, "<fashionmnistDirectory>" + old + "</fashionmnistDirectory>");
        setOldName(mojo, old);
        return mojo;
    }

    @SuppressWarnings("deprecation") // as Maven does for a POM that still uses the old name
    private static void setOldName(SiteReportMojo mojo, File old) {
        mojo.fashionmnistDirectory = old;
    }
}
