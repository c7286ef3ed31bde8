package org.edgesim.protocol.fdma;

/** Each device's share of the band, in device order: each positive, together at most the band. */
public record FdmaPlan(double[] shares) {
    public FdmaPlan {
        shares = shares.clone();
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
            if (!(shares[k] > 0)) {
                throw new IllegalArgumentException("device " + k + "'s share must be > 0, got " + shares[k]);
            }
            sum += shares[k];
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("the shares add up to " + sum + ", more than the band");
        }
    }
}
