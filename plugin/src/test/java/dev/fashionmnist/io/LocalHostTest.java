package dev.fashionmnist.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The machine's name that the JUnit report and the model cache record. */
class LocalHostTest {
    @Test
    void theNameIsNeverBlank() {
        assertFalse(LocalHost.name().isBlank());
    }

    @Test
    void theNameIsTheOneTheSystemKnows() {
        String known;
        try {
            known = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            known = "localhost";
        }
        assertEquals(known, LocalHost.name());
    }
}
