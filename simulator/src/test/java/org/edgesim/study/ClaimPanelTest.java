package org.edgesim.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.simulation.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim about a figure drawn in panels names the panel it reads, and claims.md links that panel's
 * file, not the figure's first panel; a claim across panels, or about a figure without panels,
 * names none.
 */
class ClaimPanelTest {
    @TempDir
    Path dir;

    private Study study() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, TestScenarios.partelYaml() + """
                sweep:
                  grid:
                    radio.bandwidth: [10 MHz, 20 MHz]
                    protocol.groups: [2, 3]
                  replications: 2
                  compare: [baseline, joint-paba]
                figures:
                  - name: latency
                    x: radio.bandwidth
                    y: realised_latency_s_mean
                    panel: protocol.groups
                  - name: flat
                    x: radio.bandwidth
                    y: realised_latency_s_mean
                claims:
                  - id: in-panel-3
                    figure: latency
                    statement: "joint PABA is faster"
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 20 MHz, protocol.groups: 3}
                    paper: 0.4
                    tolerance: "±0.05"
                    quote: "Test paper, Fig. 1: 40% and 10% faster"
                  - id: across-panels
                    figure: latency
                    statement: "three groups are faster than two"
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: {scheduler: baseline, protocol.groups: 3}
                    against: {scheduler: baseline, protocol.groups: 2}
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.1
                    tolerance: "±0.05"
                    quote: "Test paper, Fig. 1: 40% and 10% faster"
                  - id: no-panels
                    figure: flat
                    statement: "joint PABA is faster"
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz, protocol.groups: 2}
                    paper: 0.4
                    tolerance: "±0.05"
                    quote: "Test paper, Fig. 1: 40% and 10% faster"
                """);
        return new StudyLoader(Catalog.standard().loader()).load(file, false);
    }

    @Test
    void aClaimNamesThePanelItReads() throws Exception {
        Study s = study();
        assertEquals(List.of("protocol.groups = 3", "", ""),
                s.claims().stream().map(c -> ClaimEvaluator.panel(s, c)).toList());
    }

    @Test
    void claimsMdLinksThePanelsFileWhereItExists() throws Exception {
        Path paper = Files.createDirectories(dir.resolve("results").resolve("partel"));
        Files.writeString(paper.resolve("latency-protocol.groups_2.png"), "");
        Files.writeString(paper.resolve("latency-protocol.groups_3.png"), "");
        assertEquals(paper.resolve("latency-protocol.groups_3.png"),
                ClaimsReport.figureFile(paper, "latency", "protocol.groups = 3"));
        assertEquals(paper.resolve("latency-protocol.groups_2.png"), ClaimsReport.figureFile(paper, "latency", ""),
                "without a panel, the first");
    }

    @Test
    void aClaimsFileWrittenBeforeThePanelColumnIsStillRead() throws Exception {
        Path file = dir.resolve("claims.csv");
        Files.writeString(file, String.join(",", ClaimResult.HEADER_WITHOUT_PANEL) + "\n"
                + "c1,paper,latency,s,0.4,0.41,0.39,0.43,2,±0.05,holds,,why\n");
        ClaimResult r = ClaimsReport.read(file).get(0);
        assertEquals("", r.panel());
        assertEquals("holds", r.verdict());
    }
}
