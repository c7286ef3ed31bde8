package org.edgesim.protocol.partel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.scenario.CellsSpec;
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
 * PARTEL: K groups of N workers; group k owns parameter block k and every group holds the whole
 * training set, split evenly over its workers.
 *
 * @param groups                     K
 * @param workersPerGroup            N
 * @param modelParameters            N_p, parameters of the model
 * @param trainingSamples            training-set size, split over each group's workers
 * @param bitsPerParameter           A_p, default 32
 * @param bitsPerGradient            A_g, default 32
 * @param cyclesPerParameterPerSample O, default 1
 * @param serverUpdateTime           T_s, s, default 0
 * @param uplinkNoise                noise band of the uplink rate, default {@code equal-share}
 * @param latencyBudget              s, optional: a round the scheduler plans longer than this is
 *                                   infeasible (the run stops, naming the critical worker)
 * @param straggler                  {@code wait-all} (default, the paper's), {@code deadline}: the
 *                                   server takes the gradients in at {@code deadlineFactor} times
 *                                   the planned latency before its update, later blocks dropped,
 *                                   or {@code quorum}: it takes the first {@code quorum} in
 * @param deadlineFactor             with {@code deadline}, default 1.5
 * @param quorum                     with {@code quorum}: how many workers' gradients it waits for
 * @param compression                {@code quantize} only (default none): each worker's gradient block
 *                                   at {@code bits} per value, which the schedulers' A_g then is (the
 *                                   block's 32-bit scale, under 0.001% of a block, is left out of
 *                                   PABA's clock); top-k's index bits are not proportional to the block
 */
@com.fasterxml.jackson.annotation.JsonTypeName(PartelSpec.TYPE)
public record PartelSpec(@JsonProperty(required = true) int groups,
                         @JsonProperty(required = true) int workersPerGroup,
                         Long modelParameters,
                         Integer trainingSamples,
                         Double bitsPerParameter,
                         Double bitsPerGradient,
                         Double cyclesPerParameterPerSample,
                         @Unit(Dimension.TIME) Double serverUpdateTime,
                         UplinkNoise uplinkNoise,
                         @Unit(Dimension.TIME) Double latencyBudget,
                         String straggler,
                         Double deadlineFactor,
                         Integer quorum,
                         CompressionSpec compression) implements ProtocolSpec {
    public static final String TYPE = "partel";

    public PartelSpec {
        InvalidField.atLeast("groups", groups, 1);
        InvalidField.atLeast("workersPerGroup", workersPerGroup, 1);
        if (modelParameters != null && modelParameters < groups) {
            throw new InvalidField("modelParameters", "must be at least the number of groups (" + groups
                    + ") so that every group gets a block, got " + modelParameters);
        }
        if (trainingSamples != null && trainingSamples < workersPerGroup) {
            throw new InvalidField("trainingSamples", "must be at least workersPerGroup (" + workersPerGroup
                    + ") so that every worker holds a sample, got " + trainingSamples);
        }
        bitsPerParameter = bitsPerParameter == null ? 32.0
                : InvalidField.positive("bitsPerParameter", bitsPerParameter, Dimension.COUNT);
        bitsPerGradient = bitsPerGradient == null ? 32.0
                : InvalidField.positive("bitsPerGradient", bitsPerGradient, Dimension.COUNT);
        if (compression != null && compression.type().equals(CompressionSpec.TOPK)) {
            throw new InvalidField("compression.type", "partel takes quantize only: PABA's closed forms charge a"
                    + " block's bits in proportion to it, and top-k's index bits are not");
        }
        cyclesPerParameterPerSample = cyclesPerParameterPerSample == null ? 1.0
                : InvalidField.positive("cyclesPerParameterPerSample", cyclesPerParameterPerSample, Dimension.COUNT);
        serverUpdateTime = serverUpdateTime == null ? 0.0
                : InvalidField.nonNegative("serverUpdateTime", serverUpdateTime, Dimension.TIME);
        uplinkNoise = uplinkNoise == null ? UplinkNoise.EQUAL_SHARE : uplinkNoise;
        if (latencyBudget != null) {
            InvalidField.positive("latencyBudget", latencyBudget, Dimension.TIME);
        }
        Stragglers policy = Stragglers.of(straggler, deadlineFactor, quorum, true, TYPE);
        straggler = policy.policy();
        deadlineFactor = policy.deadlineFactor();
    }

    /** The straggler policy. */
    /** The uploaded blocks' compression (none when not given). */
    @JsonIgnore
    public org.edgesim.learning.Compression uploads() {
        return CompressionSpec.lawOf(compression);
    }

    /** A_g as the blocks are sent: {@code bitsPerGradient}, or the quantiser's bits per value. */
    @JsonIgnore
    public double sentBitsPerGradient() {
        return compression != null && compression.type().equals(CompressionSpec.QUANTIZE) ? compression.bits()
                : bitsPerGradient;
    }

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
        return Math.multiplyExact(groups, workersPerGroup);
    }

    /** The rules between this protocol and the scenario's devices and learning section. */
    @Override
    public void check(DevicesSpec devices, LearningSpec learning) {
        if (devices.cpu() == null) {
            throw new InvalidField("devices.cpu", "protocol partel computes in CPU cycles; describe the devices with 'cpu'");
        }
        if (learning == null && (modelParameters() == null || trainingSamples() == null)) {
            throw new InvalidField(modelParameters() == null ? "protocol.modelParameters" : "protocol.trainingSamples",
                    "missing: without a 'learning' section nothing is trained, so the clock needs the model size"
                            + " and the training-set size");
        }
    }

    @Override
    public void checkCells(CellsSpec cells, RadioSpec radio) {
        if (cells.size() > 1 && cells.mobility() != null) {
            throw new InvalidField("cells.mobility", "PARTEL's topology fixes each worker's group in its cell, so its"
                    + " workers stay where they were dropped; mobility and handover run with protocols feel and"
                    + " async-mel");
        }
    }
}
