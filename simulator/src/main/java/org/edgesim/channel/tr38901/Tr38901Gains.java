package org.edgesim.channel.tr38901;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.rng.RandomStream;

/**
 * TR 38.901's large-scale channel as the links' gains: each device-site link has its LOS
 * condition, shadow fading and (UMa) effective environment height; each device its indoor state
 * and outdoor-to-indoor loss. Spatially consistent (§7.6.3.3, §7.5 step 3): a link's LOS
 * condition comes from a Gaussian variable and its shadowing from one per condition (indoors one,
 * with Table 7.5-6's O2I deviation and correlation distance), each
 * correlated {@code exp(-delta / d_corr)} over each step delta of the device's path (the tables'
 * correlation distances): LOS where {@code Phi(z) < P_LOS(d_2D-out)}. So a device that does not
 * move keeps its channel, and one that moves sees it change as far as it went.
 *
 * <p>Random streams (one master seed): {@code channel/device-k} (indoor or not, d_2D-in, the O2I
 * loss's Gaussian part: UT-specific, as Table 7.4.3-2 says), {@code channel/device-k/site-c} (h_E's
 * two uniforms, then the LOS and the two shadowing variables, then the innovations of each move
 * along the device's path),
 * every draw taken whatever the options, so that changing one moves no other draw. A link's 2D
 * distance is taken at 10 m at least outdoors (the tables' floor); beyond their reach (5 km) the
 * formulas are extended, as for a far interferer.
 *
 * @see LargeScale
 */
public final class Tr38901Gains implements PathGains {
    /** Which condition every link is in: drawn from the LOS probability, or forced. */
    public enum Condition { RANDOM, LOS, NLOS }

    /**
     * The model's settings.
     *
     * @param environment the deployment scenario
     * @param carrierHz   the carrier, Hz
     * @param bsHeightM   the sites' antenna height, m
     * @param utHeightM   the devices' antenna height, m
     * @param condition   drawn or forced LOS condition
     * @param shadowing   whether shadow fading is drawn
     * @param indoorShare   the share of devices indoors (outdoor-to-indoor loss), 0 to 1
     * @param highLossShare the share of indoor devices whose building is of the high-loss kind (IRR
     *                      glass, concrete) rather than low-loss, 0 to 1
     * @param floors        whether indoor devices stand on a floor of their building, as Table 7.2-1
     *                      has them (UMa, UMi): {@code h_UT = 3 (n_fl - 1) + 1.5} m, {@code n_fl}
     *                      uniform over 1..N_fl, {@code N_fl} uniform over 4..8 (outdoors {@code utHeightM})
     */
    public record Settings(Environment environment, double carrierHz, double bsHeightM, double utHeightM,
                           Condition condition, boolean shadowing, double indoorShare, double highLossShare,
                           boolean floors) {
        /** Every building of one kind ({@code highLoss}), every device at {@code utHeightM}. */
        public Settings(Environment environment, double carrierHz, double bsHeightM, double utHeightM,
                        Condition condition, boolean shadowing, double indoorShare, boolean highLoss) {
            this(environment, carrierHz, bsHeightM, utHeightM, condition, shadowing, indoorShare, highLoss ? 1 : 0, false);
        }

        public Settings {
            String why = LargeScale.parametersOutOfRange(environment, carrierHz, bsHeightM, utHeightM);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            if (!(indoorShare >= 0 && indoorShare <= 1)) {
                throw new IllegalArgumentException("indoorShare must be in [0, 1], got " + indoorShare);
            }
            if (indoorShare > 0 && environment.indoor()) {
                throw new IllegalArgumentException(environment.key() + " is indoors already: indoorShare must be 0");
            }
            if (!(highLossShare >= 0 && highLossShare <= 1)) {
                throw new IllegalArgumentException("the share of high-loss buildings must be in [0, 1], got " + highLossShare);
            }
            if (highLossShare > 0 && environment == Environment.RMA) {
                throw new IllegalArgumentException("3gpp-rma's buildings are of the low-loss kind only (Table 7.4.3-2)");
            }
            if (floors && environment != Environment.UMA && environment != Environment.UMI) {
                throw new IllegalArgumentException("devices on floors (Table 7.2-1) are UMa's and UMi's, not "
                        + environment.key() + "'s");
            }
        }
    }

