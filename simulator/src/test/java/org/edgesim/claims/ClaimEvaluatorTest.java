package org.edgesim.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgesim.engine.Catalog;
import org.edgesim.scenario.Study;
import org.edgesim.scenario.StudyLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of claim evaluated on a tiny hand-written results folder (two bandwidths, two
 * schedulers, three replications), against values computed here by hand.
 */
class ClaimEvaluatorTest {
    /** Student's t, 97.5% quantile, 2 degrees of freedom. */
    private static final double T2 = 4.302652729911275;

    @TempDir
    Path dir;

    private Map<String, ClaimResult> results;

    private static String claim(String id, String body) {
        return "  - id: " + id + "\n    figure: latency\n    statement: \"" + id + "\"\n" + body;
    }

    @BeforeEach
    void evaluate() throws Exception {
        String yaml = TestScenarios.partelStudyYaml().replace("replications: 2", "replications: 3")
                + claim("value", """
                    kind: value
                    metric: realised_latency_s_mean
                    of: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 12
                    tolerance: "±0.5"
                """)
                + claim("ratio", """
                    kind: ratio
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: {scheduler: baseline}
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.5
                    tolerance: "±0.01"
                """)
                + claim("difference", """
                    kind: difference
                    metric: realised_latency_s_mean
                    of: {scheduler: joint-paba, radio.bandwidth: 20 MHz}
                    against: {scheduler: joint-paba, radio.bandwidth: 10 MHz}
                    paper: -1
                    tolerance: "< 0"
                """)
                + claim("argmin", """
                    kind: argmin
                    metric: realised_latency_s_mean
                    of: joint-paba
                    over: radio.bandwidth
                    paper: 20e6
                    tolerance: "±1"
                """)
                + claim("argmax", """
                    kind: argmax
                    metric: realised_latency_s_mean
                    of: joint-paba
                    over: radio.bandwidth
                    paper: 20e6
                    tolerance: "±1"
                """)
                + claim("ordering", """
                    kind: ordering
                    metric: realised_latency_s_mean
                    order: "joint-paba < baseline"
                    paper: 1
                    tolerance: ">= 1"
                """)
                + claim("reverse", """
                    kind: ordering
                    metric: realised_latency_s_mean
                    order: "baseline <= joint-paba"
                    paper: 1
                    tolerance: ">= 1"
                """)
                + claim("at-time", """
                    kind: difference
                    metric: train_accuracy
                    trace: {x: end_s, at: 100}
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.05
                    tolerance: "> 0"
                    inconsistent: "declared beyond the model"
                """)
                + claim("to-target", """
                    kind: ratio
                    metric: train_accuracy
                    trace: {x: end_s, reaches: 0.6}
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.45
                    tolerance: "±0.01"
                """)
                + claim("never", """
                    kind: value
                    metric: train_accuracy
                    trace: {x: end_s, reaches: 0.95}
                    of: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 100
                    tolerance: "±1"
                """)
                + claim("to-final-self", """
                    kind: value
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    of: joint-paba
                    at: {radio.bandwidth: 10 MHz}
                    paper: 120
                    tolerance: "±1"
                """)
                + claim("to-final-never", """
                    kind: value
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    of: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 120
                    tolerance: "±1"
                """)
                + claim("to-final-order", """
                    kind: ordering
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    order: "joint-paba < baseline"
                    at: {radio.bandwidth: 10 MHz}
                    paper: 1
                    tolerance: ">= 1"
                """)
                + "learning: {data: fashion-mnist-small, model: logistic-regression, stepSize: 0.1}\n";
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, yaml);
        Study study = new StudyLoader(Catalog.standard().loader()).load(file, false);
        Files.writeString(dir.resolve("points.csv"), """
                point,radio.bandwidth,scheduler,replication,realised_latency_s_mean
                0,10000000,baseline,0,10
                0,10000000,baseline,1,12
                0,10000000,baseline,2,14
                0,10000000,joint-paba,0,5
                0,10000000,joint-paba,1,7
                0,10000000,joint-paba,2,6
                1,20000000,baseline,0,6
                1,20000000,baseline,1,8
                1,20000000,baseline,2,7
                1,20000000,joint-paba,0,3
                1,20000000,joint-paba,1,4
                1,20000000,joint-paba,2,5
                """);
        Files.writeString(dir.resolve("rounds.csv"), """
                point,radio.bandwidth,scheduler,replication,round,end_s,train_accuracy
                0,10000000,baseline,0,1,40,0.5
                0,10000000,baseline,0,2,80,0.6
                0,10000000,baseline,0,3,120,0.7
                0,10000000,baseline,1,1,50,0.5
                0,10000000,baseline,1,2,100,0.62
                0,10000000,baseline,1,3,150,0.72
                0,10000000,baseline,2,1,30,0.4
                0,10000000,baseline,2,2,90,0.58
                0,10000000,baseline,2,3,150,0.69
                0,10000000,joint-paba,0,1,20,0.5
                0,10000000,joint-paba,0,2,40,0.6
                0,10000000,joint-paba,0,3,110,0.7
                0,10000000,joint-paba,1,1,30,0.5
                0,10000000,joint-paba,1,2,60,0.6
                0,10000000,joint-paba,1,3,100,0.7
                0,10000000,joint-paba,2,1,25,0.5
                0,10000000,joint-paba,2,2,50,0.6
                0,10000000,joint-paba,2,3,150,0.7
                """);
        results = ClaimEvaluator.evaluate(study, dir).stream()
                .collect(Collectors.toMap(ClaimResult::claim, Function.identity()));
    }

    @Test
    void aValueIsTheMeanWithItsStudentInterval() {
        ClaimResult r = results.get("value");
        assertEquals(12, r.reproduced(), 1e-12);
        double half = T2 * 2 / Math.sqrt(3); // sd of 10, 12, 14 is 2
        assertEquals(12 - half, r.ci95Low(), 1e-9);
        assertEquals(12 + half, r.ci95High(), 1e-9);
        assertEquals(ClaimResult.HOLDS, r.verdict());
    }

    @Test
    void aRatioOfPairedMeansHasTheDeltaMethodInterval() {
        // a = 5, 7, 6 (mean 6), b = 10, 12, 14 (mean 12): s_aa = 1, s_bb = 4, s_ab = 1, R = 0.5,
        // var = (1 - 2 * 0.5 * 1 + 0.25 * 4) / 12^2 = 1 / 144 per run.
        ClaimResult r = results.get("ratio");
        assertEquals(0.5, r.reproduced(), 1e-12);
        double half = T2 * Math.sqrt(1.0 / 144 / 3);
        assertEquals(0.5 - half, r.ci95Low(), 1e-9);
        assertEquals(0.5 + half, r.ci95High(), 1e-9);
        assertEquals(ClaimResult.HOLDS, r.verdict());
        // The study's own claim: the reduction 1 - 0.5 against the paper's 0.4, outside ±0.05.
        ClaimResult c1 = results.get("c1");
        assertEquals(0.5, c1.reproduced(), 1e-12);
        assertEquals(1 - (0.5 + half), c1.ci95Low(), 1e-9);
        assertEquals(ClaimResult.DIFFERS, c1.verdict());
        assertTrue(c1.reason().startsWith("0.5 is 0.1 above the paper's 0.4, outside ±0.05"), c1.reason());
    }

    @Test
    void aDifferenceIsPairedByReplicationAcrossPoints() {
        // 20 MHz minus 10 MHz, joint PABA: 3 - 5, 4 - 7, 5 - 6 = -2, -3, -1: mean -2, sd 1.
        ClaimResult r = results.get("difference");
        assertEquals(-2, r.reproduced(), 1e-12);
        assertEquals(-2 - T2 / Math.sqrt(3), r.ci95Low(), 1e-9);
        assertEquals(ClaimResult.HOLDS, r.verdict());
        assertEquals("-2 < 0; means 4 and 6 over 3 paired runs", r.reason());
    }

    @Test
    void argminAndArgmaxReportTheSweptValue() {
        assertEquals(20e6, results.get("argmin").reproduced());
        assertEquals(ClaimResult.HOLDS, results.get("argmin").verdict());
        assertTrue(results.get("argmin").reason().contains("least mean 4 at radio.bandwidth = 20 MHz, next 6 at 10 MHz"),
                results.get("argmin").reason());
        assertEquals(10e6, results.get("argmax").reproduced());
        assertEquals(ClaimResult.DIFFERS, results.get("argmax").verdict());
        assertTrue(Double.isNaN(results.get("argmax").ci95Low()));
    }

    @Test
    void anOrderingIsTheShareOfPointsInOrder() {
        assertEquals(1.0, results.get("ordering").reproduced());
        assertEquals(ClaimResult.HOLDS, results.get("ordering").verdict());
        ClaimResult reverse = results.get("reverse");
        assertEquals(0.0, reverse.reproduced());
        assertEquals(ClaimResult.DIFFERS, reverse.verdict());
        assertTrue(reverse.reason().contains("not at radio.bandwidth = 10 MHz: baseline 12 vs joint-paba 6"),
                reverse.reason());
    }

    @Test
    void aTraceReadingTakesTheLastRoundThatEndedByThen() {
        // At end_s = 100: baseline 0.6, 0.62, 0.58; joint PABA 0.6, 0.7, 0.6: differences 0, 0.08, 0.02.
        ClaimResult r = results.get("at-time");
        assertEquals(0.1 / 3, r.reproduced(), 1e-12);
        assertEquals(ClaimResult.INCONSISTENT, r.verdict(), "a declared inconsistency is the verdict");
        assertTrue(r.reason().startsWith("declared beyond the model (measured 0.03333"), r.reason());
    }

    @Test
    void aTimeToTargetIsTheFirstRoundThatReachedIt() {
        // Reaching 0.6: baseline at 80, 100, 150 (mean 110); joint PABA at 40, 60, 50 (mean 50).
        ClaimResult r = results.get("to-target");
        assertEquals(50.0 / 110, r.reproduced(), 1e-12);
        assertEquals(ClaimResult.HOLDS, r.verdict());
        ClaimResult never = results.get("never");
        assertTrue(Double.isNaN(never.reproduced()));
        assertEquals(ClaimResult.DIFFERS, never.verdict());
        assertEquals("no value: baseline's train_accuracy never reaches 0.95 in 3 of 3 runs", never.reason());
    }

    @Test
    void aTimeToAnotherSchedulersFinalValueIsReadReplicationByReplication() {
        // joint PABA ends at 0.7 in every replication: it first reaches that at 110, 100 and 150 (mean 120).
        ClaimResult self = results.get("to-final-self");
        assertEquals(120, self.reproduced(), 1e-12);
        assertEquals(ClaimResult.HOLDS, self.verdict());
        // The baseline reaches 0.7 at 120 and 150 (0.72) but ends at 0.69 in replication 2.
        ClaimResult never = results.get("to-final-never");
        assertTrue(Double.isNaN(never.reproduced()));
        assertEquals("no value: baseline's train_accuracy never reaches joint-paba's final value in 1 of 3 runs",
                never.reason());
        // In an ordering, never reaching is slower than any time: joint PABA 120 < baseline (never).
        ClaimResult order = results.get("to-final-order");
        assertEquals(1, order.reproduced(), 1e-12);
        assertEquals(ClaimResult.HOLDS, order.verdict(), order.reason());
    }

    @Test
    void theMetricAtATimeNeedsARunThatSpansIt() {
        List<double[]> rows = List.of(new double[] {10, 0.5}, new double[] {20, 0.6});
        assertEquals(0.5, RunValues.metricAt(rows, 15));
        assertEquals(0.6, RunValues.metricAt(rows, 20));
        assertTrue(Double.isNaN(RunValues.metricAt(rows, 5)), "before the first round ended");
        assertTrue(Double.isNaN(RunValues.metricAt(rows, 25)), "after the run ended");
    }

    @Test
    void thePapersTablesGatherEveryStudyWithTheStatedColumns() throws IOException {
        Path results = dir.resolve("results");
        Path a = results.resolve("partel").resolve("a-study");
        Path b = results.resolve("partel").resolve("b-study");
        Files.createDirectories(a);
        Files.createDirectories(b);
        List<ClaimResult> all = List.copyOf(this.results.values()).stream()
                .sorted(java.util.Comparator.comparing(ClaimResult::claim)).toList();
        ClaimsReport.write(a.resolve(ClaimsReport.FILE), all.subList(0, 4));
        ClaimsReport.write(b.resolve(ClaimsReport.FILE), all.subList(4, all.size()));
        ClaimsReport.Counts counts = ClaimsReport.gather(results);
        assertEquals(all.size(), counts.total());
        List<String> lines = Files.readAllLines(results.resolve("partel").resolve(ClaimsReport.FILE));
        assertEquals("claim,figure,statement,paper,reproduced,ci95_low,ci95_high,tolerance,verdict,reason", lines.get(0));
        assertEquals(all, ClaimsReport.read(results.resolve("partel").resolve(ClaimsReport.FILE)));
        String md = Files.readString(results.resolve(ClaimsReport.MARKDOWN));
        assertTrue(md.contains("## partel: " + counts), md);
        long holds = all.stream().filter(r -> r.verdict().equals(ClaimResult.HOLDS)).count();
        assertEquals(holds, counts.holds());
    }
}
