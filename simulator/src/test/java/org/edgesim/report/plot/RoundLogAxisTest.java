package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundLogAxisTest {
    @Test
    void underTwoDecadesTheTicksAreRoundNumbers() {
        // Fig. 5's latencies, 3.9 s to 95 s: not 3.98, 5.01, 6.31, 7.94 but 5, 10, 20, 50.
        assertEquals(List.of(5.0, 10.0, 20.0, 50.0), RoundLogAxis.ticks(3.9, 95));
        // Under half a decade: the finer round numbers.
        assertEquals(List.of(0.2, 0.3, 0.4, 0.5), RoundLogAxis.ticks(0.18, 0.55));
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0), RoundLogAxis.ticks(1, 20));
    }

    @Test
    void twoDecadesOrMoreAndEmptyRangesAreLeftToTheAxis() {
        assertNull(RoundLogAxis.ticks(1, 100));
        assertNull(RoundLogAxis.ticks(0, 10));
        assertNull(RoundLogAxis.ticks(5, 5));
    }
}
