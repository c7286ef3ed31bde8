package org.edgesim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale benchmark's scenarios run, its lines read as documented and its exponent fits a power law. */
class ScaleBenchmarkTest {
    @Test
    void everyProtocolsScenarioRunsAtAThousandDevices() throws Exception {
        for (String protocol : List.of("partel", "feel", "async-mel", "cpsl")) {
            ScaleBenchmark.Point p = ScaleBenchmark.measure(protocol, 1_000, 1);
            assertTrue(p.seconds() > 0 && p.megabytes() > 0, p.line());
            assertTrue(p.line().matches(protocol + " 1,000 devices: [0-9.]+ s per round, [0-9]+ MB"), p.line());
        }
    }

    @Test
    void theExponentIsThatOfAPowerLaw() {
        List<ScaleBenchmark.Point> quadratic = List.of(new ScaleBenchmark.Point("x", 1_000, 0.01, 1),
                new ScaleBenchmark.Point("x", 10_000, 1.0, 1), new ScaleBenchmark.Point("x", 100_000, 100.0, 1));
        assertEquals(2.0, ScaleBenchmark.exponent(quadratic), 1e-12);
        List<ScaleBenchmark.Point> linear = List.of(new ScaleBenchmark.Point("x", 1_000, 0.5, 1),
                new ScaleBenchmark.Point("x", 100_000, 50.0, 1));
        assertEquals(1.0, ScaleBenchmark.exponent(linear), 1e-12);
    }
}
