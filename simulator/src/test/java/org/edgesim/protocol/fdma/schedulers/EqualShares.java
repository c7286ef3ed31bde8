package org.edgesim.protocol.fdma.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.fdma.FdmaPlan;
import org.edgesim.protocol.fdma.FdmaScheduler;
import org.edgesim.protocol.fdma.FdmaSnapshot;

/** The band in equal shares. */
public final class EqualShares implements FdmaScheduler {
    public static final String NAME = "fdma-equal";

    @Override
    public FdmaPlan plan(FdmaSnapshot s) {
        double[] shares = new double[s.size()];
        Arrays.fill(shares, 1.0 / s.size());
        return new FdmaPlan(shares);
    }
}
