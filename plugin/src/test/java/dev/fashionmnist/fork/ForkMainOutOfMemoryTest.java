package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.Language;
import org.junit.jupiter.api.Test;

/**
 * An {@link OutOfMemoryError} in the engine JVM gets the advice that fits the memory that ran out: the images' native
 * buffers have their own limit ({@code -XX:MaxDirectMemorySize}), everything else is the heap ({@code -Xmx}).
 */
class ForkMainOutOfMemoryTest {
    @Test
    void directBufferMemoryNamesTheDirectMemoryLimit() {
        assertEquals("The training JVM ran out of native memory for the images (Cannot reserve 47040000 bytes of "
                + "direct buffer memory (allocated: 160000000, limit: 178257920)): give it more with "
                + "-Dfashionmnist.jvmArgs=-XX:MaxDirectMemorySize=2g, or lower trainSize",
                ForkMain.outOfMemory(new OutOfMemoryError("Cannot reserve 47040000 bytes of direct buffer memory "
                        + "(allocated: 160000000, limit: 178257920)"), Language.ENGLISH));
        assertEquals("Der Trainings-JVM ist der native Speicher für die Bilder ausgegangen (Direct buffer memory): "
                + "Gib ihr mehr mit -Dfashionmnist.jvmArgs=-XX:MaxDirectMemorySize=2g oder setze trainSize kleiner",
                ForkMain.outOfMemory(new OutOfMemoryError("Direct buffer memory"), Language.GERMAN));
    }

    @Test
    void heapSpaceNamesTheHeapLimit() {
        assertEquals("The training JVM ran out of memory (Java heap space): give it more with "
                + "-Dfashionmnist.jvmArgs=-Xmx8g, or lower batchSize",
                ForkMain.outOfMemory(new OutOfMemoryError("Java heap space"), Language.ENGLISH));
    }
}
