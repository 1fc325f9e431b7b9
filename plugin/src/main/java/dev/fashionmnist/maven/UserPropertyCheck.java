package dev.fashionmnist.maven;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Says when a {@code -Dfashionmnist.*} property does not do what the user typed: the POM's {@code <configuration>}
 * sets that parameter, so the property is ignored, or no goal of this plugin knows the name. One instance per
 * build remembers what it said, so that each warning appears once however many goals run.
 */
final class UserPropertyCheck {
    static final String PREFIX = "fashionmnist.";

    /** {@code fashionmnist.*} properties that no goal reads but users set: the sample project's plugin version. */
    static final Set<String> OTHER_PROPERTIES = Set.of("fashionmnist.plugin.version");

    private final Set<Message> warned = ConcurrentHashMap.newKeySet();

    /**
     * Warns about the user properties that {@code execution}'s configuration overrides ({@code overrides}: only
     * when the goal runs) and those no goal knows, each warning once per build.
     */
    void check(Properties userProperties, MojoExecution execution, boolean overrides, BuildLog log) {
        List<Message> warnings = new ArrayList<>();
        if (overrides) {
            warnings.addAll(overridden(userProperties, execution));
        }
        warnings.addAll(unknown(userProperties, execution.getMojoDescriptor().getPluginDescriptor()));
        for (Message warning : warnings) {
            if (warned.add(warning)) {
                log.warn(warning);
            }
        }
    }

    /** The user properties that {@code execution}'s POM configuration overrides, one warning each. */
    static List<Message> overridden(Properties userProperties, MojoExecution execution) {
        List<Message> warnings = new ArrayList<>();
        Xpp3Dom configuration = execution.getConfiguration();
        List<Parameter> parameters = execution.getMojoDescriptor().getParameters();
        if (configuration == null || parameters == null) {
            return warnings;
        }
        for (Parameter parameter : parameters) {
            String property = property(parameter);
            String typed = property == null ? null : userProperties.getProperty(property);
            Xpp3Dom configured = pomValue(configuration, parameter, property);
            if (typed != null && configured != null) {
                warnings.add(Messages.of("maven.property.ignored", property, typed, parameter.getName(),
                        shown(configured)));
            }
        }
        return warnings;
    }

    /**
     * The first user property for a true/false parameter of {@code execution} whose value is neither (Maven would
     * take it as false without a word), as the message to fail with; {@code null} when all are fine. A property the
     * POM's configuration overrides does not count: it is ignored anyway.
     */
    static Message invalidSwitch(Properties userProperties, MojoExecution execution) {
        List<Parameter> parameters = execution.getMojoDescriptor().getParameters();
        Xpp3Dom configuration = execution.getConfiguration();
        for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
            String property = property(parameter);
            String typed = property == null ? null : userProperties.getProperty(property);
            boolean isSwitch = "boolean".equals(parameter.getType()) || "java.lang.Boolean".equals(parameter.getType());
            if (isSwitch && typed != null && !typed.trim().equalsIgnoreCase("true")
                    && !typed.trim().equalsIgnoreCase("false")
                    && pomValue(configuration, parameter, property) == null) {
                return Messages.of("maven.switch.invalid", property, typed, parameter.getName());
            }
        }
        return null;
    }

    /** The {@code fashionmnist.*} user properties that no goal of {@code plugin} knows, with the nearest name. */
    static List<Message> unknown(Properties userProperties, PluginDescriptor plugin) {
        SortedSet<String> known = knownProperties(plugin);
        List<String> knownNames = known.stream().map(p -> p.substring(PREFIX.length())).toList();
        List<Message> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                warnings.add(NearestName.among(name.substring(PREFIX.length()), knownNames)
                        .map(n -> Messages.of("maven.property.unknownNear", name, PREFIX + n))
                        .orElseGet(() -> Messages.of("maven.property.unknown", name)));
            }
        }
        return warnings;
    }

    /** Every goal's parameter properties, and the other properties users set. */
    static SortedSet<String> knownProperties(PluginDescriptor plugin) {
        SortedSet<String> known = new TreeSet<>(OTHER_PROPERTIES);
        if (plugin != null && plugin.getMojos() != null) {
            for (MojoDescriptor mojo : plugin.getMojos()) {
                if (mojo.getParameters() != null) {
                    for (Parameter parameter : mojo.getParameters()) {
                        String property = property(parameter);
                        if (property != null) {
                            known.add(property);
                        }
                    }
                }
            }
        }
        return known;
    }

    /** The {@code fashionmnist.*} user property of {@code parameter}, or {@code null}. */
    static String property(Parameter parameter) {
        String expression = parameter.getExpression();
        if (expression != null && expression.startsWith("${" + PREFIX) && expression.endsWith("}")) {
            return expression.substring(2, expression.length() - 1);
        }
        return null;
    }

    /** The POM's own value of {@code parameter} (not its {@code ${property}}), or {@code null}: then -D reaches it. */
    private static Xpp3Dom pomValue(Xpp3Dom configuration, Parameter parameter, String property) {
        Xpp3Dom configured = configuration == null ? null : configuration.getChild(parameter.getName());
        return configured != null && setByPom(configured, property) ? configured : null;
    }

    /**
     * Whether the POM gave the parameter a value of its own: Maven fills a parameter the POM leaves out with its
     * {@code ${property}} expression, so any other value, or a list of elements, came from the POM. A POM value that
     * uses the property itself lets -D through.
     */
    static boolean setByPom(Xpp3Dom configured, String property) {
        if (configured.getChildCount() > 0) {
            return true;
        }
        String value = configured.getValue();
        return value != null && !value.isBlank() && !value.contains("${" + property + "}");
    }

    private static String shown(Xpp3Dom configured) {
        if (configured.getChildCount() == 0) {
            return configured.getValue().trim();
        }
        List<String> values = new ArrayList<>();
        for (Xpp3Dom child : configured.getChildren()) {
            values.add(child.getValue() == null ? "" : child.getValue().trim());
        }
        return String.join(",", values);
    }
}
