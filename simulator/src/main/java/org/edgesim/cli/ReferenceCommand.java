package org.edgesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgesim.reference.Reference;
import org.edgesim.scenario.ProtocolSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reference", mixinStandardHelpOptions = true,
        header = "Write the generated reference (docs/reference/) from the code.",
        description = {"Write the reference pages from the code: every scenario key (from the records the loader",
                "binds, with units and meaning), every command and option, every CSV column and snapshot key per",
                "protocol (from a one-round run of a shipped scenario), every built-in scheduler. Run from the",
                "repository's root (it reads the sources' Javadoc). A test fails when docs/reference/ differs."})
final class ReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "folder to write (default: docs/reference)")
    Path output = Reference.FOLDER;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(Path.of("simulator", "src", "main", "java"))) {
            spec.commandLine().getErr().println("edgesim: reference: run from the repository's root (it reads"
                    + " simulator/src/main/java)");
            return Failures.BAD_INPUT;
        }
        var pages = Reference.pages(Path.of(""), Main.commandLine(), ProtocolSection.all());
        Reference.write(output, pages);
        spec.commandLine().getErr().println("reference: " + pages.size() + " pages -> " + output);
        return 0;
    }
}
