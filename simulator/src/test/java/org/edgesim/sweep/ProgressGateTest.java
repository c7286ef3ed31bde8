package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressGateTest {
    @Test
    void aGateShowsNothingUntilOpenThenTheResumedAsResumedAndTheRestAsSteps() {
        StringWriter text = new StringWriter();
        SweepProgress.Gate gate = SweepProgress.gated(new SweepProgress.Lines("study", new PrintWriter(text)));
        gate.started(20, 5);
        for (int i = 0; i < 15; i++) {
            gate.step();
        }
        gate.close();
        assertEquals("", text.toString(), "nothing before it is opened");
        gate.open();
        String[] lines = text.toString().split("\n");
        assertEquals("study: 20 runs, 5 already done", lines[0]);
        assertEquals(true, lines[lines.length - 1].startsWith("study: 20/20 runs (100%)"), text.toString());
        gate.open(); // twice: nothing more
        assertEquals(lines.length, text.toString().split("\n").length);
    }
}
