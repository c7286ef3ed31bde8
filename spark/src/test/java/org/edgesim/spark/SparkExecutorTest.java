package org.edgesim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.sweep.SweepExecutors;
import org.edgesim.sweep.SweepProgress;
import org.edgesim.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark executor on {@code local[2]} gives the local executor's bytes. */
class SparkExecutorTest {
    static final String STUDY = """
            name: spark-sweep
            seed: 11
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
              groups: 3
              workersPerGroup: 4
              modelParameters: 50000
              trainingSamples: 900
              uplinkNoise: allocated
            scheduler: baseline
            sweep:
              grid:
                radio.bandwidth: [10 MHz, 40 MHz]
              zip:
                protocol.groups: [2, 3]
                protocol.workersPerGroup: [5, 4]
              replications: 60
              compare: [baseline, parameter-aware-bandwidth, joint-paba]
            """;

    @TempDir
    Path dir;

    @Test
    void sparkOnTwoLocalSlotsGivesTheLocalExecutorsBytes() throws Exception {
        Catalog c = Catalog.standard();
        Study study = new StudyLoader(c.loader()).load(Files.writeString(dir.resolve("s.yaml"), STUDY), false);
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        new SweepRunner(new Simulation(c), 2).run(study, local, false, SweepProgress.NONE);
        try (SparkExecutor executor = (SparkExecutor) SweepExecutors.find("spark").create(c, 2, "local[2]")) {
            assertTrue(executor.describe().startsWith("Spark local[2]"), executor.describe());
            SweepRunner.Outcome o = new SweepRunner(executor).run(study, spark, false, SweepProgress.NONE);
            assertEquals(List.of(), o.failures());
            assertEquals(4 * 3 * 60, o.runs());
        }
        for (String f : List.of(SweepRunner.POINTS, SweepRunner.SUMMARY, SweepRunner.ROUNDS, SweepRunner.TRACE)) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(spark.resolve(f)), f);
        }
        assertEquals(1 + 4 * 3 * 60, Files.readAllLines(spark.resolve(SweepRunner.POINTS)).size());
    }

    @Test
    void onlyDjlsJarsWaitForAStudyThatTrains() {
        for (String jar : List.of("lib/api-0.35.1.jar", "lib/pytorch-engine-0.35.1.jar",
                "lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar", "lib/pytorch-jni-2.7.1-0.35.1.jar")) {
            assertTrue(SparkExecutor.learningJar(jar), jar);
        }
        for (String jar : List.of("target/edgesim.jar", "lib/ssj-3.3.2.jar", "lib/jackson-databind-2.22.4.jar",
                "target/edgesim-spark.jar", "lib/commons-math3-3.6.1.jar")) {
            assertTrue(!SparkExecutor.learningJar(jar), jar);
        }
    }
}
