package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which natives jar a machine needs, and the messages that name it; the plugin resolves the same jar. */
class NativesTest {
    @Test
    void theFourPlatformsPyTorchHasNativesFor() {
        assertEquals(Optional.of("linux-x86_64"), Natives.classifier("linux", "amd64"));
        assertEquals(Optional.of("linux-x86_64"), Natives.classifier("Linux", "x86_64"));
        assertEquals(Optional.of("linux-aarch64"), Natives.classifier("Linux", "aarch64"));
        assertEquals(Optional.of("osx-aarch64"), Natives.classifier("Mac OS X", "aarch64"));
        assertEquals(Optional.of("win-x86_64"), Natives.classifier("Windows 11", "amd64"));
    }

    @Test
    void otherMachinesHaveNone() {
        assertEquals(Optional.empty(), Natives.classifier("SunOS", "sparc"));
        assertEquals(Optional.empty(), Natives.classifier("Mac OS X", "x86_64"), "an Intel Mac: PyTorch has none");
        assertEquals(Optional.empty(), Natives.classifier("Windows 11", "aarch64"));
        assertEquals(Optional.empty(), Natives.classifier("Linux", "ppc64le"));
        assertEquals(Optional.empty(), Natives.classifier(null, null));
    }

    @Test
    void theMissingNativesMessageNamesBothDependenciesAndTheirVersions() {
        String m = Natives.missing(Message.runtime("runtime.natives.nativesJar"), "Linux", "amd64").toString();
        assertTrue(m.startsWith("No PyTorch natives for the classifier: the PyTorch natives jar is not on the class "
                + "path. "), m);
        assertTrue(m.contains("ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>linux-x86_64</classifier>"), m);
        assertTrue(m.contains("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0"), m);
        assertTrue(m.contains("DJL then runs offline"), m);
        String here = Natives.missing(Message.runtime("runtime.natives.nativesJar")).toString();
        assertTrue(here.contains("<classifier>" + Natives.classifier().orElse("?") + "</classifier>")
                || Natives.classifier().isEmpty(), here);
    }

    @Test
    void theMissingNativesInGerman() {
        String m = Natives.missing(Message.runtime("runtime.natives.bothJars"), "Linux", "aarch64")
                .in(Language.GERMAN);
        assertTrue(m.startsWith("Keine PyTorch-Natives für den Klassifikator: die JARs der PyTorch-Natives und von "
                + "PyTorch-JNI liegen nicht auf dem Klassenpfad. Füge die Abhängigkeiten "
                + "ai.djl.pytorch:pytorch-native-cpu:2.3.1 mit <classifier>linux-aarch64</classifier>"), m);
        assertTrue(m.endsWith("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0 (scope runtime) hinzu; DJL läuft dann offline "
                + "und lädt nichts herunter"), m);
    }

    @Test
    void onAnUnsupportedMachineTheMessageSaysSoInsteadOfNamingAJar() {
        Message m = Natives.missing(Message.runtime("runtime.natives.bothJars"), "SunOS", "sparc");
        assertEquals("No PyTorch natives for the classifier: the PyTorch natives jar and the PyTorch JNI jar are not "
                + "on the class path. PyTorch 2.3.1 natives exist for linux-x86_64, linux-aarch64, osx-aarch64 and "
                + "win-x86_64; this machine is SunOS sparc: point PYTORCH_LIBRARY_PATH at a PyTorch 2.3.1 built for it",
                m.toString());
        assertEquals("Keine PyTorch-Natives für den Klassifikator: die JARs der PyTorch-Natives und von PyTorch-JNI "
                + "liegen nicht auf dem Klassenpfad. Die Bibliotheken von PyTorch 2.3.1 gibt es für linux-x86_64, "
                + "linux-aarch64, osx-aarch64 und win-x86_64; dieser Rechner ist SunOS sparc: setze "
                + "PYTORCH_LIBRARY_PATH auf ein für ihn gebautes PyTorch 2.3.1", m.in(Language.GERMAN));
    }
}
