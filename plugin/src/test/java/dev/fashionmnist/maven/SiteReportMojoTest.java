package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;

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
}
