package org.edgesim.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import umontreal.ssj.rng.RandomStream;

/**
 * When devices are away ({@code devices.availability}), for every protocol. Each round a device
 * opens a {@link Session} over the computations it will make that round; the session answers,
 * computation by computation, where that computation pauses and for how long. With a trace the
 * pauses are the trace's outages met from the computation's start; with the on/off model the
 * device drops out with probability {@code dropout} per round, after a uniformly drawn fraction of
 * the round's work, for an exponential outage of mean {@code offTime} (three draws, in this order,
 * from {@code availability/device-k}; only the first when it stays). A device still away when its
 * next round's computation starts (the server went on without it) first waits for its return.
 * Without availability nothing pauses and nothing is drawn.
 */
public final class Availability {
    static final StreamFamily STREAMS = new StreamFamily("availability", i -> "availability/device-" + i);

    /** Always available: nothing pauses, nothing is drawn. */
    public static final Availability ALWAYS = new Availability(false, 0, 0, null, null);

    private final boolean modelled;
    private final double dropout;
    private final double offTime;
    private final AvailabilityTrace trace;
    private final RandomStream[] streams;
    /** On/off model: per device, the simulated time it is back from its last dropout. */
    private final double[] awayUntil;

    private Availability(boolean modelled, double dropout, double offTime, AvailabilityTrace trace,
                         RandomStream[] streams) {
        this.modelled = modelled;
        this.dropout = dropout;
        this.offTime = offTime;
        this.trace = trace;
        this.streams = streams;
        this.awayUntil = streams == null ? null : new double[streams.length];
    }

    /** The on/off model for {@code devices} devices: a dropout of probability {@code dropout} per round, outages of mean {@code offTime} s. */
    public static Availability onOff(double dropout, double offTime, RandomStreams streams, int devices) {
        return new Availability(true, dropout, offTime, null, streams.streams(STREAMS, devices));
    }

    /**
     * The outages of the CSV file {@code trace} ({@code device,off,on}).
     *
     * @throws IllegalArgumentException when the trace cannot be read, naming its file and line
     */
    public static Availability trace(Path trace, int devices) {
        return new Availability(true, 0, 0, AvailabilityTrace.read(trace, devices), null);
    }

    /** Whether the scenario describes availability at all (then the protocols report outages). */
    public boolean modelled() {
        return modelled;
    }

    /**
     * Device {@code k}'s round, whose computations add up to {@code work} seconds (the on/off
     * model's dropout falls somewhere in them); draws the round's dropout now.
     */
    public Session session(int k, double work) {
        if (streams == null) {
            return new Session(k, Double.NaN, 0);
        }
        RandomStream s = streams[k];
        if (s.nextDouble() >= dropout) {
            return new Session(k, Double.NaN, 0);
        }
        double at = s.nextDouble() * work;
        return new Session(k, at, offTime * Draws.unitExponential(s));
    }

    /** A device's computations in one round, in the order it makes them. */
    public final class Session {
        private final int k;
        /** Work done when the on/off model's dropout comes (NaN: none this round). */
        private final double dropAt;
        private final double dropLength;
        private double done;
        private double outage;

        private Session(int k, double dropAt, double dropLength) {
            this.k = k;
            this.dropAt = dropAt;
            this.dropLength = dropLength;
        }

        /** The pauses of the next computation, of {@code work} seconds, started at simulated time {@code start}. */
        public List<AvailabilityTrace.Pause> next(double start, double work) {
            List<AvailabilityTrace.Pause> p;
            if (trace != null) {
                p = trace.pauses(k, start, work);
            } else if (awayUntil == null) {
                p = List.of();
            } else {
                p = new ArrayList<>(2);
                double carried = Math.max(0, awayUntil[k] - start);
                if (carried > 0) {
                    p.add(new AvailabilityTrace.Pause(0, carried));
                }
                if (dropAt >= done && dropAt < done + work) {
                    AvailabilityTrace.Pause q = new AvailabilityTrace.Pause(dropAt - done, dropLength);
                    p.add(q);
                    awayUntil[k] = start + carried + q.workBefore() + q.length();
                }
            }
            done += work;
            for (AvailabilityTrace.Pause q : p) {
                outage += q.length();
            }
            return p;
        }

        /** How long the device has been away in the computations asked about so far, s. */
        public double outage() {
            return outage;
        }
    }
}
