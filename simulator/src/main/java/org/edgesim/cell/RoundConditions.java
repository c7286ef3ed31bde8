package org.edgesim.cell;

import org.edgesim.channel.ChannelKnowledge;
import org.edgesim.channel.Fading;
import org.edgesim.channel.Shadowing;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.SpeedDynamics;
import org.edgesim.radio.Doppler;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * The source of each round's realised conditions: per device a clock speed and the uplink and
 * downlink channel gains {@code H = pathGain * shadowing * g}. Block fading with a coherence of
 * one round: round {@code r} takes the {@code r}-th draw of each device's streams, so rounds must
 * be asked for in order. Shadowing is one per-round factor per device, common to both directions
 * (time-division duplex).
 */
public final class RoundConditions {
    private final Deployment deployment;
    /** Several cells: where the devices are this round and which site serves them; null: one cell. */
    private final Placement placement;
    private final Fading fading;
    private final Shadowing shadowing;
    private final SpeedDynamics dynamics;
    private final RandomStream[] up;
    private final RandomStream[] down;
    private final RandomStream[] shadow;
    private final RandomStream[] speed;
    private final RandomStream[] csi;
    private final double csiError;
    /** Outdated knowledge ({@code radio.csiAge}): the correlation rho and its streams; null streams when fresh. */
    private final double csiCorrelation;
    private final RandomStream[] csiAge;
    private int nextRound = 1;

    /**
     * The laws of the rounds' conditions.
     *
     * @param fading      small-scale fading
     * @param shadowing   standard deviation of per-round shadowing, dB (0: none)
     * @param speedSigma  standard deviation of the CPU clocks around their means, Hz (0: fixed)
     * @param csiError    standard deviation of the schedulers' channel estimates, dB (0: exact)
     * @param csiAge      how old the schedulers' knowledge is, s (0: fresh)
     * @param doppler     the devices' Doppler, for {@code csiAge}; null when they do not move
     */
    public record Laws(Fading fading, double shadowing, double speedSigma, double csiError, double csiAge,
                       Doppler doppler) {
    }

    public RoundConditions(Laws laws, Deployment deployment, RandomStreams streams) {
        this(laws, deployment, streams, null);
    }

    /**
     * With several cells, each round's path gains are to the site serving the device then, where
     * {@code placement} has it (advanced before the round's conditions are asked for).
     */
    public RoundConditions(Laws laws, Deployment deployment, RandomStreams streams, Placement placement) {
        this.deployment = deployment;
        this.placement = placement;
        this.fading = laws.fading();
        this.shadowing = new Shadowing(laws.shadowing());
        this.dynamics = new SpeedDynamics(laws.speedSigma());
        int n = deployment.size();
        up = streams.streams(StreamKeys.FADING_UP, n);
        down = streams.streams(StreamKeys.FADING_DOWN, n);
        // Laws that are switched off draw nothing: their streams are not even created (named
        // streams, so the others' draws do not change).
        shadow = shadowing.isOff() ? new RandomStream[n] : streams.streams(StreamKeys.SHADOWING, n);
        speed = dynamics.isOff() ? new RandomStream[n] : streams.streams(StreamKeys.DYNAMICS, n);
        csiError = laws.csiError();
        csi = csiError == 0 ? new RandomStream[n] : streams.streams(StreamKeys.CSI, n);
        double age = laws.csiAge();
        csiCorrelation = age == 0 ? 1.0 : laws.doppler().correlation(age);
        csiAge = age == 0 ? null : streams.streams(StreamKeys.CSI_AGE, n);
    }

