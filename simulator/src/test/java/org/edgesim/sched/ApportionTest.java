package org.edgesim.sched;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class ApportionTest {
    @Test
    void partsSumExactlyToTheTotalAndStayWithinOneOfTheQuotaUnlessAMinimumBinds() {
        RandomStream r = new RandomStreams(3).stream("test/apportion");
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + r.nextInt(0, 30);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = r.nextDouble() * (r.nextDouble() < 0.1 ? 1e-6 : 1);
            }
            long total = n + r.nextInt(0, 2_000_000);
            long[] parts = Apportion.largestRemainder(w, total, 1);
            assertEquals(total, Arrays.stream(parts).sum());
            double sum = Arrays.stream(w).sum();
            long lifted = Arrays.stream(w).filter(x -> total * x / sum < 1).count();
            for (int i = 0; i < n; i++) {
                assertTrue(parts[i] >= 1);
                double quota = total * w[i] / sum;
                double slack = 1 + lifted; // each part lifted to the minimum may cost a donor one unit
                assertTrue(Math.abs(parts[i] - quota) < slack, "part " + parts[i] + " quota " + quota);
            }
        }
    }

    @Test
    void exactQuotasAreKeptAndTiesGoToTheLowerIndex() {
        assertArrayEquals(new long[] {2, 4, 6}, Apportion.largestRemainder(new double[] {1, 2, 3}, 12, 0));
        assertArrayEquals(new long[] {2, 1}, Apportion.largestRemainder(new double[] {1, 1}, 3, 0));
        assertArrayEquals(new long[] {1, 9}, Apportion.largestRemainder(new double[] {1e-9, 1}, 10, 1));
    }

    @Test
    void impossibleRequestsSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> Apportion.largestRemainder(new double[] {1, 1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Apportion.largestRemainder(new double[] {0, 0}, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Apportion.largestRemainder(new double[] {-1, 2}, 10, 0));
    }
}
