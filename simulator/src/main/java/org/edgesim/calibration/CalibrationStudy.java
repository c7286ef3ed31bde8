package org.edgesim.calibration;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.edgesim.channel.tr38901.Environment;
import org.edgesim.channel.tr38901.SectorAntenna;
import org.edgesim.study.ClaimEvaluator;
import org.edgesim.study.ClaimResult;
import org.edgesim.study.ClaimsReport;
import org.edgesim.report.AtomicFiles;
import org.edgesim.report.plot.CdfChart;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.CalibrationSpec;
import org.edgesim.scenario.Tolerance;
import umontreal.ssj.rng.RandomStream;

/**
 * A calibration file run: each model's drops ({@link LargeScaleCalibration}), its devices in
 * {@code devices.csv}, the pooled percentiles beside the reference curves in {@code cdf.csv}, one
 * CDF figure per metric (all models, the references as hollow markers) and the claims in
 * {@code claims.csv}, each a pooled percentile with a 95% interval from resampling whole drops
 * (a percentile bootstrap: a drop's devices share its draws, so drops are the replications).
 */
public final class CalibrationStudy {
    /** The run's record: its settings (the claims tables read "quick" from it). */
    public static final String RECORD = "calibration.json";
    /** Bootstrap resamples per claim. */
    static final int RESAMPLES = 2000;

    private CalibrationStudy() {
    }

    /** What a run left: its figures and claims. */
    public record Outcome(List<Path> figures, List<ClaimResult> claims, int drops) {
    }

