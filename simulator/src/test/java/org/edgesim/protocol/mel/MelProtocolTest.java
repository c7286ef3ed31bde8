package org.edgesim.protocol.mel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The async MEL cycle executed as events: nobody late on a static channel, returns as planned; its training. */
class MelProtocolTest {
    private static Scenario fig2() throws Exception {
        return Catalog.standard().loader().load(Path.of("../scenarios/async-fig2.yaml")).single();
    }

    /**
     * Fig. 2's set-up with {@code k} learners, cycle {@code cycleS}, {@code d = samples}, 1 MFLOP per
     * sample per update (a coarse clock: few updates), the model size from the trained model.
     */
    private static Scenario training(int k, double cycleS, String scheduler, LearningSpec learning, Integer samples) throws Exception {
        Scenario base = fig2();
        MelSpec m = new MelSpec(cycleS, MelSpec.PARALLELISED, samples, null, null, null, 1e6, null, null, null, null,
                null);
        return new Scenario(base.name(), null, base.seed(), 3, null, base.cell(), null, base.radio(),
                new org.edgesim.scenario.DevicesSpec(k, base.devices().cpu(), null), m, scheduler, null, null, learning, null, null, null,
                null, null);
    }

    private static final LearningSpec LOGISTIC = new LearningSpec("fashion-mnist-small", null, null, null, null, null,
            null, null, 1.0, null, null);

    @Test
    void trainingRaisesValidationAccuracyAndIsDeterministic() throws Exception {
        for (String scheduler : new String[] {"ha-async", "hu-async"}) {
            Scenario s = training(4, 1.5, scheduler, LOGISTIC, 2000);
            RunResult a = new Simulation(Catalog.standard()).run(s);
            RunResult b = new Simulation(Catalog.standard()).run(s);
            double[] accuracy = column(a.rounds(), "validation_accuracy");
            assertArrayEquals(accuracy, column(b.rounds(), "validation_accuracy"), scheduler + ": same bits twice");
            // Over three times chance (0.1) after three cycles, and better every cycle.
            assertTrue(accuracy[2] > 0.33 && accuracy[2] > accuracy[1] && accuracy[1] > accuracy[0],
                    scheduler + ": " + Arrays.toString(accuracy));
            // The clock's defaults come from the data and the model: F = 784, S_m = 7,850 x 32 bits.
            assertTrue(a.provenance().get("clock").startsWith("d = 2000 samples of 784 features, model 251200 bits"),
                    a.provenance().get("clock"));
            double[] samples = column(a.devices(), "samples");
            assertEquals(3 * 2000, Arrays.stream(samples).sum(), 1e-9, "every sample allocated every cycle");
            assertTrue(Arrays.stream(column(a.devices(), "updates")).min().orElseThrow() >= 1, "everyone learns");
        }
    }

    @Test
    void moreSamplesThanTheTrainingSetIsInfeasible() throws Exception {
        Scenario s = training(4, 3.0, "ha-async", LOGISTIC, 9000);
        // The shipped subset holds 8,000 training images.
        InfeasibleScenarioException e = assertThrows(InfeasibleScenarioException.class,
                () -> new Simulation(Catalog.standard()).run(s));
        assertTrue(e.getMessage().contains("protocol.samples") && e.getMessage().contains("8000"), e.getMessage());
    }

    @Test
    void localUpdateFieldsSayWhenTheyDoNotApply() throws Exception {
        String text = Files.readString(Path.of("../scenarios/async-fig2.yaml"));
        ScenarioException epoch = assertThrows(ScenarioException.class, () -> Catalog.standard().loader().parse("a.yaml",
                text.replace("  learnerBandwidth: 5 MHz\n", "  learnerBandwidth: 5 MHz\n  localUpdate: epoch\n"),
                ScenarioLoader.Format.YAML));
        assertEquals("protocol.localUpdate", epoch.field());
        ScenarioException batch = assertThrows(ScenarioException.class, () -> Catalog.standard().loader().parse("b.yaml",
                text.replace("  learnerBandwidth: 5 MHz\n", "  learnerBandwidth: 5 MHz\n  batchSize: 32\n"),
                ScenarioLoader.Format.YAML));
        assertEquals("protocol.batchSize", batch.field());
        assertTrue(batch.rule().contains("only an 'epoch' local update"), batch.rule());
    }

