package dev.fashionmnist.maven;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.lifecycle.internal.MojoDescriptorCreator;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;

/** This plugin's goals as Maven hands them over, from its own generated descriptor (META-INF/maven/plugin.xml). */
final class GoalExecutions {
    private static PluginDescriptor plugin;

    private GoalExecutions() {
    }

    /** The plugin's descriptor, read once. */
    static synchronized PluginDescriptor plugin() throws Exception {
        if (plugin == null) {
            Path classes = Path.of(UserPropertyCheck.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            try (Reader xml = Files.newBufferedReader(classes.resolve("META-INF/maven/plugin.xml"))) {
                plugin = new PluginDescriptorBuilder().build(xml);
            }
        }
        return plugin;
    }

    /**
     * The execution of {@code goal} as Maven hands it to the goal: the POM's {@code <configuration>} merged over the
     * descriptor's defaults, one element per parameter, the ones the POM leaves out as their {@code ${property}}.
     */
    static MojoExecution execution(String goal, String pomConfiguration) throws Exception {
        MojoDescriptor mojo = plugin().getMojo(goal);
        Xpp3Dom pom = Xpp3DomBuilder.build(new StringReader("<configuration>" + pomConfiguration + "</configuration>"));
        Xpp3Dom defaults = MojoDescriptorCreator.convert(mojo);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (Parameter parameter : mojo.getParameters()) {
            Xpp3Dom own = pom.getChild(parameter.getName());
            Xpp3Dom fallback = defaults.getChild(parameter.getName());
            Xpp3Dom merged = own == null ? fallback
                    : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own, parameter.getName()), fallback, Boolean.TRUE);
            if (merged != null) {
                configuration.addChild(merged);
            }
        }
        return new MojoExecution(mojo, configuration);
    }
}
