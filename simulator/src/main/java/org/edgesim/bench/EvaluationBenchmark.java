package org.edgesim.bench;

import java.util.Locale;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.djl.RowCopies;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;

/**
 * The cost of a test-set evaluation (what a round's accuracy column costs), with the data resident
 * in the engine against rows copied from Java on every call, measured in one run, alternating; the
 * two must give the same bits.
 */
public final class EvaluationBenchmark {
    /** One model's figures: samples evaluated per second each way. */
    public record Result(String model, int samples, double residentPerS, double copiedPerS, boolean bitEqual) {
        public double ratio() {
            return copiedPerS / residentPerS;
        }
    }

    private EvaluationBenchmark() {
    }

    public static Result measure(ModelSpec spec, Dataset test, int repetitions) {
        try (Learner learner = Learners.create(spec, test, Precision.FLOAT32,
                new RandomStreams(1).stream("learning/init"))) {
            Evaluation resident = learner.evaluate(test);
            Evaluation copied = RowCopies.during(() -> learner.evaluate(test));
            long residentNs = 0;
            long copiedNs = 0;
            for (int r = 0; r < repetitions; r++) {
                long t0 = System.nanoTime();
                learner.evaluate(test);
                long t1 = System.nanoTime();
                RowCopies.during(() -> learner.evaluate(test));
                long t2 = System.nanoTime();
                residentNs += t1 - t0;
                copiedNs += t2 - t1;
            }
            return new Result(spec.name(), test.size(), test.size() * repetitions / (residentNs / 1e9),
                    test.size() * repetitions / (copiedNs / 1e9), resident.equals(copied));
        }
    }

    public static String format(Result r) {
        return String.format(Locale.ROOT, "evaluation %-22s %6d samples: resident %9.0f samples/s, rows copied %9.0f"
                + " samples/s: resident costs %.2fx the CPU time of copying%s", r.model(), r.samples(), r.residentPerS(),
                r.copiedPerS(), r.ratio(), r.bitEqual() ? " (bit-equal)" : " (NOT BIT-EQUAL)");
    }
}
