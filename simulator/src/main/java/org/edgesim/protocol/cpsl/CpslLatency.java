package org.edgesim.protocol.cpsl;

import org.edgesim.learning.model.ModelProfile;

/**
 * The latency of docs/models/cpsl.md, "Latency of cluster m": per device the seven terms, per cluster the
 * starting, inner and ending phases {@code D_m = dS + (L - 1) dI + dE}, per round the sum over
 * clusters. Closed form, for the schedulers; the protocol executes the same round as events.
 */
public final class CpslLatency {
    private CpslLatency() {
    }

    /**
     * One device's terms at a cut; the subcarrier-dependent ones per subcarrier.
     *
     * @param broadcast {@code tb = xi_d / (C R)}
     * @param forward   {@code td = B gd_F / (f kappa)}
     * @param smashed   {@code B xi_s / R}: {@code ts = smashed / x} ({@code xi_s} as uploaded, compressed
     *                  with {@code protocol.compression})
     * @param gradient  {@code B xi_g / R}: {@code tg = gradient / x}
     * @param backward  {@code tu = B gd_B / (f kappa)}
     * @param model     {@code xi_d / R}: {@code tt = model / x} (as uploaded; 0 when the snapshot drops
     *                  eq. 23's upload)
     */
    public record Terms(double broadcast, double forward, double smashed, double gradient, double backward,
                        double model) {
        public static Terms of(CpslSnapshot s, CpslDevice d) {
            ModelProfile.CutProfile c = s.cut();
            double flops = d.speedHz() * s.kappa();
            return new Terms(c.deviceModelBits() / (s.subcarriers() * d.rate()), s.batch() * c.deviceForward() / flops,
                    s.batch() * s.smashedUpBits() / d.rate(), s.batch() * c.gradientBits() / d.rate(),
                    s.batch() * c.deviceBackward() / flops, s.modelUpload() ? s.modelUpBits() / d.rate() : 0);
        }

        /** {@code tb + td + ts}: until the device's smashed data of the first epoch is at the server. */
        public double start(int x) {
            return broadcast + forward + smashed / x;
        }

        /** {@code tg + tu + td + ts}: from the server's update to the next smashed data. */
        public double inner(int x) {
            return gradient / x + backward + forward + smashed / x;
        }

        /** {@code tg + tu + tt}: from the last server update to the device model at the AP. */
        public double end(int x) {
            return gradient / x + backward + model / x;
        }
    }

    /** {@code te = K_m B (gs_F + gs_B) / (f_s kappa)}. */
    public static double server(CpslSnapshot s, int clusterDevices) {
        ModelProfile.CutProfile c = s.cut();
        return clusterDevices * s.batch() * (c.serverForward() + c.serverBackward()) / (s.serverSpeed() * s.kappa());
    }

    /** {@code D_m} of devices with {@code terms} and {@code x} subcarriers each, {@code L} epochs. */
    public static double cluster(Terms[] terms, int[] x, double server, int epochs) {
        double start = 0;
        double inner = 0;
        double end = 0;
        for (int i = 0; i < terms.length; i++) {
            start = Math.max(start, terms[i].start(x[i]));
            inner = Math.max(inner, terms[i].inner(x[i]));
            end = Math.max(end, terms[i].end(x[i]));
        }
        return phases(start, inner, end, server, epochs);
    }

    /** {@code D_m} from its phases' slowest devices: {@code dS + te + (L - 1) (dI + te) + dE}. */
    public static double phases(double start, double inner, double end, double server, int epochs) {
        return start + server + (epochs - 1) * (inner + server) + end;
    }

    /** {@code D_m} of cluster {@code members} with subcarriers {@code x} (indexed like {@code members}). */
    public static double cluster(CpslSnapshot s, int[] members, int[] x) {
        Terms[] t = new Terms[members.length];
        for (int i = 0; i < members.length; i++) {
            t[i] = Terms.of(s, s.device(members[i]));
        }
        return cluster(t, x, server(s, members.length), s.epochs());
    }

    /** {@code D = sum_m D_m} of a plan. */
    public static double round(CpslSnapshot s, CpslPlan p) {
        double total = 0;
        for (int[] members : p.clusters()) {
            int[] x = new int[members.length];
            for (int i = 0; i < members.length; i++) {
                x[i] = p.subcarriers()[members[i]];
            }
            total += cluster(s, members, x);
        }
        return total;
    }
}
