package org.edgesim.channel.tr38901;

/**
 * TR 38.901's large-scale laws (V17.0.0): path loss in LOS and NLOS (Table 7.4.1-1, with its
 * breakpoints and NLOS = max(PL_LOS, PL'_NLOS)), the LOS probability (Table 7.4.2-1), UMa's
 * effective environment height (Note 1 of Table 7.4.1-1), the shadow fading's deviation and the
 * outdoor-to-indoor penetration loss (Table 7.4.3-2, §7.4.3.1). Single antenna, large scale only:
 * no fast-fading clusters, no MIMO. Distances in metres, the carrier in GHz in the path-loss
 * formulas and in Hz in the breakpoints, as the standard writes them, with {@code c = 3.0e8 m/s}.
 */
public final class LargeScale {
    /** The speed of light as the standard's breakpoint formulas take it, m/s. */
    public static final double C = 3.0e8;
    /** RMa's average building height h and street width W, the standard's defaults, m. */
    public static final double RMA_BUILDING_HEIGHT = 5;
    public static final double RMA_STREET_WIDTH = 20;

    private LargeScale() {
    }

    /**
     * Why {@code link} lies outside the range the standard gives {@code env}'s formulas, or null
     * when it is inside: the carrier, the heights and the distance.
     */
    public static String outOfRange(Environment env, Link link) {
        double f = link.carrierGHz();
        double maxF = env == Environment.RMA ? 30 : 100;
        if (f < 0.5 || f > maxF) {
            return "carrier " + f + " GHz is outside " + env.key() + "'s 0.5-" + (int) maxF + " GHz";
        }
        double h = link.utHeightM();
        double hb = link.bsHeightM();
        switch (env) {
            case UMA, UMI -> {
                if (h < 1.5 || h > 22.5) {
                    return "device height " + h + " m is outside " + env.key() + "'s 1.5-22.5 m";
                }
                if (hb != env.defaultBsHeight()) {
                    return "base-station height " + hb + " m is not " + env.key() + "'s " + env.defaultBsHeight()
                            + " m (the only height its formulas are given for)";
                }
                if (link.distance2dM() < 10 || link.distance2dM() > 5000) {
                    return "2D distance " + link.distance2dM() + " m is outside " + env.key() + "'s 10 m - 5 km";
                }
            }
            case RMA -> {
                if (h < 1 || h > 10) {
                    return "device height " + h + " m is outside 3gpp-rma's 1-10 m";
                }
                if (hb < 10 || hb > 150) {
                    return "base-station height " + hb + " m is outside 3gpp-rma's 10-150 m";
                }
                // LOS to 10 km, NLOS to 5 km: a link may turn NLOS, so 5 km bounds both.
                if (link.distance2dM() < 10 || link.distance2dM() > 5000) {
                    return "2D distance " + link.distance2dM() + " m is outside 3gpp-rma's 10 m - 5 km";
                }
            }
            case INH_MIXED, INH_OPEN -> {
                if (!(hb > h)) {
                    return "base-station height " + hb + " m must be above the device's " + h + " m";
                }
                if (link.distance3dM() < 1 || link.distance3dM() > 150) {
                    return "3D distance " + link.distance3dM() + " m is outside " + env.key() + "'s 1-150 m";
                }
            }
            default -> throw new AssertionError(env);
        }
        return null;
    }

    private static void check(Environment env, Link link) {
        String why = outOfRange(env, link);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
    }

    /**
     * The LOS breakpoint distance, m: RMa's {@code d_BP = 2 pi h_BS h_UT f_c / c}; UMa's and UMi's
     * {@code d'_BP = 4 h'_BS h'_UT f_c / c} with the heights less {@code h_E}; none indoors (infinite).
     */
    public static double breakpointM(Environment env, Link link) {
        return switch (env) {
            case RMA -> 2 * Math.PI * link.bsHeightM() * link.utHeightM() * link.carrierHz() / C;
            case UMA, UMI -> 4 * (link.bsHeightM() - link.environmentHeightM())
                    * (link.utHeightM() - link.environmentHeightM()) * link.carrierHz() / C;
            case INH_MIXED, INH_OPEN -> Double.POSITIVE_INFINITY;
        };
    }

