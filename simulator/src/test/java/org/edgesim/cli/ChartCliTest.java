package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgesim chart}: columns of a CSV drawn as PNG, SVG and PDF; a missing column named, exit 2. */
class ChartCliTest {
    @TempDir
    Path dir;

    @Test
    void aCurveIsDrawnAndAMissingColumnIsNamed() throws Exception {
        Path csv = dir.resolve("curve.csv");
        Files.writeString(csv, "episode,latency_s,average_s\n1,2.0,2.0\n2,1.5,1.75\n3,NaN,1.75\n4,1.2,1.57\n");
        CliTestSupport.Outcome o = CliTestSupport.run("chart", csv.toString(), "--x", "episode", "--y",
                "latency_s,average_s", "--title", "a curve");
        assertEquals(0, o.code(), o.err());
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            assertTrue(Files.size(dir.resolve("curve." + ext)) > 1000, ext);
        }
        CliTestSupport.Outcome bad = CliTestSupport.run("chart", csv.toString(), "--x", "episode", "--y", "reward");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("has no column 'reward'; it has [episode, latency_s, average_s]"), bad.err());
    }
}
