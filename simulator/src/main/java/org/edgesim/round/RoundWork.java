package org.edgesim.round;

import java.util.Locale;
import org.edgesim.channel.Link;
import org.edgesim.device.Availability;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.radio.TdmaFrame;

/**
 * What the devices do in one round, as events: the device-activity layer every protocol's phases
 * run on. A computation is stretched by the device's jitter and paused while it is away; a transfer
 * goes over its {@link Link} (constant, in fading blocks, in a TDMA slot) with its lost packets
 * resent; and both are metered here, once: a computation's nominal time when it completes, a
 * device's transmitting time as it sends, the bits it resent. What a device does for the round
 * after the round ended (a late update) is still the round's.
 */
public final class RoundWork {
    /** The sender index of the access point (or edge server) in {@link #send}. */
    public static final int ACCESS_POINT = -1;

    private final DeviceActivity activity;
    private final Kernel kernel;
    private final double[] speedHz;
    /** Per device of the round (its cell's), its index in the deployment. */
    private final int[] global;
    private final Availability.Session[] sessions;
    private final double[] computing;
    private final double[] airtime;
    private final double[] resent;
    private double resentByAccessPoint;

    /** The work of devices {@code global} (indices in the deployment), at clocks {@code speedHz}, indexed as in {@code global}. */
    RoundWork(DeviceActivity activity, double[] speedHz, int[] global) {
        this.activity = activity;
        this.kernel = activity.kernel();
        this.speedHz = speedHz.clone();
        this.global = global.clone();
        int n = speedHz.length;
        this.sessions = new Availability.Session[n];
        this.computing = new double[n];
        this.airtime = new double[n];
        this.resent = new double[n];
    }

    /**
     * Opens device {@code k}'s round of computations, which add up to {@code work} nominal seconds
     * (the on/off availability model's dropout falls in them; its draws are made now).
     */
    public void open(int k, double work) {
        sessions[k] = activity.availability().session(global[k], work);
    }

    /**
     * Device {@code k}'s one computation of the round: {@code nominal} seconds, stretched by its
     * jitter; the round's dropout falls within the realised duration. Then {@code then}.
     *
     * @return the realised duration, without the time away
     */
    public double computeOnce(int k, double nominal, String who, EventAction then) {
        double t = activity.slowdowns().apply(global[k], nominal);
        open(k, t);
        run(k, nominal, t, who, then);
        return t;
    }

    /**
     * One of device {@code k}'s computations in its open round ({@link #open}): {@code nominal}
     * seconds, stretched by a fresh jitter draw, paused while the device is away.
     *
     * @return the realised duration, without the time away
     */
    public double compute(int k, double nominal, String who, EventAction then) {
        double t = activity.slowdowns().apply(global[k], nominal);
        run(k, nominal, t, who, then);
        return t;
    }

    private void run(int k, double nominal, double realised, String who, EventAction then) {
        Computation.run(kernel, who, realised, sessions[k].next(kernel.now(), realised), () -> {
            computing[k] += nominal;
            then.run();
        });
    }

    /** {@code seconds} of device {@code k}'s computing that nothing stretches or pauses (a model update), event {@code kind}. */
    public void busy(int k, double seconds, String kind, String who, EventAction then) {
        kernel.schedule(seconds, kind, who, () -> {
            computing[k] += seconds;
            then.run();
        });
    }

    /**
     * Sends {@code bits} from now over {@code link}; {@code sender} is the device that transmits
     * (its energy and resent bits are metered) or {@link #ACCESS_POINT}, {@code receiver} the device
     * whose link it is when the access point sends to one. The event {@code kind} of {@code who}
     * ends it, then {@code then} runs.
     *
     * @return how long the transfer takes when that is known as it starts (a {@link Link.Timed} link,
     *         resent packets included), else NaN
     */
    public double send(int sender, int receiver, Link link, double bits, String kind, String who, EventAction then) {
        int owner = sender == ACCESS_POINT ? receiver : sender;
        double extra = activity.retransmitted(owner < 0 ? owner : global[owner], bits);
        if (owner >= 0) {
            resent[owner] += extra;
        } else {
            resentByAccessPoint += extra;
        }
        double total = bits + extra;
        double now = kernel.now();
        if (link instanceof Link.Timed t) {
            double d = extra == 0 ? t.seconds() : t.seconds() * (total / bits);
            requireInTime(who, total, d, () -> "at " + rate(total / d) + " bit/s");
            sending(sender, d);
            kernel.schedule(d, kind, Work.bits(who, total), then);
            return d;
        } else if (link instanceof Link.Blocks b) {
            BlockTransfer.send(kernel, b.rate(), total, kind, who, dt -> sending(sender, dt), then);
        } else if (link instanceof Link.Shared s) {
            s.medium().send(s.signal(), total, kind, who, dt -> sending(sender, dt), then);
        } else if (link instanceof Link.Slotted s) {
            double end = s.frame().completion(s.slot(), now, total, s.rate());
            requireInTime(who, total, end - now, () -> "at " + rate(s.rate()) + " bit/s " + slots(s.frame(), s.slot()));
            sending(sender, total / s.rate());
            kernel.scheduleAt(end, kind, Work.bits(who, total), then);
        } else {
            Link.SlottedBlocks s = (Link.SlottedBlocks) link;
            TdmaFrame.Sent sent = s.frame().send(s.slot(), now, total, s.rate(), now + LONGEST_TRANSFER_S);
            requireInTime(who, total, sent.end() - now, () -> slots(s.frame(), s.slot()));
            sending(sender, sent.airtime());
            kernel.scheduleAt(sent.end(), kind, Work.bits(who, total), then);
        }
        return Double.NaN;
    }

