package org.edgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.cell.Layout;
import org.edgesim.channel.PathGains;
import org.edgesim.channel.tr38901.Environment;
import org.edgesim.channel.tr38901.SectorAntenna;
import org.edgesim.channel.tr38901.Tr38901Gains;
import org.edgesim.study.ClaimResult;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.CalibrationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TR 38.901's large-scale calibration: the drop, each device's serving sector and geometry, the run's files. */
class LargeScaleCalibrationTest {
    private static final LargeScaleCalibration.Setup UMA = new LargeScaleCalibration.Setup(Environment.UMA, 6e9, 500, 25,
            35, 0.8, 0.5, new SectorAntenna(10, 0.5, 102), 19, 30);

    /**
     * Every device against a computation by hand from its links' states (path loss with O2I loss,
     * shadowing): for every site and sector the antenna's gain toward the device (Table 7.3-1's
     * element and the column's phasors summed term by term), the strongest sector serving.
     */
    @Test
    void aDevicesCouplingLossAndGeometryAreItsSectorsByHand() {
        List<LargeScaleCalibration.Device> drop = LargeScaleCalibration.drop(UMA, new RandomStreams(3, 1));
        // Each sector points at a neighbour (3GPP's layout: three hexagonal cells of radius ISD / 3 per site).
        for (int j = 0; j < 3; j++) {
            Position towards = new Position(500 * Math.cos(Math.toRadians(120 * j)), 500 * Math.sin(Math.toRadians(120 * j)));
            assertTrue(Layout.hexagonal(19, 500, 1).sites().stream().anyMatch(s -> Math.hypot(s.x() - towards.x(),
                    s.y() - towards.y()) < 1e-9), "a neighbour along boresight " + 120 * j);
        }
        Tr38901Gains gains = new Tr38901Gains(UMA.settings(), new RandomStreams(3, 1));
        Layout layout = Layout.hexagonal(19, 500, 1);
        for (int k = 0; k < drop.size(); k++) {
            LargeScaleCalibration.Device d = drop.get(k);
            Position p = new Position(d.x(), d.y());
            double best = Double.NEGATIVE_INFINITY;
            double total = 0;
            int site = -1;
            int sector = -1;
            for (int c = 0; c < 19; c++) {
                Position s = layout.sites().get(c);
                double d2d = Math.hypot(p.x() - s.x(), p.y() - s.y());
                gains.gain(k, p, c, s, d2d);
                PathGains.LinkState link = gains.state(k, c);
                double theta = 180 - Math.toDegrees(Math.atan2(d2d, 25 - d.heightM())); // from the zenith
                for (int j = 0; j < 3; j++) {
                    // Boresights at 0, 120 and 240 degrees: each at a neighbouring site (below).
                    double phi = Math.toDegrees(Math.atan2(p.y() - s.y(), p.x() - s.x())) - 120 * j;
                    double db = -link.pathLossDb() - link.shadowingDb() + antennaDbi(theta, phi);
                    total += Math.pow(10, db / 10);
                    if (db > best) {
                        best = db;
                        site = c;
                        sector = j;
                    }
                }
            }
            assertEquals(best, d.couplingLossDb(), 1e-9, "device " + k);
            assertEquals(best - 10 * Math.log10(total - Math.pow(10, best / 10)), d.geometryDb(), 1e-9);
            assertEquals(site, d.site());
            assertEquals(sector, d.sector());
        }
    }

    /** Table 7.3-1's element and ten elements' phasors, worked apart from the production code. */
    private static double antennaDbi(double theta, double phi) {
        double az = ((phi % 360) + 540) % 360 - 180;
        double element = 8 - Math.min(Math.min(12 * Math.pow((theta - 90) / 65, 2), 30)
                + Math.min(12 * Math.pow(az / 65, 2), 30), 30);
        double re = 0;
        double im = 0;
        for (int m = 0; m < 10; m++) {
            double phase = 2 * Math.PI * 0.5 * m * (Math.cos(Math.toRadians(theta)) - Math.cos(Math.toRadians(102)));
            re += Math.cos(phase);
            im += Math.sin(phase);
        }
        return element + 10 * Math.log10((re * re + im * im) / 10);
    }

    /**
     * The drop covers the centre site's hexagon, away from every site, and the sectors point where
     * the grid leaves them room: the centre site serves most devices (its neighbours' sectors facing
     * it, with 6 dB of shadowing, serve the rest near the hexagon's edge), its three sectors alike.
     */
    @Test
    void devicesFillTheCentreHexagonAndItsThreeSectorsServeThemAlike() {
        Layout layout = Layout.hexagonal(19, 500, 1);
        int[] sectors = new int[3];
        int centre = 0;
        int n = 0;
        for (int drop = 0; drop < 20; drop++) {
            for (LargeScaleCalibration.Device d : LargeScaleCalibration.drop(UMA, new RandomStreams(8, drop))) {
                Position p = new Position(d.x(), d.y());
                assertEquals(0, layout.nearest(p));
                for (Position s : layout.sites()) {
                    assertTrue(Math.hypot(p.x() - s.x(), p.y() - s.y()) >= 35);
                }
                n++;
                if (d.site() == 0) {
                    centre++;
                    sectors[d.sector()]++;
                }
            }
        }
        assertTrue(centre > 0.65 * n, centre + " of " + n);
        for (int s : sectors) {
            assertEquals(1 / 3.0, s / (double) centre, 0.07, java.util.Arrays.toString(sectors));
        }
    }

    /**
     * The shipped calibration file runs into its files, byte for byte again with the same seed;
     * each claim's value is the pooled percentile, inside its bootstrap interval.
     */
    @Test
    void theShippedCalibrationRunsAndRepeatsItself(@TempDir Path dir) throws Exception {
        CalibrationSpec spec = CalibrationSpec.load(Path.of("..", "scenarios", "channel", "tr38901-calibration.yaml"));
        StringWriter progress = new StringWriter();
        CalibrationStudy.Outcome a = CalibrationStudy.run(spec, dir.resolve("a"), true, new PrintWriter(progress));
        CalibrationStudy.run(spec, dir.resolve("b"), true, new PrintWriter(new StringWriter()));
        for (String f : List.of("devices.csv", "cdf.csv", "claims.csv")) {
            assertEquals(Files.readString(dir.resolve("a/tr38901-calibration/" + f)),
                    Files.readString(dir.resolve("b/tr38901-calibration/" + f)), f);
        }
        assertEquals(6, a.figures().size(), "two figures, PNG, SVG and PDF");
        assertEquals(spec.claims().size(), a.claims().size());
        for (ClaimResult c : a.claims()) {
            assertTrue(c.ci95Low() <= c.reproduced() && c.reproduced() <= c.ci95High(), c.toString());
            assertEquals(5, c.replications());
        }
        assertTrue(progress.toString().contains("3gpp-uma, 5 drops of 30 devices"), progress.toString());
        assertEquals(1 + 2 * 5 * 30, Files.readAllLines(dir.resolve("a/tr38901-calibration/devices.csv")).size());
    }
}
