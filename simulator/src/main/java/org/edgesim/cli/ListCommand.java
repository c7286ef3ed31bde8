package org.edgesim.cli;

import java.io.PrintWriter;
import org.edgesim.simulation.Catalog;
import org.edgesim.protocol.Protocol;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.sched.SchedulerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List the protocols and their schedulers, with options and origins.",
        description = {"List the protocols and their schedulers, with each scheduler's options and, for a",
                "plug-in, the jar it came from; --json gives the same as one JSON document."})
final class ListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--json", description = "one JSON document: protocols, each with its"
            + " schedulers (name, description, options, origin)")
    boolean json;

    @Override
    public void run() {
        Catalog catalog = Catalog.standard();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            var root = mapper.createObjectNode();
            var protocols = root.putArray("protocols");
            for (Protocol<?> p : catalog.protocols()) {
                var node = protocols.addObject();
                node.put("name", p.name());
                node.put("description", p.description());
                var schedulers = node.putArray("schedulers");
                for (SchedulerProvider s : catalog.schedulers().all()) {
                    if (s.protocol().equals(p.name())) {
                        var sn = schedulers.addObject();
                        sn.put("name", s.name());
                        sn.put("description", s.description());
                        sn.set("options", mapper.valueToTree(new java.util.TreeMap<>(s.options())));
                        sn.put("origin", catalog.schedulers().origin(s));
                    }
                }
            }
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (Protocol<?> p : catalog.protocols()) {
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
