package org.edgesim.protocol.mel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.edgesim.engine.Catalog;
import org.edgesim.engine.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.Column;
import org.edgesim.report.Table;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The async MEL cycle executed as events: nobody late on a static channel, returns as planned. */
class MelProtocolTest {
    @SuppressWarnings("unchecked")
    static <T> double[] column(Table<T> table, String header) {
        Column<T> c = table.columns().stream().filter(x -> x.header().equals(header)).findFirst().orElseThrow();
        return table.rows().stream().mapToDouble(r -> ((Number) c.value().apply(r)).doubleValue()).toArray();
    }

    @Test
    void noLearnerReturnsAfterTheDeadlineAndReturnsAreAsPlanned() throws Exception {
        Scenario base = Catalog.standard().loader().load(Path.of("../scenarios/async-fig2.yaml")).single().withRounds(3);
        for (String scheduler : new String[] {"ha-async", "ha-sync", "hu-async"}) {
            for (int k : new int[] {2, 7, 20}) {
                Scenario s = new Scenario(base.name(), null, base.seed(), base.rounds(), base.cell(), base.radio(),
                        new org.edgesim.scenario.DevicesSpec(k, base.devices().cpu(), null), base.protocol(), scheduler,
                        null, null, null, null);
                RunResult r = new Simulation(Catalog.standard()).run(s);
                for (double late : column(r.rounds(), "late_learners")) {
                    assertEquals(0, late, scheduler + ", K = " + k);
                }
                double[] planned = column(r.devices(), "planned_finish_s");
                double[] realised = column(r.devices(), "realised_finish_s");
                for (int i = 0; i < planned.length; i++) {
                    assertTrue(realised[i] <= 15.0, scheduler + ": return at " + realised[i] + " s");
                    assertEquals(planned[i], realised[i], 1e-9 * planned[i], scheduler + ", K = " + k + ", row " + i);
                }
                double[] end = column(r.rounds(), "end_s");
                assertEquals(45.0, end[2], 1e-9, "three cycles of 15 s");
            }
        }
    }
}
