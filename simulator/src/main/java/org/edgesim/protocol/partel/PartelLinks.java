package org.edgesim.protocol.partel;

import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Channel;
import org.edgesim.protocol.Cells;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.round.Link;
import org.edgesim.round.Turn;
import org.edgesim.scenario.RadioSpec;

/** PARTEL's links in several cells (issue 28). */
final class PartelLinks {
    private PartelLinks() {
    }

    /**
     * With several cells: the broadcast and the uploads through the air the cells share, each at
     * the SINR it meets there with the round's fading drawn (PARTEL reads its rates on the drawn
     * gains, one cell or several: {@link Channel#drawn}); the noise counted as the snapshot counts
     * it (the paper's noise bands).
     */
    static PartelRound.Links shared(Turn<?> turn, Cells cells, Channel channel, RadioSpec radio,
                                    PartelSnapshot truth, PartelPlan plan) {
        RoundConditions.Round c = turn.truth();
        double band = truth.bandwidthHz();
        int n = truth.workers().size();
        double[] received = new double[n];
        for (int i = 0; i < n; i++) {
            received[i] = cells.power(turn.cell()) * c.gainDown()[i];
        }
        Link push = cells.down(turn.cell(), turn.members(), band, cells.power(turn.cell()), received,
                channel.noise(radio.noiseDensity(), band), channel.drawnOfSinr(), null, 0);
        return new PartelRound.Links(push, i -> {
            double share = plan.share(i) * band;
            double noiseBand = truth.uplinkNoise() == UplinkNoise.EQUAL_SHARE ? band / n : share;
            return cells.up(turn.cell(), turn.member(i), share, radio.devicePower(),
                    radio.devicePower() * c.gainUp()[i], channel.noise(radio.noiseDensity(), noiseBand),
                    channel.drawnOfSinr(), null, 0);
        });
    }
}