    @Test
    void noLearnerReturnsAfterTheDeadlineAndReturnsAreAsPlanned() throws Exception {
        Scenario base = Catalog.standard().loader().load(Path.of("../scenarios/async-fig2.yaml")).single().withRounds(3);
        for (String scheduler : new String[] {"ha-async", "ha-sync", "hu-async"}) {
            for (int k : new int[] {2, 7, 20}) {
                Scenario s = new Scenario(base.name(), null, base.seed(), base.rounds(), null, base.cell(), null, base.radio(),
                        new org.edgesim.scenario.DevicesSpec(k, base.devices().cpu(), null), base.protocol(), scheduler, null, null,
                        null, null, null, null, null, null);
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

    /** Fig. 2's set-up at K = 20, T = 7.5 s, one cycle, with {@code options} under the scheduler. */
    private static RunResult fig2k20(String scheduler, String options) throws Exception {
        String text = Files.readString(Path.of("../scenarios/async-fig2.yaml")).replace("  count: 10\n", "  count: 20\n")
                .replace("  cycle: 15 s\n", "  cycle: 7.5 s\n")
                .replace("scheduler: ha-async\n", "scheduler: " + scheduler + "\n" + options);
        Scenario s = Catalog.standard().loader().parse("tie.yaml", text, ScenarioLoader.Format.YAML).single();
        return new Simulation(Catalog.standard()).run(s);
    }

    /**
     * schedulerOptions.tieBreak reaches ha-async: 'worst' keeps the maximum staleness (1) and
     * raises the average (K = 20: 0.19 with the first tie, 0.51 with the worst), 'first' is the
     * default, and the schedulers without ties ignore the option.
     */
    @Test
    void theTieBreakOptionMovesTheAverageStalenessNotTheMaximum() throws Exception {
        String worst = "schedulerOptions:\n  tieBreak: worst\n";
        RunResult first = fig2k20("ha-async", "");
        RunResult most = fig2k20("ha-async", worst);
        assertEquals(column(first.rounds(), "max_staleness")[0], column(most.rounds(), "max_staleness")[0]);
        assertEquals(1.0, column(most.rounds(), "max_staleness")[0]);
        assertTrue(column(most.rounds(), "avg_staleness")[0] > column(first.rounds(), "avg_staleness")[0] + 0.2,
                column(first.rounds(), "avg_staleness")[0] + " vs " + column(most.rounds(), "avg_staleness")[0]);
        assertArrayEquals(column(first.rounds(), "avg_staleness"),
                column(fig2k20("ha-async", "schedulerOptions:\n  tieBreak: first\n").rounds(), "avg_staleness"));
        assertArrayEquals(column(fig2k20("hu-async", "").devices(), "samples"),
                column(fig2k20("hu-async", worst).devices(), "samples"), "hu-async has no ties to break");
        ScenarioException bad = assertThrows(ScenarioException.class, () -> fig2k20("ha-async",
                "schedulerOptions:\n  tieBreak: best\n"));
        assertEquals("schedulerOptions.tieBreak", bad.field());
        assertTrue(bad.rule().contains("got 'best'"), bad.rule());
    }

    /**
     * Learners that drop out (devices.availability) pause their local updates: each return is the
     * planned one plus the time away, and exactly those pushed past the deadline are late.
     */
    @Test
    void anOutageDelaysTheReturnByItsLengthAndPastTheDeadlineTheLearnerIsLate() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("../scenarios/async-fig2.yaml")).replace("devices:\n",
                "devices:\n  availability: {dropout: 0.5, offTime: 1 s}\n");
        Scenario s = Catalog.standard().loader().parse("async.yaml", text,
                org.edgesim.scenario.ScenarioLoader.Format.YAML).single().withRounds(4);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double[] planned = column(r.devices(), "planned_finish_s");
        double[] realised = column(r.devices(), "realised_finish_s");
        double[] outage = column(r.devices(), "outage_s");
        double[] idle = column(r.devices(), "idle_s");
        double[] round = column(r.devices(), "round");
        double[] late = column(r.rounds(), "late_learners");
        double[] outages = column(r.rounds(), "outages");
        int[] lateCount = new int[late.length];
        int[] awayCount = new int[late.length];
        int away = 0;
        for (int i = 0; i < planned.length; i++) {
            int c = (int) round[i] - 1;
            // Late or not, the model comes back when the events say: its planned return plus its time away.
            assertEquals(planned[i] + outage[i], realised[i], 1e-9 * realised[i], "row " + i);
            if (planned[i] + outage[i] > 15.0) {
                assertTrue(Double.isNaN(idle[i]), "row " + i + " returns after the deadline: late, no idle time");
                lateCount[c]++;
            } else {
                assertEquals(15.0 - realised[i], idle[i], 1e-9, "row " + i);
            }
            awayCount[c] += outage[i] > 0 ? 1 : 0;
            away += outage[i] > 0 ? 1 : 0;
        }
        assertTrue(away >= 10, "about half of 40 learner-cycles drop out, got " + away);
        double[] latestPlanned = new double[late.length];
        double[] latestReturn = new double[late.length];
        for (int i = 0; i < planned.length; i++) {
            int c = (int) round[i] - 1;
            latestPlanned[c] = Math.max(latestPlanned[c], planned[i]);
            latestReturn[c] = Math.max(latestReturn[c], realised[i]);
        }
        double[] gap = column(r.rounds(), "latency_gap_s");
        int lateTotal = 0;
        for (int c = 0; c < late.length; c++) {
            assertEquals(latestReturn[c] - latestPlanned[c], gap[c], 1e-9, "cycle " + (c + 1) + ": the latest return,"
                    + " late models included, against the latest planned one");
            assertEquals(lateCount[c], late[c], "cycle " + (c + 1));
            assertEquals(awayCount[c], outages[c], "cycle " + (c + 1));
            lateTotal += lateCount[c];
        }
        assertTrue(lateTotal >= 1, "ha-async leaves little slack: some outage makes a learner late");
    }
}
