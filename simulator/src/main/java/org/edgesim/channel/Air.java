package org.edgesim.channel;

import java.util.function.DoubleUnaryOperator;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.Position;
import org.edgesim.radio.TdmaFrame;

/**
 * The links of a run, made in one place for every protocol: a protocol says what a transfer is
 * (band, power, noise, how its rate reads the channel, its slot) and the channel decides how its
 * bits get through. One cell is the ordinary case of several:
 * <ul>
 * <li>with several cells, through the {@link Medium} they share, at the SINR the transfer meets
 * there (each transfer of a round starting from where its devices stand then);</li>
 * <li>with fading blocks shorter than a round ({@code radio.coherenceTime}), block by block: block
 * 0 is the round's drawn state, each later block draws the device's small-scale fading afresh under
 * the scenario's law around its large-scale gain ({@link Coherence});</li>
 * <li>else at the steady rate of the round's one channel state, which the protocol's model (its
 * paper's clock) gives: {@link Path#steady}.</li>
 * </ul>
 * Which of the three applies is the run's, never a protocol's, choice.
 */
public final class Air {
    /** How a link's rate reads the channel: as {@link Channel#ergodic} (over the large-scale gain) or {@link Channel#drawn} (over the round's drawn gain). */
    public enum Reading {
        ERGODIC, DRAWN
    }

    /**
     * Where the several cells stand and what their sites send: the medium's geometry (a device is
     * named by its index in the run, a cell by its index in the layout).
     */
    public interface Sites {
        /** Where device {@code k} stands now. */
        Position device(int k);

        /** Cell {@code cell}'s site. */
        Position site(int cell);

        /** Cell {@code cell}'s band (0 .. reuse - 1). */
        int band(int cell);

        /** Cell {@code cell}'s access point's transmit power, W. */
        double power(int cell);

        /** The band each cell has, Hz. */
        double bandHz();
    }

    /**
     * What a transfer is, as its protocol states it.
     *
     * @param bandHz    the bandwidth it occupies, Hz
     * @param powerW    its transmitter's power, W
     * @param noiseW    the noise it is received over, W
     * @param reading   how its rate reads the channel through the shared medium (in fading blocks it reads each block's drawn state)
     * @param frame     its TDMA frame, or null when it sends all the time
     * @param slot      its slot in the frame
     * @param steady    its link on the round's one channel state, by the protocol's model
     * @param blockRate its rate in bit/s in a fading block of a given state (a broadcast: each receiver's, the
     *                  weakest sets it); null: {@code bandHz} times {@link Channel#drawn}
     * @param reciprocal whether a transfer to the device meets the device's own uplink's fading (one channel both ways)
     */
    public record Path(double bandHz, double powerW, double noiseW, Reading reading, TdmaFrame frame, int slot,
                       Link steady, DoubleUnaryOperator blockRate, boolean reciprocal) {
        public Path {
            if (!(bandHz > 0) || !(powerW >= 0) || !(noiseW > 0)) {
                throw new IllegalArgumentException("a path needs a bandwidth and noise > 0 and a power >= 0, got "
                        + bandHz + " Hz, " + powerW + " W, " + noiseW + " W");
            }
            java.util.Objects.requireNonNull(reading, "reading");
            java.util.Objects.requireNonNull(steady, "steady");
        }

        /** A transfer sent all the time, at the default block rate, not reciprocal. */
        public static Path of(double bandHz, double powerW, double noiseW, Reading reading, Link steady) {
            return new Path(bandHz, powerW, noiseW, reading, null, 0, steady, null, false);
        }

        /** This path only inside slot {@code slot} of every frame of {@code frame}. */
        public Path inSlot(TdmaFrame frame, int slot) {
            return new Path(bandHz, powerW, noiseW, reading, frame, slot, steady, blockRate, reciprocal);
        }

        /** This path with its own rate of a block's state, bit/s. */
        public Path blockRate(DoubleUnaryOperator rate) {
            return new Path(bandHz, powerW, noiseW, reading, frame, slot, steady, rate, reciprocal);
        }

        /** This path on the channel of the device's uplink (one channel both ways). */
        public Path bothWays() {
            return new Path(bandHz, powerW, noiseW, reading, frame, slot, steady, blockRate, true);
        }
    }

