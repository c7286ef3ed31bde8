package org.edgesim.sched.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire names of a record: snake case, units, names given, omissions, methods in place, nulls left out. */
class WireJsonTest {
    enum Noise { EQUAL_SHARE, ALLOCATED }

    record Inner(int index, @Wire(unit = "bit/s/Hz") double upEfficiency) {
    }

    record Outer(int round, double cycleS, @Wire("flop_per_cycle") double kappa, @Wire(omit = true) Object random,
                 Noise uplinkNoise, Double maybe, long[] counts, List<Inner> inner) {
        @Wire(value = "push_s", before = "inner")
        public double push() {
            return 1.5;
        }
    }

    @Test
    void aRecordReadsUnderItsWireNames() {
        Outer o = new Outer(2, 7.5, 16.0, new Object(), Noise.EQUAL_SHARE, null, new long[] {3, 4},
                List.of(new Inner(0, 2.5)));
        assertEquals("{\"round\":2,\"cycle_s\":7.5,\"flop_per_cycle\":16.0,\"uplink_noise\":\"equal-share\","
                + "\"counts\":[3,4],\"push_s\":1.5,\"inner\":[{\"index\":0,\"up_efficiency_bit_per_s_per_hz\":2.5}]}",
                WireJson.of(o).toString());
    }

    record Opaque(Object thing) {
    }

    @Test
    void aValueWithNoJsonFormIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireJson.of(new Opaque(new Object())));
        assertEquals("a java.lang.Object has no JSON form for external schedulers", e.getMessage());
    }

    record Misplaced(int a) {
        @Wire(value = "b", before = "nothing")
        public int b() {
            return 2;
        }
    }

    @Test
    void aMethodPlacedBeforeNoComponentIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WireJson.of(new Misplaced(1)));
        assertEquals(Misplaced.class.getName() + ".b: a @Wire method takes no argument and names the component it"
                + " comes before, got before = 'nothing'", e.getMessage());
    }
}
