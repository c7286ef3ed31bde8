package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation-loss stop rule with patience, on loss sequences traced by hand. */
class EarlyStoppingTest {
    /** Feeds {@code losses} until the rule stops; returns the epochs that improved. */
    private static List<Integer> feed(EarlyStopping.Progress run, double... losses) {
        List<Integer> improved = new ArrayList<>();
        for (double loss : losses) {
            if (run.stopped() != null) {
                break;
            }
            if (run.record(loss)) {
                improved.add(run.epochs());
            }
        }
        return improved;
    }

    @Test
    void anEpochImprovesOnlyByMoreThanTheFractionOfTheStartingLossAndPatienceStopsIt() {
        // L0 = 2, minImprovement 0.1: an improvement must fall below best - 0.2.
        // e1 1.5 < 1.8: improves (best 1.5); e2 1.4, not < 1.3; e3 1.25 < 1.3: improves (best 1.25);
        // e4 1.1, not < 1.05; e5 1.06, not: two in a row without, patience 2 stops after epoch 5.
        EarlyStopping.Progress run = new EarlyStopping(2, 0.1, 10).start(2.0);
        assertEquals(List.of(1, 3), feed(run, 1.5, 1.4, 1.25, 1.1, 1.06, 0.1));
        assertEquals(EarlyStopping.Reason.PATIENCE, run.stopped());
        assertEquals(5, run.epochs());
        assertEquals(3, run.bestEpoch());
        assertEquals(1.25, run.best());
    }

    @Test
    void theCapStopsARunThatKeepsImproving() {
        // Steps of 0.3 against a threshold of 0.2: every epoch improves, the fourth is the cap.
        EarlyStopping.Progress run = new EarlyStopping(2, 0.1, 4).start(2.0);
        assertEquals(List.of(1, 2, 3, 4), feed(run, 1.7, 1.4, 1.1, 0.8, 0.5));
        assertEquals(EarlyStopping.Reason.CAP, run.stopped());
        assertEquals(4, run.epochs());
        assertThrows(IllegalStateException.class, () -> run.record(0.1), "a stopped run takes no more epochs");
    }

    @Test
    void whenPatienceAndTheCapCoincidePatienceDecided() {
        EarlyStopping.Progress run = new EarlyStopping(1, 0.01, 1).start(1.0);
        assertFalse(run.record(0.995), "0.995 is not below 1 - 0.01");
        assertEquals(EarlyStopping.Reason.PATIENCE, run.stopped());
        assertEquals(0, run.bestEpoch(), "nothing improved: the starting model is kept");
    }

    @Test
    void aLossThatIsNotANumberNeverImproves() {
        EarlyStopping.Progress run = new EarlyStopping(2, 0.01, 100).start(1.0);
        assertEquals(List.of(), feed(run, Double.NaN, Double.NaN, Double.NaN));
        assertEquals(2, run.epochs());
        assertEquals(EarlyStopping.Reason.PATIENCE, run.stopped());
    }

    /**
     * A loss heading to zero, 10% lower every epoch (a device's two classes): a test relative to
     * the current loss (less than 1% lower) never fires, the rule does. By hand, with L0 = 1,
     * minImprovement 0.01, patience 3: one epoch lowers 0.9^(e-1) by 0.1 * 0.9^(e-1), more than
     * 0.01 while 0.9^(e-1) > 0.1, i.e. e - 1 <= 21 (0.9^21 = 0.109, 0.9^22 = 0.098): epochs 1..22
     * improve. From best 0.9^b two epochs lower it by 0.19 * 0.9^b, more than 0.01 while
     * 0.9^b > 0.0526, b <= 27 (0.9^27 = 0.058, 0.9^28 = 0.052): 24, 26, 28. From 28 two epochs are
     * not enough, three lower it by 0.271 * 0.9^b, more than 0.01 while 0.9^b > 0.0369, b <= 31
     * (0.9^31 = 0.0382, 0.9^32 = 0.0343): 31, 34. From 34 nothing within three epochs: stop after 37.
     */
    @Test
    void aLossHeadingToZeroStopsTheRuleWhereARelativeTestNeverFires() {
        EarlyStopping.Progress run = new EarlyStopping(3, 0.01, 100).start(1.0);
        double[] losses = new double[100];
        for (int e = 1; e <= 100; e++) {
            losses[e - 1] = Math.pow(0.9, e);
            assertTrue((e == 1 ? 1.0 : losses[e - 2]) - losses[e - 1] >= 0.01 * (e == 1 ? 1.0 : losses[e - 2]),
                    "the old relative 1% test would go on after epoch " + e);
        }
        List<Integer> improved = feed(run, losses);
        List<Integer> expected = new ArrayList<>();
        for (int e = 1; e <= 22; e++) {
            expected.add(e);
        }
        expected.addAll(List.of(24, 26, 28, 31, 34));
        assertEquals(expected, improved);
        assertEquals(EarlyStopping.Reason.PATIENCE, run.stopped());
        assertEquals(37, run.epochs());
        assertEquals(Math.pow(0.9, 34), run.best(), 1e-15);
    }

    @Test
    void aStartingLossOfZeroCannotImproveAndStopsAfterPatience() {
        EarlyStopping.Progress run = new EarlyStopping(3, 0.01, 100).start(0.0);
        feed(run, 0, 0, 0, 0);
        assertEquals(3, run.epochs());
        assertEquals(0, run.bestEpoch());
    }

    @Test
    void settingsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0.01, 10));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, 0.01, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, -0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3, Double.NaN, 10));
        assertNull(new EarlyStopping(3, 0, 10).start(1).stopped());
    }
}
