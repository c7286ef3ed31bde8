package org.edgesim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgesim.report.AtomicFiles;
import org.edgesim.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print the JSON Schema of the scenario format, for editors.",
        description = {"Print the JSON Schema (draft 2020-12) of scenario files, generated from the records the",
                "loader binds: keys, required ones, protocols by type, quantities with their units and plausible",
                "ranges. Point a scenario's '$schema' key (or your editor's settings) at the file it writes."})
final class SchemaCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the schema to FILE instead of"
            + " standard output (e.g. " + ScenarioSchema.FILE_NAME + ")")
    Path output;

    @Override
    public Integer call() throws Exception {
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(ScenarioSchema.generate()) + "\n";
        if (output == null) {
            System.out.print(text);
        } else {
            AtomicFiles.writeString(output, text);
            System.err.println("schema -> " + output);
        }
        return 0;
    }
}
