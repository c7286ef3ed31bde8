package org.edgesim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvailabilityTraceTest {
    @TempDir
    Path dir;

    @Test
    void aComputationStopsAtEveryOutageItMeetsAndWaitsWhenItStartsAway() throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "device,off,on\n0,2,5\n0,7,8\n1,0,3\n0,20,30\n");
        AvailabilityTrace t = AvailabilityTrace.read(f, 2);
        // Device 0 starts at 1 s with 4 s of work: 1 s done at 2, away until 5, 2 s more until 7, away until 8.
        assertEquals(List.of(new AvailabilityTrace.Pause(1, 3), new AvailabilityTrace.Pause(3, 1)), t.pauses(0, 1, 4));
        // Starting at 6 with 1 s of work: done at 7 exactly, when the outage begins: no pause.
        assertEquals(List.of(), t.pauses(0, 6, 1));
        // Device 1 starts away at 1: waits until 3.
        assertEquals(List.of(new AvailabilityTrace.Pause(0, 2)), t.pauses(1, 1, 5));
        // After every outage: nothing.
        assertEquals(List.of(), t.pauses(0, 40, 100));
    }

    @Test
    void badTracesNameTheFileLineAndRule() throws Exception {
        String[][] cases = {
                {"device,start,end\n0,1,2\n", ":1: the header must be 'device,off,on'"},
                {"device,off,on\n0,1,2\n5,1,2\n", ":3: device 5 is not one of the 2 devices"},
                {"device,off,on\n0,3,2\n", ":2: needs 0 <= off < on"},
                {"device,off,on\n0,x,2\n", ":2: not a number"},
                {"device,off,on\n0,1,5\n0,4,6\n", "device 0's outages [1.0, 5.0) and [4.0, 6.0) overlap"}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("bad.csv"), c[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AvailabilityTrace.read(f, 2));
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]), e.getMessage());
        }
    }
}
