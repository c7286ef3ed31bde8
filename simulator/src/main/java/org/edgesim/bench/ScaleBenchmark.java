package org.edgesim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;

/**
 * One round of each protocol, clock only (no training), at growing device counts: wall time and
 * peak heap of the run, and the growth exponent fitted to the times (least squares of log time on
 * log N). Targets: at most 2 s per round at 100,000 devices on one core, growth at
 * most n log n (an exponent near 1), 1,000,000 PARTEL and CPSL devices within 2 GB of heap. PARTEL in
 * 19 co-channel cells is measured too (target: under 2 s at 19,000 devices):
 * interference makes its rounds grow as n^2 at most.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    /** One measurement. */
    public record Point(String protocol, int devices, double seconds, double megabytes) {
        public String line() {
            return String.format(Locale.ROOT, "%s %,d devices: %.3f s per round, %.0f MB", protocol, devices, seconds,
                    megabytes);
        }
    }

    /** The scenario of {@code protocol} with {@code n} devices: the papers' set-ups, one round, no learning. */
    static String scenario(String protocol, int n) {
        return switch (protocol) {
            case "partel" -> partel(n / 10, Math.max(15935, n), "");
            case "feel" -> """
                    name: scale-feel
                    seed: 1
                    rounds: 1
                    cell: {radius: 200 m}
                    radio: {bandwidth: 10 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                            apPower: 28 dBm, devicePower: 28 dBm}
                    devices:
                      count: %d
                      cpu: {speed: {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}}
                    protocol: {type: feel, maxBatch: 128, latencyModel: mobilenetv2, trainingSamples: %d}
                    scheduler: feel-proposed
                    """.formatted(n, 128L * n);
            case "async-mel" -> """
                    name: scale-mel
                    seed: 1
                    rounds: 1
                    cell: {radius: 50 m}
                    radio: {bandwidth: 100 MHz, noiseDensity: -174 dBm/Hz, pathLoss: indoor, fading: rayleigh,
                            apPower: 23 dBm, devicePower: 23 dBm}
                    devices:
                      count: %d
                      cpu: {speed: {blocks: [2.4 GHz, 0.7 GHz]}}
                    protocol: {type: async-mel, cycle: 15 s, mode: parallelised, samples: %d, features: 784,
                               modelBits: 8974080, flopsPerSample: 1123736, learnerBandwidth: 5 MHz}
                    scheduler: ha-async
                    """.formatted(n, 60L * n);
            case "cpsl" -> """
                    name: scale-cpsl
                    seed: 1
                    rounds: 1
                    cell: {radius: 100 m}
                    radio: {bandwidth: 30 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: none,
                            apPower: 30 dBm, devicePower: 20 dBm}
                    devices:
                      count: %d
                      cpu: {speed: {uniform: [0.1 GHz, 1 GHz]}, speedSigma: 0.05 GHz}
                    protocol: {type: cpsl, clusterSize: 5, localEpochs: 1, batch: 16, subcarriers: 30, serverSpeed: 100 GHz,
                               cut: 3, profile: paper, meanSnr: {uniform: [5 dB, 30 dB]}, snrSigma: 2 dB,
                               gibbsDelta: 1e-4, gibbsIterations: 1000}
                    scheduler: cpsl-gibbs
                    """.formatted(n);
            case "partel-19-cells" -> partel(Math.max(1, n / 190), Math.max(15935, n / 19), """
                    cells: {count: 19, interSiteDistance: 260 m, reuse: 1, backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}
                    """);
            default -> throw new IllegalArgumentException("no scale scenario for protocol '" + protocol + "'");
        };
    }

    /** PARTEL's set-up (Fig. 5a) with 10 groups of {@code workersPerGroup}, and {@code cells} (a YAML line, or none). */
    private static String partel(int workersPerGroup, int samples, String cells) {
        return """
                name: scale-partel
                seed: 1
                rounds: 1
                cell: {radius: 0.15 km, minDistance: 1 m}
                %sradio: {bandwidth: 100 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                        apPower: 46 dBm, devicePower: 24 dBm}
                devices:
                  cpu: {speed: {grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}, flopsPerCycle: 1}
                protocol: {type: partel, groups: 10, workersPerGroup: %d, modelParameters: 1241220,
                           trainingSamples: %d, uplinkNoise: equal-share}
                scheduler: baseline
                """.formatted(cells, workersPerGroup, samples);
    }

    /** Runs one round of {@code protocol} at {@code n} devices; the best of {@code repetitions}. */
    public static Point measure(String protocol, int n, int repetitions) throws ScenarioException {
        Scenario s = Catalog.standard().loader().parse("scale-" + protocol + ".yaml", scenario(protocol, n),
                ScenarioLoader.Format.YAML);
        Simulation simulation = new Simulation(Catalog.standard());
        double best = Double.POSITIVE_INFINITY;
        double peak = 0;
        for (int r = 0; r < repetitions; r++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            simulation.run(s);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            peak = Math.max(peak, heapPeakBytes() / 1048576.0);
        }
        return new Point(protocol, n, best, peak);
    }

    /** The exponent b of {@code time ~ N^b}, least squares on the logarithms. */
    public static double exponent(List<Point> points) {
        int m = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double x = Math.log(p.devices());
            double y = Math.log(p.seconds());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }

    /** Measures every protocol at its sizes; each line printed as it comes. */
    public static List<Point> run(java.util.function.Consumer<String> out, boolean million, int repetitions)
            throws ScenarioException {
        List<Point> all = new ArrayList<>();
        for (String protocol : List.of("partel", "feel", "async-mel", "cpsl", "partel-19-cells")) {
            List<Point> mine = new ArrayList<>();
            // Interference couples every transfer on a band: each start or end re-rates all of them
            // (O(n) each, the interference kept up to date rather than summed afresh; an instant's
            // starts re-rate once), so a round of several cells grows as n^2 at most; measured to 19,000.
            List<Integer> sizes = new ArrayList<>(protocol.endsWith("cells") ? List.of(1_900, 19_000)
                    : List.of(1_000, 10_000, 100_000));
            if (million && (protocol.equals("partel") || protocol.equals("cpsl"))) {
                sizes.add(1_000_000);
            }
            for (int n : sizes) {
                Point p = measure(protocol, n, n >= 100_000 ? 1 : repetitions);
                out.accept(p.line());
                mine.add(p);
            }
            out.accept(String.format(Locale.ROOT, "%s: time grows as N^%.2f (%,d to %,d devices)", protocol,
                    exponent(mine), sizes.get(0), sizes.get(sizes.size() - 1)));
            all.addAll(mine);
        }
        return all;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
