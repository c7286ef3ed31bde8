package org.edgesim.cli;

import java.nio.file.InvalidPathException;
import picocli.CommandLine;

/**
 * A command line picocli cannot parse (an unknown option, a value of the wrong type, a missing
 * parameter): one line saying what, and where the help is, instead of the whole usage text.
 */
final class BadArguments implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String help = "see '" + cli.getCommandSpec().qualifiedName() + " --help'";
        cli.getErr().println("edgesim: " + what(e) + " (" + help + ")");
        cli.getErr().flush();
        return Failures.BAD_INPUT;
    }

    /** Reads a path, saying in words why one cannot be (picocli's own words name Java's classes). */
    static java.nio.file.Path path(String s) {
        try {
            return java.nio.file.Path.of(s);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("the path '" + e.getInput() + "' "
                    + (e.getReason().startsWith("Malformed input")
                    ? "cannot be spelt in this system's locale (" + System.getProperty("sun.jnu.encoding")
                    + "); run edgesim under a UTF-8 locale, e.g. LC_ALL=C.UTF-8"
                    : "is not a path: " + e.getReason()));
        }
    }

    private static String what(CommandLine.ParameterException e) {
        String message = e.getMessage() == null ? "cannot read the command line" : e.getMessage();
        message = message.strip().replaceAll("\\s*\\R\\s*", "; ");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return message;
    }
}
