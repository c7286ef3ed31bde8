package org.edgesim.protocol.mel;

import org.edgesim.channel.Channel;
import org.edgesim.protocol.Cells;
import org.edgesim.round.Link;
import org.edgesim.round.Turn;
import org.edgesim.scenario.MelSpec;
import org.edgesim.scenario.RadioSpec;

/**
 * Async MEL's links in several cells (issue 28): each learner's channel of
 * {@code protocol.learnerBandwidth} through the air the cells share, at the ergodic rate (the scenario's
 * fading law) of the SINR it meets there. MEL's link is one both ways, at the device's power (async-mel.md): so
 * is the site's transfer to it.
 */
final class MelLinks {
    private MelLinks() {
    }

    /** The orchestrator's transfer of the model (and data) to the turn's learner {@code k}. */
    static Link down(Turn<?> turn, Cells cells, Channel channel, RadioSpec radio, MelSpec spec, int k) {
        double w = spec.learnerBandwidth();
        return cells.down(turn.cell(), new int[] {turn.member(k)}, w, radio.devicePower(),
                new double[] {radio.devicePower() * turn.truth().largeScale()[k]}, channel.noise(radio.noiseDensity(), w),
                channel.ergodicOfSinr(), null, 0);
    }

    /** Learner {@code k}'s return of its model. */
    static Link up(Turn<?> turn, Cells cells, Channel channel, RadioSpec radio, MelSpec spec, int k) {
        double w = spec.learnerBandwidth();
        return cells.up(turn.cell(), turn.member(k), w, radio.devicePower(),
                radio.devicePower() * turn.truth().largeScale()[k], channel.noise(radio.noiseDensity(), w),
                channel.ergodicOfSinr(), null, 0);
    }
}
