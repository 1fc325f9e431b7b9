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
    void aMissingNativesJarNamesThatDependencyAlone() {
        String m = Natives.missing(Message.runtime("runtime.natives.nativesJar"), Natives.MissingJar.NATIVES,
                "Linux", "amd64").toString();
        assertEquals("No PyTorch natives for the classifier: the PyTorch natives jar is not on the class path. Add the "
                + "dependency ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>linux-x86_64</classifier> "
                + "(linux-x86_64, linux-aarch64, osx-aarch64 or win-x86_64; scope runtime); DJL then runs offline, it "
                + "downloads nothing", m);
        String here = Natives.missing(Message.runtime("runtime.natives.nativesJar"), Natives.MissingJar.NATIVES)
                .toString();
        assertTrue(here.contains("<classifier>" + Natives.classifier().orElse("?") + "</classifier>")
                || Natives.classifier().isEmpty(), here);
    }

    @Test
    void aMissingJniJarSaysThatTheRuntimeBringsItUnlessExcluded() {
        Message m = Natives.missing(Message.runtime("runtime.natives.jniJar"), Natives.MissingJar.JNI, "Linux",
                "amd64");
        assertEquals("No PyTorch natives for the classifier: the PyTorch JNI jar is not on the class path. "
                + "fashionmnist-runtime brings ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0: add it (scope runtime) where "
                + "the build leaves it out; DJL then runs offline, it downloads nothing", m.toString());
        assertEquals("Keine PyTorch-Natives für den Klassifikator: das JAR von PyTorch-JNI liegt nicht auf dem "
                + "Klassenpfad. fashionmnist-runtime bringt ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0 mit: füge die "
                + "Abhängigkeit (scope runtime) hinzu, wo der Build sie ausschließt; DJL läuft dann offline "
                + "und lädt nichts herunter", m.in(Language.GERMAN));
    }

    @Test
    void withBothJarsMissingTheMessageNamesBothDependenciesAndTheirVersions() {
        String m = Natives.missing(Message.runtime("runtime.natives.bothJars"), Natives.MissingJar.BOTH, "Linux",
                "amd64").toString();
        assertTrue(m.startsWith("No PyTorch natives for the classifier: the PyTorch natives jar and the PyTorch JNI "
                + "jar are not on the class path. "), m);
        assertTrue(m.contains("ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>linux-x86_64</classifier>"), m);
        assertTrue(m.contains("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0"), m);
        assertTrue(m.contains("DJL then runs offline"), m);
    }

    @Test
    void theMissingNativesInGerman() {
        String m = Natives.missing(Message.runtime("runtime.natives.bothJars"), Natives.MissingJar.BOTH, "Linux",
                "aarch64").in(Language.GERMAN);
        assertTrue(m.startsWith("Keine PyTorch-Natives für den Klassifikator: die JARs der PyTorch-Natives und von "
                + "PyTorch-JNI liegen nicht auf dem Klassenpfad. Füge die Abhängigkeiten "
                + "ai.djl.pytorch:pytorch-native-cpu:2.3.1 mit <classifier>linux-aarch64</classifier>"), m);
        assertTrue(m.endsWith("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0 (scope runtime) hinzu; DJL läuft dann offline "
                + "und lädt nichts herunter"), m);
        String natives = Natives.missing(Message.runtime("runtime.natives.nativesJar"), Natives.MissingJar.NATIVES,
                "Windows 11", "amd64").in(Language.GERMAN);
        assertEquals("Keine PyTorch-Natives für den Klassifikator: das JAR der PyTorch-Natives liegt nicht auf dem "
                + "Klassenpfad. Füge die Abhängigkeit ai.djl.pytorch:pytorch-native-cpu:2.3.1 mit "
                + "<classifier>win-x86_64</classifier> (linux-x86_64, linux-aarch64, osx-aarch64 oder win-x86_64; "
                + "scope runtime) hinzu; DJL läuft dann offline und lädt nichts herunter", natives);
    }

    @Test
    void onAnUnsupportedMachineTheMessageSaysSoInsteadOfNamingAJar() {
        Message m = Natives.missing(Message.runtime("runtime.natives.bothJars"), Natives.MissingJar.BOTH, "SunOS",
                "sparc");
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
