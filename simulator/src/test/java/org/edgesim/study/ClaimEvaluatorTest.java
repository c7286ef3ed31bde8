package org.edgesim.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgesim.simulation.Catalog;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.edgesim.study.ClaimEvaluator;
import org.edgesim.study.ClaimResult;
import org.edgesim.study.ClaimsReport;
import org.edgesim.study.PairedStatistics;
import org.edgesim.study.Readings;
import org.edgesim.study.RunValues;

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

    /** A model check: the verdict machinery is the same for both kinds. */
    private static String claim(String id, String body) {
        return "  - id: " + id + "\n    figure: latency\n    statement: \"" + id + "\"\n    source: model\n" + body;
    }

    private Study study;

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
                + claim("computed-inconsistent", """
                    kind: value
                    metric: realised_latency_s_mean
                    of: {scheduler: joint-paba, radio.bandwidth: 20 MHz}
                    paperModel: {of: {scheduler: baseline, radio.bandwidth: 20 MHz}}
                    paper: 20
                    tolerance: "±1"
                """)
                + claim("contradicted", """
                    kind: value
                    metric: realised_latency_s_mean
                    of: {scheduler: joint-paba, radio.bandwidth: 20 MHz}
                    paperModel: {of: {scheduler: baseline, radio.bandwidth: 10 MHz}, contradicts: "eq. (9) counts it"}
                    paper: 12
                    tolerance: "±5.2"
                """)
                + claim("contradicted-not-holding", """
                    kind: value
                    metric: realised_latency_s_mean
                    of: {scheduler: joint-paba, radio.bandwidth: 20 MHz}
                    paperModel: {of: {scheduler: baseline, radio.bandwidth: 20 MHz}, contradicts: "eq. (9) counts it"}
                    paper: 12
                    tolerance: "±5.2"
                """)
                + claim("averaged-reduction", """
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: [10 MHz, 20 MHz]}
                    paper: 0.47
                    tolerance: "±0.5"
                """)
                + claim("model-disagrees", """
                    kind: value
                    metric: realised_latency_s_mean
                    of: {scheduler: joint-paba, radio.bandwidth: 20 MHz}
                    paperModel: {of: {scheduler: baseline, radio.bandwidth: 10 MHz}}
                    paper: 20
                    tolerance: "±1"
                """)
                + "  - id: calibrated\n    figure: latency\n    statement: \"calibrated\"\n"
                + "    quote: \"Fig. 1: 'about 12 s'\"\n" + """
                    kind: value
                    metric: realised_latency_s_mean
                    of: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 12
                    tolerance: "±0.5"
                    calibratedBy: "the bandwidth, read off the paper's 12 s"
                """
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
                + claim("bound-ratio", """
                    kind: ratio
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    of: baseline
                    against: joint-paba
                    at: {radio.bandwidth: 10 MHz}
                    paper: 1
                    tolerance: "> 0.5"
                """)
                + claim("bound-across", """
                    kind: ratio
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    of: baseline
                    against: joint-paba
                    at: {radio.bandwidth: 10 MHz}
                    paper: 1
                    tolerance: "±0.05"
                """)
                + claim("bound-reduction", """
                    kind: reduction
                    metric: train_accuracy
                    trace: {x: end_s, reaches: joint-paba}
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.1
                    tolerance: "±0.01"
                """)
                + claim("lowest-final", """
                    kind: ratio
                    metric: train_accuracy
                    trace: {x: end_s, reaches: lowest-final, below: 0.01}
                    of: baseline
                    against: joint-paba
                    at: {radio.bandwidth: 10 MHz}
                    paper: 1
                    tolerance: "±0.5"
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
        study = new StudyLoader(Catalog.standard().loader()).load(file, false);
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
    void aValueIsTheMeanWithItsStudentIntervalAndAnIntervalAcrossTheToleranceIsInconclusive() {
        ClaimResult r = results.get("value");
        assertEquals(12, r.reproduced(), 1e-12);
        double half = T2 * 2 / Math.sqrt(3); // sd of 10, 12, 14 is 2
        assertEquals(12 - half, r.ci95Low(), 1e-9);
        assertEquals(12 + half, r.ci95High(), 1e-9);
        assertEquals(3, r.replications());
        // On the point estimate it would hold (12 is the paper's 12); its interval is ten times wider than ±0.5.
        assertEquals(ClaimResult.INCONCLUSIVE, r.verdict());
        // The half-width must fall below 0.5 (the estimate's distance to the nearer edge): 3 (half / 0.5)^2.
        assertEquals((int) Math.ceil(3 * (half / 0.5) * (half / 0.5)), r.needed());
        assertTrue(r.reason().contains("straddles an edge of the paper's 12 ±0.5; about " + r.needed()
                + " replications would settle it"), r.reason());
    }

    @Test
    void aRatioOfPairedMeansHasFiellersInterval() {
        // a = 5, 7, 6 (mean 6), b = 10, 12, 14 (mean 12): s_aa = 1, s_bb = 4, s_ab = 1, R = 0.5;
        // with q = t^2 / 3 the ends solve (144 - 4q) r^2 - 2 (72 - q) r + (36 - q) = 0.
        ClaimResult r = results.get("ratio");
        assertEquals(0.5, r.reproduced(), 1e-12);
        double q = T2 * T2 / 3;
        double qa = 144 - 4 * q, qb = 72 - q, qc = 36 - q;
        double root = Math.sqrt(qb * qb - qa * qc);
        assertEquals((qb - root) / qa, r.ci95Low(), 1e-9);
        assertEquals((qb + root) / qa, r.ci95High(), 1e-9);
        assertEquals(ClaimResult.INCONCLUSIVE, r.verdict());
        // The study's own claim: the reduction 1 - 0.5 against the paper's 0.4 ±0.05: its interval
        // [0.29, 0.71] reaches into [0.35, 0.45], so it is not decided either way.
        ClaimResult c1 = results.get("c1");
        assertEquals(org.edgesim.scenario.ClaimSpec.PAPER, c1.source());
        assertEquals(0.5, c1.reproduced(), 1e-12);
        assertEquals(1 - (qb + root) / qa, c1.ci95Low(), 1e-9);
        assertEquals(ClaimResult.INCONCLUSIVE, c1.verdict());
    }

    @Test
    void aDifferenceIsPairedByReplicationAcrossPoints() {
        // 20 MHz minus 10 MHz, joint PABA: 3 - 5, 4 - 7, 5 - 6 = -2, -3, -1: mean -2, sd 1.
        ClaimResult r = results.get("difference");
        assertEquals(-2, r.reproduced(), 1e-12);
        assertEquals(-2 - T2 / Math.sqrt(3), r.ci95Low(), 1e-9);
        // Its interval [-4.48, 0.48] reaches above 0: "< 0" is not decided.
        assertEquals(ClaimResult.INCONCLUSIVE, r.verdict());
        assertTrue(r.reason().endsWith("; means 4 and 6 over 3 paired runs"), r.reason());
        assertEquals((int) Math.ceil(3 * Math.pow(T2 / Math.sqrt(3) / 2, 2)), r.needed());
    }

    @Test
    void threeWayVerdictsOnHandBuiltIntervals() {
        org.edgesim.scenario.Tolerance within = org.edgesim.scenario.Tolerance.parse("±1");
        var inside = Readings.byInterval(new PairedStatistics.Estimate(10.2, 9.5, 10.9), 10, within, 10);
        var outside = Readings.byInterval(new PairedStatistics.Estimate(13, 12, 14), 10, within, 10);
        var across = Readings.byInterval(new PairedStatistics.Estimate(10.5, 9.5, 11.5), 10, within, 10);
        assertEquals(org.edgesim.scenario.Tolerance.Side.INSIDE, inside.side());
        assertEquals(org.edgesim.scenario.Tolerance.Side.OUTSIDE, outside.side());
        assertEquals(org.edgesim.scenario.Tolerance.Side.ACROSS, across.side());
        // Half-width 1, distance to the edge 11 - 10.5 = 0.5: 10 (1 / 0.5)^2 = 40 replications.
        assertEquals(40, across.needed());
        org.edgesim.scenario.Tolerance bound = org.edgesim.scenario.Tolerance.parse(">= 0.8");
        assertEquals(org.edgesim.scenario.Tolerance.Side.INSIDE, Readings.byInterval(
                new PairedStatistics.Estimate(0.9, 0.85, 0.95), 5, bound, 0.8).side());
        assertEquals(org.edgesim.scenario.Tolerance.Side.ACROSS, Readings.byInterval(
                new PairedStatistics.Estimate(0.9, 0.7, 1.1), 5, bound, 0.8).side());
        assertEquals(-1, Readings.byInterval(new PairedStatistics.Estimate(11, 10, 12), 5, within, 10).needed(),
                "an estimate on the edge cannot be settled");
        var one = Readings.byInterval(new PairedStatistics.Estimate(10, Double.NaN, Double.NaN), 1, within, 10);
        assertEquals(org.edgesim.scenario.Tolerance.Side.ACROSS, one.side(), "one replication decides nothing");
        var unbounded = Readings.byInterval(new PairedStatistics.Estimate(42.76, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), 10, within, 1.26);
        assertEquals(org.edgesim.scenario.Tolerance.Side.ACROSS, unbounded.side(), "far from 1.26, yet undecided");
        assertEquals(0, unbounded.needed());
        assertTrue(unbounded.reason().startsWith("42.76 has an unbounded 95% interval: over 10 replications"),
                unbounded.reason());
    }

    @Test
    void aFactorToleranceHoldsWithinThatFactorOfTheEstimateOnBothSides() {
        org.edgesim.scenario.Tolerance factor = org.edgesim.scenario.Tolerance.parse("×3");
        assertEquals("×", org.edgesim.scenario.Tolerance.parse("x3").op(), "'x3' is '×3'");
        // Estimate 9e-19: the band is [3e-19, 2.7e-18], computed by hand.
        assertEquals(3e-19, factor.band(9e-19)[0], 1e-30);
        assertEquals(2.7e-18, factor.band(9e-19)[1], 1e-30);
        assertEquals(org.edgesim.scenario.Tolerance.Side.INSIDE, Readings.byInterval(
                new PairedStatistics.Estimate(8e-19, 7e-19, 9e-19), 5, factor, 9e-19).side());
        assertEquals(org.edgesim.scenario.Tolerance.Side.OUTSIDE, Readings.byInterval(
                new PairedStatistics.Estimate(2.5e-19, 2e-19, 2.9e-19), 5, factor, 9e-19).side(), "below a third");
        assertEquals(org.edgesim.scenario.Tolerance.Side.OUTSIDE, Readings.byInterval(
                new PairedStatistics.Estimate(3e-18, 2.8e-18, 3.2e-18), 5, factor, 9e-19).side(), "above three times");
        assertEquals(org.edgesim.scenario.Tolerance.Side.ACROSS, Readings.byInterval(
                new PairedStatistics.Estimate(3.2e-19, 2.8e-19, 3.6e-19), 5, factor, 9e-19).side());
        assertTrue(factor.accepts(3e-19, 9e-19) && !factor.accepts(2.99e-19, 9e-19));
        assertTrue(factor.explain(1e-18, 9e-19).contains("within a factor 3"), factor.explain(1e-18, 9e-19));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> org.edgesim.scenario.Tolerance.parse("×1"), "a factor of 1 or less is no band");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.edgesim.scenario.InvalidField.class,
                () -> new org.edgesim.scenario.ClaimSpec("c", "f", "s", "value", "m", null, null, null, null, null, null,
                        0, "×3", null, null, "model", null, null, null));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void anArgminReportsTheValuesTiedWithTheBestAndItsSupport() {
        // Joint PABA at 10 MHz 5, 7, 6 and at 20 MHz 3, 4, 5: the paired difference 2, 3, 1 has the
        // interval 2 ± 2.48, which holds 0: the two bandwidths are tied, and only one is the paper's.
        ClaimResult min = results.get("argmin");
        assertEquals(20e6, min.reproduced());
        assertEquals(10e6, min.ci95Low());
        assertEquals(20e6, min.ci95High());
        assertEquals(ClaimResult.INCONCLUSIVE, min.verdict());
        assertTrue(min.reason().contains("least mean 4 at radio.bandwidth = 20 MHz (best in 3 of 3 replications),"
                + " next 6 at 10 MHz: paired difference 2 ["), min.reason());
        assertTrue(min.reason().contains(", a tie"), min.reason());
        // Half-width 2.48 against the difference 2: 3 (2.48 / 2)^2 = 4.6, so 5 replications.
        assertEquals(5, min.needed());
        ClaimResult max = results.get("argmax");
        assertEquals(10e6, max.reproduced());
        assertEquals(ClaimResult.INCONCLUSIVE, max.verdict());
    }

    @Test
    void anArgminBestInEveryDrawAndSeparatedIsDecidedExactly() throws Exception {
        Files.writeString(dir.resolve("points.csv"), """
                point,radio.bandwidth,scheduler,replication,realised_latency_s_mean
                0,10000000,baseline,0,10
                0,10000000,baseline,1,12
                0,10000000,baseline,2,14
                0,10000000,joint-paba,0,9
                0,10000000,joint-paba,1,10
                0,10000000,joint-paba,2,11
                1,20000000,baseline,0,6
                1,20000000,baseline,1,8
                1,20000000,baseline,2,7
                1,20000000,joint-paba,0,3
                1,20000000,joint-paba,1,4
                1,20000000,joint-paba,2,5
                """);
        var all = ClaimEvaluator.evaluate(study, dir).stream()
                .collect(Collectors.toMap(ClaimResult::claim, Function.identity()));
        // Differences 6, 6, 6: no tie, so the argmin is decided exactly: 20 MHz is the paper's.
        assertEquals(ClaimResult.HOLDS, all.get("argmin").verdict(), all.get("argmin").reason());
        assertEquals(20e6, all.get("argmin").ci95Low());
        assertEquals(ClaimResult.DIFFERS, all.get("argmax").verdict(), all.get("argmax").reason());
    }

    @Test
    void anOrderingIsTheShareOfPointsInOrderDecidedByPairedIntervals() {
        ClaimResult ordering = results.get("ordering");
        assertEquals(1.0, ordering.reproduced());
        assertEquals(1.0, ordering.ci95Low(), "both points decided in order");
        assertEquals(ClaimResult.HOLDS, ordering.verdict());
        ClaimResult reverse = results.get("reverse");
        assertEquals(0.0, reverse.reproduced());
        assertEquals(0.0, reverse.ci95High(), "both decided against");
        assertEquals(ClaimResult.DIFFERS, reverse.verdict());
        assertTrue(reverse.reason().contains("not at radio.bandwidth = 10 MHz: baseline 12 vs joint-paba 6"),
                reverse.reason());
    }

    @Test
    void aDeclaredInconsistencyNoLongerForcesTheVerdict() {
        // At end_s = 100: baseline 0.6, 0.62, 0.58; joint PABA 0.6, 0.7, 0.6: differences 0, 0.08, 0.02.
        ClaimResult r = results.get("at-time");
        assertEquals(0.1 / 3, r.reproduced(), 1e-12);
        assertEquals(ClaimResult.INCONCLUSIVE, r.verdict(), "computed, not declared");
        assertTrue(r.reason().contains("suspected beyond the paper's model: declared beyond the model"), r.reason());
    }

    @Test
    void paperInconsistentOnlyWhenThePapersModelAgreesWithUsAndBothDiffer() {
        // Ours: joint PABA at 20 MHz, 3, 4, 5: 4 [1.5, 6.5]; the paper's model: the baseline there,
        // 6, 8, 7: 7 [4.5, 9.5]; both wholly outside 20 ± 1 and overlapping.
        ClaimResult r = results.get("computed-inconsistent");
        assertEquals(ClaimResult.INCONSISTENT, r.verdict(), r.reason());
        assertTrue(r.reason().contains("the paper's own model (baseline) gives 7 ["), r.reason());
        // The paper's model at 10 MHz, 12 [7.0, 17.0], differs from the paper too but not with us.
        ClaimResult d = results.get("model-disagrees");
        assertEquals(ClaimResult.DIFFERS, d.verdict(), d.reason());
        assertTrue(d.reason().contains("and does not agree with the measurement"), d.reason());
    }

    @Test
    void paperInconsistentWhenOnlyAReadingThePaperContradictsGivesItsNumber() {
        // Ours: joint PABA at 20 MHz, 4 [1.5, 6.5], wholly outside 12 ± 5.2 = [6.8, 17.2]; the reading
        // the paper contradicts (the baseline at 10 MHz), 12 [7.032, 16.97], holds: paper-inconsistent.
        ClaimResult r = results.get("contradicted");
        assertEquals(ClaimResult.INCONSISTENT, r.verdict(), r.reason());
        assertTrue(r.reason().contains("the reading the paper contradicts (eq. (9) counts it) gives 12 [7.032, 16.97], which"
                + " holds against the paper's 12"), r.reason());
        // That reading at 20 MHz, 7 [4.5, 9.5], straddles the band: no evidence, the verdict stays ours.
        ClaimResult d = results.get("contradicted-not-holding");
        assertEquals(ClaimResult.DIFFERS, d.verdict(), d.reason());
        assertTrue(d.reason().contains("cannot be told from the paper's 12"), d.reason());
        // The reason must be named.
        org.edgesim.scenario.InvalidField e = org.junit.jupiter.api.Assertions.assertThrows(
                org.edgesim.scenario.InvalidField.class, () -> new org.edgesim.scenario.ClaimSpec("c", "f", "s",
                        "value", "m", null, null, null, null, null, null, 1, "±1", null, null, "model", null, null,
                        java.util.Map.of("contradicts", com.fasterxml.jackson.databind.node.TextNode.valueOf(" "))));
        assertEquals("paperModel.contradicts", e.field());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.edgesim.scenario.InvalidField.class,
                () -> new org.edgesim.scenario.ClaimSpec("c", "f", "s", "value", "m", null, null, null, null, null,
                        null, 1, "±1", null, null, "model", null, null,
                        java.util.Map.of("contradicts", com.fasterxml.jackson.databind.node.TextNode.valueOf("x"))));
        assertEquals("paperModel", e.field(), "a reading needs its runs");
    }

    @Test
    void aListInAtAveragesEachSideOverItsPointsRunByRun() {
        // By replication, the mean over 10 and 20 MHz: joint PABA (5+3)/2, (7+4)/2, (6+5)/2 = 4, 5.5, 5.5
        // (mean 5); the baseline (10+6)/2, (12+8)/2, (14+7)/2 = 8, 10, 10.5 (mean 9.5).
        ClaimResult r = results.get("averaged-reduction");
        assertEquals(1 - 5 / 9.5, r.reproduced(), 1e-12);
        assertEquals(3, r.replications());
        // Fieller's interval of the per-replication averages, as for one point, by hand:
        // s_aa = 0.75, s_bb = 1.75, s_ab = 1.125 (n - 1 = 2), means 5 and 9.5.
        double q = T2 * T2 / 3;
        double qa = 9.5 * 9.5 - 1.75 * q, qb = 5 * 9.5 - 1.125 * q, qc = 25 - 0.75 * q;
        double root = Math.sqrt(qb * qb - qa * qc);
        assertEquals(1 - (qb + root) / qa, r.ci95Low(), 1e-9);
        assertEquals(1 - (qb - root) / qa, r.ci95High(), 1e-9);
        assertTrue(r.reason().contains("means 5 and 9.5 over 3 paired runs"), r.reason());
    }

    @Test
    void aCalibratedClaimIsNeverAReproduction() {
        ClaimResult r = results.get("calibrated");
        assertEquals(ClaimResult.CALIBRATED, r.verdict());
        assertEquals(org.edgesim.scenario.ClaimSpec.PAPER, r.source());
        assertTrue(r.reason().startsWith("calibrated on the paper's number (the bandwidth, read off the paper's 12 s)"),
                r.reason());
    }

    @Test
    void aQuickRunAssessesNothingItsIntervalsCannotDecide() throws Exception {
        var quick = ClaimEvaluator.evaluate(study, dir, true).stream()
                .collect(Collectors.toMap(ClaimResult::claim, Function.identity()));
        assertEquals(ClaimResult.NOT_ASSESSED, quick.get("value").verdict());
        assertEquals(ClaimResult.HOLDS, quick.get("ordering").verdict(), "decided even so");
        assertEquals(ClaimResult.DIFFERS, quick.get("reverse").verdict());
    }

    @Test
    void aTimeToTargetIsTheFirstRoundThatReachedIt() {
        // Reaching 0.6: baseline at 80, 100, 150 (mean 110); joint PABA at 40, 60, 50 (mean 50).
        ClaimResult r = results.get("to-target");
        assertEquals(50.0 / 110, r.reproduced(), 1e-12);
        ClaimResult never = results.get("never");
        assertEquals(Double.POSITIVE_INFINITY, never.reproduced(), "no run reaches 0.95: later than any time");
        assertEquals(ClaimResult.DIFFERS, never.verdict());
        assertTrue(never.reason().contains("baseline's train_accuracy never reaches 0.95 in 3 of 3 runs"),
                never.reason());
    }

    @Test
    void aTimeToAnotherSchedulersFinalValueIsReadReplicationByReplication() {
        // joint PABA ends at 0.7 in every replication: it first reaches that at 110, 100 and 150 (mean 120).
        ClaimResult self = results.get("to-final-self");
        assertEquals(120, self.reproduced(), 1e-12);
        // The baseline reaches 0.7 at 120 and 150 (0.72) but ends at 0.69 in replication 2.
        ClaimResult never = results.get("to-final-never");
        assertTrue(Double.isNaN(never.reproduced()));
        assertEquals(ClaimResult.INCONCLUSIVE, never.verdict());
        assertTrue(never.reason().endsWith("no value; baseline's train_accuracy never reaches joint-paba's final value"
                + " in 1 of 3 runs"), never.reason());
        // In an ordering, never reaching is slower than any time: joint PABA 120 < baseline (never).
        // With a run that never reached, the order is decided by a sign test: joint PABA is first
        // in 3 of 3 replications, p = 1/8 > 0.025, so it is not decided.
        ClaimResult order = results.get("to-final-order");
        assertEquals(1, order.reproduced(), 1e-12);
        assertEquals(ClaimResult.INCONCLUSIVE, order.verdict(), order.reason());
        assertEquals(0, order.needed(), "a sign test has no variance to scale");
        assertTrue(order.reason().contains("these runs cannot tell how many replications would settle it"),
                order.reason());
    }

    @Test
    void aTargetBelowTheLowestFinalValueIsReachedByEveryScheme() {
        // Finals by replication: baseline 0.7, 0.72, 0.69; joint PABA 0.7, 0.7, 0.7; the lowest less
        // 0.01: 0.69, 0.69, 0.68. The baseline reaches them at 120, 150, 150; joint PABA at 110, 100, 150.
        ClaimResult r = results.get("lowest-final");
        assertEquals(140.0 / 120, r.reproduced(), 1e-12);
        assertTrue(Double.isFinite(r.ci95High()), "every run reaches it: no bound");
    }

    @Test
    void aSideThatNeverReachedInSomeRunsIsCountedAtItsLastRoundAsABound() {
        // The baseline never reaches joint PABA's final 0.7 in replication 2: counted at its last
        // round, 150, its times are 120, 150, 150 (at least), against joint PABA's 110, 100, 150.
        ClaimResult r = results.get("bound-ratio");
        assertEquals(140.0 / 120, r.reproduced(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, r.ci95High(), "a lower bound: open above");
        // Fieller by hand: means 140 and 120, s_aa 300, s_bb 700, s_ab 150; q = t^2 / 3.
        double q = T2 * T2 / 3;
        double qa = 120.0 * 120 - 700 * q, qb = 140.0 * 120 - 150 * q, qc = 140.0 * 140 - 300 * q;
        assertEquals((qb - Math.sqrt(qb * qb - qa * qc)) / qa, r.ci95Low(), 1e-9);
        assertEquals(ClaimResult.HOLDS, r.verdict(), "at least 0.727 > 0.5 decides '> 0.5': " + r.reason());
        assertTrue(r.reason().contains("counted at their last rounds (not reached by then): a lower bound"), r.reason());
        ClaimResult across = results.get("bound-across");
        assertEquals(ClaimResult.INCONCLUSIVE, across.verdict());
        assertTrue(across.reason().contains("at least 1.167") && across.reason().contains("runs long enough"),
                across.reason());
        // joint PABA's reduction against a side whose times are too small: 1 - 120/140, a lower bound too.
        ClaimResult reduction = results.get("bound-reduction");
        assertEquals(1 - 120.0 / 140, reduction.reproduced(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, reduction.ci95High());
    }

    @Test
    void aRunThatNeverReachedIsBoundedWhereALongerRunCouldFirstHaveReachedIt() {
        List<double[]> rows = List.of(new double[] {10, 0.50}, new double[] {20, 0.60}, new double[] {30, 0.65},
                new double[] {40, 0.66}, new double[] {50, 0.67}, new double[] {60, Double.NaN});
        // Unsmoothed: only after its last round (60, not evaluated, counts: a crossing comes later).
        assertEquals(60, RunValues.notReachedBy(rows, 1));
        // Centred mean of 3: windows end at index 3 (x = 40); the next centre, index 4, is x = 50.
        assertEquals(50, RunValues.notReachedBy(rows, 3));
        // Of 5: windows end at index 2 (x = 30); a longer run's next centre is index 3, x = 40.
        assertEquals(40, RunValues.notReachedBy(rows, 5));
        // Of 7 with five evaluations: no window yet; the first possible centre is index 3, x = 40.
        assertEquals(40, RunValues.notReachedBy(rows, 7));
        // Of 11: the first centre, index 5, lies beyond the run; its last evaluation bounds it.
        assertEquals(50, RunValues.notReachedBy(rows, 11));
    }

    @Test
    void aCrossingIsReadFromTheCentredMeanOfTheEvaluatedRounds() {
        // x, accuracy: a lucky 0.70 at x = 30, then a dip; x = 40 was not evaluated (NaN).
        List<double[]> rows = List.of(new double[] {10, 0.50}, new double[] {20, 0.60}, new double[] {30, 0.70},
                new double[] {40, Double.NaN}, new double[] {50, 0.62}, new double[] {60, 0.72},
                new double[] {70, 0.74}, new double[] {80, 0.75}, new double[] {90, 0.69});
        // Raw: the first evaluation at 0.7 is x = 30.
        assertEquals(30, RunValues.firstReaching(rows, 0.7));
        assertEquals(30, RunValues.firstReaching(rows, 0.7, 1));
        // Centred means of 3 evaluated rounds (x = 40 skipped; x = 10 and 90 have no full window):
        // at 20 (0.5+0.6+0.7)/3 = 0.6, at 30 (0.6+0.7+0.62)/3 = 0.64, at 50 (0.7+0.62+0.72)/3 = 0.68,
        // at 60 (0.62+0.72+0.74)/3 = 0.6933, at 70 (0.72+0.74+0.75)/3 = 0.7033: the crossing is x = 70.
        assertEquals(70, RunValues.firstReaching(rows, 0.7, 3));
        // Of 5: at 50 (0.6+0.7+0.62+0.72+0.74)/5 = 0.676, at 60 (0.7+0.62+0.72+0.74+0.75)/5 = 0.706.
        assertEquals(60, RunValues.firstReaching(rows, 0.7, 5));
        // The target exactly, as a sum of three evaluations gives it (0.7 in floating point): reached.
        assertEquals(20, RunValues.firstReaching(List.of(new double[] {10, 0.6}, new double[] {20, 0.7},
                new double[] {30, 0.8}), 0.7, 3));
        // A window longer than the evaluations never fills: no crossing; nor a target above every mean.
        assertTrue(Double.isNaN(RunValues.firstReaching(rows, 0.1, 9)));
        assertTrue(Double.isNaN(RunValues.firstReaching(rows, 0.74, 3)));
        assertEquals(0.69, RunValues.finalValue(rows));
        assertEquals(0.70, RunValues.metricAt(rows, 45), "a round not evaluated keeps the last evaluation");
    }

    @Test
    void aSmoothedReadingIsAReachesReadingWithAWholeWindow() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.Function<String, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode>> trace =
                t -> {
                    try {
                        return json.readValue(t, new com.fasterxml.jackson.core.type.TypeReference<>() { });
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                };
        java.util.function.Function<String, org.edgesim.scenario.ClaimSpec> claim = t ->
                new org.edgesim.scenario.ClaimSpec("c", "f", "s", "value", "m", trace.apply(t), null, null, null, null,
                        null, 1, "±1", null, null, "model", null, null, null);
        assertEquals(3, claim.apply("{\"x\": \"end_s\", \"reaches\": 0.7, \"smooth\": 3}").smoothing());
        assertEquals(1, claim.apply("{\"x\": \"end_s\", \"reaches\": 0.7}").smoothing());
        for (String bad : List.of("{\"x\": \"end_s\", \"reaches\": 0.7, \"smooth\": 0}",
                "{\"x\": \"end_s\", \"reaches\": 0.7, \"smooth\": 2.5}",
                "{\"x\": \"end_s\", \"reaches\": 0.7, \"smooth\": 2}",
                "{\"x\": \"end_s\", \"reaches\": 0.7, \"smooth\": \"3\"}",
                "{\"x\": \"end_s\", \"at\": 10, \"smooth\": 3}")) {
            org.edgesim.scenario.InvalidField e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.edgesim.scenario.InvalidField.class, () -> claim.apply(bad), bad);
            assertEquals("trace.smooth", e.field(), e.getMessage());
        }
        assertEquals(0.004, claim.apply("{\"x\": \"end_s\", \"reaches\": \"lowest-final\", \"below\": 0.004}")
                .reachesBelowLowestFinal());
        assertEquals(null, claim.apply("{\"x\": \"end_s\", \"reaches\": \"lowest-final\"}").reachesFinalOf());
        for (String bad : List.of("{\"x\": \"end_s\", \"reaches\": 0.7, \"below\": 0.01}",
                "{\"x\": \"end_s\", \"reaches\": \"lowest-final\", \"below\": -0.01}")) {
            org.edgesim.scenario.InvalidField e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.edgesim.scenario.InvalidField.class, () -> claim.apply(bad), bad);
            assertEquals("trace.below", e.field(), e.getMessage());
        }
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
    void thePapersTablesGatherEveryStudyWithTheStatedColumnsAndCountPapersApartFromModelChecks() throws IOException {
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
        assertEquals("claim,kind,figure,statement,paper,reproduced,ci95_low,ci95_high,replications,tolerance,verdict,"
                + "needed_replications,reason,figure_panel", lines.get(0));
        assertEquals(all, ClaimsReport.read(results.resolve("partel").resolve(ClaimsReport.FILE)));
        String md = Files.readString(results.resolve(ClaimsReport.MARKDOWN));
        assertTrue(md.contains("## partel: " + counts), md);
        assertEquals(2, counts.papers(), "c1 and calibrated");
        assertEquals(1, counts.paper(ClaimResult.CALIBRATED));
        assertEquals(all.size() - 2, counts.checks());
        assertTrue(counts.toString().startsWith("papers: 0 hold, 0 differ, 1 inconclusive, 1 calibrated (of 2);"
                + " model checks: "), counts.toString());
    }
}
