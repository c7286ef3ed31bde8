package org.edgesim.protocol.feel;

import org.edgesim.channel.Air;
import org.edgesim.channel.Channel;
import org.edgesim.channel.Link;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.radio.TdmaFrame;
import org.edgesim.round.Turn;
import org.edgesim.scenario.RadioSpec;

/**
 * How a FEEL round's transfers get through, each only inside its owner's slots, as the channel
 * makes them ({@link Air}): steady at the snapshot's ergodic rates; in fading blocks
 * ({@code radio.coherenceTime}) at each block's drawn rate; or, with several cells, through the air
 * they share, at the ergodic rate of the SINR they meet there. An analog sum's parts take its
 * airtime whatever they meet; with several cells they are heard by the others, and the site hears
 * theirs.
 */
interface FeelLinks {
    /** Device {@code k}'s upload in {@code frame}. */
    Link up(int k, TdmaFrame frame);

    /** The access point's transfer to device {@code k} in {@code frame}. */
    Link down(int k, TdmaFrame frame);

    /** The access point's broadcast to every device over the whole band, at the weakest one's rate (over the air). */
    Link broadcast();

    /** Device {@code k}'s part of the analog sum: the power it puts out over the band, for the sum's {@code seconds}. */
    Link analog(int k, double bits, double seconds);

    /** The interference density the cell's uplinks heard so far this round, W/Hz (0 with one cell). */
    double heardUp();

    /**
     * The links of {@code turn}, whose true snapshot is {@code truth}; over the air, {@code emittedW}
     * per device the power its part of the analog sum puts out (else null).
     */
    static FeelLinks of(Turn<?> turn, RoundEngine engine, RadioSpec radio, FeelSnapshot truth, double[] emittedW) {
        Air.Round air = engine.links(turn);
        Channel channel = engine.channel();
        double w = air.bandHz();
        double noise = channel.noise(radio.noiseDensity(), w);
        return new FeelLinks() {
            @Override
            public Link up(int k, TdmaFrame frame) {
                return air.up(k, Air.Path.of(w, radio.devicePower(), noise, Air.Reading.ERGODIC,
                        new Link.Slotted(frame, k, truth.device(k).rateUpBps())).inSlot(frame, k));
            }

            @Override
            public Link down(int k, TdmaFrame frame) {
                return air.down(k, Air.Path.of(w, air.apPower(), noise, Air.Reading.ERGODIC,
                        new Link.Slotted(frame, k, truth.device(k).rateDownBps())).inSlot(frame, k));
            }

            @Override
            public Link broadcast() {
                return air.broadcast(Air.Path.of(w, air.apPower(), noise, Air.Reading.ERGODIC,
                        new Link.Timed(truth.broadcastS())));
            }

            @Override
            public Link analog(int k, double bits, double seconds) {
                return air.analog(k, emittedW[k], bits, seconds);
            }

            @Override
            public double heardUp() {
                return air.heardUp();
            }
        };
    }
}
