package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.Messages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The goals' language: the parameter, the JVM's locale as the default, German lines and errors, the console. */
class MavenLanguageTest {

    /** Runs {@code body} with {@code locale} as the JVM's default locale. */
    private static <T> T withLocale(Locale locale, ThrowingSupplier<T> body) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return body.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static Language language(String parameter) throws MojoExecutionException {
        DownloadDataMojo mojo = new DownloadDataMojo();
        mojo.language = parameter;
        return mojo.language();
    }

    @Test
    void theDefaultIsTheJvmsLocale() throws Exception {
        assertEquals(Language.GERMAN, withLocale(Locale.GERMANY, () -> language(null)), "LANG=de_DE.UTF-8");
        assertEquals(Language.GERMAN, withLocale(new Locale("de", "AT"), () -> language(" ")));
        assertEquals(Language.ENGLISH, withLocale(Locale.US, () -> language(null)));
        assertEquals(Language.ENGLISH, withLocale(Locale.FRANCE, () -> language(null)), "neither: English");
        assertEquals(Language.ENGLISH, withLocale(Locale.GERMANY, () -> language("en")), "the parameter wins");
        assertEquals(Language.GERMAN, withLocale(Locale.US, () -> language("DE")));
    }

    @Test
    void anUnknownLanguageFailsWithItsMessage() throws Exception {
        MojoExecutionException en = withLocale(Locale.US, () -> assertThrows(MojoExecutionException.class,
                () -> language("fr")));
        assertEquals("Parameter 'language' is 'fr': use en (English) or de (German)", en.getMessage());
        MojoExecutionException de = withLocale(Locale.GERMANY, () -> assertThrows(MojoExecutionException.class,
                () -> language("deutsch")));
        assertEquals("Parameter 'language' ist 'deutsch': erlaubt sind en (Englisch) und de (Deutsch)",
                de.getMessage());
    }

    @Test
    void theSkipLineInGerman() throws Exception {
        DownloadDataMojo mojo = new DownloadDataMojo();
        mojo.skip = true;
        mojo.language = "de";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            mojo.execute();
        } finally {
            System.setOut(out);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).lines().toList()
                .contains("[info] Übersprungen: fashionmnist.skip ist gesetzt"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aParameterErrorInGerman() {
        TrainMojo mojo = new TrainMojo();
        mojo.outputTimestamp = "gestern";
        mojo.language = "de";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::zipTimestamp);
        assertEquals("Parameter 'outputTimestamp' (Vorgabe: project.build.outputTimestamp) ist 'gestern': erwartet "
                + "wird eine ISO-8601-Zeit wie 2024-01-01T00:00:00Z oder Sekunden seit 1970, zwischen "
                + "1980-01-01T00:00:02Z und 2099-12-31T23:59:59Z", e.getMessage());
    }

    /** Keeps the warnings, in the language it is given. */

    @Test
    void germanOnAnAsciiConsoleIsWarnedAboutOncePerBuild() {
        ConsoleEncoding build = new ConsoleEncoding();
        RecordingLog log = new RecordingLog(Language.GERMAN);
        build.check(Language.GERMAN, StandardCharsets.US_ASCII, log);
        build.check(Language.GERMAN, StandardCharsets.US_ASCII, log);
        assertEquals(List.of("Die Konsole zeigt US-ASCII und kennt keine Umlaute: deutscher Text erscheint "
                + "verstümmelt. Setze MAVEN_OPTS=\"-Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8\" oder "
                + "eine UTF-8-Locale (LANG=de_DE.UTF-8), oder nimm -Dfashionmnist.language=en"), log.warnings);

        RecordingLog quiet = new RecordingLog(Language.GERMAN);
        new ConsoleEncoding().check(Language.GERMAN, StandardCharsets.UTF_8, quiet);
        new ConsoleEncoding().check(Language.GERMAN, StandardCharsets.ISO_8859_1, quiet);
        new ConsoleEncoding().check(Language.ENGLISH, StandardCharsets.US_ASCII, quiet);
        assertEquals(List.of(), quiet.warnings, "UTF-8 and Latin-1 show umlauts; English needs none");
    }

    @Test
    void theConsoleCharsetIsWhatJavaPrintsIn() {
        Properties system = new Properties();
        Charset ascii = StandardCharsets.US_ASCII;
        assertEquals(ascii, ConsoleEncoding.of(system, ascii), "LANG=C: the default charset");
        system.setProperty("sun.stdout.encoding", "UTF-8");
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.of(system, ascii), "MAVEN_OPTS=-Dsun.stdout.encoding");
        system.setProperty("stdout.encoding", "ISO-8859-1");
        assertEquals(StandardCharsets.ISO_8859_1, ConsoleEncoding.of(system, ascii), "Java 19+: stdout.encoding");
        system.setProperty("stdout.encoding", "no-such-charset");
        assertEquals(ascii, ConsoleEncoding.of(system, ascii));
        assertFalse(ConsoleEncoding.showsUmlauts(ascii));
        assertTrue(ConsoleEncoding.showsUmlauts(Charset.forName("windows-1252")));
    }

    @Test
    void countsInGermanSayOneAndMany() {
        assertEquals("1 Versuch aus einem Teil in sweep.csv zusammengeführt",
                Messages.text(Language.GERMAN, "maven.merge.done", 1, 1, "sweep.csv"));
        assertEquals("12 Versuche aus 3 Teilen in sweep.csv zusammengeführt",
                Messages.text(Language.GERMAN, "maven.merge.done", 12, 3, "sweep.csv"));
        assertEquals("Merged 12 trials from 3 shard(s) into sweep.csv",
                Messages.text(Language.ENGLISH, "maven.merge.done", 12, 3, "sweep.csv"));
    }
}
