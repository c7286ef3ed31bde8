package org.edgesim.protocol.feel;

import org.edgesim.channel.AnalogAggregation;
import org.edgesim.channel.ChannelKnowledge;
import org.edgesim.learning.Compression;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import umontreal.ssj.rng.RandomStream;

/**
 * How a FEEL run's updates reach the server and what it aggregates: digitally, each device's
 * gradient as its compression leaves it ({@code protocol.compression}, stochastic draws from
 * {@code compression/device-k}), averaged weighted by batch size; or over the air
 * ({@code protocol.aggregation: aircomp}), each round's channel of the analog sum drawn for the
 * devices the plan selects (per device its subcarriers' gains from {@code aircomp/device-k}, in
 * device order) with the receiver's noise ({@code aircomp/noise}, one draw per coordinate); what
 * the schedulers know of the channel ({@code radio.csiError}, {@code csiAge}) is what the devices
 * invert ({@link AnalogAggregation#draw}). Uncompressed digital gradients take the one pass over the
 * union of the batches ({@link FeelTraining#gradientRound}).
 */
final class FeelUploads {
    /** What the server gets of device {@code device}'s model {@code model}, sent from {@code global}. */
    @FunctionalInterface
    interface Sent {
        double[] of(int device, double[] global, double[] model);

        /** The model as it is. */
        Sent WHOLE = (device, global, model) -> model;
    }

    static final StreamFamily FADING = new StreamFamily("aircomp", i -> "aircomp/device-" + i);
    static final String NOISE = "aircomp/noise";

    private final FeelSpec spec;
    private final Compression compression;
    private final RandomStream[] compressing;
    private final RandomStream[] fading;
    private final RandomStream noise;

    FeelUploads(FeelSpec spec, RandomStreams streams, int devices) {
        this.spec = spec;
        this.compression = spec.uploads();
        this.compressing = compression instanceof Compression.None ? null : streams.streams(Compression.STREAMS, devices);
        this.fading = spec.airComp() ? streams.streams(FADING, devices) : null;
        this.noise = spec.airComp() ? streams.stream(NOISE) : null;
    }

    /**
     * The plan of scheduler {@code scheduler} is one the run can carry out: over the air only with
     * {@code aggregation: aircomp} (a digital plan runs over its slots either way).
     */
    void check(String scheduler, FeelPlan plan) {
        if (!spec.airComp() && plan.airComp() != null) {
            throw new InfeasibleScenarioException("scheduler " + scheduler + " plans an over-the-air round; set"
                    + " protocol.aggregation: aircomp");
        }
    }

    /**
     * One round of gradient FEEL on {@code cell}'s model: the devices' gradients that {@code arrived}
     * as the server gets them, over the air ({@code air}, drawn by {@link #draw}; null: digitally).
     * Over the air, returns the sum's relative squared error against the batch-weighted mean of the
     * gradients sent (what digital averaging would take); else NaN.
     */
    double train(FeelTraining cell, int[] members, FeelPlan plan, double lr, boolean[] arrived,
                 AnalogAggregation.Round air) {
        if (air == null && compressing == null) {
            cell.gradientRound(members, plan.batches(), lr, arrived);
            return Double.NaN;
        }
        int[][] drawn = cell.drawn(members, plan.batches(), arrived);
        if (drawn.length == 0) {
            return Double.NaN; // none arrived: no step, as uncompressed
        }
        double[] error = {Double.NaN};
        if (air != null) {
            cell.gradientsRound(drawn, lr, (u, sizes) -> {
                double[] sum = air.aggregate(u, noise);
                error[0] = relativeError(sum, weightedMean(u, sizes));
                return sum;
            });
        } else {
            cell.gradientsRound(drawn, lr, (u, sizes) -> compressedMean(u, sizes, members, arrived));
        }
        return error[0];
    }

    /** {@code |x - y|^2 / |y|^2}. */
    static double relativeError(double[] x, double[] y) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < y.length; i++) {
            diff += (x[i] - y[i]) * (x[i] - y[i]);
            norm += y[i] * y[i];
        }
        return diff / norm;
    }

    /**
     * The mean of {@code u} weighted by {@code sizes}: the weighted sum, then divided by the total, as
     * compressed gradients have always been averaged ({@code Averaging.weighted} scales each weight
     * first, which rounds otherwise).
     */
    private static double[] weightedMean(double[][] u, int[] sizes) {
        double[] mean = new double[u.length == 0 ? 0 : u[0].length];
        double total = 0;
        for (int j = 0; j < u.length; j++) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += sizes[j] * u[j][c];
            }
            total += sizes[j];
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= total;
        }
        return mean;
    }

    /**
     * What the server gets of an uploaded model: the model, or with compression the global model
     * plus the model's change compressed (the device's stream).
     */
    Sent models() {
        if (compressing == null) {
            return Sent.WHOLE;
        }
        return (device, global, model) -> compression.applyToChange(global, model, compressing[device]);
    }

    /**
     * The arrived devices' gradients {@code u} (in member order) compressed, averaged weighted by the
     * sizes of the batches they drew, {@code sizes} (as the uncompressed pass over their union weighs them).
     */
    private double[] compressedMean(double[][] u, int[] sizes, int[] members, boolean[] arrived) {
        double[][] q = new double[u.length][];
        int j = 0;
        for (int i = 0; i < members.length; i++) {
            if (arrived[i]) {
                q[j] = compression.apply(u[j], compressing[members[i]]);
                j++;
            }
        }
        return weightedMean(q, sizes);
    }

    /**
     * Per device of a snapshot of {@code size}, the power its part of the analog sum {@code air} puts
     * out (0: not selected by {@code plan}); null when the round is digital ({@code air} null).
     */
    static double[] emitted(FeelPlan plan, AnalogAggregation.Round air, int size) {
        if (air == null) {
            return null;
        }
        double[] emitted = new double[size];
        int i = 0;
        for (int k = 0; k < size; k++) {
            if (plan.airComp().selected(k)) {
                emitted[k] = air.emittedW()[i++];
            }
        }
        return emitted;
    }

    /**
     * The analog sum {@code air} as the access point received it, the interference density
     * {@code heard} (W/Hz; 0 with one cell) its uplinks met added to each subcarrier's noise:
     * {@code sigma^2 = (N_0 + I) B / M}; null when the round is digital.
     */
    static AnalogAggregation.Round heard(AnalogAggregation.Round air, AirCompView view, double heard) {
        return air == null ? null : air.plusNoise(heard * view.bandHz() / view.subcarriers());
    }

    /**
     * The channel of the round planned by {@code plan} on snapshot {@code s} (the truth): per selected
     * device, in device order, its subcarriers' factors; {@code csi} what the devices know of it.
     */
    AnalogAggregation.Round draw(FeelSnapshot s, FeelPlan plan, ChannelKnowledge csi) {
        AirCompPlan p = plan.airComp();
        int count = p.count();
        double[] large = new double[count];
        double[] error = new double[count];
        RandomStream[] streams = new RandomStream[count];
        int i = 0;
        for (int k = 0; k < s.size(); k++) {
            if (p.selected(k)) {
                large[i] = s.airComp().largeScale(k);
                error[i] = csi.errorFactor(k);
                streams[i] = fading[s.device(k).index()];
                i++;
            }
        }
        return AnalogAggregation.draw(s.airComp().settings(p.threshold()), large, error, csi.correlation(), streams);
    }

}
