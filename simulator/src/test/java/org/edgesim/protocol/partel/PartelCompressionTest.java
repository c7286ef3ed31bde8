package org.edgesim.protocol.partel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * PARTEL with quantised gradient blocks: a worker's upload takes b of A_g's bits per value (the
 * schedulers plan on it); the quantisation's error reaches the model, and since a block's scale
 * is its own the trained model depends on the allocation (uncompressed, it does not); top-k is
 * refused at its line.
 */
class PartelCompressionTest {
    private static final String LEARNING = "learning: {data: fashion-mnist-small, l1: 1e-4, stepSize: 0.1}\n";

    private static RunResult run(String protocol, String scheduler, String extra) throws Exception {
        return new Simulation(Catalog.standard()).run(PartelStragglersTest.scenario("", protocol, extra)
                .withScheduler(scheduler));
    }

    @Test
    void quantisedBlocksTakeTheirBitsAndTheirErrorDependsOnTheAllocation() throws Exception {
        String q = "  compression: {type: quantize, bits: 4}\n";
        // The baseline's blocks and shares do not depend on A_g: the uploads take 4 / 32 of the time.
        double[] full = column(run("", "baseline", "").devices(), "upload_s");
        double[] small = column(run(q, "baseline", "").devices(), "upload_s");
        for (int i = 0; i < full.length; i++) {
            assertEquals(full[i] * 4 / 32, small[i], 1e-12 * full[i], "worker row " + i);
        }
        double[] plain = column(run("", "baseline", LEARNING).rounds(), "test_accuracy");
        double[] quantised = column(run(q, "baseline", LEARNING).rounds(), "test_accuracy");
        assertTrue(!Arrays.equals(plain, quantised), "the quantisation's error reaches the model");
        // Uncompressed, the trace is the allocation's invariant; quantised per block, it is not.
        assertArrayEquals(plain, column(run("", "joint-paba", LEARNING).rounds(), "test_accuracy"));
        assertTrue(!Arrays.equals(column(run(q, "joint-paba", LEARNING).rounds(), "train_loss"),
                column(run(q, "baseline", LEARNING).rounds(), "train_loss")), "another allocation, another trace");
        ScenarioException topk = assertThrows(ScenarioException.class, () -> PartelStragglersTest.scenario("",
                "  compression: {type: topk, fraction: 0.1}\n", ""));
        assertTrue(topk.getMessage().contains("protocol.compression.type"), topk.getMessage());
    }
}
