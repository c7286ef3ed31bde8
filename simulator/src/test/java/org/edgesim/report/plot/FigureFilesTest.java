package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.scenario.FigureSpec;
import org.junit.jupiter.api.Test;

/** Which files a figure draws: its name, or its panels; never another figure whose name begins the same. */
class FigureFilesTest {
    private static FigureSpec figure(String name, String panel) {
        return new FigureSpec(name, null, "radio.bandwidth", null, null, "realised_latency_s_mean", null, null, null,
                panel, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aFigureOwnsItsNameAndItsPanelsOnly() {
        FigureSpec plain = figure("latency", null);
        assertTrue(StudyFigure.drawnBy(plain, "latency"));
        assertFalse(StudyFigure.drawnBy(plain, "latency-gap"), "another figure");
        assertFalse(StudyFigure.drawnBy(plain, "latency-protocol.groups_3"), "no panels without 'panel'");
        FigureSpec panelled = figure("latency", "protocol.groups");
        assertTrue(StudyFigure.drawnBy(panelled, "latency-protocol.groups_3"));
        assertTrue(StudyFigure.drawnBy(panelled, "latency-protocol.groups_15"));
        assertFalse(StudyFigure.drawnBy(panelled, "latency-trace-protocol.groups_3"), "another figure's panel");
        assertFalse(StudyFigure.drawnBy(panelled, "latency-gap"));
    }
}
