package org.edgesim.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.EventHandle;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;

/**
 * Transfers that interfere (issue 28, several cells): a transfer on a band is received at SINR
 * {@code P g / (N + sum_j P_j g_j)}, the sum over the other cells' transfers on the same band
 * while they send, and runs at {@code B log2(1 + SINR)}. The rates are piecewise constant between
 * the instants a transfer on the band starts or ends; at each, every transfer on the band is
 * advanced by the bits its old rate sent and its completion is rescheduled at its new rate.
 * Transfers of the same cell never interfere (they are orthogonal: FDMA shares, TDMA slots).
 */
public final class Medium {
    /** How strongly a transmitter is received by another cell's receiver: its power times the gain between them, W. */
    @FunctionalInterface
    public interface CrossGain {
        double received(Transfer from, Transfer at);
    }

    /** One transfer on the medium. */
    public static final class Transfer {
        private final int cell;
        private final int band;
        private final String who;
        private final double bandwidth;
        private final double signal;
        private final double noise;
        private final EventAction then;
        private final String kind;
        private final double total;
        private final Object tag;
        private double left;
        private double rate;
        private double since;
        private EventHandle done;

        private Transfer(int cell, int band, String kind, String who, double bits, double bandwidth, double signal,
                         double noise, Object tag, EventAction then) {
            this.cell = cell;
            this.band = band;
            this.kind = kind;
            this.who = who;
            this.total = bits;
            this.left = bits;
            this.bandwidth = bandwidth;
            this.signal = signal;
            this.noise = noise;
            this.tag = tag;
            this.then = then;
        }

        public int cell() {
            return cell;
        }

        /** What the caller attached (e.g. the transmitter's and receiver's positions). */
        public Object tag() {
            return tag;
        }

        /** The rate it sends at now, bit/s. */
        public double rate() {
            return rate;
        }
    }

    private final Kernel kernel;
    private final CrossGain cross;
    private final Map<Integer, List<Transfer>> active = new HashMap<>();

    public Medium(Kernel kernel, CrossGain cross) {
        this.kernel = kernel;
        this.cross = cross;
    }

    /**
     * Starts sending {@code bits} now in cell {@code cell} on band {@code band}: received at power
     * {@code signal} W over noise {@code noise} W on {@code bandwidth} Hz; {@code then} runs when the
     * last bit is through (an event {@code kind} of {@code who}).
     */
    public Transfer send(int cell, int band, double bits, double bandwidth, double signal, double noise, Object tag,
                         String kind, String who, EventAction then) {
        Transfer t = new Transfer(cell, band, kind, who, bits, bandwidth, signal, noise, tag, then);
        List<Transfer> on = active.computeIfAbsent(band, b -> new ArrayList<>());
        advance(on);
        on.add(t);
        reschedule(on);
        return t;
    }

    /** The interference transfer {@code t} receives now, W. */
    public double interference(Transfer t) {
        double i = 0;
        for (Transfer o : active.getOrDefault(t.band, List.of())) {
            if (o != t && o.cell != t.cell) {
                i += cross.received(o, t);
            }
        }
        return i;
    }

    private void advance(List<Transfer> on) {
        double now = kernel.now();
        for (Transfer t : on) {
            t.left = Math.max(0, t.left - t.rate * (now - t.since));
            t.since = now;
        }
    }

    private void reschedule(List<Transfer> on) {
        double now = kernel.now();
        for (Transfer t : on) {
            t.rate = t.bandwidth * Math.log1p(t.signal / (t.noise + interference(t))) / Math.log(2);
            t.since = now;
            if (t.done != null) {
                t.done.cancel();
            }
            t.done = kernel.schedule(t.left / t.rate, t.kind, Work.bits(t.who, t.total), () -> finish(t));
        }
    }

    private void finish(Transfer t) {
        List<Transfer> on = active.get(t.band);
        advance(on);
        on.remove(t);
        t.left = 0;
        reschedule(on);
        t.then.run();
    }
}
