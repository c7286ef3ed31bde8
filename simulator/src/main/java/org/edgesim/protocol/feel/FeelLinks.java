package org.edgesim.protocol.feel;

import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Channel;
import org.edgesim.protocol.Cells;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.TdmaFrame;
import org.edgesim.round.FadingBlocks;
import org.edgesim.round.Link;
import org.edgesim.round.Turn;
import org.edgesim.scenario.RadioSpec;

/**
 * How a FEEL round's transfers get through, each only inside its owner's slots: at the snapshot's
 * ergodic rates all round; in fading blocks ({@code radio.coherenceTime}); or, with several cells,
 * through the air they share, at the ergodic rate of the SINR they meet there.
 */
interface FeelLinks {
    /** Device {@code k}'s upload in {@code frame}. */
    Link up(int k, TdmaFrame frame);

    /** The access point's transfer to device {@code k} in {@code frame}. */
    Link down(int k, TdmaFrame frame);

    /** The links of {@code turn}, whose true snapshot is {@code truth}. */
    static FeelLinks of(Turn<?> turn, RoundEngine engine, RadioSpec radio, FeelSnapshot truth) {
        RoundConditions.Round c = turn.truth();
        if (engine.cells() != null) {
            Cells cells = engine.cells();
            double w = cells.bandHz();
            Channel channel = engine.channel();
            double noise = channel.noise(radio.noiseDensity(), w);
            return new FeelLinks() {
                @Override
                public Link up(int k, TdmaFrame frame) {
                    return cells.up(turn.cell(), turn.member(k), w, radio.devicePower(),
                            radio.devicePower() * c.largeScale()[k], noise, channel.ergodicOfSinr(), frame, k);
                }

                @Override
                public Link down(int k, TdmaFrame frame) {
                    double p = cells.power(turn.cell());
                    return cells.down(turn.cell(), new int[] {turn.member(k)}, w, p, new double[] {p * c.largeScale()[k]},
                            noise, channel.ergodicOfSinr(), frame, k);
                }
            };
        }
        FadingBlocks upBlocks = engine.coherence().up(turn.start(), c);
        if (upBlocks == null) {
            return new FeelLinks() {
                @Override
                public Link up(int k, TdmaFrame frame) {
                    return new Link.Slotted(frame, k, truth.device(k).rateUpBps());
                }

                @Override
                public Link down(int k, TdmaFrame frame) {
                    return new Link.Slotted(frame, k, truth.device(k).rateDownBps());
                }
            };
        }
        FadingBlocks downBlocks = engine.coherence().down(turn.start(), c);
        double w = radio.bandwidth();
        Channel channel = engine.channel();
        double noise = channel.noise(radio.noiseDensity(), w);
        int n = c.gainUp().length;
        PiecewiseRate[] ups = new PiecewiseRate[n];
        PiecewiseRate[] downs = new PiecewiseRate[n];
        for (int k = 0; k < n; k++) {
            ups[k] = upBlocks.link(k, g -> w * channel.drawn(radio.devicePower(), g, noise));
            downs[k] = downBlocks.link(k, g -> w * channel.drawn(radio.apPower(), g, noise));
        }
        return new FeelLinks() {
            @Override
            public Link up(int k, TdmaFrame frame) {
                return new Link.SlottedBlocks(frame, k, ups[k]);
            }

            @Override
            public Link down(int k, TdmaFrame frame) {
                return new Link.SlottedBlocks(frame, k, downs[k]);
            }
        };
    }
}