    /**
     * Runs {@code spec} into {@code paperFolder/<name>/} (its figures in {@code paperFolder}), with
     * {@code quickDrops} drops when {@code quick}; a line per model on {@code progress}.
     */
    public static Outcome run(CalibrationSpec spec, Path paperFolder, boolean quick, PrintWriter progress)
            throws IOException {
        int drops = quick ? spec.quickDrops() : spec.drops();
        Path folder = paperFolder.resolve(spec.name());
        Files.createDirectories(folder);
        SectorAntenna antenna = new SectorAntenna(spec.antenna().elements(), spec.antenna().spacing(),
                spec.antenna().tilt());
        StringBuilder devices = new StringBuilder("model,drop,device,x_m,y_m,height_m,indoor,site,sector,"
                + "coupling_loss_dB,geometry_dB\n");
        Map<String, double[][][]> byModel = new LinkedHashMap<>(); // model -> metric -> drop -> values
        for (CalibrationSpec.Model m : spec.models()) {
            LargeScaleCalibration.Setup setup = new LargeScaleCalibration.Setup(Environment.of(m.model()),
                    spec.carrier(), m.isd(), m.bsHeight(), m.minDistance(), spec.indoorShare(), spec.highLossShare(),
                    antenna, 19, spec.devicesPerDrop());
            double[][][] values = new double[2][drops][];
            for (int d = 0; d < drops; d++) {
                List<LargeScaleCalibration.Device> dropped = LargeScaleCalibration.drop(setup,
                        new RandomStreams(spec.seed(), d));
                values[0][d] = dropped.stream().mapToDouble(LargeScaleCalibration.Device::couplingLossDb).toArray();
                values[1][d] = dropped.stream().mapToDouble(LargeScaleCalibration.Device::geometryDb).toArray();
                for (int k = 0; k < dropped.size(); k++) {
                    var u = dropped.get(k);
                    devices.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%.1f,%b,%d,%d,%.4f,%.4f%n", m.model(), d, k,
                            u.x(), u.y(), u.heightM(), u.indoor(), u.site(), u.sector(), u.couplingLossDb(),
                            u.geometryDb()));
                }
            }
            byModel.put(m.model(), values);
            progress.println(String.format(Locale.ROOT, "%s/%s: %s, %d drops of %d devices", spec.paper(), spec.name(),
                    m.model(), drops, spec.devicesPerDrop()));
            progress.flush();
        }
        AtomicFiles.writeString(folder.resolve("devices.csv"), devices);
        AtomicFiles.writeString(folder.resolve("cdf.csv"), cdf(spec, byModel));
        List<Path> figures = new ArrayList<>();
        for (int metric = 0; metric < 2; metric++) {
            figures.addAll(figure(spec, byModel, metric, paperFolder));
        }
        List<ClaimResult> claims = new ArrayList<>();
        for (CalibrationSpec.CalibrationClaim c : spec.claims()) {
            claims.add(claim(spec, c, byModel.get(c.model())[metricIndex(c.metric())], quick));
        }
        ClaimsReport.write(folder.resolve(ClaimsReport.FILE), claims);
        AtomicFiles.writeString(folder.resolve(RECORD), String.format(Locale.ROOT, "{%n  \"calibration\" : \"%s\","
                + "%n  \"quick\" : %b,%n  \"replications\" : %d,%n  \"devicesPerDrop\" : %d,%n  \"seed\" : %d%n}%n",
                spec.calibration(), quick, drops, spec.devicesPerDrop(), spec.seed()));
        return new Outcome(figures, claims, drops);
    }

    /** The figure of metric {@code metric} ({@link CalibrationSpec#METRICS}'s index). */
    public static String figureName(CalibrationSpec spec, int metric) {
        return spec.name() + (metric == 0 ? "-coupling-loss" : "-geometry");
    }

    private static int metricIndex(String metric) {
        return CalibrationSpec.METRICS.indexOf(metric);
    }

    private static List<Path> figure(CalibrationSpec spec, Map<String, double[][][]> byModel, int metric, Path folder)
            throws IOException {
        Map<String, double[]> samples = new LinkedHashMap<>();
        Map<String, CdfChart.Reference> references = new LinkedHashMap<>();
        for (var e : byModel.entrySet()) {
            samples.put(e.getKey(), pooled(e.getValue()[metric]));
            CalibrationSpec.Reference r = spec.model(e.getKey()).reference();
            // The legend names the source by its first words (up to a comma); claims.csv quotes it whole.
            String label = r.source().contains(",") ? r.source().substring(0, r.source().indexOf(',')) : r.source();
            references.put(e.getKey(), new CdfChart.Reference(label, percentiles(),
                    r.of(CalibrationSpec.METRICS.get(metric)).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        String what = metric == 0 ? "coupling loss" : "geometry (serving over interfering power)";
        String title = "TR 38.901 large-scale calibration at " + Tolerance.number(spec.carrier() / 1e9) + " GHz: " + what;
        return CdfChart.draw(folder, figureName(spec, metric), title, metric == 0 ? "coupling loss (dB)" : "geometry (dB)",
                samples, references);
    }

    private static double[] percentiles() {
        double[] p = new double[CalibrationSpec.REFERENCE_POINTS];
        for (int i = 0; i < p.length; i++) {
            p[i] = 5 * (i + 1);
        }
        return p;
    }

    private static String cdf(CalibrationSpec spec, Map<String, double[][][]> byModel) {
        StringBuilder out = new StringBuilder("model,metric,percentile,edgesim_dB,reference_dB\n");
        for (var e : byModel.entrySet()) {
            CalibrationSpec.Reference r = spec.model(e.getKey()).reference();
            for (int metric = 0; metric < 2; metric++) {
                double[] all = pooled(e.getValue()[metric]);
                String name = CalibrationSpec.METRICS.get(metric);
                for (int i = 0; i < CalibrationSpec.REFERENCE_POINTS; i++) {
                    out.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%s%n", e.getKey(), name, 5 * (i + 1),
                            percentile(all, 5 * (i + 1)), Tolerance.number(r.of(name).get(i))));
                }
            }
        }
        return out.toString();
    }

    /**
     * A claim: the pooled percentile, its 95% interval the 2.5th and 97.5th percentiles of the same
     * reading over {@link #RESAMPLES} resamples of whole drops (from the claim's own stream).
     */
    static ClaimResult claim(CalibrationSpec spec, CalibrationSpec.CalibrationClaim c, double[][] perDrop, boolean quick) {
        double value = percentile(pooled(perDrop), c.percentile());
        RandomStream stream = new RandomStreams(spec.seed()).stream("calibration/bootstrap/" + c.id());
        double[] again = new double[RESAMPLES];
        double[][] pick = new double[perDrop.length][];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int d = 0; d < perDrop.length; d++) {
                pick[d] = perDrop[Draws.index(stream, perDrop.length)];
            }
            again[b] = percentile(pooled(pick), c.percentile());
        }
        double low = percentile(again, 2.5);
        double high = percentile(again, 97.5);
        CalibrationSpec.Model m = spec.model(c.model());
        double reference = c.reference(m.reference());
        return ClaimEvaluator.ofEstimate(c.id(), figureName(spec, metricIndex(c.metric())), c.statement(),
                "the reference's", reference, value, low, high, perDrop.length, Tolerance.parse(c.tolerance()), quick,
                "Reference: " + m.reference().source() + (c.note() == null ? "" : ". " + c.note()));
    }

    static double[] pooled(double[][] perDrop) {
        int n = 0;
        for (double[] d : perDrop) {
            n += d.length;
        }
        double[] all = new double[n];
        int i = 0;
        for (double[] d : perDrop) {
            System.arraycopy(d, 0, all, i, d.length);
            i += d.length;
        }
        return all;
    }

    /** The {@code p}-th percentile, linearly interpolated between order statistics (R-7, as numpy's default). */
    static double percentile(double[] values, double p) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
