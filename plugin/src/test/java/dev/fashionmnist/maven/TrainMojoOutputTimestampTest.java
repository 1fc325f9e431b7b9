package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** outputTimestamp (project.build.outputTimestamp) read as maven-jar-plugin reads it, or one clear message. */
class TrainMojoOutputTimestampTest {

    private static Instant zipTime(String value) throws MojoExecutionException {
        TrainMojo mojo = new TrainMojo();
        mojo.outputTimestamp = value;
        mojo.language = "en"; // whatever the JVM's locale
        return mojo.zipTimestamp();
    }

    @Test
    void isoTimesAndEpochSecondsAreAccepted() throws Exception {
        assertEquals(Instant.parse("2024-05-06T07:08:10Z"), zipTime("2024-05-06T07:08:10Z"));
        assertEquals(Instant.parse("2024-05-06T05:08:10Z"), zipTime("2024-05-06T07:08:10+02:00"));
        assertEquals(Instant.ofEpochSecond(1700000000), zipTime("1700000000"));
    }

    @Test
    void unsetOrOneCharacterMeansTheFilesOwnTimes() throws Exception {
        assertNull(zipTime(null));
        assertNull(zipTime(""));
        assertNull(zipTime("x"));
    }

    @Test
    void aWrongValueNamesTheParameterAndWhatWouldBeRight() {
        for (String wrong : new String[] {"yesterday", "1970-01-01T00:00:00Z"}) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> zipTime(wrong));
            assertTrue(e.getMessage().startsWith("Parameter 'outputTimestamp' (default: project.build.outputTimestamp)"
                    + " is '" + wrong + "': use an ISO-8601 time such as 2024-01-01T00:00:00Z or seconds since 1970"),
                    e.getMessage());
        }
    }
}