    /** Path loss in LOS, dB (Table 7.4.1-1). */
    public static double lossLosDb(Environment env, Link link) {
        check(env, link);
        return losDb(env, link);
    }

    /** As {@link #lossLosDb} without the range check: beyond the tables' reach the formulas are extended. */
    static double losDb(Environment env, Link link) {
        double d3 = link.distance3dM();
        double f = link.carrierGHz();
        double bp = breakpointM(env, link);
        boolean beyond = link.distance2dM() > bp;
        return switch (env) {
            case RMA -> beyond ? rmaPl1(bp, f) + 40 * Math.log10(d3 / bp) : rmaPl1(d3, f);
            case UMA -> beyond
                    ? 28.0 + 40 * Math.log10(d3) + 20 * Math.log10(f)
                            - 9 * Math.log10(bp * bp + sq(link.bsHeightM() - link.utHeightM()))
                    : 28.0 + 22 * Math.log10(d3) + 20 * Math.log10(f);
            case UMI -> beyond
                    ? 32.4 + 40 * Math.log10(d3) + 20 * Math.log10(f)
                            - 9.5 * Math.log10(bp * bp + sq(link.bsHeightM() - link.utHeightM()))
                    : 32.4 + 21 * Math.log10(d3) + 20 * Math.log10(f);
            case INH_MIXED, INH_OPEN -> 32.4 + 17.3 * Math.log10(d3) + 20 * Math.log10(f);
        };
    }

    /** RMa's PL1 at 3D distance {@code d}, with the default building height. */
    private static double rmaPl1(double d, double f) {
        double h = RMA_BUILDING_HEIGHT;
        return 20 * Math.log10(40 * Math.PI * d * f / 3) + Math.min(0.03 * Math.pow(h, 1.72), 10) * Math.log10(d)
                - Math.min(0.044 * Math.pow(h, 1.72), 14.77) + 0.002 * Math.log10(h) * d;
    }

    /** Path loss in NLOS, dB: {@code max(PL_LOS, PL'_NLOS)} (Table 7.4.1-1). */
    public static double lossNlosDb(Environment env, Link link) {
        check(env, link);
        return nlosDb(env, link);
    }

    /** As {@link #lossNlosDb} without the range check. */
    static double nlosDb(Environment env, Link link) {
        double los = losDb(env, link);
        double d3 = link.distance3dM();
        double f = link.carrierGHz();
        double hu = link.utHeightM();
        double nlos = switch (env) {
            case RMA -> {
                double h = RMA_BUILDING_HEIGHT;
                double w = RMA_STREET_WIDTH;
                double hb = link.bsHeightM();
                yield 161.04 - 7.1 * Math.log10(w) + 7.5 * Math.log10(h)
                        - (24.37 - 3.7 * sq(h / hb)) * Math.log10(hb)
                        + (43.42 - 3.1 * Math.log10(hb)) * (Math.log10(d3) - 3)
                        + 20 * Math.log10(f) - (3.2 * sq(Math.log10(11.75 * hu)) - 4.97);
            }
            case UMA -> 13.54 + 39.08 * Math.log10(d3) + 20 * Math.log10(f) - 0.6 * (hu - 1.5);
            case UMI -> 35.3 * Math.log10(d3) + 22.4 + 21.3 * Math.log10(f) - 0.3 * (hu - 1.5);
            case INH_MIXED, INH_OPEN -> 38.3 * Math.log10(d3) + 17.30 + 24.9 * Math.log10(f);
        };
        return Math.max(los, nlos);
    }

    /**
     * Why the parameters a scenario fixes (carrier, heights) lie outside {@code env}'s ranges, or
     * null: {@link #outOfRange} at a distance every environment takes.
     */
    public static String parametersOutOfRange(Environment env, double carrierHz, double bsHeightM, double utHeightM) {
        return outOfRange(env, new Link(env.indoor() ? 10 : 100, bsHeightM, utHeightM, carrierHz));
    }

