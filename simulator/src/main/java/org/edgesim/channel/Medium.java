package org.edgesim.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.EventHandle;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.radio.Position;
import org.edgesim.radio.TdmaFrame;

/**
 * The air several cells share. A transfer on a band is received at SINR
 * {@code S / (N + I)} and sends at {@code B eff(SINR)}, {@code eff} its protocol's law (Shannon, or
 * the ergodic rate under Rayleigh fading). The interference {@code I} at one of its receivers is
 * {@code (B / W) sum_j P_j d_j g(j -> receiver)} over the other cells' transfers {@code j} on the
 * same band while they send: each transmitter's power {@code P_j} spread evenly over the band
 * {@code W} (so a receiver on {@code B} of it hears {@code B / W} of it: the mean over where the
 * shares sit in the band), times its duty {@code d_j} (its slot's share of a TDMA frame, 1 when it
 * sends all the time: frames are not aligned across cells, so a slotted interferer counts at its mean
 * power), times the mean path gain {@code g} between them (interfering links are not faded). The
 * rates are piecewise constant between the instants a transfer on the band starts or ends; at each,
 * every transfer on the band is advanced by the bits it sent and re-rated, once per instant and band
 * (one event per band: its earliest completion). Transfers of one cell never interfere (FDMA shares and TDMA slots are
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
        /** Its receivers' interference, per receiver of the signal. */
        private Receiver[] at;

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

    /**
     * One band's transmitters grouped by sender and cell (a site's transfers send from one place),
     * each with its power times duty summed; and the receivers of its transfers, each with the
     * interference it hears: kept up to date as transfers start and end ({@code O(C)} or
     * {@code O(n)} per event: the groups of the other cells a new receiver hears, the receivers a
     * changed group reaches), never summed afresh, so a round of {@code n} transfers in {@code C}
     * cells costs {@code O(n)} per event for the re-rating, not {@code O(n C)} path gains. The gain
     * between a group and a receiver is taken once, while both are on the band.
     */
    private static final class Band {
        private final boolean uplink;
        private final List<Transfer> on = new ArrayList<>();
        private final Map<Place, Group> groups = new LinkedHashMap<>();
        private final Map<Place, Receiver> receivers = new LinkedHashMap<>();
        /** Whether a re-rating is asked for at the end of the event now firing. */
        private boolean dirty;

        private Band(boolean uplink) {
            this.uplink = uplink;
        }
    }

    /**
     * A transmitter or receiver on the band: its index (a device's or a site's), its cell and where it
     * stands (a device that moved while a late transfer of it still runs is another one there).
     */
    private record Place(int index, int cell, Position at) {
    }

    private static final class Group {
        private final Place key;
        private final int cell;
        private final int sender;
        private final Position from;
        private double power;
        private int transfers;

        private Group(Place key, int cell, int sender, Position from) {
            this.key = key;
            this.cell = cell;
            this.sender = sender;
            this.from = from;
        }
    }

    private static final class Receiver {
        private final Place place;
        private final int cell;
        private final int index;
        private final Position at;
        /** The interference it hears now, W over the whole band. */
        private double heard;
        private int transfers;
        /** The path gain from each group of another cell on the band, by its place. */
        private final Map<Place, Double> gains = new HashMap<>();

        private Receiver(Place place, int cell, int index, Position at) {
            this.place = place;
            this.cell = cell;
            this.index = index;
            this.at = at;
        }
    }

    private final Kernel kernel;
    private final PathGains gains;
    private final double minDistance;
    private final double bandHz;
    private final Map<Long, Band> active = new HashMap<>();
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
        long key = key(signal);
        Band band = active.computeIfAbsent(key, b -> new Band(signal.uplink()));
        advance(band.on);
        t.since = kernel.now();
        band.on.add(t);
        Place g = new Place(signal.sender(), signal.cell(), signal.from());
        Group group = band.groups.computeIfAbsent(g, k -> new Group(k, signal.cell(), signal.sender(), signal.from()));
        group.transfers++;
        spread(band, group, signal.power() * signal.duty());
        t.at = new Receiver[signal.to().length];
        for (int r = 0; r < signal.to().length; r++) {
            Place rk = new Place(signal.receivers()[r], signal.cell(), signal.to()[r]);
            Receiver rx = band.receivers.get(rk);
            if (rx == null) {
                rx = new Receiver(rk, signal.cell(), signal.receivers()[r], signal.to()[r]);
                band.receivers.put(rk, rx);
                for (Group o : band.groups.values()) {
                    if (o.cell != rx.cell) {
                        rx.heard += o.power * gain(band, o, rx);
                    }
                }
            }
            rx.transfers++;
            t.at[r] = rx;
        }
        rerate(key, band);
    }

    /**
     * Re-rates the band once the event now firing is done: the transfers an instant starts (a
     * round's every upload, say) are re-rated together, once, not once each.
     */
    private void rerate(long key, Band band) {
        if (!band.dirty) {
            band.dirty = true;
            kernel.atEventEnd(() -> {
                band.dirty = false;
                reschedule(key, band);
            });
        }
    }

    /** Group {@code group}'s power changes by {@code delta}: every receiver of another cell hears the change. */
    private void spread(Band band, Group group, double delta) {
        group.power += delta;
        for (Receiver rx : band.receivers.values()) {
            if (rx.cell != group.cell) {
                rx.heard = Math.max(0, rx.heard + delta * gain(band, group, rx));
            }
        }
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
     * The mean gain from {@code group}'s transmitter to {@code rx}: the link of the device and the
     * site among them (the sender is the device on the uplink, the site on the downlink); taken
     * once per pair while both are on the band.
     */
    private double gain(Band band, Group group, Receiver rx) {
        Double g = rx.gains.get(group.key);
        if (g == null) {
            Position a = group.from;
            Position b = rx.at;
            double d = Math.max(minDistance, Math.hypot(a.x() - b.x(), a.y() - b.y()));
            g = band.uplink ? gains.gain(group.sender, a, rx.index, b, d) : gains.gain(rx.index, b, group.sender, a, d);
            rx.gains.put(group.key, g);
        }
        return g;
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

    private void reschedule(long key, Band band) {
        double now = kernel.now();
        Transfer first = null;
        for (Transfer t : band.on) {
            Signal s = t.signal;
            double worst = Double.POSITIVE_INFINITY;
            double heard = 0;
            for (int r = 0; r < s.to().length; r++) {
                double i = t.at[r].heard * s.bandwidth() / bandHz;
                heard += i;
                worst = Math.min(worst, s.efficiency().applyAsDouble(s.received()[r] / (s.noise() + i)));
            }
            t.heard = heard / s.to().length;
            t.rate = s.bandwidth() * worst;
            t.since = now;
            t.end = s.frame() == null ? now + t.left / t.rate : s.frame().completion(s.slot(), now, t.left, t.rate);
            first = first == null || t.end < first.end ? t : first;
        }
        EventHandle pending = next.remove(key);
        if (pending != null) {
            pending.cancel();
        }
        if (first != null) {
            Transfer t = first;
            next.put(key, kernel.scheduleAt(t.end, t.kind, Work.bits(t.who, t.total), () -> finish(t)));
        }
    }

    private void finish(Transfer t) {
        long key = key(t.signal);
        Band band = active.get(key);
        next.remove(key);
        advance(band.on);
        band.on.remove(t);
        t.left = 0;
        Signal s = t.signal;
        Group group = band.groups.get(new Place(s.sender(), s.cell(), s.from()));
        if (--group.transfers == 0) {
            // Its last transfer: it sends nothing more; what it added goes, and its gains with it.
            spread(band, group, -group.power);
            band.groups.remove(group.key);
            for (Receiver rx : band.receivers.values()) {
                rx.gains.remove(group.key);
            }
        } else {
            spread(band, group, -s.power() * s.duty());
        }
        for (Receiver rx : t.at) {
            if (--rx.transfers == 0) {
                band.receivers.remove(rx.place);
            }
        }
        if (band.on.isEmpty()) {
            // Nothing on the band: every sum back to an exact zero.
            band.groups.clear();
            band.receivers.clear();
        }
        rerate(key, band);
        t.then.run();
    }
}