    private final Settings settings;
    private final RandomStreams streams;
    private final Map<Long, LinkDraws> links = new HashMap<>();
    private final Map<Integer, DeviceDraws> devices = new HashMap<>();

    public Tr38901Gains(Settings settings, RandomStreams streams) {
        this.settings = settings;
        this.streams = streams;
    }

    /**
     * One device's indoor draws (indoor or not, d_2D-in, the O2I loss's standard normal, a high-loss
     * building or not), its height, and its path: every position a link of it was taken at, in
     * order (the serving link is taken every round, so every round's position is in it).
     */
    private static final class DeviceDraws {
        private final double[] indoor;
        private final boolean highLoss;
        private final double heightM;
        private final List<Position> path = new ArrayList<>();

        private DeviceDraws(double[] indoor, boolean highLoss, double heightM) {
            this.indoor = indoor;
            this.highLoss = highLoss;
            this.heightM = heightM;
        }

        boolean isIndoor() {
            return indoor[0] == 1;
        }
    }

    /** One link's draws, how far along its device's path they have been moved, and its state there. */
    private static final class LinkDraws {
        private final RandomStream stream;
        private final double u1;
        private final double u2;
        private double zLos;
        private double zShadowLos;
        private double zShadowNlos;
        private int step;
        private Link link;
        private boolean los;
        private double lossDb;
        private double shadowDb;

        private LinkDraws(RandomStream stream) {
            this.stream = stream;
            this.u1 = stream.nextDouble();
            this.u2 = stream.nextDouble();
            this.zLos = Draws.normal(stream, 0, 1);
            this.zShadowLos = Draws.normal(stream, 0, 1);
            this.zShadowNlos = Draws.normal(stream, 0, 1);
        }
    }

    /**
     * {@inheritDoc} A link is drawn at its device's first position and moved along the device's
     * whole path, step by step, however seldom it is taken: its channel at a position depends on
     * the device's path alone, not on when the link was asked for (a far site's link taken only
     * when its cell sends gets the same draws as one taken every round).
     */
    @Override
    public double gain(int device, Position at, int site, Position siteAt, double distanceM) {
        Environment env = settings.environment();
        DeviceDraws dev = device(device);
        if (dev.path.isEmpty() || !dev.path.get(dev.path.size() - 1).equals(at)) {
            dev.path.add(at);
        }
        int now = dev.path.size() - 1;
        LinkDraws s = links.computeIfAbsent(((long) device << 20) | site,
                key -> new LinkDraws(streams.stream("channel/device-" + device + "/site-" + site)));
        if (s.link != null && s.step == now && s.link.distance2dM() == floor(distanceM)) {
            return total(dev, s);
        }
        for (int i = s.step + 1; i <= now; i++) {
            Position a = dev.path.get(i - 1);
            Position b = dev.path.get(i);
            double moved = Math.hypot(b.x() - a.x(), b.y() - a.y());
            s.zLos = step(s.zLos, moved, env.stateCorrelationM(), s.stream);
            if (dev.isIndoor()) {
                // Indoors one shadowing process, with Table 7.5-6's O2I correlation distance.
                s.zShadowLos = step(s.zShadowLos, moved, env.o2iShadowCorrelationM(), s.stream);
            } else {
                s.zShadowLos = step(s.zShadowLos, moved, env.shadowCorrelationM(true), s.stream);
                s.zShadowNlos = step(s.zShadowNlos, moved, env.shadowCorrelationM(false), s.stream);
            }
        }
        s.step = now;
        double d2d = floor(distanceM);
        double hE = env == Environment.UMA ? LargeScale.environmentHeight(d2d, dev.heightM, s.u1, s.u2) : 1.0;
        s.link = new Link(d2d, settings.bsHeightM(), dev.heightM, settings.carrierHz(), hE);
        double outside = dev.isIndoor() ? Math.max(0, d2d - dev.indoor[1]) : d2d;
        s.los = switch (settings.condition()) {
            case LOS -> true;
            case NLOS -> false;
            case RANDOM -> NormalDist.cdf01(s.zLos) < LargeScale.losProbability(env, outside, dev.heightM);
        };
        s.lossDb = s.los ? LargeScale.losDb(env, s.link) : LargeScale.nlosDb(env, s.link);
        s.shadowDb = !settings.shadowing() ? 0.0 : dev.isIndoor() ? env.o2iShadowSigmaDb() * s.zShadowLos
                : LargeScale.shadowSigmaDb(env, s.link, s.los) * (s.los ? s.zShadowLos : s.zShadowNlos);
        return total(dev, s);
    }

