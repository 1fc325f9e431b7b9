package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.text.ConfigurationException;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Train reads the gates evaluate will check from the POM and the properties, and stops on a malformed one. */
class EvaluateGatesPreviewTest {

    /** Fills in {@code ${name}} from {@code properties} the way Maven does for a parameter: unknown gives null. */
    private record PropertyEvaluator(Properties properties) implements ExpressionEvaluator {
        private static final Pattern WHOLE = Pattern.compile("\\$\\{([^}]+)}");

        @Override
        public Object evaluate(String expression) {
            Matcher m = WHOLE.matcher(expression);
            return m.matches() ? properties.getProperty(m.group(1)) : expression;
        }

        @Override
        public File alignToBaseDirectory(File file) {
            return file;
        }
    }

    private static PluginDescriptor descriptor() {
        PluginDescriptor d = new PluginDescriptor();
        d.setGroupId("dev.fashionmnist");
        d.setArtifactId("fashionmnist-maven-plugin");
        return d;
    }

    private static MavenProject project(String pluginConfiguration, List<String> goals, String executionConfiguration)
            throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.fashionmnist");
        plugin.setArtifactId("fashionmnist-maven-plugin");
        if (pluginConfiguration != null) {
            plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                    "<configuration>" + pluginConfiguration + "</configuration>")));
        }
        if (goals != null) {
            PluginExecution execution = new PluginExecution();
            execution.setGoals(goals);
            if (executionConfiguration != null) {
                execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                        "<configuration>" + executionConfiguration + "</configuration>")));
            }
            plugin.addExecution(execution);
        }
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    private static Properties properties(String... nameValue) {
        Properties p = new Properties();
        for (int i = 0; i < nameValue.length; i += 2) {
            p.setProperty(nameValue[i], nameValue[i + 1]);
        }
        return p;
    }

    private static String failure(MavenProject project, Properties properties) {
        return assertThrows(ConfigurationException.class, () -> EvaluateGatesPreview.check(project, descriptor(),
                new PropertyEvaluator(properties))).getMessage();
    }

    @Test
    void aMalformedGateInTheEvaluateExecutionStopsTrain() throws Exception {
        MavenProject project = project(null, List.of("train", "evaluate"), "<minAccuracy>abc</minAccuracy>");
        assertEquals("Parameter 'minAccuracy' is 'abc': use a fraction like 0.91 or a percentage like 91% "
                + "(found before training: the evaluate goal checks it)", failure(project, properties()));
    }

    @Test
    void aGateTheConfigurationLeavesOutComesFromItsProperty() throws Exception {
        MavenProject project = project(null, List.of("evaluate"), null);
        assertTrue(failure(project, properties("fashionmnist.maxLoss", "-1")).startsWith("Parameter 'maxLoss'"));
        assertTrue(failure(project, properties("fashionmnist.minClassAccuracy", "150%"))
                .startsWith("Parameter 'minClassAccuracy' is '150%'"));
        assertDoesNotThrow(() -> EvaluateGatesPreview.check(project, descriptor(),
                new PropertyEvaluator(properties("fashionmnist.minAccuracy", "91%", "fashionmnist.maxLoss", "0.4"))));
    }

    @Test
    void theExecutionsConfigurationWinsOverThePlugins() throws Exception {
        MavenProject fixed = project("<minAccuracy>abc</minAccuracy>", List.of("evaluate"),
                "<minAccuracy>0.9</minAccuracy>");
        assertDoesNotThrow(() -> EvaluateGatesPreview.check(fixed, descriptor(), new PropertyEvaluator(properties())));
        MavenProject inherited = project("<minAccuracy>${gate}</minAccuracy>", List.of("evaluate"),
                "<maxLoss>1</maxLoss>");
        assertDoesNotThrow(() -> EvaluateGatesPreview.check(inherited, descriptor(),
                new PropertyEvaluator(properties("gate", "88%"))));
        assertTrue(failure(inherited, properties("gate", "188%")).startsWith("Parameter 'minAccuracy' is '188%'"));
    }

    @Test
    void onlyExecutionsThatEvaluateCountAndWithoutOneThePluginsConfigurationDoes() throws Exception {
        MavenProject trainOnly = project(null, List.of("train"), "<minAccuracy>abc</minAccuracy>");
        assertDoesNotThrow(() -> EvaluateGatesPreview.check(trainOnly, descriptor(),
                new PropertyEvaluator(properties())));
        MavenProject commandLine = project("<minAccuracy>ninety</minAccuracy>", null, null);
        assertTrue(failure(commandLine, properties()).startsWith("Parameter 'minAccuracy' is 'ninety'"));
    }

    @Test
    void theJUnitCopiesThatEvaluateWritesAreThoseTrainRemovesWithAReplacedModel() throws Exception {
        PluginDescriptor d = descriptor();
        MavenProject configured = project(null, List.of("train", "evaluate"),
                "<junitReportDirectory>/ci/surefire-reports</junitReportDirectory>");
        assertEquals(List.of(Path.of("/ci/surefire-reports", JUnitReport.FILE)),
                EvaluateGatesPreview.junitCopies(configured, d, new PropertyEvaluator(properties())));
        MavenProject byProperty = project(null, List.of("evaluate"), null);
        assertEquals(List.of(Path.of("/ci/failsafe-reports", JUnitReport.FILE)), EvaluateGatesPreview.junitCopies(
                byProperty, d, new PropertyEvaluator(properties("fashionmnist.junitReportDirectory",
                        "/ci/failsafe-reports"))));
        assertEquals(List.of(), EvaluateGatesPreview.junitCopies(byProperty, d, new PropertyEvaluator(properties())),
                "no copy configured");
    }
}
