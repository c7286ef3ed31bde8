package org.edgesim.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.edgesim.env.Server;
import org.edgesim.simulation.Catalog;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve step environments over JSON lines (for learning schedulers).",
        description = {"Reads JSON requests from standard input, one per line, and answers each on standard",
                "output: make an environment over a scenario file, reset it with a seed, step it with a round's",
                "plan (observation, reward, terminated, truncated, info back), close it. Several environments",
                "live in one process. examples/python/edgesim_env.py wraps it in Gymnasium's API."})
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // Standard output straight, buffered and flushed once per reply (not System.out's PrintStream).
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 1 << 16);
        new Server(Catalog.standard()).serve(new InputStreamReader(System.in, StandardCharsets.UTF_8), out);
        return 0;
    }
}
