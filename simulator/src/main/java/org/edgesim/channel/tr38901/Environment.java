package org.edgesim.channel.tr38901;

import java.util.Arrays;

/**
 * The deployment scenarios of 3GPP TR 38.901 (V17.0.0) whose large-scale laws edgesim implements,
 * with their defaults and the constants of Tables 7.4.1-1 (shadow fading), 7.5-6 (its correlation
 * distance) and 7.6.3.1-2 (the LOS state's correlation distance).
 */
public enum Environment {
    /** Urban macro: base station 25 m, 1.5 m <= h_UT <= 22.5 m. */
    UMA("3gpp-uma", 25, 1.5, 4, 6, 37, 50, 50),
    /** Urban micro, street canyon: base station 10 m, 1.5 m <= h_UT <= 22.5 m. */
    UMI("3gpp-umi", 10, 1.5, 4, 7.82, 10, 13, 50),
    /** Rural macro: base station 35 m (10-150 m), 1 m <= h_UT <= 10 m; LOS sigma 4 dB before the breakpoint, 6 after. */
    RMA("3gpp-rma", 35, 1.5, 4, 8, 37, 120, 60),
    /** Indoor hotspot, mixed office: ceiling-mounted 3 m, h_UT 1 m. */
    INH_MIXED("3gpp-inh-mixed", 3, 1, 3, 8.03, 10, 6, 10),
    /** Indoor hotspot, open office. */
    INH_OPEN("3gpp-inh-open", 3, 1, 3, 8.03, 10, 6, 10);

    private final String key;
    private final double bsHeight;
    private final double utHeight;
    private final double losSigmaDb;
    private final double nlosSigmaDb;
    private final double losShadowCorrelationM;
    private final double nlosShadowCorrelationM;
    private final double stateCorrelationM;

    Environment(String key, double bsHeight, double utHeight, double losSigmaDb, double nlosSigmaDb,
                double losShadowCorrelationM, double nlosShadowCorrelationM, double stateCorrelationM) {
        this.key = key;
        this.bsHeight = bsHeight;
        this.utHeight = utHeight;
        this.losSigmaDb = losSigmaDb;
        this.nlosSigmaDb = nlosSigmaDb;
        this.losShadowCorrelationM = losShadowCorrelationM;
        this.nlosShadowCorrelationM = nlosShadowCorrelationM;
        this.stateCorrelationM = stateCorrelationM;
    }

    /** As a scenario file names it ({@code 3gpp-uma}). */
    public String key() {
        return key;
    }

    /** The environment a scenario file names, or an exception listing the names. */
    public static Environment of(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown model '" + key + "'; use one of "
                        + String.join(", ", Arrays.stream(values()).map(Environment::key).toList())));
    }

    /** The standard's base-station height, m. */
    public double defaultBsHeight() {
        return bsHeight;
    }

    /** The standard's device height, m. */
    public double defaultUtHeight() {
        return utHeight;
    }

    /** Whether it is an indoor hotspot (no outdoor-to-indoor penetration, distances in 3D from 1 m). */
    public boolean indoor() {
        return this == INH_MIXED || this == INH_OPEN;
    }

    /**
     * The shadow fading's standard deviation, dB (Table 7.4.1-1); RMa's LOS value is that of PL1,
     * before the breakpoint ({@link LargeScale#shadowSigmaDb} gives PL2's beyond it).
     */
    double sigmaDb(boolean los) {
        return los ? losSigmaDb : nlosSigmaDb;
    }

    /** The shadow fading's correlation distance, m (Table 7.5-6, part 1). */
    public double shadowCorrelationM(boolean los) {
        return los ? losShadowCorrelationM : nlosShadowCorrelationM;
    }

    /** An indoor device's shadow fading deviation, dB (Table 7.5-6's O2I column: 8 in RMa, 7 in UMa and UMi). */
    public double o2iShadowSigmaDb() {
        return this == RMA ? 8 : 7;
    }

    /** An indoor device's shadow fading correlation distance, m (Table 7.5-6: 120 in RMa, 7 in UMa and UMi). */
    public double o2iShadowCorrelationM() {
        return this == RMA ? 120 : 7;
    }

    /** The LOS state's correlation distance, m (Table 7.6.3.1-2). */
    public double stateCorrelationM() {
        return stateCorrelationM;
    }
}
