package org.edgesim.protocol.feel;

import org.edgesim.channel.AnalogAggregation;
import org.edgesim.channel.ChannelKnowledge;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.FeelSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * The over-the-air side of a FEEL run ({@code protocol.aggregation: aircomp}): each round's channel
 * of the analog sum, drawn for the devices the plan selects (per device its subcarriers' gains from
 * {@code aircomp/device-k}, in device order), and the receiver's noise ({@code aircomp/noise}, one
 * draw per coordinate). What the schedulers know of the channel ({@code radio.csiError},
 * {@code csiAge}) is what the devices invert: {@link AnalogAggregation#draw}.
 */
final class FeelAirComp {
    static final StreamFamily FADING = new StreamFamily("aircomp", i -> "aircomp/device-" + i);
    static final String NOISE = "aircomp/noise";

    private final RandomStream[] fading;
    private final RandomStream noise;

    private FeelAirComp(RandomStreams streams, int devices) {
        this.fading = streams.streams(FADING, devices);
        this.noise = streams.stream(NOISE);
    }

    /** The over-the-air side of a run of {@code spec} with {@code devices} devices; null when it aggregates digitally. */
    static FeelAirComp of(FeelSpec spec, RandomStreams streams, int devices) {
        return spec.airComp() ? new FeelAirComp(streams, devices) : null;
    }

    /**
     * The plan of scheduler {@code scheduler} is one the run can carry out: over the air only with
     * {@code aggregation: aircomp} (a digital plan runs over its slots either way).
     */
    static void check(FeelSpec spec, String scheduler, FeelPlan plan) {
        if (!spec.airComp() && plan.airComp() != null) {
            throw new InfeasibleScenarioException("scheduler " + scheduler + " plans an over-the-air round; set"
                    + " protocol.aggregation: aircomp");
        }
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

    /** The receiver's noise stream. */
    RandomStream noise() {
        return noise;
    }
}
