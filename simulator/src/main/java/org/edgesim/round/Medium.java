package org.edgesim.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.EventHandle;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;
import org.edgesim.radio.TdmaFrame;

/**
 * The air several cells share (issue 28). A transfer on a band is received at SINR
 * {@code S / (N + I)} and sends at {@code B eff(SINR)}, {@code eff} its protocol's law (Shannon, or
 * the ergodic rate under Rayleigh fading). The interference {@code I} at one of its receivers is
 * {@code (B / W) sum_j P_j d_j g(j -> receiver)} over the other cells' transfers {@code j} on the
 * same band while they send: each transmitter's power {@code P_j} spread evenly over the band
 * {@code W} (so a receiver on {@code B} of it hears {@code B / W} of it: the mean over where the
 * shares sit in the band), times its duty {@code d_j} (its slot's share of a TDMA frame, 1 when it
 * sends all the time: frames are not aligned across cells, so a slotted interferer counts at its mean
 * power), times the mean path gain {@code g} between them (interfering links are not faded). The
 * rates are piecewise constant between the instants a transfer on the band starts or ends; at each,
 * every transfer on the band is advanced by the bits it sent and re-rated (one event per band: its
 * earliest completion). Transfers of one cell never interfere (FDMA shares and TDMA slots are
 * orthogonal). Each direction has its own bands (frequency-division duplex). What each cell heard
 * is measured, for its schedulers' next round.
 */
public final class Medium {
    /**
     * One transfer's radio side.
     *
     * @param cell       the cell it belongs to
     * @param band       its band (0 .. reuse - 1)
     * @param uplink     its direction
     * @param bandwidth  the bandwidth it occupies, Hz
     * @param power      its transmitter's power, W
     * @param from       where its transmitter stands
     * @param to         where its receivers stand (one, or a broadcast's every receiver: the weakest sets the rate)
     * @param received   per receiver, the power its own signal arrives with, W
     * @param noise      the noise it is received over, W
     * @param efficiency bit/s/Hz at an SINR
     * @param frame      its TDMA frame, or null when it sends all the time
     * @param slot       its slot in the frame
     * @param sender     its transmitter: a device's index on the uplink, a site's on the downlink
     * @param receivers  per receiver, its index: the site's on the uplink, the devices' on the downlink
     */
    public record Signal(int cell, int band, boolean uplink, double bandwidth, double power, Position from,
                         Position[] to, double[] received, double noise, DoubleUnaryOperator efficiency,
                         TdmaFrame frame, int slot, int sender, int[] receivers) {
        /** The share of the time it sends. */
        double duty() {
            return frame == null ? 1.0 : frame.slot(slot) / frame.frame();
        }
    }

    private static final class Transfer {
        private final Signal signal;
        private final String kind;
        private final String who;
        private final double total;
        private final DoubleConsumer sending;
        private final EventAction then;
        private double left;
        private double rate;
        /** The mean interference over its receivers now, W. */
        private double heard;
        private double since;
        /** When it will be through at its rate now. */
        private double end;

        private Transfer(Signal signal, double bits, String kind, String who, DoubleConsumer sending, EventAction then) {
            this.signal = signal;
            this.total = bits;
            this.left = bits;
            this.kind = kind;
            this.who = who;
            this.sending = sending;
            this.then = then;
        }
    }

    private final Kernel kernel;
    private final PathGains gains;
    private final double minDistance;
    private final double bandHz;
    private final Map<Long, List<Transfer>> active = new HashMap<>();
    /**
     * Per band, the one event pending: the earliest completion. One event per band, not per
     * transfer: every start or end re-rates every transfer on the band, and cancelled events per
     * transfer would pile up as n^2.
     */
    private final Map<Long, EventHandle> next = new HashMap<>();
    /** Per cell and direction: the time integral of the interference density heard (W/Hz s) and the time heard (s). */
    private final double[][] heardIntegral;
    private final double[][] heardTime;

    /**
     * @param cells       how many cells share it
     * @param bandHz      the width of one band, {@code W}, Hz
     * @param gains       the mean path gain between a transmitter and another cell's receiver
     * @param minDistance the distance below which the path gain is taken at it, m
     */
    public Medium(Kernel kernel, int cells, double bandHz, PathGains gains, double minDistance) {
        this.kernel = kernel;
        this.bandHz = bandHz;
        this.gains = gains;
        this.minDistance = minDistance;
        this.heardIntegral = new double[cells][2];
        this.heardTime = new double[cells][2];
    }

    /** The width of one band, Hz. */
    public double bandHz() {
        return bandHz;
    }

    /**
     * Starts sending {@code bits} now; {@code sending} is told each stretch of time the transmitter
     * sends (its airtime); {@code then} runs when the last bit is through (an event {@code kind} of
     * {@code who}).
     */
    public void send(Signal signal, double bits, String kind, String who, DoubleConsumer sending, EventAction then) {
        Transfer t = new Transfer(signal, bits, kind, who, sending, then);
        long band = key(signal);
        List<Transfer> on = active.computeIfAbsent(band, b -> new ArrayList<>());
        advance(on);
        on.add(t);
        reschedule(band, on);
    }

