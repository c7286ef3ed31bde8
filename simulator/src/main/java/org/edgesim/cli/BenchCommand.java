package org.edgesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.bench.GibbsBenchmark;
import org.edgesim.bench.KernelBenchmark;
import org.edgesim.bench.LearningBenchmark;
import org.edgesim.bench.PabaBenchmark;
import org.edgesim.learning.data.DataFormatException;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.FashionMnist;
import org.edgesim.learning.model.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks of the kernel, the learning engine and the schedulers.",
        description = {"Benchmarks. 'kernel': events/s of the event kernel against a plain",
                "java.util.PriorityQueue loop doing the same work, with ~10 and ~100,000 pending events",
                "(target: ratio >= 0.8 in both).",
                "'learning': samples/s of training the MLP and the CNN inside simulated FEEL rounds",
                "(4 devices, batch 64, on the shipped Fashion-MNIST subset) against the same model",
                "trained with DJL's own Trainer (target: ratio >= 0.8), and their FLOP/s against the",
                "machine's float32 matmul rate through the same engine.",
                "'paba': joint PABA planning time for K = N = 15 (target <= 1 ms) and for",
                "100,000 workers, K = 100, N = 1,000 (target <= 2 s).",
                "'gibbs': CPSL Gibbs clustering of 1,000 devices in clusters of 5, G = 1,000,",
                "30 subcarriers, on one thread (target <= 5 s).",
                "'scale': one round of each protocol, clock only, at 1,000, 10,000 and 100,000 devices",
                "(--million: also 1,000,000 for PARTEL and CPSL): seconds, peak heap, growth exponent",
                "(targets: <= 2 s at 100,000 on one core, exponent near 1, 1,000,000 within 2 GB).",
                "'env': steps/s of the step environment (edgesim serve) on PARTEL's default set-up,",
                "K = N = 15, clock only, in process with the baseline's plans (target >= 2,000), then",
                "with one Python client over the pipe (examples/python/bench_env.py, where a step's time goes)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "kernel | learning | evaluation | paba | gibbs | scale | env")
    String what;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5000000", description = "events per repetition (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "30", description = "learning: FEEL rounds measured (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--million", description = "scale: also 1,000,000 PARTEL and CPSL devices")
    boolean million;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "measured repetitions, best kept (default ${DEFAULT-VALUE})")
    int repetitions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!List.of("kernel", "learning", "evaluation", "paba", "gibbs", "scale", "env").contains(what)) {
            spec.commandLine().getErr().println("edgesim: unknown benchmark '" + what + "'; known: kernel, learning,"
                    + " evaluation, paba, gibbs, scale, env");
            return Failures.BAD_INPUT;
        }
        if (events < 1 || repetitions < 1 || rounds < 1) {
            spec.commandLine().getErr().println("edgesim: --events, --rounds and --repetitions must be >= 1");
            return Failures.BAD_INPUT;
        }
        if (what.equals("paba")) {
            out.println(PabaBenchmark.format(PabaBenchmark.measure(15, 15, 50, 3), 1e-3));
            out.flush();
            out.println(PabaBenchmark.format(PabaBenchmark.measure(100, 1000, 3, 5), 2));
            return 0;
        }
        if (what.equals("env")) {
            try {
                out.println(org.edgesim.bench.EnvBenchmark.format(org.edgesim.bench.EnvBenchmark.measure(
                        java.nio.file.Path.of("scenarios", "partel-baseline.yaml"), 5, 20 * repetitions), 2000));
            } catch (org.edgesim.scenario.ScenarioException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                return Failures.BAD_INPUT;
            }
            out.flush();
            return pythonClient(out);
        }
        if (what.equals("scale")) {
            try {
                org.edgesim.bench.ScaleBenchmark.run(line -> {
                    out.println(line);
                    out.flush();
                }, million, repetitions);
            } catch (org.edgesim.scenario.ScenarioException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                return Failures.INTERNAL;
            }
            return 0;
        }
        if (what.equals("gibbs")) {
            out.println(GibbsBenchmark.format(GibbsBenchmark.measure(1000, 5, 1000, repetitions), 5));
            return 0;
        }
        if (what.equals("evaluation")) {
            Dataset test;
            try {
                test = FashionMnist.installed(FashionMnist.DEBIAN_FOLDER) ? FashionMnist.full(FashionMnist.DEBIAN_FOLDER).test()
                        : FashionMnist.shipped().test();
            } catch (DataFormatException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                return Failures.BAD_INPUT;
            }
            for (ModelSpec model : new ModelSpec[] {ModelSpec.mlp(10, 64), ModelSpec.mlp(10, 300, 124, 60),
                    ModelSpec.lenet(10)}) {
                out.println(org.edgesim.bench.EvaluationBenchmark.format(
                        org.edgesim.bench.EvaluationBenchmark.measure(model, test, Math.max(3, repetitions))));
                out.flush();
            }
            return 0;
        }
        if (what.equals("learning")) {
            Dataset train;
            try {
                train = FashionMnist.shipped().train();
            } catch (DataFormatException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                return Failures.BAD_INPUT;
            }
            double limit = org.edgesim.learning.djl.MatmulRate.flopsPerSecond(1024, 10);
            out.println(String.format(java.util.Locale.ROOT, "float32 1024 x 1024 matmul: %.1f GFLOP/s (the limit)",
                    limit / 1e9));
            for (ModelSpec model : new ModelSpec[] {ModelSpec.mlp(10, 300, 124, 60), ModelSpec.lenet(10)}) {
                for (int r = 0; r < repetitions; r++) {
                    LearningBenchmark.Result res = LearningBenchmark.measure(model, train, 4, 64, rounds);
                    out.println(LearningBenchmark.format(res, limit)
                            + (res.ratio() >= 0.8 ? "" : "  (below the 0.8x target)"));
                    out.println(LearningBenchmark.formatResident(model, LearningBenchmark.residentRatio(model, train, 4,
                            64, rounds)));
                    out.flush();
                }
            }
            return 0;
        }
        for (KernelBenchmark.Result r : KernelBenchmark.standard(events, repetitions)) {
            out.println(KernelBenchmark.format(r) + (r.ratio() >= 0.8 ? "" : "  (below the 0.8x target)"));
        }
        return 0;
    }

    /** The step environment with one Python client over the pipe (examples/python/bench_env.py), when python3 is there. */
    private int pythonClient(PrintWriter out) {
        java.nio.file.Path client = java.nio.file.Path.of("examples", "python", "bench_env.py");
        if (!java.nio.file.Files.isRegularFile(client)) {
            out.println("(the Python client's figure: run from the repository root, where " + client + " is)");
            return 0;
        }
        try {
            Process p = new ProcessBuilder("python3", client.toString(), "--episodes", String.valueOf(40 * repetitions))
                    .inheritIO().start();
            return p.waitFor() == 0 ? 0 : 1;
        } catch (java.io.IOException e) {
            out.println("(no python3 here: " + e.getMessage() + "; the Python client's figure needs it)");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
