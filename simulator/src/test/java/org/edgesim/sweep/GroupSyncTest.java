package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSyncTest {
    @TempDir
    Path dir;

    @Test
    void blocksWrittenInAGroupReadBackIntactAndAreForcedByClose() throws Exception {
        Path a = dir.resolve("p00000-x-r00000.csv");
        Path b = dir.resolve("p00001-x-r00000.csv");
        GroupSync sync = new GroupSync(3_600_000); // the timer never fires here: close forces
        Blocks.write(a, "0".repeat(64), List.of(List.of("h"), List.of("1")), sync);
        Blocks.write(b, "0".repeat(64), List.of(List.of("h"), List.of("2")), sync);
        Blocks.write(a, "0".repeat(64), List.of(List.of("h"), List.of("3")), sync); // replaced: one entry
        assertEquals(2, sync.pending());
        sync.close();
        assertEquals(0, sync.pending());
        assertEquals(List.of(List.of("h"), List.of("3")), Blocks.read(a).rows());
        assertEquals(List.of(List.of("h"), List.of("2")), Blocks.read(b).rows());
        // No temporary file stays beside the blocks.
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count());
        }
    }

    @Test
    void theTimerForcesWhatWasSavedAndAFileDeletedSinceIsSkipped() throws Exception {
        Path a = dir.resolve("p00000-x-r00000.csv");
        try (GroupSync sync = new GroupSync(20)) {
            Blocks.write(a, "0".repeat(64), List.of(List.of("h")), sync);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sync.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, sync.pending());
            Blocks.write(a, "0".repeat(64), List.of(List.of("h")), sync);
            Files.delete(a);
            assertDoesNotThrow(sync::flush);
        }
    }
}
