package org.edgesim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.edgesim.report.AtomicFiles;

/**
 * The forcing to disk of a sweep's block files, in groups instead of one per block: a block is
 * renamed into place unforced ({@link AtomicFiles#writeUnforced}), and the files saved since the
 * last group, then their folders, are forced by a background thread every {@code period} and once
 * more at {@link #close}. The workers never wait for the disk. A crash loses at most the blocks of
 * the last period: each carries its checksum, so {@code --resume} finds them damaged or missing and
 * runs them again.
 */
final class GroupSync implements AutoCloseable {
    /** How often saved blocks are forced: at most this much finished work is lost by a crash. */
    static final long PERIOD_MS = 1000;

    private final Set<Path> pending = new LinkedHashSet<>();
    private final ScheduledExecutorService timer;
    private IOException failure;

    GroupSync(long periodMs) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edgesim-sync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flushQuietly, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Records a file written unforced, to be forced with the next group. */
    synchronized void saved(Path file) {
        pending.add(file.toAbsolutePath());
    }

    /** Files saved and not yet forced (for tests). */
    synchronized int pending() {
        return pending.size();
    }

    /** Forces every file saved so far, then their folders. */
    void flush() throws IOException {
        Set<Path> group;
        synchronized (this) {
            group = new LinkedHashSet<>(pending);
            pending.clear();
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (Path file : group) {
            AtomicFiles.force(file);
            folders.add(file.getParent());
        }
        for (Path folder : folders) {
            AtomicFiles.forceFolder(folder);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    /**
     * Stops the timer and forces what is left.
     *
     * @throws IOException if a file could not be forced, now or by the timer (its block may not
     *                     survive a crash: the sweep must not report it as durable)
     */
    @Override
    public void close() throws IOException {
        // Not interrupted: a group being forced finishes (an interrupt would close its channel).
        timer.shutdown();
        boolean interrupted = false;
        // Until a group being forced is through (the disk's time, however long): only then is
        // everything saved forced once the flush below returns.
        while (true) {
            try {
                if (timer.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
