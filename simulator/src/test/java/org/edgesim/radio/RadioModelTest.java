package org.edgesim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.edgesim.channel.PathLoss;
import org.edgesim.channel.Shadowing;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class RadioModelTest {
    @Test
    void urbanMacroPresetIsTheThreeGppLawInKilometres() {
        assertEquals(128.1, PathLoss.URBAN_MACRO.lossDb(1000), 1e-12);
        assertEquals(128.1 + 37.6 * Math.log10(0.15), PathLoss.URBAN_MACRO.lossDb(150), 1e-12);
        assertEquals(Math.pow(10, -(128.1 - 37.6) / 10), PathLoss.URBAN_MACRO.gain(100), 1e-22);
    }

    @Test
    void indoorPresetIsTheAsyncPapersLawInMetres() {
        assertEquals(7 + 2.1 * Math.log10(50), PathLoss.INDOOR.lossDb(50), 1e-12);
    }

    @Test
    void decibelConversionsRoundTrip() {
        assertEquals(0.251188643150958, Decibel.dbmToWatts(24), 1e-15);
        assertEquals(39.810717055349734, Decibel.dbmToWatts(46), 1e-12);
        assertEquals(-174, Decibel.wattsToDbm(Decibel.dbmToWatts(-174)), 1e-9);
    }

    @Test
    void dropsAreUniformInAreaOverTheAnnulus() {
        Disk disk = new Disk(150, 1);
        RandomStream s = new RandomStreams(9).stream("test/drop");
        int n = 20_000;
        double[] areaFraction = new double[n];
        for (int i = 0; i < n; i++) {
            double d = disk.drop(s).distance();
            assertTrue(d >= 1 - 1e-9 && d <= 150 + 1e-9);
            areaFraction[i] = (d * d - 1) / (150 * 150 - 1); // uniform on (0, 1) if uniform in area
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), areaFraction);
        assertTrue(p > 1e-3, "KS p-value " + p);
    }

    @Test
    void shadowingOfZeroSigmaDrawsNothing() {
        RandomStream s = new RandomStreams(1).stream("s");
        assertEquals(1.0, Shadowing.NONE.draw(s));
        assertEquals(new RandomStreams(1).stream("s").nextDouble(), s.nextDouble());
    }

    @Test
    void fdmaSharesMustFitTheBand() {
        assertEquals(0.25, FdmaShares.equal(4).share(3));
        assertThrows(IllegalArgumentException.class, () -> new FdmaShares(new double[] {0.6, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new FdmaShares(new double[] {-0.1, 0.5}));
        new FdmaShares(new double[] {0.5, 0.5 + 1e-12});
    }

    @Test
    void subcarriersMustFitAndMeetTheMinimum() {
        assertEquals(3, new SubcarrierAllocation(new int[] {3, 2}, 5, 1).count(0));
        assertThrows(IllegalArgumentException.class, () -> new SubcarrierAllocation(new int[] {3, 3}, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubcarrierAllocation(new int[] {0, 3}, 5, 1));
    }
}
