package org.edgesim.protocol.fdma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.edgesim.scenario.DevicesSpec;
import org.edgesim.scenario.Dimension;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.Stragglers;
import org.edgesim.scenario.Unit;

/**
 * Plain synchronous FedAvg over FDMA: every round each device computes for {@code computeTime},
 * then uploads its {@code modelBits} on its share of the band, all at once; the server averages what
 * has arrived ({@code straggler}: all, by a deadline, or the first {@code quorum}).
 *
 * @param modelBits   bits of one model upload
 * @param computeTime each device's local computation per round (default 0.5 s)
 */
@JsonTypeName(FdmaSpec.TYPE)
public record FdmaSpec(@JsonProperty(required = true) double modelBits, @Unit(Dimension.TIME) Double computeTime,
                       String straggler, Double deadlineFactor, Integer quorum) implements ProtocolSpec {
    public static final String TYPE = "fedavg-fdma";

    public FdmaSpec {
        InvalidField.positive("modelBits", modelBits, Dimension.COUNT);
        computeTime = computeTime == null ? 0.5 : InvalidField.positive("computeTime", computeTime, Dimension.TIME);
        Stragglers policy = Stragglers.of(straggler, deadlineFactor, quorum, true, TYPE);
        straggler = policy.policy();
        deadlineFactor = policy.deadlineFactor();
        quorum = policy.quorum();
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

    @Override
    public void check(DevicesSpec devices, LearningSpec learning) {
        if (learning != null) {
            throw new InvalidField("learning", TYPE + " clocks its rounds only: it trains nothing");
        }
    }

    /** The straggler policy. */
    @JsonIgnore
    public Stragglers stragglers() {
        return new Stragglers(straggler, deadlineFactor, quorum);
    }
}
