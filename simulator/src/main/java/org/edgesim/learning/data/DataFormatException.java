package org.edgesim.learning.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that is missing, truncated or not in the format it claims: names the file and the rule. */
public final class DataFormatException extends IOException {
    private final transient Path file;

    public DataFormatException(Path file, String rule) {
        super(file + ": " + rule);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
