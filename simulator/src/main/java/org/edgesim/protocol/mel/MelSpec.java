package org.edgesim.protocol.mel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.edgesim.scenario.CellsSpec;
import org.edgesim.scenario.CompressionSpec;
import org.edgesim.scenario.DevicesSpec;
import org.edgesim.scenario.Dimension;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Unit;

/**
 * Asynchronous mobile edge learning (docs/models/async-mel.md): global cycles of length {@code T}; learner
 * {@code k} receives the model (and its {@code d_k} samples in parallelised learning), runs
 * {@code tau_k} local updates and returns its model before the cycle ends.
 *
 * @param cycle            {@code T}, default 15 s
 * @param mode             {@code parallelised} (default: samples are sent every cycle) or
 *                         {@code federated} (each learner holds {@code d_hi} of the {@code d}
 *                         samples for the whole run and uses {@code d_k} of them per cycle)
 * @param samples          {@code d}; required without {@code learning}, else the training set's size
 * @param features         {@code F}, features per sample; default the data's, else 784
 * @param bitsPerFeature   {@code P_d}, default 32
 * @param modelBits        {@code S_m}; default the trained model's parameters x 32
 * @param flopsPerSample   {@code C_m}, FLOPs per sample per local update (forward + backward);
 *                         default the trained model's
 * @param learnerBandwidth {@code W} per learner, default 5 MHz
 * @param minShare         {@code d_lo} as a fraction of {@code d / K}, default 0.1
 * @param maxShare         {@code d_hi} as a fraction of {@code d / K}, default 3
 * @param localUpdate      what one local update is when a {@code learning} section trains the
 *                         model: {@code gradient-step} (default: one full-batch gradient step over
 *                         the learner's {@code d_k} samples) or {@code epoch} (one SGD epoch over
 *                         them in mini-batches of {@code batchSize}); both pass over each sample once
 * @param batchSize        mini-batch size of an {@code epoch} update, default 64 (none for a gradient step)
 * @param compression      how a learner compresses the model it returns (its change since it received
 *                         the global model; default none): the bits are charged to the return link
 *                         and enter its timing {@code c0}; the model and data sent to it are not
 *                         compressed. Of {@code S_m / 32} values of 32 bits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonTypeName(MelSpec.TYPE)
public record MelSpec(@Unit(Dimension.TIME) Double cycle, String mode, Integer samples, Integer features,
                      Double bitsPerFeature, Double modelBits, Double flopsPerSample,
                      @Unit(Dimension.FREQUENCY) Double learnerBandwidth, Double minShare, Double maxShare,
                      String localUpdate, Integer batchSize, CompressionSpec compression)
        implements ProtocolSpec {
    public static final String TYPE = "async-mel";
    public static final String PARALLELISED = "parallelised";
    public static final String FEDERATED = "federated";
    public static final String GRADIENT_STEP = "gradient-step";
    public static final String EPOCH = "epoch";

    /** Without compression. */
    public MelSpec(Double cycle, String mode, Integer samples, Integer features, Double bitsPerFeature, Double modelBits,
                   Double flopsPerSample, Double learnerBandwidth, Double minShare, Double maxShare, String localUpdate,
                   Integer batchSize) {
        this(cycle, mode, samples, features, bitsPerFeature, modelBits, flopsPerSample, learnerBandwidth, minShare,
                maxShare, localUpdate, batchSize, null);
    }

    /** The returned models' compression (none when not given). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public org.edgesim.learning.Compression uploads() {
        return CompressionSpec.lawOf(compression);
    }

    public MelSpec {
        cycle = cycle == null ? 15.0 : InvalidField.positive("cycle", cycle, Dimension.TIME);
        mode = mode == null ? PARALLELISED : mode;
        if (!mode.equals(PARALLELISED) && !mode.equals(FEDERATED)) {
            throw new InvalidField("mode", "must be 'parallelised' or 'federated', got '" + mode + "'");
        }
        if (samples != null) {
            InvalidField.atLeast("samples", samples, 1);
        }
        if (features != null) {
            InvalidField.atLeast("features", features, 1);
        }
        bitsPerFeature = bitsPerFeature == null ? 32.0
                : InvalidField.positive("bitsPerFeature", bitsPerFeature, Dimension.COUNT);
        if (modelBits != null) {
            InvalidField.positive("modelBits", modelBits, Dimension.COUNT);
        }
        if (flopsPerSample != null) {
            InvalidField.positive("flopsPerSample", flopsPerSample, Dimension.COUNT);
        }
        learnerBandwidth = learnerBandwidth == null ? 5e6
                : InvalidField.positive("learnerBandwidth", learnerBandwidth, Dimension.FREQUENCY);
        minShare = minShare == null ? 0.1 : InvalidField.positive("minShare", minShare, Dimension.COUNT);
        maxShare = maxShare == null ? 3.0 : InvalidField.positive("maxShare", maxShare, Dimension.COUNT);
        if (maxShare < minShare) {
            throw new InvalidField("maxShare", "must be at least minShare (" + minShare + "), got " + maxShare);
        }
        localUpdate = localUpdate == null ? GRADIENT_STEP : localUpdate;
        if (!localUpdate.equals(GRADIENT_STEP) && !localUpdate.equals(EPOCH)) {
            throw new InvalidField("localUpdate", "must be 'gradient-step' or 'epoch', got '" + localUpdate + "'");
        }
        if (batchSize != null && localUpdate.equals(GRADIENT_STEP)) {
            throw new InvalidField("batchSize", "only an 'epoch' local update has mini-batches (a gradient step uses"
                    + " all d_k samples)");
        }
        if (localUpdate.equals(EPOCH)) {
            batchSize = batchSize == null ? 64 : (int) InvalidField.atLeast("batchSize", batchSize, 1);
        }
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
            throw new InvalidField("devices.cpu", "protocol async-mel computes in CPU cycles; describe the learners"
                    + " with 'cpu'");
        }
        if (learning == null && (samples() == null || modelBits() == null || flopsPerSample() == null)) {
            throw new InvalidField(samples() == null ? "protocol.samples" : modelBits() == null
                    ? "protocol.modelBits" : "protocol.flopsPerSample", "missing: without a 'learning' section"
                    + " the clock needs the samples d, the model size and the FLOPs per sample per update");
        }
        if (learning == null && localUpdate().equals(MelSpec.EPOCH)) {
            throw new InvalidField("protocol.localUpdate", "'epoch' says how the model is trained; without a"
                    + " 'learning' section nothing is trained (remove it, or add the section)");
        }
    }

    @Override
    public void checkCells(CellsSpec cells, RadioSpec radio) {
        if (learnerBandwidth() > radio.bandwidth() / cells.reuse()) {
            throw new InvalidField("protocol.learnerBandwidth", "is " + learnerBandwidth() + " Hz, more than a"
                    + " cell's band (radio.bandwidth / cells.reuse = " + radio.bandwidth() / cells.reuse() + " Hz); each"
                    + " learner's channel must fit in its cell's band");
        }
    }
}
