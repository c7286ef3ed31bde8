package org.edgesim.sched.external;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A process and every process it started, as far as they have been seen: a child whose parent
 * has ended is no longer among the parent's descendants, so those seen earlier are remembered.
 */
final class ProcessTree {
    private final Process root;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    ProcessTree(Process root) {
        this.root = root;
    }

    /** Remembers the descendants the process has now. */
    synchronized void look() {
        root.descendants().forEach(seen::add);
    }

    /** Stops the process and every descendant seen, now or before (a handle checks its start time, so no reused pid is hit). */
    synchronized void stop() {
        look();
        root.destroyForcibly();
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops every descendant seen, the process itself being left to end on its own. */
    synchronized void stopDescendants() {
        look();
        seen.forEach(ProcessHandle::destroyForcibly);
    }
}
