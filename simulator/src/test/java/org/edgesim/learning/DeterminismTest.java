package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    static double[] trace(Dataset data) {
        RandomStreams s = new RandomStreams(51);
        try (Learner l = Learners.create(ModelSpec.lenet(4), data, Precision.FLOAT32, s.stream("learning/init"))) {
            var order = s.stream("learning/order");
            double[] acc = new double[3];
            for (int e = 0; e < 3; e++) {
                Sgd.epoch(l, data, 16, 0.05, order);
                acc[e] = l.evaluate(data).loss();
            }
            return acc;
        }
    }

    @Test
    void sameSeedGivesIdenticalLossTracesAlsoFromParallelThreads() throws Exception {
        Dataset data = TinyData.dense(new RandomStreams(52).stream("test/data"), 96, new int[] {1, 28, 28}, 4);
        double[] first = trace(data);
        double[][] parallel = new double[2][];
        Throwable[] failure = new Throwable[1];
        Thread a = new Thread(() -> parallel[0] = trace(data));
        Thread b = new Thread(() -> parallel[1] = trace(data));
        for (Thread t : new Thread[] {a, b}) {
            t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            t.start();
        }
        a.join();
        b.join();
        if (failure[0] != null) {
            throw new AssertionError("a training thread failed", failure[0]);
        }
        assertArrayEquals(first, parallel[0]);
        assertArrayEquals(first, parallel[1]);
        for (int e = 0; e < first.length; e++) {
            assertEquals(Double.doubleToLongBits(first[e]), Double.doubleToLongBits(parallel[0][e]));
        }
    }
}
