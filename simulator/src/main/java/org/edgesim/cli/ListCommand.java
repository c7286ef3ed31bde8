package org.edgesim.cli;

import java.io.PrintWriter;
import org.edgesim.engine.Catalog;
import org.edgesim.protocol.Protocol;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.sched.SchedulerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List protocols and their schedulers.")
final class ListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Catalog catalog = Catalog.standard();
        PrintWriter out = spec.commandLine().getOut();
        for (Protocol p : catalog.protocols()) {
            out.printf("protocol %-10s %s%n", p.name(), p.description());
            for (SchedulerProvider s : catalog.schedulers().all()) {
                if (s.protocol().equals(p.name())) {
                    String origin = catalog.schedulers().origin(s);
                    out.printf("  scheduler %-28s %s%s%n", s.name(), s.description(),
                            origin.equals(SchedulerRegistry.BUILT_IN) ? "" : " [from " + origin + "]");
                    new java.util.TreeMap<>(s.options()).forEach((key, what) ->
                            out.printf("    option schedulerOptions.%s: %s%n", key, what));
                }
            }
        }
    }
}
