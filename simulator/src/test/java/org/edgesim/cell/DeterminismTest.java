package org.edgesim.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.report.RunWriter;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path dir;

    private static Scenario scenario(String yaml) throws Exception {
        return Catalog.standard().loader().parse("s.yaml", yaml, ScenarioLoader.Format.YAML);
    }

    private Path runInto(String folder, Scenario s) throws Exception {
        return RunWriter.write(dir.resolve(folder), s, "s.yaml", new Simulation(Catalog.standard()).run(s), Duration.ZERO);
    }

    @Test
    void sameScenarioAndSeedGiveByteIdenticalCsvFiles() throws Exception {
        Scenario s = scenario(TestScenarios.partelYaml());
        Path a = runInto("a", s);
        Path b = runInto("b", s);
        for (String f : new String[] {RunWriter.ROUNDS, RunWriter.DEVICES}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        Path c = runInto("c", s.withSeed(8));
        assertFalse(Files.readString(a.resolve(RunWriter.DEVICES)).equals(Files.readString(c.resolve(RunWriter.DEVICES))),
                "another seed must give other draws");
    }

    @Test
    void runsInParallelThreadsGiveTheSameBytesAsSequentialRuns() throws Exception {
        Scenario s = scenario(TestScenarios.partelYaml());
        Path reference = runInto("seq", s);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Path> x = pool.submit(() -> runInto("p1", s));
            Future<Path> y = pool.submit(() -> runInto("p2", s));
            for (Path p : new Path[] {x.get(), y.get()}) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(RunWriter.DEVICES)),
                        Files.readAllBytes(p.resolve(RunWriter.DEVICES)));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void addingADeviceLeavesTheOtherDevicesDrawsUnchanged() throws Exception {
        Scenario six = scenario(TestScenarios.partelYaml());
        Scenario eight = scenario(TestScenarios.partelYaml().replace("workersPerGroup: 2", "workersPerGroup: 2")
                .replace("groups: 3", "groups: 4"));
        RandomStreams streams = new RandomStreams(six.seed());
        Deployment small = org.edgesim.protocol.RoundEngine.deployment(six, streams);
        Deployment large = org.edgesim.protocol.RoundEngine.deployment(eight, new RandomStreams(eight.seed()));
        RoundConditions smallRounds = org.edgesim.protocol.RoundEngine.conditions(six, small, new RandomStreams(six.seed()));
        RoundConditions largeRounds = org.edgesim.protocol.RoundEngine.conditions(eight, large, new RandomStreams(eight.seed()));
        for (int round = 1; round <= 5; round++) {
            var a = smallRounds.next(round);
            var b = largeRounds.next(round);
            for (int i = 0; i < small.size(); i++) {
                assertEquals(small.device(i), large.device(i));
                assertEquals(a.gainUp()[i], b.gainUp()[i]);
                assertEquals(a.gainDown()[i], b.gainDown()[i]);
                assertEquals(a.speedHz()[i], b.speedHz()[i]);
            }
        }
    }
}
