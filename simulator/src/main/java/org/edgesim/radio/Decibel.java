package org.edgesim.radio;

/** dB and dBm conversions. */
public final class Decibel {
    private Decibel() {
    }

    /** {@code 10^(db/10)}. */
    public static double toLinear(double db) {
        return Math.pow(10.0, db / 10.0);
    }

    /** {@code 10 log10(linear)}. */
    public static double fromLinear(double linear) {
        return 10.0 * Math.log10(linear);
    }

    /** Watts from dBm: {@code 10^((dBm - 30) / 10)}. */
    public static double dbmToWatts(double dbm) {
        return toLinear(dbm - 30.0);
    }

    /** dBm from watts. */
    public static double wattsToDbm(double watts) {
        return fromLinear(watts) + 30.0;
    }
}
