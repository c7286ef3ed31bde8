package org.edgesim.sched;

/**
 * A scheduler plug-in cannot be used; the message is one line naming its jar (or folder) and its
 * class. {@link #badInput()}: the plug-ins as installed do not fit together or with edgesim (two
 * of one name, an unknown protocol: exit 2); otherwise the plug-in's code failed (exit 1).
 */
public final class PluginException extends RuntimeException {
    private final boolean badInput;

    public PluginException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    /** Whether the installation is at fault (exit 2), rather than the plug-in's code (exit 1). */
    public boolean badInput() {
        return badInput;
    }
}
