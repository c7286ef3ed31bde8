package org.edgesim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.edgesim.bench.KernelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks. 'kernel': events/s of the event kernel against a plain",
                "java.util.PriorityQueue loop doing the same work, with ~10 and ~100,000 pending events",
                "(target: ratio >= 0.8 in both)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "kernel")
    String what;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5000000", description = "events per repetition (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", description = "measured repetitions, best kept (default ${DEFAULT-VALUE})")
    int repetitions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!what.equals("kernel")) {
            spec.commandLine().getErr().println("edgesim: unknown benchmark '" + what + "'; known: kernel");
            return Failures.BAD_INPUT;
        }
        if (events < 1 || repetitions < 1) {
            spec.commandLine().getErr().println("edgesim: --events and --repetitions must be >= 1");
            return Failures.BAD_INPUT;
        }
        for (KernelBenchmark.Result r : KernelBenchmark.standard(events, repetitions)) {
            out.println(KernelBenchmark.format(r) + (r.ratio() >= 0.8 ? "" : "  (below the 0.8x target)"));
        }
        return 0;
    }
}
