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
 * they share, at the ergodic rate of the SINR they meet there.
 */
interface FeelLinks {
    /** Device {@code k}'s upload in {@code frame}. */
    Link up(int k, TdmaFrame frame);

    /** The access point's transfer to device {@code k} in {@code frame}. */
    Link down(int k, TdmaFrame frame);

    /** The access point's broadcast to every device over the whole band, at the weakest one's rate (over the air). */
    Link broadcast();

    /** The links of {@code turn}, whose true snapshot is {@code truth}. */
    static FeelLinks of(Turn<?> turn, RoundEngine engine, RadioSpec radio, FeelSnapshot truth) {
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
        };
    }
}
