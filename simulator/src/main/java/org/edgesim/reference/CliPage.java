package org.edgesim.reference;

import java.util.Map;
import picocli.CommandLine;

/** {@code cli.md}: each command's help, as {@code edgesim COMMAND --help} prints it (100 columns, no colours). */
final class CliPage {
    private CliPage() {
    }

    static String of(CommandLine root) {
        StringBuilder b = new StringBuilder("# Command line\n\n").append(Reference.GENERATED);
        b.append("`./edgesim` from the repository's root (it builds the jar on first use). Exit codes: 0 success,"
                + " 1 internal error, 2 bad input.\n\n");
        usage(b, "edgesim", root);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help") || e.getKey().equals("generate-completion")) {
                continue;
            }
            usage(b, "edgesim " + e.getKey(), e.getValue());
        }
        return b.toString();
    }

    private static void usage(StringBuilder b, String title, CommandLine command) {
        command.setUsageHelpWidth(100);
        command.setUsageHelpAutoWidth(false);
        String text = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        b.append("## ").append(title).append("\n\n```text\n").append(text.stripTrailing()).append("\n```\n\n");
    }
}
