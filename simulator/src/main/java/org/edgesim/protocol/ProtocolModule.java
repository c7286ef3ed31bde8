package org.edgesim.protocol;

import java.util.List;
import org.edgesim.scenario.ProtocolSection;
import org.edgesim.sched.SchedulerProvider;

/**
 * A protocol in one folder ({@code protocol/<name>/}): its scenario section, its rounds and its
 * built-in schedulers. The catalog finds it through a line of
 * {@code META-INF/services/org.edgesim.scenario.ProtocolSection} naming it, as plug-in schedulers are
 * found, so adding a protocol edits no shared list of code.
 */
public interface ProtocolModule extends ProtocolSection {
    /** Its rounds, named as its section's {@code type}. */
    Protocol<?> protocol();

    /** Its built-in schedulers. */
    List<SchedulerProvider> schedulers();
}
