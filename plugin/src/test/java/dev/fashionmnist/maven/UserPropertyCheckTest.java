package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.testing.RecordingLog;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The warnings for -Dfashionmnist.* properties, against this plugin's own generated descriptor. */
class UserPropertyCheckTest {
    private static PluginDescriptor plugin;

    /** The overridden-property warnings in English. */
    private static List<String> overridden(Properties user, MojoExecution execution) {
        return UserPropertyCheck.overridden(user, execution).stream().map(Message::toString).toList();
    }

    /** The unknown-property warnings in English. */
    private static List<String> unknown(Properties user, PluginDescriptor plugin) {
        return UserPropertyCheck.unknown(user, plugin).stream().map(Message::toString).toList();
    }

    /** The invalid switch's message in English, or {@code null}. */
    private static String invalidSwitch(Properties user, MojoExecution execution) {
        Message invalid = UserPropertyCheck.invalidSwitch(user, execution);
        return invalid == null ? null : invalid.toString();
    }

    @BeforeAll
    static void readThePluginDescriptor() throws Exception {
        plugin = GoalExecutions.plugin();
    }

    /** The execution of {@code goal} with {@code pomConfiguration}: {@link GoalExecutions#execution}. */
    private static MojoExecution execution(String goal, String pomConfiguration) throws Exception {
        return GoalExecutions.execution(goal, pomConfiguration);
    }

    private static Properties typed(String... nameValue) {
        Properties p = new Properties();
        for (int i = 0; i < nameValue.length; i += 2) {
            p.setProperty(nameValue[i], nameValue[i + 1]);
        }
        return p;
    }

    @Test
    void knownNamesAreEveryGoalsParameterProperties() {
        var known = UserPropertyCheck.knownProperties(plugin);
        for (String name : List.of("fashionmnist.epochs", "fashionmnist.dataset", "fashionmnist.minAccuracy",
                "fashionmnist.sweep", "fashionmnist.images", "fashionmnist.skip", "fashionmnist.plugin.version")) {
            assertTrue(known.contains(name), name);
        }
        assertTrue(known.stream().allMatch(n -> n.startsWith("fashionmnist.")), known.toString());
        assertFalse(known.contains("fashionmnist.epoch"));
    }

    @Test
    void aParameterTheConfigurationSetsIgnoresItsProperty() throws Exception {
        MojoExecution train = execution("train", "<epochs>3</epochs><architecture>mlp</architecture>");
        List<String> warnings = overridden(
                typed("fashionmnist.epochs", "1", "fashionmnist.seed", "7", "fashionmnist.hiddenSize", "2"), train);
        assertEquals(List.of("-Dfashionmnist.epochs=1 is ignored: the POM's <configuration> sets epochs=3; move it to "
                + "<properties> to let -D win"), warnings);
    }

    @Test
    void aParameterTheConfigurationLeavesOutTakesItsProperty() throws Exception {
        MojoExecution train = execution("train", "");
        assertEquals("${fashionmnist.epochs}", train.getConfiguration().getChild("epochs").getValue());
        assertEquals(List.of(), overridden(typed("fashionmnist.epochs", "1"), train));
    }

    @Test
    void aConfigurationValueThatUsesThePropertyLetsItThrough() throws Exception {
        MojoExecution train = execution("train",
                "<outputDirectory>${fashionmnist.outputDirectory}/run</outputDirectory>"
                + "<epochs>${fashionmnist.epochs}</epochs>");
        assertEquals(List.of(), overridden(
                typed("fashionmnist.outputDirectory", "out", "fashionmnist.epochs", "1"), train));
    }

    @Test
    void aListInTheConfigurationIgnoresTheProperty() throws Exception {
        MojoExecution download = execution("download-data",
                "<mirrors><mirror>file:/srv/a/</mirror><mirror>file:/srv/b/</mirror></mirrors>");
        assertEquals(List.of("-Dfashionmnist.mirrors=http://127.0.0.1:9/ is ignored: the POM's <configuration> sets "
                + "mirrors=file:/srv/a/,file:/srv/b/; move it to <properties> to let -D win"),
                overridden(typed("fashionmnist.mirrors", "http://127.0.0.1:9/"), download));
    }

