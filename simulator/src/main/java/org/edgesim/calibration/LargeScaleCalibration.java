package org.edgesim.calibration;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Layout;
import org.edgesim.channel.tr38901.Environment;
import org.edgesim.channel.tr38901.SectorAntenna;
import org.edgesim.channel.tr38901.Tr38901Gains;
import org.edgesim.radio.Position;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * TR 38.901's large-scale calibration (§7.8.1) on edgesim's channel: a hexagonal grid of sites with
 * three sectors each, every boresight pointing at a neighbouring site (0, 120 and 240 degrees, the
 * grid's neighbours lying at multiples of 60: the orientation in which each site's three hexagonal
 * cells of radius ISD / 3 tile the plane with its neighbours'), devices dropped in the centre site's hexagon (which sees two full rings of interferers,
 * standing in for the wrap-around of the 3GPP set-up), each device's link with every site drawn by
 * {@link Tr38901Gains} (the gains every protocol runs on: LOS, path loss, shadowing, O2I loss, floors),
 * times each sector's antenna gain ({@link SectorAntenna}), the devices' antennas isotropic. A
 * device's coupling loss is, as the calibration's curves plot it, the gain in dB of its link with
 * the sector that serves it, the strongest (no handover margin), antenna gains included (so a
 * negative number: -120 dB is a loss of 120 dB); its geometry the power from that sector over the
 * sum from all the others (no noise).
 */
public final class LargeScaleCalibration {
    /** The sectors' boresights, degrees from the x axis. */
    static final double[] BORESIGHTS = {0, 120, 240};

    private LargeScaleCalibration() {
    }

    /**
     * One deployment.
     *
     * @param environment   UMa or UMi
     * @param carrierHz     the carrier, Hz
     * @param isdM          inter-site distance, m
     * @param bsHeightM     the sites' antenna height, m
     * @param minDistanceM  the least 2D distance between a device and any site, m
     * @param indoorShare   the share of devices indoors, 0 to 1
     * @param highLossShare the share of indoor devices in high-loss buildings, 0 to 1
     * @param antenna       every sector's antenna
     * @param sites         how many sites, ring by ring (19: two rings)
     * @param devices       devices per drop
     */
    public record Setup(Environment environment, double carrierHz, double isdM, double bsHeightM, double minDistanceM,
                        double indoorShare, double highLossShare, SectorAntenna antenna, int sites, int devices) {
        public Setup {
            if (!(isdM > 0) || !(minDistanceM >= 0) || minDistanceM >= isdM / 2 || sites < 7 || devices < 1) {
                throw new IllegalArgumentException("a calibration needs an inter-site distance > 0, a minimum distance"
                        + " below half of it, at least 7 sites and a device per drop");
            }
        }

        Tr38901Gains.Settings settings() {
            return new Tr38901Gains.Settings(environment, carrierHz, bsHeightM, 1.5, Tr38901Gains.Condition.RANDOM, true,
                    indoorShare, highLossShare, true);
        }
    }

    /**
     * One device of a drop.
     *
     * @param x               position, m (the centre site at the origin)
     * @param y               position, m
     * @param heightM         its antenna's height, m
     * @param indoor          whether it is indoors
     * @param site            the site of its serving sector
     * @param sector          its serving sector at that site, 0 to 2
     * @param couplingLossDb  the gain of its link with its serving sector, antenna gains included, dB (negative)
     * @param geometryDb      its serving sector's power over the other sectors' sum, dB
     */
    public record Device(double x, double y, double heightM, boolean indoor, int site, int sector,
                         double couplingLossDb, double geometryDb) {
    }

    /** One drop of {@code setup}'s devices, every draw from {@code streams} (one drop's: a replication's). */
    public static List<Device> drop(Setup setup, RandomStreams streams) {
        Layout layout = Layout.hexagonal(setup.sites(), setup.isdM(), 1);
        Tr38901Gains gains = new Tr38901Gains(setup.settings(), streams);
        List<Device> out = new ArrayList<>(setup.devices());
        for (int k = 0; k < setup.devices(); k++) {
            Position p = place(layout, setup, streams.stream("calibration/device-" + k));
            double h = gains.heightM(k);
            double best = 0;
            double sum = 0;
            int site = -1;
            int sector = -1;
            for (int c = 0; c < layout.size(); c++) {
                Position s = layout.sites().get(c);
                double dx = p.x() - s.x();
                double dy = p.y() - s.y();
                double d2d = Math.hypot(dx, dy);
                double link = gains.gain(k, p, c, s, d2d);
                double zenith = 90 + Math.toDegrees(Math.atan2(setup.bsHeightM() - h, d2d));
                double azimuth = Math.toDegrees(Math.atan2(dy, dx));
                for (int j = 0; j < BORESIGHTS.length; j++) {
                    double g = link * Math.pow(10, setup.antenna().gainDbi(zenith, azimuth - BORESIGHTS[j]) / 10);
                    sum += g;
                    if (g > best) {
                        best = g;
                        site = c;
                        sector = j;
                    }
                }
            }
            out.add(new Device(p.x(), p.y(), h, gains.indoor(k), site, sector, 10 * Math.log10(best),
                    10 * Math.log10(best / (sum - best))));
        }
        return out;
    }

    /**
     * A position uniform over the centre site's hexagon (the points nearer to it than to any other
     * site), at least {@code minDistanceM} from every site: by rejection from the hexagon's box.
     */
    static Position place(Layout layout, Setup setup, RandomStream stream) {
        double r = setup.isdM() / Math.sqrt(3); // the hexagon's circumradius
        while (true) {
            Position p = new Position(Draws.uniform(stream, -r, r), Draws.uniform(stream, -r, r));
            if (layout.nearest(p) != 0) {
                continue;
            }
            boolean far = true;
            for (Position s : layout.sites()) {
                far &= Math.hypot(p.x() - s.x(), p.y() - s.y()) >= setup.minDistanceM();
            }
            if (far) {
                return p;
            }
        }
    }
}
