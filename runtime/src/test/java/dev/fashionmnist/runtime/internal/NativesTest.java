package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import org.junit.jupiter.api.Test;

/** The message that names the natives an application must add. */
class NativesTest {
    @Test
    void theMissingNativesMessageNamesBothDependenciesAndTheirVersions() {
        String m = Natives.missing(Message.runtime("runtime.natives.nativesJar")).toString();
        assertTrue(m.contains("ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>linux-x86_64</classifier>")
                || !Natives.platform().equals("linux-x86_64"), m);
        assertTrue(m.contains("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0"), m);
        assertTrue(m.contains("DJL then runs offline"), m);
        assertNotEquals(-1, m.indexOf("the PyTorch natives jar is not on the class path"), m);
    }

    @Test
    void theMissingNativesInGerman() {
        String m = Natives.missing(Message.runtime("runtime.natives.bothJars")).in(Language.GERMAN);
        assertTrue(m.startsWith("Keine PyTorch-Natives für den Klassifikator: die JARs der PyTorch-Natives und von "
                + "PyTorch-JNI liegen nicht auf dem Klassenpfad. Füge die Abhängigkeiten "
                + "ai.djl.pytorch:pytorch-native-cpu:2.3.1 mit <classifier>"), m);
        assertTrue(m.endsWith("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0 (scope runtime) hinzu; DJL läuft dann offline "
                + "und lädt nichts herunter"), m);
    }
}
