package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpDownloaderTest {

    @Test
    void timeoutsBelowASecondAreShownInMilliseconds() {
        assertEquals("400 ms", HttpDownloader.describe(Duration.ofMillis(400)));
        assertEquals("1 ms", HttpDownloader.describe(Duration.ofMillis(1)));
        assertEquals("999 ms", HttpDownloader.describe(Duration.ofMillis(999)));
    }

    @Test
    void wholeSecondsAreShownInSecondsAndTheRestInMilliseconds() {
        assertEquals("1 s", HttpDownloader.describe(Duration.ofSeconds(1)));
        assertEquals("60 s", HttpDownloader.describe(Duration.ofSeconds(60)));
        assertEquals("1500 ms", HttpDownloader.describe(Duration.ofMillis(1500)));
    }
}
