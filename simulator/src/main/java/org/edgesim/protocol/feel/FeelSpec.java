package org.edgesim.protocol.feel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.CompressionSpec;
import org.edgesim.scenario.DevicesSpec;
import org.edgesim.scenario.Dimension;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Stragglers;
import org.edgesim.scenario.Unit;

/**
 * FEEL with batch-size selection and TDMA slots (docs/models/feel.md). The clock's model size and
 * compute per sample come, in this order, from the explicit fields, from a named
 * {@code latencyModel}, or from the model the {@code learning} section trains.
 *
 * @param maxBatch          {@code Bmax}, default 128
 * @param uplinkFrame       TDMA frame {@code Tf_U}, default 10 ms
 * @param downlinkFrame     {@code Tf_D}, default 10 ms
 * @param bitsPerGradient   {@code b}: bits per gradient element sent (gradient-based schemes, both
 *                          ways: the server broadcasts the averaged gradient), default 32 (Table I)
 * @param bitsPerModelParameter bits per model parameter sent (model-based FEEL and individual
 *                          learning's exchange), default 32: the paper states none
 * @param latencyModel      {@code densenet121}, {@code resnet18} or {@code mobilenetv2}: the paper's
 *                          models as latency profiles (parameter count, cycles per sample)
 * @param modelParameters   {@code p}
 * @param cyclesPerSample   {@code C}: CPU cycles of one sample's forward and backward pass
 * @param updateCycles      {@code M}: CPU cycles of one model update (default {@code 2p}: one
 *                          multiply-add per parameter, over kappa)
 * @param gpuUpdate         a GPU's model update time {@code t_M}, default: its per-sample latency
 * @param trainingSamples   training-set size split over the devices; required without
 *                          {@code learning} (then split evenly), else the data's
 * @param partition         {@code iid} (default) or {@code non-iid} (sort by label, 2K shards, two
 *                          per device)
 * @param referenceBatch    {@code Bref}: the learning rate is {@code stepSize * sqrt(B / Bref)},
 *                          default {@code Bmax}
 * @param straggler         {@code wait-all} (default, the paper's: the server waits for every
 *                          upload), {@code deadline}: it aggregates what has arrived at
 *                          {@code deadlineFactor} times the plan's uplink phase, late uploads dropped,
 *                          or {@code quorum} (over-selection): it aggregates the first {@code quorum}
 *                          updates to arrive and drops the rest
 * @param deadlineFactor    with {@code deadline}, default 1.5
 * @param quorum            with {@code quorum}: how many updates the server waits for
 * @param localValidation   individual learning: the fraction of each device's samples held out to
 *                          decide when its local training has converged (default 0.1, drawn from
 *                          stream {@code feel/validation/device-k}); it trains on the rest
 * @param localPatience     individual learning: a device stops after this many local epochs in a
 *                          row without an improvement of its validation loss (default 3)
 * @param localMinImprovement individual learning: the least decrease of the validation loss that
 *                          counts as an improvement, as a fraction of its loss before the first
 *                          epoch (default 0.01); the rule is {@code learning.EarlyStopping}'s (an
 *                          assumption: the paper states no criterion)
 * @param maxLocalEpochs    individual learning: at most this many local epochs per device (default
 *                          100); without a {@code learning} section nothing converges and every
 *                          device runs exactly this many
 * @param aggregation       how the updates may reach the server: {@code digital} (default: each over
 *                          its own TDMA slots, the paper's) or {@code aircomp}: an over-the-air
 *                          scheduler's plan then sends them all at once (broadband analog aggregation,
 *                          {@code channel.AnalogAggregation}; gradient FEEL, one cell, {@code wait-all},
 *                          Rayleigh or no fading, no fading blocks, no packet loss), while a digital
 *                          scheduler compared with it still sends over its slots
 * @param subcarriers       the OFDM subcarriers {@code M} aircomp splits the band into, one coordinate
 *                          each per symbol of {@code M / B} (default 64); digital aggregation does not
 *                          use it (TDMA slots of the whole band), so one study may compare both
 * @param compression       how the devices compress the gradients or models they upload (a model: its
 *                          change since the round's global model; default none); the server's averaged
 *                          gradient and the models it sends down are not compressed. An over-the-air sum is analog: compression applies to the
 *                          digital uploads only (so a study may compare AirComp, OFDMA and quantised OFDMA)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonTypeName(FeelSpec.TYPE)
public record FeelSpec(Integer maxBatch,
                       @Unit(Dimension.TIME) Double uplinkFrame,
                       @Unit(Dimension.TIME) Double downlinkFrame,
                       Double bitsPerGradient,
                       Double bitsPerModelParameter,
                       String latencyModel,
                       Long modelParameters,
                       Double cyclesPerSample,
                       Double updateCycles,
                       @Unit(Dimension.TIME) Double gpuUpdate,
                       Integer trainingSamples,
                       String partition,
                       Double referenceBatch,
                       String straggler,
                       Double deadlineFactor,
                       Integer quorum,
                       Double localValidation,
                       Integer localPatience,
                       Double localMinImprovement,
                       Integer maxLocalEpochs,
                       String aggregation,
                       Integer subcarriers,
                       CompressionSpec compression) implements ProtocolSpec {
    public static final String TYPE = "feel";
    public static final String DIGITAL = "digital";
    public static final String AIRCOMP = "aircomp";
    public static final String IID = "iid";
    public static final String NON_IID = "non-iid";

    /**
     * The paper's models as latency profiles: torchvision parameter counts and forward + backward
     * FLOPs per 32x32 CIFAR-10 sample. DenseNet121 (8,062,504) and MobileNetV2 (3,538,984) are as
     * the paper states; ResNet18 keeps torchvision's true 11,689,512, where the paper states
     * 33,161,024 (no ResNet18 variant has that many; give {@code modelParameters: 33161024} to use
     * the paper's figure). FLOPs are taken as
     * three times the forward pass, itself the 224x224 ImageNet multiply-adds (2.87 G, 1.82 G,
     * 0.30 G) times two FLOPs, scaled by (32/224)^2 (an assumption: the paper is silent).
     */
    public static final Map<String, LatencyModel> LATENCY_MODELS = Map.of(
            "densenet121", new LatencyModel(8_062_504L, 3 * 2 * 2.87e9 / 49),
            "resnet18", new LatencyModel(11_689_512L, 3 * 2 * 1.82e9 / 49),
            "mobilenetv2", new LatencyModel(3_538_984L, 3 * 2 * 0.30e9 / 49));

    /** A named latency profile: parameters and FLOPs per sample (forward + backward). */
    public record LatencyModel(long parameters, double flopsPerSample) {
    }

    public FeelSpec {
        maxBatch = maxBatch == null ? 128 : maxBatch;
        InvalidField.atLeast("maxBatch", maxBatch, 1);
        uplinkFrame = uplinkFrame == null ? 0.01 : InvalidField.positive("uplinkFrame", uplinkFrame, Dimension.TIME);
        downlinkFrame = downlinkFrame == null ? 0.01
                : InvalidField.positive("downlinkFrame", downlinkFrame, Dimension.TIME);
        bitsPerGradient = bitsPerGradient == null ? 32.0
                : InvalidField.positive("bitsPerGradient", bitsPerGradient, Dimension.COUNT);
        bitsPerModelParameter = bitsPerModelParameter == null ? 32.0
                : InvalidField.positive("bitsPerModelParameter", bitsPerModelParameter, Dimension.COUNT);
        localValidation = localValidation == null ? 0.1 : localValidation;
        if (!(localValidation > 0 && localValidation < 1)) {
            throw new InvalidField("localValidation", "must be a fraction in (0, 1), got " + localValidation);
        }
        localPatience = localPatience == null ? 3 : localPatience;
        InvalidField.atLeast("localPatience", localPatience, 1);
        localMinImprovement = localMinImprovement == null ? 0.01 : localMinImprovement;
        if (!(localMinImprovement >= 0 && localMinImprovement < 1)) {
            throw new InvalidField("localMinImprovement", "must be a fraction in [0, 1), got " + localMinImprovement);
        }
        maxLocalEpochs = maxLocalEpochs == null ? 100 : maxLocalEpochs;
        InvalidField.atLeast("maxLocalEpochs", maxLocalEpochs, 1);
        if (latencyModel != null && !LATENCY_MODELS.containsKey(latencyModel)) {
            throw new InvalidField("latencyModel", "must be one of " + List.copyOf(new java.util.TreeSet<>(
                    LATENCY_MODELS.keySet())) + ", got '" + latencyModel + "'");
        }
        if (modelParameters != null && modelParameters < 1) {
            throw new InvalidField("modelParameters", "must be >= 1, got " + modelParameters);
        }
        if (cyclesPerSample != null) {
            InvalidField.positive("cyclesPerSample", cyclesPerSample, Dimension.COUNT);
        }
        if (updateCycles != null) {
            InvalidField.nonNegative("updateCycles", updateCycles, Dimension.COUNT);
        }
        if (gpuUpdate != null) {
            InvalidField.nonNegative("gpuUpdate", gpuUpdate, Dimension.TIME);
        }
        if (trainingSamples != null) {
            InvalidField.atLeast("trainingSamples", trainingSamples, 1);
        }
        partition = partition == null ? IID : partition;
        if (!partition.equals(IID) && !partition.equals(NON_IID)) {
            throw new InvalidField("partition", "must be 'iid' or 'non-iid', got '" + partition + "'");
        }
        referenceBatch = referenceBatch == null ? maxBatch
                : InvalidField.positive("referenceBatch", referenceBatch, Dimension.COUNT);
        Stragglers policy = Stragglers.of(straggler, deadlineFactor, quorum, true, TYPE);
        straggler = policy.policy();
        deadlineFactor = policy.deadlineFactor();
        aggregation = aggregation == null ? DIGITAL : aggregation;
        if (!aggregation.equals(DIGITAL) && !aggregation.equals(AIRCOMP)) {
            throw new InvalidField("aggregation", "must be '" + DIGITAL + "' (each update over its own slots) or '"
                    + AIRCOMP + "' (over the air, all at once), got '" + aggregation + "'");
        }
        subcarriers = subcarriers == null && aggregation.equals(AIRCOMP) ? Integer.valueOf(64) : subcarriers;
        if (subcarriers != null) {
            InvalidField.atLeast("subcarriers", subcarriers, 1);
        }
        if (aggregation.equals(AIRCOMP) && !straggler.equals(Stragglers.WAIT_ALL)) {
            throw new InvalidField("straggler", "aircomp sends every selected update at once, when the last is"
                    + " computed: it takes 'wait-all', not '" + straggler + "'");
        }
    }

    /** The uploads' compression (none when not given). */
    @JsonIgnore
    public org.edgesim.learning.Compression uploads() {
        return CompressionSpec.lawOf(compression);
    }

    /** Whether the updates are aggregated over the air ({@code aggregation: aircomp}). */
    @JsonIgnore
    public boolean airComp() {
        return aggregation.equals(AIRCOMP);
    }

    /** AirComp's analog sum needs a fading law it can invert, one draw per round and no packets. */
    @Override
    public void checkRadio(RadioSpec radio) {
        if (!airComp()) {
            return;
        }
        if (!radio.fading().classic()) {
            throw new InvalidField("radio.fading", "aircomp inverts each subcarrier's Rayleigh gain (or none); a "
                    + radio.fading().name() + " law is not built for it: use rayleigh or none");
        }
        if (radio.coherenceTime() != null || radio.mobility() != null) {
            throw new InvalidField(radio.coherenceTime() != null ? "radio.coherenceTime" : "radio.mobility",
                    "aircomp draws each subcarrier's gain once per aggregation; fading blocks inside it are not built");
        }
        if (radio.packetErrorRate() != null && radio.packetErrorRate() > 0) {
            throw new InvalidField("radio.packetErrorRate", "aircomp's analog sum is not sent in packets: its errors"
                    + " are the noise and the truncation; remove packetErrorRate");
        }
    }

    /** The straggler policy. */
    @JsonIgnore
    public Stragglers stragglers() {
        return new Stragglers(straggler, deadlineFactor, quorum);
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
        if (learning != null) {
            return;
        }
        String missing = trainingSamples() == null ? "protocol.trainingSamples"
                : modelParameters() == null && latencyModel() == null ? "protocol.modelParameters"
                : devices.cpu() != null && cyclesPerSample() == null && latencyModel() == null
                ? "protocol.cyclesPerSample" : null;
        if (missing != null) {
            throw new InvalidField(missing, "missing: without a 'learning' section nothing is trained, so the clock"
                    + " needs the training-set size, the model size and (on CPUs) the cycles per sample, or a"
                    + " 'latencyModel'");
        }
        int n = devices.count();
        if (trainingSamples() / n < maxBatch()) {
            throw new InvalidField("protocol.maxBatch", "is " + maxBatch() + " but each of the " + n + " devices"
                    + " holds only " + trainingSamples() / n + " training samples (protocol.trainingSamples / "
                    + "devices.count); a batch cannot be larger than a device's data");
        }
    }
}
