package org.edgesim.cell;

import java.util.List;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;

/**
 * Which site serves a device: the one it receives with the strongest mean power
 * ({@code P_site} times the path gain, no fading or shadowing), or the nearest. Ties go to the
 * lower index.
 */
public enum Association {
    STRONGEST, NEAREST;

    /**
     * The serving site of a device at {@code p}; {@code powers} per site, W (neither they nor the
     * path loss count for {@code NEAREST}).
     */
    public int serving(int device, Position p, List<Position> sites, double[] powers, PathGains gains) {
        int best = 0;
        double score = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < sites.size(); c++) {
            double d = Math.hypot(p.x() - sites.get(c).x(), p.y() - sites.get(c).y());
            double s = this == NEAREST ? -d : powers[c] * gains.gain(device, p, c, sites.get(c), d);
            if (s > score) {
                score = s;
                best = c;
            }
        }
        return best;
    }
}