    private final Channel channel;
    private final Coherence coherence;
    private final Sites sites;
    private final Medium medium;
    private final double bandHz;
    private final double apPower;

    /**
     * @param sites   the cells' geometry, null with one cell
     * @param medium  the air they share, null with one cell
     * @param bandHz  the band of the one cell, Hz (with several: each cell's, {@link Sites#bandHz})
     * @param apPower the one cell's access point's power, W (with several: each site's)
     */
    public Air(Channel channel, Coherence coherence, Sites sites, Medium medium, double bandHz, double apPower) {
        if ((sites == null) != (medium == null)) {
            throw new IllegalArgumentException("several cells need both their sites and their medium");
        }
        this.channel = java.util.Objects.requireNonNull(channel, "channel");
        this.coherence = java.util.Objects.requireNonNull(coherence, "coherence");
        this.sites = sites;
        this.medium = medium;
        this.bandHz = bandHz;
        this.apPower = apPower;
    }

    /**
     * Round links of cell {@code cell}, started at {@code start}, for its members {@code members} (their indices
     * in the run), with per member its large-scale gain and the round's drawn gains both ways.
     */
    public Round round(int cell, int[] members, double start, double[] largeScale, double[] gainUp, double[] gainDown) {
        return new Round(cell, members, start, largeScale, gainUp, gainDown);
    }

    /** One round's links in one cell. */
    public final class Round {
        private final int cell;
        private final int[] members;
        private final double start;
        private final double[] largeScale;
        private final double[] gainUp;
        private final double[] gainDown;
        private FadingBlocks upBlocks;
        private FadingBlocks downBlocks;

        private Round(int cell, int[] members, double start, double[] largeScale, double[] gainUp, double[] gainDown) {
            this.cell = cell;
            this.members = members;
            this.start = start;
            this.largeScale = largeScale;
            this.gainUp = gainUp;
            this.gainDown = gainDown;
        }

        /** The band of the round's cell, Hz. */
        public double bandHz() {
            return sites == null ? bandHz : sites.bandHz();
        }

        /** The power of the round's cell's access point, W. */
        public double apPower() {
            return sites == null ? apPower : sites.power(cell);
        }

        /** Member {@code k}'s upload to its site. */
        public Link up(int k, Path p) {
            if (medium != null) {
                return new Link.Shared(medium, new Medium.Signal(cell, sites.band(cell), true, p.bandHz(), p.powerW(),
                        sites.device(members[k]), new Position[] {sites.site(cell)},
                        new double[] {p.powerW() * gain(k, true, p.reading())}, p.noiseW(), efficiency(p), p.frame(),
                        p.slot(), members[k], new int[] {cell}));
            }
            return inBlocks(upBlocks(), k, p);
        }

        /**
         * Member {@code k}'s part of an analog sum ({@link AnalogAggregation}): it sends for
         * {@code seconds} whatever it meets (the sum's airtime is fixed), putting out {@code powerW}
         * over the band; with several cells, through the air they share, where other cells hear it
         * and its site hears theirs ({@link #heardUp}).
         */
        public Link analog(int k, double powerW, double bits, double seconds) {
            if (medium == null) {
                return new Link.Timed(seconds);
            }
            double w = bandHz();
            double efficiency = bits / (seconds * w);
            return new Link.Shared(medium, new Medium.Signal(cell, sites.band(cell), true, w, powerW,
                    sites.device(members[k]), new Position[] {sites.site(cell)},
                    new double[] {powerW * largeScale[k]}, Double.MIN_NORMAL /* its rate reads no SINR */, sinr -> efficiency, null, 0, members[k],
                    new int[] {cell}));
        }

        /**
         * The interference density the round's cell heard on its uplinks so far this round, averaged
         * over their airtime, W/Hz: 0 with one cell.
         */
        public double heardUp() {
            return medium == null ? 0.0 : medium.heard(cell, true);
        }

