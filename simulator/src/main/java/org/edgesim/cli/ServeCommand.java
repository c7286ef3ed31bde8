package org.edgesim.cli;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.edgesim.env.Server;
import org.edgesim.simulation.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve step environments over JSON lines (for learning schedulers).",
        description = {"Reads JSON requests from standard input, one per line, and answers each on standard",
                "output: make an environment over a scenario file, reset it with a seed, step it with a round's",
                "plan (observation, reward, terminated, truncated, info back), close it. Several environments",
                "live in one process. examples/python/edgesim_env.py wraps it in Gymnasium's API."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new Server(Catalog.standard()).serve(new InputStreamReader(System.in, StandardCharsets.UTF_8),
                spec.commandLine().getOut());
        return 0;
    }
}
