package org.edgesim.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What a sweep tells about its progress: a bar with ETA on a terminal, plain lines otherwise. */
public interface SweepProgress extends AutoCloseable {
    SweepProgress NONE = new SweepProgress() {
        @Override
        public void started(long total, long done) {
        }

        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };

    /** {@code total} runs, of which {@code done} were already finished (resumed). */
    void started(long total, long done);

    /** One more run finished. */
    void step();

    @Override
    void close();

    /** A progress bar on the console if there is one, else about twenty plain lines on {@code err}. */
    static SweepProgress forConsole(String name, PrintWriter err) {
        return System.console() != null ? new Bar(name) : new Lines(name, err);
    }

    /**
     * Progress that shows nothing until {@link Gate#open}: a sweep that starts while another one's
     * progress is on the console (studies overlapping in {@code reproduce}) appears once that one
     * is done, the runs it finished meanwhile shown as steps.
     */
    static Gate gated(SweepProgress shown) {
        return new Gate(shown);
    }

    /** See {@link #gated}. */
    final class Gate implements SweepProgress {
        private final SweepProgress shown;
        private boolean open;
        private boolean started;
        private boolean closed;
        private long total;
        private long done;
        private long steps;

        private final java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);

        Gate(SweepProgress shown) {
            this.shown = shown;
        }

        /**
         * Waits until the sweep has started (its tasks are being handed to the executor) or
         * {@code work} has ended (a study that fails before it starts, or has nothing to run).
         */
        public void awaitStarted(java.util.concurrent.Future<?> work) throws InterruptedException {
            while (!begun.await(50, java.util.concurrent.TimeUnit.MILLISECONDS) && !work.isDone()) {
                // waiting
            }
        }

        /** Shows the progress from now on (what happened before as one start). */
        public synchronized void open() {
            if (open) {
                return;
            }
            open = true;
            if (started) {
                // The runs resumed as resumed, those finished meanwhile as steps (not as resumed ones).
                shown.started(total, done);
                for (long i = 0; i < steps; i++) {
                    shown.step();
                }
            }
            if (closed) {
                shown.close();
            }
        }

        @Override
        public synchronized void started(long total, long done) {
            begun.countDown();
            if (open) {
                shown.started(total, done);
            } else {
                started = true;
                closed = false;
                this.total = total;
                this.done = done;
                this.steps = 0;
            }
        }

        @Override
        public synchronized void step() {
            if (open) {
                shown.step();
            } else {
                steps++;
            }
        }

        @Override
        public synchronized void close() {
            if (open) {
                shown.close();
            } else {
                closed = true;
            }
        }
    }

    /** A terminal progress bar with ETA. */
    final class Bar implements SweepProgress {
        private final String name;
        private ProgressBar bar;

        Bar(String name) {
            this.name = name;
        }

        @Override
        public synchronized void started(long total, long done) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .startsFrom(done, java.time.Duration.ZERO).build();
        }

        @Override
        public synchronized void step() {
            bar.step();
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Plain lines, for logs and pipes. */
    final class Lines implements SweepProgress {
        private final String name;
        private final PrintWriter err;
        private long total;
        private long done;
        private long start;

        Lines(String name, PrintWriter err) {
            this.name = name;
            this.err = err;
        }

        @Override
        public synchronized void started(long total, long done) {
            this.total = total;
            this.done = done;
            this.start = System.nanoTime();
            err.println(String.format(Locale.ROOT, "%s: %d runs, %d already done", name, total, done));
            err.flush();
        }

        @Override
        public synchronized void step() {
            done++;
            long every = Math.max(1, total / 20);
            if (done % every == 0 || done == total) {
                double s = (System.nanoTime() - start) / 1e9;
                err.println(String.format(Locale.ROOT, "%s: %d/%d runs (%.0f%%), %.1f s", name, done, total,
                        100.0 * done / total, s));
                err.flush();
            }
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