        /** The site's transfer to member {@code k}. */
        public Link down(int k, Path p) {
            if (medium != null) {
                return toMembers(new int[] {k}, p);
            }
            return inBlocks(p.reciprocal() ? upBlocks() : downBlocks(), k, p);
        }

        /** The site's broadcast to every member: in a fading block at the rate its weakest receiver takes. */
        public Link broadcast(Path p) {
            if (medium != null) {
                int[] all = new int[members.length];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                return toMembers(all, p);
            }
            FadingBlocks blocks = p.reciprocal() ? upBlocks() : downBlocks();
            if (blocks == null) {
                return p.steady();
            }
            int n = members.length;
            DoubleUnaryOperator of = blockRate(p);
            PiecewiseRate rate = blocks.rates(block -> {
                double worst = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    worst = Math.min(worst, of.applyAsDouble(blocks.state(i, block)));
                }
                return worst;
            });
            return slotted(p, rate);
        }

        /**
         * Links whose state is a protocol's own (e.g. an SNR in dB, CPSL's channel): block 0 at
         * {@code first}, later blocks by {@code draw}, on the uplinks' streams (one channel both ways).
         */
        public States states(double[] first, FadingBlocks.Draw draw) {
            return new States(coherence.up(start, first, draw));
        }

        private Link toMembers(int[] ks, Path p) {
            Position[] to = new Position[ks.length];
            double[] received = new double[ks.length];
            int[] who = new int[ks.length];
            for (int i = 0; i < ks.length; i++) {
                who[i] = members[ks[i]];
                to[i] = sites.device(who[i]);
                received[i] = p.powerW() * gain(ks[i], false, p.reading());
            }
            return new Link.Shared(medium, new Medium.Signal(cell, sites.band(cell), false, p.bandHz(), p.powerW(),
                    sites.site(cell), to, received, p.noiseW(), efficiency(p), p.frame(), p.slot(), cell, who));
        }

        private double gain(int k, boolean uplink, Reading reading) {
            return reading == Reading.ERGODIC ? largeScale[k] : uplink ? gainUp[k] : gainDown[k];
        }

        private DoubleUnaryOperator efficiency(Path p) {
            return p.reading() == Reading.ERGODIC ? channel.ergodicOfSinr() : channel.drawnOfSinr();
        }

        private Link inBlocks(FadingBlocks blocks, int k, Path p) {
            if (blocks == null) {
                return p.steady();
            }
            return slotted(p, blocks.link(k, blockRate(p)));
        }

        /** {@code p}'s rate in a block of a given state: its own, or {@code bandHz} times {@link Channel#drawn}. */
        private DoubleUnaryOperator blockRate(Path p) {
            return p.blockRate() != null ? p.blockRate() : g -> p.bandHz() * channel.drawn(p.powerW(), g, p.noiseW());
        }

        private FadingBlocks upBlocks() {
            if (upBlocks == null && coherence.blocks()) {
                upBlocks = coherence.up(start, gainUp, (k, stream) -> largeScale[k] * channel.fade(stream));
            }
            return upBlocks;
        }

        private FadingBlocks downBlocks() {
            if (downBlocks == null && coherence.blocks()) {
                downBlocks = coherence.down(start, gainDown, (k, stream) -> largeScale[k] * channel.fade(stream));
            }
            return downBlocks;
        }
    }

    /** A round's links on a protocol's own channel states ({@link Round#states}). */
    public static final class States {
        private final FadingBlocks blocks;

        private States(FadingBlocks blocks) {
            this.blocks = blocks;
        }

        /**
         * Device {@code k}'s link: {@code steady} with one state per round, else block by block at
         * {@code rate} of each block's state, bit/s.
         */
        public Link link(int k, Link steady, DoubleUnaryOperator rate) {
            return blocks == null ? steady : new Link.Blocks(blocks.link(k, rate));
        }
    }

    private static Link slotted(Path p, PiecewiseRate rate) {
        return p.frame() == null ? new Link.Blocks(rate) : new Link.SlottedBlocks(p.frame(), p.slot(), rate);
    }
}
