package org.example.edgesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.sched.SchedulerProvider;
import org.junit.jupiter.api.Test;

class EqualBlocksSchedulerTest {
    /** Three groups of two workers with different uplinks. */
    private static PartelSnapshot snapshot() {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            workers.add(new Worker(i, i / 2, 100, 1e9, 5, 1 + i, 1e9));
        }
        return new PartelSnapshot(1, 3, 2, 1000, 1e7, 32, 32, 1, 0, UplinkNoise.EQUAL_SHARE, workers);
    }

    @Test
    void blocksAreEqualAndEveryUploadTakesTheSameTime() {
        PartelSnapshot s = snapshot();
        PartelPlan plan = new EqualBlocksScheduler().plan(s);
        assertEquals(1000, plan.block(0) + plan.block(1) + plan.block(2));
        assertTrue(Math.abs(plan.block(0) - plan.block(2)) <= 1);
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += plan.share(i);
        }
        assertEquals(1.0, sum, 1e-12);
        // Same block in groups 0 and 1 (334 vs 333 differ by one parameter): compare within a group.
        Worker a = s.workers().get(0);
        Worker b = s.workers().get(1);
        assertEquals(s.uploadTime(a, plan.block(0), plan.share(0)), s.uploadTime(b, plan.block(0), plan.share(1)),
                1e-12 * s.uploadTime(a, plan.block(0), plan.share(0)));
        assertEquals(s.latency(plan.blocks(), plan.shares()), plan.plannedLatencyS());
    }

    @Test
    void theProviderIsFoundThroughItsServicesFile() {
        boolean found = false;
        for (SchedulerProvider p : ServiceLoader.load(SchedulerProvider.class)) {
            found |= p.name().equals(EqualBlocksScheduler.NAME) && p.protocol().equals("partel")
                    && p.create() instanceof EqualBlocksScheduler;
        }
        assertTrue(found);
    }
}
