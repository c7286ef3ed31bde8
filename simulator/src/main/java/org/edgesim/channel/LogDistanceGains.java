package org.edgesim.channel;

import org.edgesim.radio.Position;

/** A deterministic path-loss law of distance alone (the papers' log-distance laws): no state per link. */
public record LogDistanceGains(PathLoss law) implements PathGains {
    @Override
    public double gain(int device, Position at, int site, Position siteAt, double distanceM) {
        return law.gain(distanceM);
    }
}
