package org.edgesim.scenario;

/**
 * The protocol sections on the class path cannot be used: none found (a repackaged jar that lost
 * its service files), one without its {@code @JsonTypeName}, two of one type, or a provider that
 * cannot be loaded. One line naming the classes, for the command line's exit code 2.
 */
public final class ProtocolSectionException extends RuntimeException {
    public ProtocolSectionException(String message) {
        super(message);
    }
}
