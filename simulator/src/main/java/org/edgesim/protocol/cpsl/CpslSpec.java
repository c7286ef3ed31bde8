package org.edgesim.protocol.cpsl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.edgesim.channel.SnrDbLaw;
import org.edgesim.scenario.CellsSpec;
import org.edgesim.scenario.CompressionSpec;
import org.edgesim.scenario.DevicesSpec;
import org.edgesim.scenario.Dimension;
import org.edgesim.scenario.IndexOrWord;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Stragglers;
import org.edgesim.scenario.Unit;
import org.edgesim.scenario.ValueDistribution;

/**
 * CPSL, cluster-based parallel split learning (docs/models/cpsl.md): the model (the CNN of the paper's Table
 * III, or the one a {@code learning} section trains) is cut after layer {@code cut}; devices train
 * in clusters of {@code clusterSize}, in parallel inside a cluster, cluster after cluster. The
 * {@code scheme} derives the paper's baselines from the same code: vanilla SL is clusters of one,
 * FL the cut at the last layer with one cluster of all devices, CL centralised training at the
 * server on the devices' pooled data. Devices' mean speeds are {@code devices.cpu.speed} (with
 * {@code speedSigma} per round); SNRs are drawn here, not from path loss: per device a mean
 * {@code meanSnr}, per round Gaussian in dB around it with {@code snrSigma}. The radio section's
 * bandwidth is the total {@code C x W} unless {@code subcarrierBandwidth} is given.
 *
 * @param scheme              {@code cpsl} (default), {@code sl} (clusters of one device), {@code fl} (cut at
 *                            the last layer, one cluster of all devices) or {@code cl} (centralised:
 *                            the server trains on the pooled data; no radio)
 * @param clusterSize         {@code N_m}, devices per cluster, default 5 (must divide the device count)
 * @param localEpochs         {@code L}, mini-batches per device per cluster, default 1
 * @param batch               {@code B}, default 16
 * @param subcarriers         {@code C}, default 30
 * @param subcarrierBandwidth {@code W}; default radio.bandwidth / C
 * @param serverSpeed         {@code f_s}, cycles/s, default 100 GHz
 * @param cut                 the cut layer, 1-based ({@code 1} = after CONV1, {@code 3} = POOL1 of the paper's
 *                            CNN), or {@code auto} (default): the SAA of the paper's Alg. 2
 * @param saaSamples          {@code J}, draws of speeds and SNRs the {@code auto} cut averages over, default 20
 * @param profile             {@code built} (default: sizes and FLOPs of the CNN as built),
 *                            {@code paper} (the paper's Table III CNN by its own conventions:
 *                            unpadded CONV1-2, one FLOP per multiply-accumulate, backward = forward;
 *                            any cut), {@code paper-pool1} (the paper's Table II numbers; the cut
 *                            must then be the model's first pooling layer) or {@code paper-whole}
 *                            (its whole model for FL and CL: 16.49 MB, 91.61 MFLOP forward per
 *                            sample, backward = forward)
 * @param meanSnr             per-device mean SNR in dB, default {@code {uniform: [5 dB, 30 dB]}}
 * @param snrSigma            per-round Gaussian deviation of the SNR around its mean, dB, default 0
 * @param gibbsDelta          {@code delta} of the Gibbs clustering's acceptance, default 1e-4
 * @param gibbsIterations     {@code G}, default 1,000
 * @param samplesPerDevice    {@code D_n} with {@code learning}, default 180
 * @param classesPerDevice    classes among a device's samples with {@code learning}, default 3 (non-IID); 0: IID
 * @param serverStepSize      learning rate of the server-side model, default learning.stepSize (the
 *                            devices' and, in FL and CL, the whole model's)
 * @param straggler           {@code wait-all} (default, the paper's) or {@code deadline}: in each phase
 *                            of a cluster (smashed data of an epoch, device-model uploads) the server
 *                            goes on at {@code deadlineFactor} times the phase's planned length, and a
 *                            device late for it is out of the cluster's training for the round
 * @param deadlineFactor      with {@code deadline}, default 1.5
 * @param rate                the reading of eq. (14)'s rate: {@code instantaneous} (default,
 *                            {@code W log2(1 + SNR)} at the SNR drawn) or {@code ergodic} (averaged
 *                            over Rayleigh fading around it, {@code W E[log2(1 + SNR |h|^2)]}, a
 *                            reading the paper does not state)
 * @param modelUpload         whether each device uploads its device-side model at a cluster's end
 *                            (eq. 23, {@code tt}), default true as the paper's eq. (24) counts it;
 *                            false is a reference reading that drops it (the only one under which
 *                            the paper's 3.78 s CPSL round appears), never the paper's model as written
 * @param compression         how the devices compress what they upload (default none): each sample's
 *                            smashed data (its own scale or indices) and, at a cluster's end, the
 *                            device-side model's change since the cluster's start; the bits charged
 *                            to the uploads, the error applied to the real training. The cut's
 *                            exchanged values are taken as 32-bit floats; the gradients and models
 *                            the server sends down are not compressed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonTypeName(CpslSpec.TYPE)
public record CpslSpec(String scheme, Integer clusterSize, Integer localEpochs, Integer batch, Integer subcarriers,
                       @Unit(Dimension.FREQUENCY) Double subcarrierBandwidth,
                       @Unit(Dimension.FREQUENCY) Double serverSpeed,
                       @IndexOrWord("the cut layer: its index, or 'auto' (the paper's Alg. 2)") String cut, Integer saaSamples, String profile,
                       @Unit(Dimension.DECIBEL) ValueDistribution meanSnr, @Unit(Dimension.DECIBEL) Double snrSigma,
                       Double gibbsDelta, Integer gibbsIterations, Integer samplesPerDevice,
                       Integer classesPerDevice, Double serverStepSize, String straggler,
                       Double deadlineFactor, String rate, Boolean modelUpload, CompressionSpec compression)
        implements ProtocolSpec {
    public static final String TYPE = "cpsl";
    public static final String CPSL = "cpsl";
    public static final String SL = "sl";
    public static final String FL = "fl";
    public static final String CL = "cl";
    public static final java.util.List<String> SCHEMES = java.util.List.of(CPSL, SL, FL, CL);
    public static final String AUTO = "auto";
    public static final String BUILT = "built";
    public static final String PAPER_POOL1 = "paper-pool1";
    /** The paper's Table III CNN counted by its own conventions, at any cut. */
    public static final String PAPER = "paper";
    /**
     * The paper's whole model as its Fig. 5 clocks FL and CL: 4.3 M parameters = 16.49 MB,
     * 91.61 MFLOP forward per sample, backward = forward.
     */
    public static final String PAPER_WHOLE = "paper-whole";

    public CpslSpec {
        scheme = scheme == null ? CPSL : scheme;
        if (!SCHEMES.contains(scheme)) {
            throw new InvalidField("scheme", "must be one of " + SCHEMES + ", got '" + scheme + "'");
        }
        clusterSize = clusterSize == null ? 5 : (int) InvalidField.atLeast("clusterSize", clusterSize, 1);
        localEpochs = localEpochs == null ? 1 : (int) InvalidField.atLeast("localEpochs", localEpochs, 1);
        batch = batch == null ? 16 : (int) InvalidField.atLeast("batch", batch, 1);
        subcarriers = subcarriers == null ? 30 : (int) InvalidField.atLeast("subcarriers", subcarriers, 1);
        if (scheme.equals(CPSL) && subcarriers < clusterSize) {
            throw new InvalidField("subcarriers", "every device of a cluster needs at least one subcarrier: C = "
                    + subcarriers + " is below clusterSize = " + clusterSize);
        }
        if (subcarrierBandwidth != null) {
            InvalidField.positive("subcarrierBandwidth", subcarrierBandwidth, Dimension.FREQUENCY);
        }
        serverSpeed = serverSpeed == null ? 100e9 : InvalidField.positive("serverSpeed", serverSpeed, Dimension.FREQUENCY);
        cut = cut == null ? AUTO : cut;
        if (!cut.equals(AUTO) && !cut.matches("[1-9][0-9]*")) {
            throw new InvalidField("cut", "must be 'auto' or a layer number from 1, got '" + cut + "'");
        }
        saaSamples = saaSamples == null ? 20 : (int) InvalidField.atLeast("saaSamples", saaSamples, 1);
        if (saaSamples > 100_000) {
            throw new InvalidField("saaSamples", "is " + saaSamples + "; at most 100,000 draws");
        }
        profile = profile == null ? BUILT : profile;
        if (!java.util.List.of(BUILT, PAPER, PAPER_POOL1, PAPER_WHOLE).contains(profile)) {
            throw new InvalidField("profile", "must be 'built', 'paper', 'paper-pool1' or 'paper-whole', got '" + profile
                    + "'");
        }
        if (profile.equals(PAPER_WHOLE) && !scheme.equals(FL) && !scheme.equals(CL)) {
            throw new InvalidField("profile", "'paper-whole' holds the paper's whole model, for schemes fl and cl (the"
                    + " device or the server trains all of it); scheme " + scheme + " splits it: use 'paper-pool1' or"
                    + " 'paper'");
        }
        if (profile.equals(PAPER_POOL1) && cut.equals(AUTO)) {
            throw new InvalidField("cut", "profile 'paper-pool1' holds the paper's numbers at POOL1 only: name that"
                    + " layer (3 in the paper's CNN)");
        }
        if (profile.equals(PAPER_POOL1) && scheme.equals(FL)) {
            throw new InvalidField("profile", "FL cuts at the last layer; 'paper-pool1' holds numbers at POOL1 only");
        }
        meanSnr = meanSnr == null ? new ValueDistribution.Uniform(5, 30) : meanSnr;
        snrSigma = snrSigma == null ? 0.0 : InvalidField.nonNegative("snrSigma", snrSigma, Dimension.DECIBEL);
        if (snrSigma > SnrDbLaw.MAX_SIGMA_DB) {
            throw new InvalidField("snrSigma", "is " + snrSigma + " dB; the " + SnrDbLaw.NAME + " law takes at most "
                    + SnrDbLaw.MAX_SIGMA_DB + " dB");
        }
        gibbsDelta = gibbsDelta == null ? 1e-4 : InvalidField.positive("gibbsDelta", gibbsDelta, Dimension.COUNT);
        gibbsIterations = gibbsIterations == null ? 1000
                : (int) InvalidField.atLeast("gibbsIterations", gibbsIterations, 0);
        if (gibbsIterations > 10_000_000) {
            throw new InvalidField("gibbsIterations", "is " + gibbsIterations + "; at most 10,000,000 per round");
        }
        samplesPerDevice = samplesPerDevice == null ? 180 : (int) InvalidField.atLeast("samplesPerDevice", samplesPerDevice, 1);
        classesPerDevice = classesPerDevice == null ? 3 : (int) InvalidField.atLeast("classesPerDevice", classesPerDevice, 0);
        if (serverStepSize != null) {
            InvalidField.positive("serverStepSize", serverStepSize, Dimension.COUNT);
        }
        Stragglers policy = Stragglers.of(straggler, deadlineFactor, null, false, TYPE);
        if (scheme.equals(CL) && !policy.policy().equals(Stragglers.WAIT_ALL)) {
            throw new InvalidField("straggler", "scheme 'cl' trains at the server alone: there are no devices to wait for");
        }
        straggler = policy.policy();
        deadlineFactor = policy.deadlineFactor();
        rate = rate == null ? INSTANTANEOUS : rate;
        if (!rate.equals(INSTANTANEOUS) && !rate.equals(ERGODIC)) {
            throw new InvalidField("rate", "must be '" + INSTANTANEOUS + "' (W log2(1 + SNR) at the SNR drawn) or '"
                    + ERGODIC + "' (averaged over Rayleigh fading), got '" + rate + "'");
        }
        modelUpload = modelUpload == null || modelUpload;
        if (scheme.equals(CL) && compression != null && !compression.type().equals(CompressionSpec.NONE)) {
            throw new InvalidField("compression", "scheme 'cl' trains at the server alone: no device uploads anything"
                    + " to compress");
        }
    }

    /** The uploads' compression (none when not given). */
    @JsonIgnore
    public org.edgesim.learning.Compression uploads() {
        return CompressionSpec.lawOf(compression);
    }

    public static final String INSTANTANEOUS = SnrDbLaw.INSTANTANEOUS;
    public static final String ERGODIC = SnrDbLaw.ERGODIC;

    /** The ergodic reading averages over the fading that fading blocks would draw a second time. */
    @Override
    public void checkRadio(RadioSpec radio) {
        if (radio.pathLoss().tr38901()) {
            throw new InvalidField("radio.pathLoss", "cpsl draws its SNRs in dB (protocol.meanSnr, snrSigma), not from"
                    + " path loss: a 3GPP model would not be used");
        }
        if (!radio.fading().classic()) {
            throw new InvalidField("radio.fading", "cpsl draws its SNRs in dB (protocol.meanSnr, snrSigma) and averages"
                    + " over Rayleigh fading with rate: ergodic; it does not use a " + radio.fading().name()
                    + " law: use rayleigh or none");
        }
        if (ergodicRate() && radio.coherenceTime() != null) {
            throw new InvalidField("protocol.rate", "'" + ERGODIC + "' averages the rate over Rayleigh fading, and"
                    + " the fading blocks of radio." + (radio.mobility() != null ? "mobility" : "coherenceTime")
                    + " draw that fading already: choose one");
        }
    }

    /** Whether eq. (14)'s rate is averaged over Rayleigh fading ({@code rate: ergodic}). */
    @JsonIgnore
    public boolean ergodicRate() {
        return rate.equals(ERGODIC);
    }

    /** The protocol's channel law: SNRs in dB around each device's mean, read as {@code rate} says. */
    @JsonIgnore
    public SnrDbLaw channelLaw() {
        return new SnrDbLaw(snrSigma, ergodicRate());
    }

    /** The straggler policy. */
    @JsonIgnore
    public Stragglers stragglers() {
        return new Stragglers(straggler, deadlineFactor, null);
    }

    /** Devices per cluster under the scheme, for {@code devices} devices. */
    public int clusterSize(int devices) {
        return switch (scheme) {
            case SL -> 1;
            case FL -> devices;
            default -> clusterSize;
        };
    }

    /** The fixed cut layer, or 0 for {@code auto}. */
    public int cutLayer() {
        return cut.equals(AUTO) ? 0 : Integer.parseInt(cut);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    public int requiredDevices() {
        return 0;
    }

    /** The rules between this protocol and the scenario's devices and learning section. */
    @Override
    public void check(DevicesSpec devices, LearningSpec learning) {
        if (devices.cpu() == null) {
            throw new InvalidField("devices.cpu", "protocol cpsl computes in CPU cycles; describe the devices with"
                    + " 'cpu'");
        }
        if (scheme().equals(CPSL) && devices.count() % clusterSize() != 0) {
            throw new InvalidField("protocol.clusterSize", "clusters of " + clusterSize() + " cannot partition the "
                    + devices.count() + " devices (devices.count must be a multiple of clusterSize)");
        }
        if (subcarriers() < clusterSize(devices.count()) && !scheme().equals(CL)) {
            throw new InvalidField("protocol.subcarriers", "every device of a cluster needs at least one subcarrier:"
                    + " C = " + subcarriers() + " is below the " + clusterSize(devices.count()) + " devices of a"
                    + " cluster (scheme " + scheme() + ")");
        }
        if (scheme().equals(CL) && learning == null) {
            throw new InvalidField("protocol.scheme", "'cl' (centralised learning) is an accuracy reference; it"
                    + " needs a 'learning' section");
        }
        if (devices.availability() != null && scheme().equals(CL)) {
            throw new InvalidField("devices.availability", "scheme 'cl' trains at the server alone: no device computes"
                    + " to be away from; remove it");
        }
    }

    @Override
    public void checkCells(CellsSpec cells, RadioSpec radio) {
        throw new InvalidField("cells", "protocol " + TYPE + " runs in one cell: its channel is a law of SNRs in dB"
                + " with no geometry, so there is no distance over which another cell could interfere; several"
                + " cells run protocols partel, feel and async-mel");
    }
}
