package org.edgesim.bench;

import java.util.List;
import java.util.Locale;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.djl.PlainDjlLoop;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;

/**
 * Training throughput inside simulated FEEL rounds against DJL trained directly. A round: the
 * server's model is "broadcast"; each of {@code devices} devices computes, as an event at its
 * simulated finish time, its batch; the last event computes the gradient over the union of the
 * batches (FEEL's batch-size-weighted average, as one pass), applies it and schedules the next round. The reference trains
 * the same model with DJL's {@code Trainer} on batches of the same size.
 */
public final class LearningBenchmark {
    /** One model's figures. */
    public record Result(String model, int batch, double simulatorSamplesPerS, double plainSamplesPerS,
                         double flopsPerSample) {
        public double ratio() {
            return simulatorSamplesPerS / plainSamplesPerS;
        }

        /** FLOP/s of the training steps inside simulated rounds (forward and backward). */
        public double flopsPerSecond() {
            return simulatorSamplesPerS * flopsPerSample;
        }
    }

    private LearningBenchmark() {
    }

    public static Result measure(ModelSpec spec, Samples data, int devices, int batch, int rounds) {
        double plain = PlainDjlLoop.samplesPerSecond(spec, data, batch, rounds * devices, 0.05);
        double simulated = simulatedRounds(spec, data, devices, batch, rounds);
        var profile = org.edgesim.learning.model.Profiles.of(spec, data.sampleShape());
        return new Result(spec.name(), batch, simulated, plain,
                profile.flopsForwardPerSample() + profile.flopsBackwardPerSample());
    }

    /**
     * The CPU time of the simulated rounds with the data resident in the engine divided by that with
     * rows copied from Java on every call, measured in one run (copied first, then resident).
     */
    public static double residentRatio(ModelSpec spec, Samples data, int devices, int batch, int rounds) {
        double copied = org.edgesim.learning.djl.RowCopies.during(() -> simulatedRounds(spec, data, devices, batch, rounds));
        double resident = simulatedRounds(spec, data, devices, batch, rounds);
        return copied / resident;
    }

    public static String formatResident(ModelSpec spec, double ratio) {
        return String.format(Locale.ROOT, "  %s: data resident in the engine take %.2fx the time of rows copied per call",
                spec.name(), ratio);
    }

    /** As {@link #format(Result)}, with the FLOP/s as a share of {@code limit} (the machine's matmul rate). */
    public static String format(Result r, double limit) {
        return format(r) + String.format(Locale.ROOT, "  %.2f GFLOP/s = %.1f%% of the %.1f GFLOP/s matmul limit",
                r.flopsPerSecond() / 1e9, 100 * r.flopsPerSecond() / limit, limit / 1e9);
    }

    static double simulatedRounds(ModelSpec spec, Samples data, int devices, int batch, int rounds) {
        RandomStreams streams = new RandomStreams(1);
        try (Learner learner = Learners.create(spec, data, Precision.FLOAT32, streams.stream("learning/init"))) {
            Kernel kernel = new Kernel();
            int[] done = {0};
            int[] round = {-1}; // one warm-up round
            long[] start = {0};
            Runnable[] startRound = new Runnable[1];
            List<int[]> arrived = new java.util.ArrayList<>();
            startRound[0] = () -> {
                if (round[0] == 0) {
                    start[0] = System.nanoTime();
                }
                for (int d = 0; d < devices; d++) {
                    int device = d;
                    int[] idx = new int[batch];
                    for (int i = 0; i < batch; i++) {
                        idx[i] = Math.floorMod(((round[0] + 1) * devices + device) * batch + i, data.size());
                    }
                    kernel.schedule(0.01 * (1 + device), "gradient", "device-" + device, () -> {
                        arrived.add(idx);
                        if (++done[0] == devices) {
                            done[0] = 0;
                            // As FEEL's server does: one pass over the union of the arrived batches.
                            int[] union = arrived.stream().flatMapToInt(java.util.Arrays::stream).toArray();
                            arrived.clear();
                            learner.accumulate(data, union, union.length);
                            learner.applyAccumulated(0.05);
                            if (++round[0] < rounds) {
                                kernel.schedule(0.001, "round", null, startRound[0]::run);
                            } else {
                                kernel.stop();
                            }
                        }
                    });
                }
            };
            kernel.schedule(0, "round", null, startRound[0]::run);
            kernel.run();
            return (double) rounds * devices * batch / ((System.nanoTime() - start[0]) / 1e9);
        }
    }

    public static String format(Result r) {
        return String.format(Locale.ROOT, "%-24s batch %3d  simulator %8.0f samples/s  plain DJL %8.0f samples/s  ratio %.2fx",
                r.model(), r.batch(), r.simulatorSamplesPerS(), r.plainSamplesPerS(), r.ratio());
    }
}