    /**
     * The interference density cell {@code cell} heard on its {@code uplink} (else downlink)
     * transfers since the last {@link #resetHeard}, averaged over their sending time, W/Hz (0 when
     * it heard nothing).
     */
    public double heard(int cell, boolean uplink) {
        int d = uplink ? 0 : 1;
        return heardTime[cell][d] == 0 ? 0.0 : heardIntegral[cell][d] / heardTime[cell][d];
    }

    /** Starts measuring afresh (at a round's start). */
    public void resetHeard() {
        for (int c = 0; c < heardTime.length; c++) {
            java.util.Arrays.fill(heardIntegral[c], 0.0);
            java.util.Arrays.fill(heardTime[c], 0.0);
        }
    }

    private static long key(Signal s) {
        return 2L * s.band() + (s.uplink() ? 0 : 1);
    }

    /**
     * The mean gain from {@code sender} at {@code a} to {@code receiver} at {@code b}: the link of the
     * device and the site among them (the sender is the device on the uplink, the site on the downlink).
     */
    private double gain(boolean uplink, int sender, Position a, int receiver, Position b) {
        double d = Math.max(minDistance, Math.hypot(a.x() - b.x(), a.y() - b.y()));
        return uplink ? gains.gain(sender, a, receiver, b, d) : gains.gain(receiver, b, sender, a, d);
    }

    /**
     * What the band's receivers hear now, computed once per receiver and cell: the transmitters
     * grouped by cell and sender (a site's transfers send from one place), their power times duty
     * summed; a receiver of cell {@code c} hears every other cell's groups at the path gain of the
     * link between them. So a round of {@code n} transfers in {@code C} cells costs O(n C) per
     * event, not O(n^2): an uplink's receivers are the C sites, a downlink's transmitters are.
     */
    private final class Hearing {
        private final List<int[]> cells = new ArrayList<>();
        private final List<Position> from = new ArrayList<>();
        private final List<double[]> power = new ArrayList<>();
        private final List<Integer> senders = new ArrayList<>();
        private final Map<Long, Double> heard = new HashMap<>();
        private final boolean uplink;

        Hearing(List<Transfer> on) {
            Map<Integer, Map<Integer, Integer>> groups = new HashMap<>();
            boolean up = true;
            for (Transfer o : on) {
                Signal s = o.signal;
                up = s.uplink();
                int g = groups.computeIfAbsent(s.sender(), p -> new HashMap<>()).computeIfAbsent(s.cell(), c -> {
                    cells.add(new int[] {c});
                    from.add(s.from());
                    senders.add(s.sender());
                    power.add(new double[1]);
                    return from.size() - 1;
                });
                power.get(g)[0] += s.power() * s.duty();
            }
            this.uplink = up;
        }

        /**
         * The interference, W, receiver {@code receiver} of cell {@code cell} at {@code at} hears on a
         * share {@code bandwidth}.
         */
        double at(int cell, int receiver, Position at, double bandwidth) {
            long key = (long) receiver * Integer.MAX_VALUE + cell;
            Double raw = heard.get(key);
            if (raw == null) {
                double i = 0;
                for (int g = 0; g < from.size(); g++) {
                    if (cells.get(g)[0] != cell) {
                        i += power.get(g)[0] * gain(uplink, senders.get(g), from.get(g), receiver, at);
                    }
                }
                raw = i;
                heard.put(key, raw);
            }
            return raw * bandwidth / bandHz;
        }
    }

    private void advance(List<Transfer> on) {
        double now = kernel.now();
        for (Transfer t : on) {
            double air = airtime(t, now);
            t.left = Math.max(0, t.left - t.rate * air);
            t.sending.accept(air);
            int d = t.signal.uplink() ? 0 : 1;
            heardIntegral[t.signal.cell()][d] += t.heard / t.signal.bandwidth() * air;
            heardTime[t.signal.cell()][d] += air;
            t.since = now;
        }
    }

    private static double airtime(Transfer t, double now) {
        Signal s = t.signal;
        return s.frame() == null ? now - t.since : s.frame().airtime(s.slot(), t.since, now);
    }

    private void reschedule(long band, List<Transfer> on) {
        double now = kernel.now();
        Hearing hearing = new Hearing(on);
        Transfer first = null;
        for (Transfer t : on) {
            Signal s = t.signal;
            double worst = Double.POSITIVE_INFINITY;
            double heard = 0;
            for (int r = 0; r < s.to().length; r++) {
                double i = hearing.at(s.cell(), s.receivers()[r], s.to()[r], s.bandwidth());
                heard += i;
                worst = Math.min(worst, s.efficiency().applyAsDouble(s.received()[r] / (s.noise() + i)));
            }
            t.heard = heard / s.to().length;
            t.rate = s.bandwidth() * worst;
            t.since = now;
            t.end = s.frame() == null ? now + t.left / t.rate : s.frame().completion(s.slot(), now, t.left, t.rate);
            first = first == null || t.end < first.end ? t : first;
        }
        EventHandle pending = next.remove(band);
        if (pending != null) {
            pending.cancel();
        }
        if (first != null) {
            Transfer t = first;
            next.put(band, kernel.scheduleAt(t.end, t.kind, Work.bits(t.who, t.total), () -> finish(t)));
        }
    }

    private void finish(Transfer t) {
        long band = key(t.signal);
        List<Transfer> on = active.get(band);
        next.remove(band);
        advance(on);
        on.remove(t);
        t.left = 0;
        reschedule(band, on);
        t.then.run();
    }
}
