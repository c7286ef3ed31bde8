package org.edgesim.channel.tr38901;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calibration's sector antenna: Table 7.3-1's element and a tilted vertical column. */
class SectorAntennaTest {
    private static final SectorAntenna PANEL = new SectorAntenna(10, 0.5, 102);

    /** The element by hand: 8 dBi at boresight, 3 dB down at half its 65 degree beamwidth, floors of 30 dB. */
    @Test
    void theElementFollowsTable731() {
        assertEquals(8, SectorAntenna.elementDbi(90, 0), 1e-12);
        assertEquals(8 - 3, SectorAntenna.elementDbi(90, 32.5), 1e-12, "12 (1/2)^2 = 3 dB at half the beamwidth");
        assertEquals(8 - 3, SectorAntenna.elementDbi(90 + 32.5, 0), 1e-12);
        assertEquals(8 - 30, SectorAntenna.elementDbi(90, 180), 1e-12, "front-to-back: A_max");
        assertEquals(8 - 30, SectorAntenna.elementDbi(150, 100), 1e-12, "both cuts floored, their sum floored at 30");
        assertEquals(8 - 12 * Math.pow(20.0 / 65, 2) - 12 * Math.pow(40.0 / 65, 2), SectorAntenna.elementDbi(110, -40),
                1e-12);
        assertEquals(SectorAntenna.elementDbi(95, 350), SectorAntenna.elementDbi(95, -10), 1e-12, "azimuths wrap");
    }

    /** The array factor against the sum of the elements' phasors, computed term by term. */
    @ParameterizedTest(name = "theta {0}")
    @CsvSource({"102", "90", "95", "110", "120", "135", "60", "101.99999"})
    void theColumnIsTheSumOfItsElements(double zenith) {
        double re = 0;
        double im = 0;
        double tilt = Math.cos(Math.toRadians(102));
        double c = Math.cos(Math.toRadians(zenith));
        for (int m = 0; m < 10; m++) {
            double phase = 2 * Math.PI * m * 0.5 * (c - tilt); // w_m v_m, each of modulus 1 / sqrt(M)
            re += Math.cos(phase) / Math.sqrt(10);
            im += Math.sin(phase) / Math.sqrt(10);
        }
        double expected = 10 * Math.log10(re * re + im * im);
        assertEquals(expected, PANEL.arrayDb(zenith), 1e-9);
    }

    @Test
    void theBeamPointsAtTheTilt() {
        assertEquals(10, PANEL.arrayDb(102), 1e-12, "10 log10 M");
        assertEquals(8 - 12 * Math.pow(12.0 / 65, 2) + 10, PANEL.gainDbi(102, 0), 1e-12);
        assertTrue(PANEL.gainDbi(102, 0) > PANEL.gainDbi(98, 0) && PANEL.gainDbi(102, 0) > PANEL.gainDbi(106, 0));
        assertEquals(8, new SectorAntenna(1, 0.5, 90).gainDbi(90, 0), 1e-12, "one element: the element");
        assertThrows(IllegalArgumentException.class, () -> new SectorAntenna(0, 0.5, 102));
        assertThrows(IllegalArgumentException.class, () -> new SectorAntenna(10, 0, 102));
        assertThrows(IllegalArgumentException.class, () -> new SectorAntenna(10, 0.5, 190));
    }
}
