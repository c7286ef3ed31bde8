package org.edgesim.learning;

import java.util.Locale;

/**
 * When training "to convergence" stops: a validation-loss rule with a patience window and a cap.
 *
 * <p>With {@code L0} the validation loss before the first epoch and {@code best} the lowest loss
 * that counted as an improvement so far (initially {@code L0}), epoch {@code e} improves when its
 * validation loss {@code L_e < best - minImprovement * L0}. Training stops after the epoch that
 * makes {@code patience} epochs in a row without an improvement ({@link Reason#PATIENCE}), or after
 * {@code maxEpochs} epochs ({@link Reason#CAP}); when both happen at once, patience decided. The
 * model to keep is the one of the last improving epoch ({@link Progress#bestEpoch()}; 0: the
 * starting model).
 *
 * <p>The threshold is a fixed fraction of the starting loss, not of the current one: a loss that
 * heads to zero (a device's two-class data) makes ever smaller steps and stops improving by it,
 * where a test relative to the current loss never fires. It also bounds the run: with
 * {@code minImprovement > 0} there are fewer than {@code 1 / minImprovement} improvements (each
 * removes more than {@code minImprovement * L0} of a loss that cannot fall below zero), so the rule
 * stops within {@code (1 / minImprovement + 1) * patience} epochs, cap or not. A loss that is not a
 * number never improves.
 *
 * @param patience       epochs in a row without an improvement that stop training, at least 1
 * @param minImprovement the least decrease that counts, as a fraction of the starting loss, in [0, 1)
 * @param maxEpochs      the cap, at least 1
 */
public record EarlyStopping(int patience, double minImprovement, int maxEpochs) {
    /** What stopped a run. */
    public enum Reason {
        /** {@code patience} epochs in a row without an improvement. */
        PATIENCE,
        /** {@code maxEpochs} epochs ran first. */
        CAP;

        /** As written in a manifest: {@code patience} or {@code cap}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EarlyStopping {
        if (patience < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("patience and maxEpochs must be >= 1, got " + patience + " and "
                    + maxEpochs);
        }
        if (!(minImprovement >= 0 && minImprovement < 1)) {
            throw new IllegalArgumentException("minImprovement must be in [0, 1), got " + minImprovement);
        }
    }

    /** A run that starts from a model whose validation loss is {@code initialLoss}. */
    public Progress start(double initialLoss) {
        return new Progress(initialLoss);
    }

    /** One run of the rule: feed it each epoch's validation loss until {@link #stopped()} is not null. */
    public final class Progress {
        private final double step;
        private double best;
        private int bestEpoch;
        private int epochs;
        private Reason stopped;

        private Progress(double initialLoss) {
            this.step = minImprovement * initialLoss;
            this.best = initialLoss;
        }

        /**
         * Records the validation loss after one more epoch; returns whether it improved (the caller
         * keeps that model).
         *
         * @throws IllegalStateException if the run has stopped already
         */
        public boolean record(double loss) {
            if (stopped != null) {
                throw new IllegalStateException("the run stopped after epoch " + epochs + " (" + stopped.label() + ")");
            }
            epochs++;
            boolean improved = loss < best - step;
            if (improved) {
                best = loss;
                bestEpoch = epochs;
            }
            if (epochs - bestEpoch >= patience) {
                stopped = Reason.PATIENCE;
            } else if (epochs >= maxEpochs) {
                stopped = Reason.CAP;
            }
            return improved;
        }

        /** Null while training goes on; then what stopped it. */
        public Reason stopped() {
            return stopped;
        }

        /** Epochs recorded. */
        public int epochs() {
            return epochs;
        }

        /** The last improving epoch (0: none improved; keep the starting model). */
        public int bestEpoch() {
            return bestEpoch;
        }

        /** The validation loss of the last improving epoch (the starting loss if none). */
        public double best() {
            return best;
        }
    }
}
