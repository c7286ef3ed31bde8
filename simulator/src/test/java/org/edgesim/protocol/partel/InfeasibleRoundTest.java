package org.edgesim.protocol.partel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.radio.UplinkNoise;
import org.junit.jupiter.api.Test;

class InfeasibleRoundTest {
    static PartelSnapshot snapshot(long params, UplinkNoise noise, Worker odd) {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(i == odd.index() ? odd : new Worker(i, i / 2, 100, 1e9, 5, 5, 1e8));
        }
        return new PartelSnapshot(1, 2, 2, params, 1e7, 32, 32, 1, 0, noise, workers);
    }

    @Test
    void aWorkerThatCannotComputeIsNamed() {
        InfeasibleRoundException e = assertThrows(InfeasibleRoundException.class,
                () -> snapshot(1000, UplinkNoise.EQUAL_SHARE, new Worker(3, 1, 100, 0, 5, 5, 1e8)));
        assertEquals(3, e.worker());
        assertEquals("infeasible round: worker 3 (group 1) has CPU speed 0.0 Hz: it can never compute its block",
                e.getMessage());
    }

    @Test
    void aWorkerWithoutUplinkRateIsNamedUnderEitherNoiseModel() {
        assertEquals(2, assertThrows(InfeasibleRoundException.class,
                () -> snapshot(1000, UplinkNoise.EQUAL_SHARE, new Worker(2, 1, 100, 1e9, 5, 0, 1e8))).worker());
        InfeasibleRoundException e = assertThrows(InfeasibleRoundException.class,
                () -> snapshot(1000, UplinkNoise.ALLOCATED, new Worker(1, 0, 100, 1e9, 5, 5, 0)));
        assertEquals(1, e.worker());
        assertEquals(true, e.getMessage().contains("uplink rate 0 (SNR per Hz 0.0)"), e.getMessage());
    }

    @Test
    void fewerParametersThanGroupsIsInfeasible() {
        InfeasibleRoundException e = assertThrows(InfeasibleRoundException.class,
                () -> snapshot(1, UplinkNoise.EQUAL_SHARE, new Worker(0, 0, 100, 1e9, 5, 5, 1e8)));
        assertEquals(-1, e.worker());
        assertEquals("infeasible round: the model has 1 parameters for 2 groups; every group needs a block of at least"
                + " one", e.getMessage());
    }
}