    /** The shadow fading's standard deviation, dB: RMa's LOS is 4 dB before its breakpoint, 6 beyond. */
    public static double shadowSigmaDb(Environment env, Link link, boolean los) {
        if (env == Environment.RMA && los && link.distance2dM() > breakpointM(env, link)) {
            return 6;
        }
        return env.sigmaDb(los);
    }

    /**
     * The probability of LOS at horizontal distance {@code d2dOut} (outdoors: the part of the path
     * outside the building) for a device at {@code utHeightM} (Table 7.4.2-1).
     */
    public static double losProbability(Environment env, double d2dOut, double utHeightM) {
        double d = d2dOut;
        return switch (env) {
            case RMA -> d <= 10 ? 1 : Math.exp(-(d - 10) / 1000);
            case UMI -> d <= 18 ? 1 : 18 / d + Math.exp(-d / 36) * (1 - 18 / d);
            case UMA -> {
                if (d <= 18) {
                    yield 1;
                }
                double c = utHeightM <= 13 ? 0 : Math.pow((utHeightM - 13) / 10, 1.5);
                yield (18 / d + Math.exp(-d / 63) * (1 - 18 / d))
                        * (1 + c * 5.0 / 4 * Math.pow(d / 100, 3) * Math.exp(-d / 150));
            }
            case INH_MIXED -> d <= 1.2 ? 1 : d < 6.5 ? Math.exp(-(d - 1.2) / 4.7) : Math.exp(-(d - 6.5) / 32.6) * 0.32;
            case INH_OPEN -> d <= 5 ? 1 : d <= 49 ? Math.exp(-(d - 5) / 70.8) : Math.exp(-(d - 49) / 211.7) * 0.54;
        };
    }

    /**
     * UMa's effective environment height h_E for one link (Note 1 of Table 7.4.1-1): 1 m with
     * probability {@code 1 / (1 + C(d_2D, h_UT))}, otherwise uniform over {12, 15, ..., h_UT - 1.5}
     * m; {@code C = 0} below h_UT = 13 m, so h_E = 1 m there. From two uniforms drawn once per link
     * (ns-3 draws h_E again at every call): {@code u1} decides h_E = 1 m, {@code u2} picks from the
     * set, so a link keeps its breakpoint where it stays.
     */
    public static double environmentHeight(double d2dM, double utHeightM, double u1, double u2) {
        if (utHeightM < 13) {
            return 1.0;
        }
        double g = d2dM <= 18 ? 0 : 5.0 / 4 * Math.pow(d2dM / 100, 3) * Math.exp(-d2dM / 150);
        double c = Math.pow((utHeightM - 13) / 10, 1.5) * g;
        if (u1 < 1 / (1 + c)) {
            return 1.0;
        }
        // {12, 15, ..., h_UT - 1.5}, equally likely; 12 m alone where h_UT - 1.5 < 12 (13 <= h_UT < 13.5).
        int choices = Math.max(1, (int) Math.floor((utHeightM - 1.5 - 12) / 3) + 1);
        return 12 + 3 * Math.min(choices - 1, (int) (u2 * choices));
    }


    /**
     * The mean outdoor-to-indoor loss, dB: through the wall, {@code PL_tw}, and inside,
     * {@code PL_in = 0.5 d_2D-in} (Table 7.4.3-2); the low-loss model weighs standard glass and
     * concrete 0.3 / 0.7, the high-loss model IRR glass and concrete 0.7 / 0.3.
     */
    public static double o2iLossDb(boolean highLoss, double carrierGHz, double d2dInM) {
        double f = carrierGHz;
        double concrete = 5 + 4 * f;
        double glass = highLoss ? 23 + 0.3 * f : 2 + 0.2 * f;
        double share = highLoss ? 0.7 : 0.3;
        double wall = 5 - 10 * Math.log10(share * Math.pow(10, -glass / 10) + (1 - share) * Math.pow(10, -concrete / 10));
        return wall + 0.5 * d2dInM;
    }

    /** The O2I loss's standard deviation sigma_P, dB (Table 7.4.3-2). */
    public static double o2iSigmaDb(boolean highLoss) {
        return highLoss ? 6.5 : 4.4;
    }

    private static double sq(double x) {
        return x * x;
    }
}