    /**
     * The longest transfer, s: the longest time a scenario may state ({@code Dimension.TIME}). A
     * transfer that would need longer (at a rate that 100-200 dB of shadowing leaves, or in the
     * sliver of a frame left to a strong device when a weak one takes the rest) makes the round
     * infeasible; past it, event times would also lose the precision a slot needs.
     */
    static final double LONGEST_TRANSFER_S = 1e7;

    /**
     * Refuses a transfer of {@code seconds} longer than {@link #LONGEST_TRANSFER_S}, naming {@code who}
     * and {@code how} it would send (written only then: formatting it for every transfer cost a tenth
     * of a round's time).
     */
    private static void requireInTime(String who, double bits, double seconds, java.util.function.Supplier<String> how) {
        if (!(seconds <= LONGEST_TRANSFER_S)) {
            throw new InfeasibleTransferException(String.format(Locale.ROOT, "%s cannot send its %.2e bits in time: %s"
                    + " the transfer would take %s s, more than %,.0f s (the longest time a scenario may state); the"
                    + " round's links are too weak for it (radio.shadowing, distances, powers)", who, bits, how.get(),
                    Double.isInfinite(seconds) ? "ever" : String.format(Locale.ROOT, "%.2e", seconds),
                    LONGEST_TRANSFER_S));
        }
    }

    /** A slot as a message says it: a device's rate is shared out by the slot the plan gave it. */
    private static String slots(TdmaFrame frame, int k) {
        return String.format(Locale.ROOT, "in its %.3g s slot of every %.3g s frame", frame.slot(k), frame.frame());
    }

    private static String rate(double bps) {
        return String.format(Locale.ROOT, "%.3g", bps);
    }

    private void sending(int sender, double seconds) {
        if (sender != ACCESS_POINT) {
            airtime[sender] += seconds;
        }
    }

    /** How long device {@code k} was away during its computations of the round, s. */
    public double outage(int k) {
        return sessions[k] == null ? 0.0 : sessions[k].outage();
    }

    /** Devices away at some point of the round. */
    public int outages() {
        int n = 0;
        for (int k = 0; k < sessions.length; k++) {
            n += outage(k) > 0 ? 1 : 0;
        }
        return n;
    }

    /** Device {@code k}'s computing energy for the round, J (NaN without an energy model). */
    public double computeEnergy(int k) {
        return activity.energy().modelled() ? activity.energy().computing(speedHz[k], computing[k]) : Double.NaN;
    }

    /** Device {@code k}'s transmitting energy for the round, J (NaN without an energy model). */
    public double radioEnergy(int k) {
        return activity.energy().modelled() ? activity.energy().transmitting(airtime[k]) : Double.NaN;
    }

    /** The devices' energy for the round, J (NaN without an energy model). */
    public double energy() {
        if (!activity.energy().modelled()) {
            return Double.NaN;
        }
        double e = 0;
        for (int k = 0; k < speedHz.length; k++) {
            e += computeEnergy(k) + radioEnergy(k);
        }
        return e;
    }

    /** Bits resent on device {@code k}'s links (both ways). */
    public double retransmitted(int k) {
        return resent[k];
    }

    /** Bits resent in the round, the access point's broadcasts included. */
    public double retransmitted() {
        double b = resentByAccessPoint;
        for (double r : resent) {
            b += r;
        }
        return b;
    }
}
