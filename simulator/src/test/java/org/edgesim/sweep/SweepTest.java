package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.schedulers.BaselineScheduler;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.sched.SchedulerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SweepTest {
    public static final String STUDY = """
            name: tiny-sweep
            paper: test
            seed: 7
            rounds: 2
            cell: {radius: 0.15 km, minDistance: 1 m}
            radio:
              bandwidth: 100 MHz
              noiseDensity: -174 dBm/Hz
              pathLoss: urban-macro
              fading: rayleigh
              apPower: 46 dBm
              devicePower: 24 dBm
            devices:
              cpu: {speed: {grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}, flopsPerCycle: 1}
            protocol:
              type: partel
              groups: 2
              workersPerGroup: 3
              modelParameters: 10000
              trainingSamples: 600
              bitsPerParameter: 32
              bitsPerGradient: 32
              cyclesPerParameterPerSample: 1
              serverUpdateTime: 0 s
              uplinkNoise: equal-share
            scheduler: baseline
            sweep:
              grid:
                radio.bandwidth: [10 MHz, 20 MHz, 40 MHz]
              zip:
                protocol.groups: [2, 3]
                protocol.modelParameters: [10000, 20000]
              replications: 4
              compare: %s
              quick:
                sweep.replications: 2
                sweep.grid.radio.bandwidth: [10 MHz]
            figures:
              - name: latency
                x: radio.bandwidth
                xScale: 1e-6
                xLabel: bandwidth (MHz)
                y: realised_latency_s_mean
                yLabel: latency (s)
                panel: protocol.groups
              - name: latency-trace
                from: trace
                x: end_s
                xLabel: cumulative latency (s)
                y: realised_latency_s
                yLabel: round latency (s)
                panel: protocol.groups
            """;

    @TempDir
    Path dir;

    Path write(String compare) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(compare));
    }

    static Catalog catalogWithACopyOfBaseline() {
        Catalog c = Catalog.standard();
        c.schedulers().register(SchedulerProvider.of("baseline-copy", "partel", "a second baseline",
                () -> (PartelScheduler) new BaselineScheduler()));
        return c;
    }

    Study load(Catalog c, String compare, boolean quick) throws IOException, ScenarioException {
        return new StudyLoader(c.loader()).load(write(compare), quick);
    }

    @Test
    void gridTimesZipTimesSchedulersTimesReplications() throws Exception {
        Study s = load(Catalog.standard(), "[baseline, joint-paba]", false);
        assertEquals(List.of("radio.bandwidth", "protocol.groups", "protocol.modelParameters"), s.parameters());
        assertEquals(6, s.points().size());
        assertEquals(6 * 2 * 4, s.runs());
        Study.Point p = s.points().get(3); // 20 MHz, second zip entry
        assertEquals(List.of("20 MHz", "3", "20000"), p.labels());
        assertEquals(2e7, p.values().get(0));
        assertEquals(3, ((org.edgesim.protocol.partel.PartelSpec) p.scenario().protocol()).groups());
        Study quick = load(Catalog.standard(), "[baseline]", true);
        assertEquals(2, quick.replications(), "--quick overrides");
        assertEquals(2, quick.points().size(), "--quick overrides a grid entry whose key is a dotted path");
        assertEquals(1e7, quick.points().get(1).values().get(0));
    }

    @Test
    void aBadSweepValueIsReportedAtItsLine() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yaml"), STUDY.formatted("[baseline]")
                .replace("[10 MHz, 20 MHz, 40 MHz]", "[10 MHz, -5 MHz]"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new StudyLoader(Catalog.standard().loader()).load(f, false));
        assertEquals(29, e.line(), e.getMessage());
        assertEquals(31, e.column(), "the -5 MHz entry");
        assertTrue(e.getMessage().contains("radio.bandwidth"), e.getMessage());
        Path g = Files.writeString(dir.resolve("bad2.yaml"), STUDY.formatted("[baseline, magic]"));
        ScenarioException e2 = assertThrows(ScenarioException.class,
                () -> new StudyLoader(Catalog.standard().loader()).load(g, false));
        assertTrue(e2.getMessage().contains("unknown scheduler 'magic'"), e2.getMessage());
    }

    static Map<String, byte[]> outputs(Path folder) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        for (String f : List.of(SweepRunner.POINTS, SweepRunner.SUMMARY, SweepRunner.ROUNDS, SweepRunner.TRACE,
                "latency-protocol.groups_2.png", "latency-protocol.groups_3.svg", "latency-trace-protocol.groups_3.png")) {
            m.put(f, Files.readAllBytes(folder.resolve(f)));
        }
        return m;
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBytes() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, "[baseline, joint-paba]", false);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Studies.run(new SweepRunner(new Simulation(c), 1), s, one, one, false, false, SweepProgress.NONE);
        Studies.run(new SweepRunner(new Simulation(c), 2), s, two, two, false, false, SweepProgress.NONE);
        Map<String, byte[]> a = outputs(one);
        Map<String, byte[]> b = outputs(two);
        for (String f : a.keySet()) {
            assertArrayEquals(a.get(f), b.get(f), f);
        }
        assertEquals(1 + 48, Files.readAllLines(one.resolve(SweepRunner.POINTS)).size());
        assertEquals(1 + 48 * 2, Files.readAllLines(one.resolve(SweepRunner.ROUNDS)).size(), "a row per run and round");
    }

    @Test
    void theTraceSummarisesEachRoundOverTheReplications() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, "[baseline]", false);
        Path out = dir.resolve("trace");
        Studies.run(new SweepRunner(new Simulation(c), 2), s, out, out, false, false, SweepProgress.NONE);
        List<String> rounds = Files.readAllLines(out.resolve(SweepRunner.ROUNDS));
        assertEquals("point,radio.bandwidth,protocol.groups,protocol.modelParameters,scheduler,replication,round,"
                + "start_s,end_s,planned_latency_s,realised_latency_s,latency_gap_s,aggregated,outages,energy_J,retransmitted_bit,push_s,"
                + "compute_s,pull_s,server_s", rounds.get(0));
        // Round 2 of point 0: the mean over the 4 replications of end_s, computed here from rounds.csv.
        double sum = 0;
        int n = 0;
        int end = List.of(rounds.get(0).split(",")).indexOf("end_s");
        for (String line : rounds.subList(1, rounds.size())) {
            String[] f = line.split(",");
            if (f[0].equals("0") && f[6].equals("2")) {
                sum += Double.parseDouble(f[end]);
                n++;
            }
        }
        assertEquals(4, n);
        String key = "0,10000000,2,10000,baseline,2,end_s,4,";
        String line = Files.readAllLines(out.resolve(SweepRunner.TRACE)).stream().filter(l -> l.startsWith(key))
                .findFirst().orElseThrow(() -> new AssertionError("trace.csv has no row " + key));
        assertEquals(sum / 4, Double.parseDouble(line.substring(key.length()).split(",")[0]), 1e-12);
    }

    @Test
    void comparingTwoCopiesOfASchedulerGivesExactlyZeroPairedDifferences() throws Exception {
        Catalog c = catalogWithACopyOfBaseline();
        Study s = load(c, "[baseline, baseline-copy]", false);
        Path out = dir.resolve("crn");
        Studies.run(new SweepRunner(new Simulation(c), 2), s, out, out, false, false, SweepProgress.NONE);
        List<String> lines = Files.readAllLines(out.resolve(SweepRunner.POINTS));
        Map<String, String> byKey = new HashMap<>();
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String key = f[0] + "/" + f[5]; // point, replication
            String metrics = String.join(",", List.of(f).subList(6, f.length));
            if (byKey.containsKey(key)) {
                assertEquals(byKey.get(key), metrics, "paired runs " + key);
                compared++;
            } else {
                byKey.put(key, metrics);
            }
        }
        assertEquals(24, compared);
    }

    @Test
    void figuresAreNonEmptyOfTheExpectedSizeAndRedrawIdentically() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, "[baseline, joint-paba]", true);
        Path out = dir.resolve("fig");
        Studies.run(new SweepRunner(new Simulation(c), 2), s, out, out, false, true, SweepProgress.NONE);
        Path png = out.resolve("latency-protocol.groups_2.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(StudyFigure_WIDTH, image.getWidth());
        assertEquals(StudyFigure_HEIGHT, image.getHeight());
        assertTrue(Files.size(out.resolve("latency-protocol.groups_3.svg")) > 5000);
        Path again = dir.resolve("again");
        List<Path> redrawn = Studies.plot(out, again);
        assertEquals(12, redrawn.size(), "two figures of two panels, PNG, SVG and PDF");
        for (Path f : redrawn) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f.getFileName())), Files.readAllBytes(f), f.toString());
        }
    }

    static final int StudyFigure_WIDTH = org.edgesim.report.plot.StudyFigure.WIDTH;
    static final int StudyFigure_HEIGHT = org.edgesim.report.plot.StudyFigure.HEIGHT;

    @Test
    void existingRunsNeedResume() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, "[baseline]", true);
        Path out = dir.resolve("twice");
        SweepRunner runner = new SweepRunner(new Simulation(c), 1);
        Studies.run(runner, s, out, out, false, true, SweepProgress.NONE);
        assertThrows(IllegalStateException.class, () -> runner.run(s, out, false, SweepProgress.NONE));
        SweepRunner.Outcome again = runner.run(s, out, true, SweepProgress.NONE);
        assertEquals(again.runs(), again.resumed(), "a finished sweep resumes with nothing left to do");
    }
}