    /**
     * Realised conditions of one round. Arrays are indexed by device; {@code largeScale} is the
     * gain without small-scale fading ({@code pathGain * shadowing}), from which ergodic rates
     * are computed; {@code csi} is what the schedulers know of it.
     */
    public record Round(int round, double[] gainUp, double[] gainDown, double[] largeScale, double[] speedHz,
                        ChannelKnowledge csi) {
        /** The round as the devices {@code members} see it, indexed as in {@code members} (itself when they are all, in order). */
        public Round of(int[] members) {
            boolean all = members.length == gainUp.length;
            for (int i = 0; all && i < members.length; i++) {
                all = members[i] == i;
            }
            if (all) {
                return this;
            }
            int m = members.length;
            double[] up = new double[m];
            double[] down = new double[m];
            double[] large = new double[m];
            double[] speed = new double[m];
            double[] error = new double[m];
            double[][] innovations = csi.innovations() == null ? null : new double[m][];
            for (int i = 0; i < m; i++) {
                int k = members[i];
                up[i] = gainUp[k];
                down[i] = gainDown[k];
                large[i] = largeScale[k];
                speed[i] = speedHz[k];
                error[i] = csi.errorDb()[k];
                if (innovations != null) {
                    innovations[i] = csi.innovations()[k];
                }
            }
            return new Round(round, up, down, large, speed, new ChannelKnowledge(error, csi.correlation(), innovations,
                    csi.rayleigh()));
        }

        /**
         * What the schedulers see: every gain outdated ({@code radio.csiAge}) and times
         * {@code 10^(e_k / 10)} with device {@code k}'s estimation error {@code e_k} in dB (one per
         * device and round, uplink and downlink alike); this round itself when knowledge is perfect.
         */
        public Round seen() {
            if (csi.perfect()) {
                return this;
            }
            int n = gainUp.length;
            double[] up = new double[n];
            double[] down = new double[n];
            double[] large = new double[n];
            for (int i = 0; i < n; i++) {
                double f = csi.errorFactor(i);
                if (csi.innovations() == null || !csi.rayleigh()) {
                    // Nothing small-scale to be outdated: the gains as they are, times the error.
                    up[i] = gainUp[i] * f;
                    down[i] = gainDown[i] * f;
                } else {
                    up[i] = largeScale[i] * csi.fading(i, true, gainUp[i] / largeScale[i]) * f;
                    down[i] = largeScale[i] * csi.fading(i, false, gainDown[i] / largeScale[i]) * f;
                }
                large[i] = largeScale[i] * f;
            }
            return new Round(round, up, down, large, speedHz, new ChannelKnowledge(new double[n], 1.0, null,
                    csi.rayleigh()));
        }
    }

    /** How many devices' conditions each round holds. */
    public int devices() {
        return deployment.size();
    }

    /** The conditions of round {@code round}, which must be the next one (1-based). */
    public Round next(int round) {
        if (round != nextRound) {
            throw new IllegalStateException("round " + round + " asked for, but the next round is " + nextRound);
        }
        nextRound++;
        int n = deployment.size();
        double[] gu = new double[n];
        double[] gd = new double[n];
        double[] f = new double[n];
        double[] large = new double[n];
        double[] error = new double[n];
        double[][] innovations = csiAge == null ? null : new double[n][];
        for (int i = 0; i < n; i++) {
            error[i] = csiError == 0 ? 0.0 : org.edgesim.rng.Draws.normal(csi[i], 0, csiError);
            if (innovations != null) {
                innovations[i] = new double[4];
                for (int j = 0; j < 4; j++) {
                    innovations[i][j] = org.edgesim.rng.Draws.normal(csiAge[i], 0, 1);
                }
            }
            Device d = deployment.device(i);
            double s = shadowing.draw(shadow[i]);
            large[i] = (placement == null ? d.pathGain() : placement.pathGain(i)) * s;
            gu[i] = large[i] * fading.draw(up[i]);
            gd[i] = large[i] * fading.draw(down[i]);
            f[i] = d.meanProfile() instanceof CpuProfile cpu ? dynamics.draw(cpu.cyclesPerSecond(), speed[i]) : Double.NaN;
        }
        return new Round(round, gu, gd, large, f, new ChannelKnowledge(error, csiCorrelation, innovations,
                Fading.RAYLEIGH.equals(fading)));
    }
}