    private double total(DeviceDraws dev, LinkDraws s) {
        return Math.pow(10, -(s.lossDb + o2iDb(dev) + s.shadowDb) / 10);
    }

    /** A device's outdoor-to-indoor loss, dB (0 outdoors). */
    private double o2iDb(DeviceDraws dev) {
        double[] indoor = dev.indoor;
        return indoor[0] == 0 ? 0 : LargeScale.o2iLossDb(dev.highLoss, settings.carrierHz() / 1e9, indoor[1])
                + LargeScale.o2iSigmaDb(dev.highLoss) * indoor[2];
    }

    /** The tables' floor of the 2D distance outdoors (10 m); indoors their floor is on the 3D distance, 1 m. */
    private double floor(double distanceM) {
        return settings.environment().indoor() ? distanceM : Math.max(10, distanceM);
    }

    /**
     * Device {@code k}'s draws: indoor or not, d_2D-in (m), the O2I loss's standard normal; d_2D-in
     * the least of two uniforms over 0-25 m (RMa: 0-10 m), Table 7.4.3-2; then (drawn whatever the
     * options, after the others, so that they keep their values) its building's kind and its floor.
     */
    private DeviceDraws device(int device) {
        return devices.computeIfAbsent(device, k -> {
            RandomStream r = streams.stream("channel/device-" + k);
            double u = r.nextDouble();
            double reach = settings.environment() == Environment.RMA ? 10 : 25;
            double in = Math.min(reach * r.nextDouble(), reach * r.nextDouble());
            double z = Draws.normal(r, 0, 1);
            boolean inside = u < settings.indoorShare();
            boolean high = r.nextDouble() < settings.highLossShare();
            int floorsOfBuilding = 4 + (int) (5 * r.nextDouble());
            int floor = 1 + (int) (floorsOfBuilding * r.nextDouble());
            double height = inside && settings.floors() ? 3 * (floor - 1) + 1.5 : settings.utHeightM();
            return new DeviceDraws(new double[] {inside ? 1 : 0, in, z}, high, height);
        });
    }

    /** Device {@code k}'s antenna height, m (drawing its indoor state if no link of it was taken yet). */
    public double heightM(int device) {
        return device(device).heightM;
    }

    /** Whether device {@code k} is indoors (drawing its indoor state if no link of it was taken yet). */
    public boolean indoor(int device) {
        return device(device).isIndoor();
    }

    /** A Gaussian variable moved {@code moved} m along: {@code R z + sqrt(1 - R^2) e}, {@code R = exp(-moved / d)}. */
    private static double step(double z, double moved, double correlationM, RandomStream stream) {
        double r = Math.exp(-moved / correlationM);
        return r * z + Math.sqrt(1 - r * r) * Draws.normal(stream, 0, 1);
    }

    /** The link's state where it was last taken; null before it was. */
    @Override
    public PathGains.LinkState state(int device, int site) {
        LinkDraws s = links.get(((long) device << 20) | site);
        return s == null || s.link == null ? null
                : new PathGains.LinkState(s.link.distance3dM(), s.los, s.lossDb + o2iDb(devices.get(device)), s.shadowDb);
    }
}
