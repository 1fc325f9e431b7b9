package dev.fashionmnist.maven;

import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the gates that this project's {@code evaluate} goal will check, so that {@code train} can stop on a gate that
 * cannot be parsed ({@code -Dfashionmnist.minAccuracy=abc}) before minutes of training instead of after them.
 * Each evaluate execution of the POM counts (its configuration over the plugin's), or the plugin's configuration
 * when none is bound (evaluate run from the command line); a gate the configuration leaves out comes from its
 * property, as Maven would fill it in.
 */
final class EvaluateGatesPreview {
    static final List<String> GATES = List.of("minAccuracy", "minClassAccuracy", "maxLoss");
    private static final String JUNIT_REPORT_DIRECTORY = "junitReportDirectory";

    private EvaluateGatesPreview() {
    }

    /** Throws the message evaluate would fail with after training, naming the parameter, when a gate is malformed. */
    static void check(MavenProject project, PluginDescriptor plugin, ExpressionEvaluator evaluator) {
        if (project == null || plugin == null || evaluator == null) {
            return;
        }
        for (Xpp3Dom configuration : evaluateConfigurations(project.getBuild() == null ? null
                : project.getBuild().getPluginsAsMap().get(plugin.getPluginLookupKey()))) {
            List<String> values = new ArrayList<>();
            for (String gate : GATES) {
                Xpp3Dom child = configuration == null ? null : configuration.getChild(gate);
                String expression = child == null || child.getValue() == null
                        ? "${" + UserPropertyCheck.PREFIX + gate + "}" : child.getValue();
                values.add(evaluate(evaluator, expression));
            }
            try {
                Gates.parse(values.get(0), values.get(1), values.get(2));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(Messages.of("maven.gates.beforeTraining", e.message()));
            }
        }
    }

    /**
     * The copies of the gates' JUnit XML that this project's evaluate writes ({@code junitReportDirectory} of each
     * configuration, else its property), so that train can remove them with the evaluation of a model it replaces: a
     * build that trains without evaluating must not leave another model's verdict where CI reporters look.
     */
    static List<Path> junitCopies(MavenProject project, PluginDescriptor plugin, ExpressionEvaluator evaluator) {
        List<Path> copies = new ArrayList<>();
        if (project == null || plugin == null || evaluator == null) {
            return copies;
        }
        for (Xpp3Dom configuration : evaluateConfigurations(project.getBuild() == null ? null
                : project.getBuild().getPluginsAsMap().get(plugin.getPluginLookupKey()))) {
            Xpp3Dom child = configuration == null ? null : configuration.getChild(JUNIT_REPORT_DIRECTORY);
            String folder = evaluate(evaluator, child == null || child.getValue() == null
                    ? "${" + UserPropertyCheck.PREFIX + JUNIT_REPORT_DIRECTORY + "}" : child.getValue());
            if (folder != null && !folder.isBlank()) {
                Path copy = evaluator.alignToBaseDirectory(new File(folder)).toPath().resolve(JUnitReport.FILE);
                if (!copies.contains(copy)) {
                    copies.add(copy);
                }
            }
        }
        return copies;
    }

    /** The configurations evaluate runs with in this project: one per bound execution, or the plugin's own. */
    static List<Xpp3Dom> evaluateConfigurations(Plugin plugin) {
        List<Xpp3Dom> configurations = new ArrayList<>();
        if (plugin == null) {
            configurations.add(null);
            return configurations;
        }
        Xpp3Dom pluginLevel = (Xpp3Dom) plugin.getConfiguration();
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains("evaluate")) {
                Xpp3Dom own = (Xpp3Dom) execution.getConfiguration();
                configurations.add(own == null ? pluginLevel
                        : pluginLevel == null ? own : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own), new Xpp3Dom(pluginLevel)));
            }
        }
        if (configurations.isEmpty()) {
            configurations.add(pluginLevel);
        }
        return configurations;
    }

    private static String evaluate(ExpressionEvaluator evaluator, String expression) {
        try {
            Object value = evaluator.evaluate(expression);
            return value == null ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            return null; // evaluate reports what Maven cannot evaluate itself
        }
    }
}
