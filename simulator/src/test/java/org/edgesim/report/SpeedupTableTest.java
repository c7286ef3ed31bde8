package org.edgesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.scenario.FigureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times to target and speedups against a hand-computed table. */
class SpeedupTableTest {
    @TempDir
    Path dir;

    private static FigureSpec table(String reference) throws IOException {
        return new ObjectMapper().readValue("""
                {"name": "t", "from": "speedup", "x": "end_s", "y": "test_accuracy", "target": 0.5,
                 "reference": "%s", "seriesNames": {"slow": "the slow one"}}
                """.formatted(reference), FigureSpec.class);
    }

    @Test
    void timeToTargetIsTheFirstRoundReachingItAveragedOverTheRunsThatDo() throws IOException {
        Path rounds = dir.resolve("rounds.csv");
        Files.writeString(rounds, """
                point,devices.count,scheduler,replication,round,end_s,test_accuracy
                0,6,slow,0,1,10.0,0.3
                0,6,slow,0,2,20.0,0.5
                0,6,slow,0,3,30.0,0.7
                0,6,slow,1,1,10.0,0.2
                0,6,slow,1,2,20.0,0.4
                0,6,slow,1,3,30.0,0.6
                0,6,fast,0,1,2.0,0.55
                0,6,fast,0,2,4.0,0.4
                0,6,fast,1,1,2.0,0.1
                0,6,fast,1,2,4.0,0.45
                """);
        List<Path> files = SpeedupTable.write(rounds, table("slow"), dir);
        String csv = Files.readString(files.get(0));
        // slow: reaches 0.5 at 20 s and at 30 s -> 25 s; fast: only replication 0, at 2 s (its first round).
        assertEquals("""
                devices.count,scheduler,runs,final_test_accuracy_mean,reached_target,time_to_target_mean,speedup_vs_slow,\
                speedup_median,speedup_per_replication
                6,slow,2,0.6499999999999999,2,25.0,1.0,1.0,1.00 1.00
                6,fast,2,0.42500000000000004,1,2.0,12.5,10.0,10.0
                """, csv);
        // Per replication: fast reaches only in replication 0, at 2 s against slow's 20 s: 10 (the mean's 12.5 mixes
        // slow's replication 1 in).
        String md = Files.readString(files.get(1));
        assertTrue(md.contains("| 6 | the slow one | 0.650 | 2/2 | 25.00 | 1.00x | 1.00x (of 2) | 1.00 1.00 |"), md);
        assertTrue(md.contains("| 6 | fast | 0.425 | 1/2 | 2.000 | 12.50x | 10.00x (of 1) | 10.0 |"), md);
        assertTrue(md.contains("reaches 0.5"), md);
    }

    @Test
    void withoutATargetEachReplicationAimsAtTheReferencesFinalAccuracy() throws IOException {
        Path rounds = dir.resolve("rounds.csv");
        Files.writeString(rounds, """
                point,scheduler,replication,round,end_s,test_accuracy
                0,alone,0,1,100.0,0.8
                0,alone,1,1,120.0,0.7
                0,fast,0,1,20.0,0.6
                0,fast,0,2,40.0,0.85
                0,fast,1,1,20.0,0.75
                0,fast,1,2,40.0,0.9
                0,never,0,1,50.0,0.5
                0,never,1,1,50.0,0.6
                """);
        FigureSpec figure = new ObjectMapper().readValue("""
                {"name": "t", "from": "speedup", "x": "end_s", "y": "test_accuracy", "reference": "alone"}
                """, FigureSpec.class);
        List<Path> files = SpeedupTable.write(rounds, figure, dir);
        // alone: 100 and 120 s to its own final accuracy (110); fast reaches 0.8 at 40 s, 0.7 at 20 s (30): 110/30.
        assertEquals("""
                scheduler,runs,final_test_accuracy_mean,reached_target,time_to_target_mean,speedup_vs_alone,\
                speedup_median,speedup_per_replication
                alone,2,0.75,2,110.0,1.0,1.0,1.00 1.00
                fast,2,0.875,2,30.0,3.6666666666666665,4.25,2.50 6.00
                never,2,0.55,0,,,,
                """, Files.readString(files.get(0)));
        // Per replication: 100 / 40 = 2.5 and 120 / 20 = 6; the median of two values is their mean, 4.25.
        assertTrue(Files.readString(files.get(1)).contains("reaches the final `test_accuracy` of `alone` in the same"
                + " replication"));
    }

    @Test
    void aMissingReferenceSaysWhatToAdd() throws IOException {
        Path rounds = dir.resolve("rounds.csv");
        Files.writeString(rounds, "point,scheduler,replication,round,end_s,test_accuracy\n0,fast,0,1,1.0,0.9\n");
        IOException e = assertThrows(IOException.class, () -> SpeedupTable.write(rounds, table("slow"), dir));
        assertTrue(e.getMessage().contains("add it to the sweep's 'compare'"), e.getMessage());
    }
}