    @Test
    void theWarningNamesTheParameterWhoseNameDiffersFromItsProperty() throws Exception {
        MojoExecution sweep = execution("sweep", "<sweepGrid>hiddenSize=2,8</sweepGrid>");
        assertEquals(List.of("-Dfashionmnist.sweep=seed=1,2 is ignored: the POM's <configuration> sets "
                + "sweepGrid=hiddenSize=2,8; move it to <properties> to let -D win"),
                overridden(typed("fashionmnist.sweep", "seed=1,2"), sweep));
    }

    @Test
    void unknownNamesGetTheNearestKnownName() {
        Properties user = typed("fashionmnist.epoch", "2", "fashionmnist.minAcuracy", "90%", "fashionmnist.colour",
                "red", "fashionmnist.epochs", "1", "fashionmnist.plugin.version", "0.1.0", "maven.test.skip", "true");
        assertEquals(List.of("-Dfashionmnist.colour: unknown",
                "-Dfashionmnist.epoch: unknown; did you mean fashionmnist.epochs?",
                "-Dfashionmnist.minAcuracy: unknown; did you mean fashionmnist.minAccuracy?"),
                unknown(user, plugin));
    }

    @Test
    void eachWarningOncePerBuildAcrossGoals() throws Exception {
        UserPropertyCheck build = new UserPropertyCheck();
        RecordingLog log = new RecordingLog();
        Properties user = typed("fashionmnist.epochs", "1", "fashionmnist.epoch", "2", "fashionmnist.dataset",
                "fashion-mnist");
        String config = "<epochs>3</epochs><dataset>mnist</dataset>";
        for (String goal : List.of("download-data", "train", "evaluate", "report", "train")) {
            build.check(user, execution(goal, config), true, log);
        }
        assertEquals(List.of("-Dfashionmnist.dataset=fashion-mnist is ignored: the POM's <configuration> sets "
                + "dataset=mnist; move it to <properties> to let -D win",
                "-Dfashionmnist.epoch: unknown; did you mean fashionmnist.epochs?",
                "-Dfashionmnist.epochs=1 is ignored: the POM's <configuration> sets epochs=3; move it to <properties> "
                        + "to let -D win"), log.warnings.stream().sorted().toList());
    }

    @Test
    void aSkippedGoalNamesOnlyTheUnknownProperties() throws Exception {
        RecordingLog log = new RecordingLog();
        new UserPropertyCheck().check(typed("fashionmnist.epochs", "1", "fashionmnist.epoch", "2"),
                execution("train", "<epochs>3</epochs>"), false, log);
        assertEquals(List.of("-Dfashionmnist.epoch: unknown; did you mean fashionmnist.epochs?"), log.warnings);
    }

    @Test
    void aSwitchTakesTrueOrFalseOnly() throws Exception {
        MojoExecution train = execution("train", "");
        assertEquals("-Dfashionmnist.resume=yes: parameter 'resume' is true or false (-Dfashionmnist.resume alone "
                + "means true)", invalidSwitch(typed("fashionmnist.resume", "yes"), train));
        assertEquals(null, invalidSwitch(typed("fashionmnist.resume", "true",
                "fashionmnist.force", "FALSE", "fashionmnist.epochs", "2"), train));
        assertEquals(null, invalidSwitch(typed("fashionmnist.resume", "yes"),
                execution("train", "<resume>false</resume>")), "ignored anyway, and said so");
    }

    @Test
    void warningsAndErrorsInGerman() throws Exception {
        MojoExecution train = execution("train", "<epochs>3</epochs>");
        assertEquals(List.of("-Dfashionmnist.epochs=1 wird ignoriert: die <configuration> im POM setzt epochs=3; "
                + "verschiebe den Wert nach <properties>, damit -D gilt"),
                UserPropertyCheck.overridden(typed("fashionmnist.epochs", "1"), train).stream()
                        .map(m -> m.in(Language.GERMAN)).toList());
        assertEquals(List.of("-Dfashionmnist.colour: unbekannt",
                "-Dfashionmnist.epoch: unbekannt; meintest Du fashionmnist.epochs?"),
                UserPropertyCheck.unknown(typed("fashionmnist.epoch", "2", "fashionmnist.colour", "red"), plugin)
                        .stream().map(m -> m.in(Language.GERMAN)).toList());
        assertEquals("-Dfashionmnist.resume=ja: Parameter 'resume' ist 'true' oder 'false' (-Dfashionmnist.resume "
                + "allein bedeutet 'true')", UserPropertyCheck.invalidSwitch(typed("fashionmnist.resume", "ja"),
                execution("train", "")).in(Language.GERMAN));
    }
}
