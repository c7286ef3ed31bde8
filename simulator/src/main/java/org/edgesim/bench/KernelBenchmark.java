package org.edgesim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * The kernel's event rate against a plain {@link PriorityQueue} loop doing the same work: a fixed
 * population of pending events, each of which, when it fires, reschedules itself after an
 * exponential delay drawn from MRG32k3a. Both sides allocate one event object per firing and
 * order by (time, sequence). Rounds alternate between the two so drift hits both alike.
 */
public final class KernelBenchmark {
    /** One measured configuration. */
    public record Result(int pending, long events, double kernelEventsPerS, double queueEventsPerS) {
        public double ratio() {
            return kernelEventsPerS / queueEventsPerS;
        }
    }

    private KernelBenchmark() {
    }

    /** Measures with {@code pending} events in flight, {@code events} firings per repetition. */
    public static Result measure(int pending, long events, int repetitions) {
        // Warm-up: let the JIT compile both loops.
        for (int i = 0; i < 2; i++) {
            kernelRun(pending, Math.min(events, 2_000_000));
            queueRun(pending, Math.min(events, 2_000_000));
        }
        double bestKernel = 0;
        double bestQueue = 0;
        for (int r = 0; r < repetitions; r++) {
            bestKernel = Math.max(bestKernel, kernelRun(pending, events));
            bestQueue = Math.max(bestQueue, queueRun(pending, events));
        }
        return new Result(pending, events, bestKernel, bestQueue);
    }

    /** Events per second of the kernel. */
    static double kernelRun(int pending, long events) {
        Kernel kernel = new Kernel();
        RandomStream stream = new RandomStreams(1).stream("bench/delays");
        long[] fired = {0};
        final class Tick implements EventAction {
            @Override
            public void run() {
                if (++fired[0] >= events) {
                    kernel.stop();
                    return;
                }
                kernel.schedule(Draws.unitExponential(stream), "tick", null, this);
            }
        }
        Tick tick = new Tick();
        for (int i = 0; i < pending; i++) {
            kernel.schedule(Draws.unitExponential(stream), "tick", null, tick);
        }
        long t0 = System.nanoTime();
        kernel.run();
        return fired[0] / ((System.nanoTime() - t0) / 1e9);
    }

    private static final class QueuedEvent {
        final double time;
        final long sequence;

        QueuedEvent(double time, long sequence) {
            this.time = time;
            this.sequence = sequence;
        }
    }

    /** Events per second of the plain loop. */
    static double queueRun(int pending, long events) {
        PriorityQueue<QueuedEvent> queue = new PriorityQueue<>(Math.max(16, pending),
                (a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
        RandomStream stream = new RandomStreams(1).stream("bench/delays");
        long sequence = 0;
        for (int i = 0; i < pending; i++) {
            queue.add(new QueuedEvent(Draws.unitExponential(stream), sequence++));
        }
        long fired = 0;
        long t0 = System.nanoTime();
        while (!queue.isEmpty()) {
            QueuedEvent e = queue.poll();
            if (++fired >= events) {
                break;
            }
            queue.add(new QueuedEvent(e.time + Draws.unitExponential(stream), sequence++));
        }
        return fired / ((System.nanoTime() - t0) / 1e9);
    }

    /** The standard comparison: ~10 and ~100,000 pending events. */
    public static List<Result> standard(long events, int repetitions) {
        List<Result> results = new ArrayList<>();
        for (int pending : new int[] {10, 100_000}) {
            results.add(measure(pending, events, repetitions));
        }
        return results;
    }

    public static String format(Result r) {
        return String.format(Locale.ROOT, "pending %,7d  kernel %6.2f M events/s  PriorityQueue %6.2f M events/s  ratio %.2fx",
                r.pending(), r.kernelEventsPerS() / 1e6, r.queueEventsPerS() / 1e6, r.ratio());
    }
}
