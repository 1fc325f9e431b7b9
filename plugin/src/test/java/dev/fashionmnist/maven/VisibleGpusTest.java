package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many GPUs parallelTrials spreads its trials over: CUDA_VISIBLE_DEVICES first, else the driver's GPU folders. */
class VisibleGpusTest {
    @TempDir
    Path driverGpus;

    @Test
    void cudaVisibleDevicesWins() throws Exception {
        Files.createDirectory(driverGpus.resolve("0000:01:00.0"));
        assertEquals(3, SweepMojo.visibleGpus("0,2,3", driverGpus));
        assertEquals(1, SweepMojo.visibleGpus("1", driverGpus));
    }

    @Test
    void elseOneFolderPerGpuOfTheDriver() throws Exception {
        for (String bus : new String[] {"0000:01:00.0", "0000:02:00.0", "0000:41:00.0", "0000:81:00.0"}) {
            Files.createDirectory(driverGpus.resolve(bus));
        }
        assertEquals(4, SweepMojo.visibleGpus(null, driverGpus));
        assertEquals(4, SweepMojo.visibleGpus(" ", driverGpus));
    }

    @Test
    void atLeastOne() {
        assertEquals(1, SweepMojo.visibleGpus(null, driverGpus.resolve("absent")));
        assertEquals(1, SweepMojo.visibleGpus(null, driverGpus), "an empty folder");
    }
}
