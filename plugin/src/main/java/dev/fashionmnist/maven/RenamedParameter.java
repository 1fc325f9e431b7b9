package dev.fashionmnist.maven;

import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * A parameter that got a new name. The old name keeps working for one release: its value is used, with a warning that
 * names the new one. Given together with the new name and another value it is an error that names both, since which
 * one was meant cannot be guessed. The goal keeps a deprecated {@code @Parameter} field of the old name, without a
 * property, beside the new one.
 *
 * @param oldName the parameter's name before, the deprecated field's name
 * @param newName the parameter's name now
 * @param property the user property of the new name, which the old name never had of its own
 */
record RenamedParameter(String oldName, String newName, String property) {

    /** site-report's folder: {@code fashionmnistDirectory} until it took every goal's name for it. */
    static final RenamedParameter SITE_REPORT_FOLDER =
            new RenamedParameter("fashionmnistDirectory", "outputDirectory", "fashionmnist.outputDirectory");

    /**
     * The value to use: {@code newValue} when the old name was not given ({@code oldValue} null); else
     * {@code oldValue}, with a warning to {@code log}.
     *
     * @param newGiven whether the new name was given too (see {@link #newNameGiven}); then both values must be equal
     * @throws ConfigurationException when both names were given, with different values
     */
    <T> T value(T oldValue, T newValue, boolean newGiven, BuildLog log) {
        if (oldValue == null) {
            return newValue;
        }
        if (newGiven && !Objects.equals(oldValue, newValue)) {
            throw new ConfigurationException(Messages.of("maven.parameter.renamedConflict", oldName, newName,
                    oldValue, newValue));
        }
        log.warn(Messages.of("maven.parameter.renamed", oldName, newName, property));
        return oldValue;
    }

    /**
     * Whether the new name was given a value: by the POM's configuration of {@code execution} (a value of its own, not
     * its {@code ${property}}), or by its property in {@code properties} (-D, the POM's {@code <properties>}).
     */
    boolean newNameGiven(MojoExecution execution, Properties properties) {
        if (properties.getProperty(property) != null) {
            return true;
        }
        Xpp3Dom configuration = execution == null ? null : execution.getConfiguration();
        Xpp3Dom configured = configuration == null ? null : configuration.getChild(newName);
        return configured != null && UserPropertyCheck.setByPom(configured, property);
    }
}
