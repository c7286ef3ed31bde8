package org.edgesim.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class RandomStreamsTest {
    private static double[] draws(RandomStream s, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = s.nextDouble();
        }
        return d;
    }

    @Test
    void aKeyGivesTheSameDrawsWhateverElseWasCreatedBefore() {
        RandomStreams a = new RandomStreams(42);
        double[] first = draws(a.stream("fading/device-3/up"), 100);
        RandomStreams b = new RandomStreams(42);
        for (int i = 0; i < 50; i++) {
            b.stream("noise/" + i).nextDouble();
        }
        assertArrayEquals(first, draws(b.stream("fading/device-3/up"), 100));
    }

    @Test
    void differentKeysAndSeedsGiveDifferentDraws() {
        RandomStreams a = new RandomStreams(42);
        assertNotEquals(a.stream("x").nextDouble(), a.stream("y").nextDouble());
        assertNotEquals(a.stream("x").nextDouble(), new RandomStreams(43).stream("x").nextDouble());
    }

    @Test
    void replicationsAreSubstreamsOfTheSameStream() {
        RandomStream base = new RandomStreams(5).stream("k");
        base.resetNextSubstream();
        base.resetNextSubstream();
        assertArrayEquals(draws(base, 10), draws(new RandomStreams(5, 2).stream("k"), 10));
        assertArrayEquals(draws(new RandomStreams(5).forReplication(2).stream("k"), 10),
                draws(new RandomStreams(5, 2).stream("k"), 10));
    }

    @Test
    void theSubstreamJumpEqualsRepeatedResetNextSubstream() {
        for (int r : new int[] {1, 2, 3, 7, 64, 255, 1000, 1537}) {
            RandomStream stepped = new RandomStreams(9).stream("jump/" + r);
            for (int i = 0; i < r; i++) {
                stepped.resetNextSubstream();
            }
            assertArrayEquals(draws(stepped, 20), draws(new RandomStreams(9, r).stream("jump/" + r), 20), "r = " + r);
        }
    }

    @Test
    void mulModIsExactForLargeOperands() {
        long m = 4294967087L;
        for (long a : new long[] {1, 2, 65535, 65536, m - 1, 3_000_000_000L}) {
            for (long b : new long[] {1, 65535, 65536, m - 1, 4_000_000_000L % m}) {
                long expected = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                        .mod(java.math.BigInteger.valueOf(m)).longValueExact();
                assertEquals(expected, SubstreamJump.mulMod(a, b, m), a + " * " + b);
            }
        }
    }

    @Test
    void seedsAreValidMrg32k3aSeeds() {
        for (int i = 0; i < 1000; i++) {
            long[] seed = RandomStreams.seedFor(i, "key-" + i);
            for (int j = 0; j < 6; j++) {
                long m = j < 3 ? 4294967087L : 4294944443L;
                assertTrue(seed[j] > 0 && seed[j] < m, "component " + j + " = " + seed[j]);
            }
        }
    }

    @Test
    void streamsCreatedConcurrentlyMatchStreamsCreatedSequentially() throws Exception {
        RandomStreams streams = new RandomStreams(11);
        List<double[]> sequential = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            sequential.add(draws(streams.stream("k" + i), 20));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String key = "k" + i;
                futures.add(pool.submit(() -> draws(streams.stream(key), 20)));
            }
            for (int i = 0; i < 64; i++) {
                assertArrayEquals(sequential.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void unitExponentialHasMeanOne() {
        RandomStream s = new RandomStreams(3).stream("exp");
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += Draws.unitExponential(s);
        }
        assertEquals(1.0, sum / n, 4 * 1.0 / Math.sqrt(n));
    }

    @Test
    void aFamilyMemberIsTheStreamOfItsKeyWithOrWithoutAMemo() {
        StreamFamily family = new StreamFamily("test-family", i -> "family/device-" + i);
        SeedMemo memo = new SeedMemo(11);
        for (int r : new int[] {0, 3}) {
            RandomStream[] small = new RandomStreams(11, r, memo).streams(family, 4);
            RandomStream[] large = new RandomStreams(11, r, memo).streams(family, 9); // grows the memo's table
            RandomStream[] plain = new RandomStreams(11, r).streams(family, 9);
            for (int i = 0; i < 9; i++) {
                double[] expected = draws(new RandomStreams(11, r).stream("family/device-" + i), 5);
                if (i < 4) {
                    assertArrayEquals(expected, draws(small[i], 5), "member " + i + ", replication " + r);
                }
                assertArrayEquals(expected, draws(large[i], 5), "member " + i + ", replication " + r);
                assertArrayEquals(expected, draws(plain[i], 5), "member " + i + ", replication " + r);
            }
        }
    }

    @Test
    void aFamilyTooLargeToRememberGivesTheSameStreams() {
        StreamFamily family = new StreamFamily("huge-family", i -> "huge/device-" + i);
        SeedMemo memo = new SeedMemo(5);
        int n = SeedMemo.MAX_REMEMBERED + 1;
        RandomStream[] fromMemo = new RandomStreams(5, 1, memo).streams(family, n);
        RandomStream[] again = new RandomStreams(5, 1, memo).streams(family, n);
        for (int i : new int[] {0, 17, n - 1}) {
            double[] expected = draws(new RandomStreams(5, 1).stream("huge/device-" + i), 3);
            assertArrayEquals(expected, draws(fromMemo[i], 3), "member " + i);
            assertArrayEquals(expected, draws(again[i], 3), "member " + i + ", derived afresh");
        }
    }
}
