package org.edgesim.protocol.cpsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.learning.Averaging;
import org.edgesim.learning.Compression;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.EvaluationPlan;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.SplitLearner;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.partition.ClassesPerDevice;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.LearningSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * The learning of a CPSL run (docs/models/cpsl.md, "One round"). Device {@code k} holds {@code D_n} samples
 * ({@code classesPerDevice} classes, or IID), drawn once ({@code cpsl/data}). Per cluster: every
 * device starts from the current device-side model; for each local epoch it draws a mini-batch of
 * {@code B} of its samples ({@code cpsl/batch/device-k}), the server takes one step of the shared
 * server-side model on the cluster's concatenated smashed data and returns each device the
 * gradient of its own batch's loss, and the device takes one step; then the device-side models are
 * averaged weighted by data size. At the last layer (FL) the server has no layers and each device's
 * step is plain local SGD. Centralised learning (CL) takes the same number of steps of batch
 * {@code B} on the pooled data. With {@code protocol.compression} each sample's smashed data reaches
 * the server compressed (its own scale or indices) and each device-side model as the cluster's
 * starting model plus its change compressed, each device drawing from {@code compression/device-k}.
 */
final class CpslTraining implements AutoCloseable {
    static final StreamFamily BATCHES = new StreamFamily("cpsl-batch", i -> "cpsl/batch/device-" + i);

    /** After one round: loss and accuracy of the whole model on the test set. */
    record Accuracy(double testLoss, double testAccuracy) {
    }

    private final Samples train;
    /** The warm start's manifest line, or null. */
    final String warmStart;
    private final int[][] held;
    private final RandomStream[] batches;
    private final RandomStream pooled;
    private final Learner whole;
    private final EvaluationPlan evaluation;
    private final SplitLearner split;
    private final double deviceRate;
    private final double serverRate;
    private final int batch;
    private final int epochs;
    private final Compression compression;
    /** Per device, its compression's stream; null when nothing is compressed. */
    private final RandomStream[] compressing;
    private double[] device;

    /**
     * @param cut the cut layer, or 0 for centralised learning (no split)
     */
    CpslTraining(CpslSpec spec, LearningSpec learning, TrainTest<Samples> data, int devices, int cut,
                 RandomStreams streams) {
        this.train = data.train();
        int need = devices * spec.samplesPerDevice();
        if (spec.classesPerDevice() == 0 && need > train.size()) {
            throw new InfeasibleScenarioException("protocol.samplesPerDevice: " + devices + " devices x "
                    + spec.samplesPerDevice() + " IID samples need " + need + " training samples, " + learning.data()
                    + " holds " + train.size());
        }
        if (spec.classesPerDevice() > train.classes()) {
            throw new InfeasibleScenarioException("protocol.classesPerDevice: " + spec.classesPerDevice()
                    + " classes per device but " + learning.data() + " has " + train.classes());
        }
        RandomStream assign = streams.stream("cpsl/data");
        if (spec.classesPerDevice() == 0) {
            int[] all = new int[train.size()];
            Arrays.setAll(all, i -> i);
            int[] mine = Sgd.pick(all, need, assign);
            this.held = new int[devices][];
            for (int k = 0; k < devices; k++) {
                held[k] = Arrays.copyOfRange(mine, k * spec.samplesPerDevice(), (k + 1) * spec.samplesPerDevice());
            }
        } else {
            int[] labels = new int[train.size()];
            Arrays.setAll(labels, train::label);
            this.held = new ClassesPerDevice(spec.classesPerDevice(), spec.samplesPerDevice())
                    .assign(labels, train.classes(), devices, assign);
        }
        this.batches = streams.streams(BATCHES, devices);
        this.pooled = streams.stream("cpsl/batch/pooled");
        TrainingData.Started started = TrainingData.learner(learning, data, streams);
        this.whole = started.learner();
        this.warmStart = started.describe();
        this.evaluation = TrainingData.evaluation(learning, data, streams);
        this.split = cut == 0 ? null : whole.split(cut);
        this.device = split == null ? null : split.deviceParameters();
        this.deviceRate = learning.stepSize();
        this.serverRate = spec.serverStepSize() == null ? learning.stepSize() : spec.serverStepSize();
        this.batch = spec.batch();
        this.epochs = spec.localEpochs();
        this.compression = spec.uploads();
        this.compressing = compression instanceof Compression.None ? null : streams.streams(Compression.STREAMS, devices);
    }

    /**
     * One cluster's turn: {@code L} split-learning epochs in parallel, then FedAvg of the device-side
     * models. Beyond the paper, only the members whose smashed data reached the server take part in
     * an epoch ({@code epochsIn}: in how many epochs, from the first) and only the models that
     * arrived in time are averaged ({@code averaged}); with none, the device-side model stays.
     */
    void cluster(int[] members, int[] epochsIn, boolean[] averaged) {
        double[][] models = new double[members.length][];
        int[][] mine = new int[members.length][];
        Arrays.fill(models, device);
        for (int e = 0; e < epochs; e++) {
            List<Integer> in = new ArrayList<>(members.length);
            for (int i = 0; i < members.length; i++) {
                if (epochsIn[i] > e) {
                    in.add(i);
                }
            }
            if (in.isEmpty()) {
                break;
            }
            // Members that start from the same device-side model (all of them in the first epoch)
            // keep their forward passes for the backward ones instead of running them twice.
            boolean shared = in.stream().allMatch(i -> models[i] == models[in.get(0)]);
            List<SplitLearner.Smashed> smashed = new ArrayList<>(in.size());
            List<SplitLearner.Pass> passes = new ArrayList<>(in.size());
            try {
                if (shared) {
                    split.setDeviceParameters(models[in.get(0)]);
                }
                for (int i : in) {
                    int k = members[i];
                    mine[i] = Sgd.pick(held[k].clone(), batch, batches[k]);
                    if (shared) {
                        passes.add(split.deviceRecorded(train, mine[i]));
                        smashed.add(sent(passes.get(passes.size() - 1).smashed(), k));
                    } else {
                        split.setDeviceParameters(models[i]);
                        smashed.add(sent(split.deviceForward(train, mine[i]), k));
                    }
                }
                List<double[]> gradients = split.serverStep(smashed, serverRate);
                double[][] device = new double[in.size()][];
                for (int j = 0; shared && j < in.size(); j++) {
                    device[j] = passes.get(j).gradient(gradients.get(j));
                }
                for (int j = 0; j < in.size(); j++) {
                    int i = in.get(j);
                    split.setDeviceParameters(models[i]);
                    split.applyDevice(shared ? device[j] : split.deviceGradient(train, mine[i], gradients.get(j)),
                            deviceRate);
                    models[i] = split.deviceParameters();
                }
            } finally {
                passes.forEach(SplitLearner.Pass::close);
            }
        }
        List<double[]> kept = new ArrayList<>(members.length);
        List<Double> weights = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            if (averaged[i]) {
                kept.add(compressing == null ? models[i]
                        : compression.applyToChange(device, models[i], compressing[members[i]]));
                weights.add((double) held[members[i]].length);
            }
        }
        if (!kept.isEmpty()) {
            device = Averaging.weighted(kept, weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * Smashed data as the server gets it from device {@code k}: each sample's values compressed on
     * their own; as they are without compression, or at the last layer (FL: nothing is sent, the
     * device computes the loss itself).
     */
    private SplitLearner.Smashed sent(SplitLearner.Smashed smashed, int k) {
        if (compressing == null || split.serverParameters().length == 0) {
            return smashed;
        }
        int per = smashed.values().length / smashed.batch();
        double[] values = smashed.values().clone();
        for (int j = 0; j < smashed.batch(); j++) {
            double[] got = compression.apply(Arrays.copyOfRange(values, j * per, (j + 1) * per), compressing[k]);
            System.arraycopy(got, 0, values, j * per, per);
        }
        return new SplitLearner.Smashed(values, smashed.sampleShape(), smashed.labels());
    }

    /** Centralised learning: {@code steps} SGD steps of batch {@code B} on the devices' pooled samples. */
    void centralised(int steps) {
        int[] all = Arrays.stream(held).flatMapToInt(Arrays::stream).toArray();
        for (int s = 0; s < steps; s++) {
            whole.step(train, Sgd.pick(all, batch, pooled), deviceRate);
        }
    }

    /** How many of {@link #model()}'s parameters are the device side's. */
    int deviceParameterCount() {
        return device == null ? 0 : device.length;
    }

    /** The whole model's parameters: the device side followed by the server side. */
    double[] model() {
        if (split == null) {
            return whole.parameters();
        }
        double[] server = split.serverParameters();
        double[] all = Arrays.copyOf(device, device.length + server.length);
        System.arraycopy(server, 0, all, device.length, server.length);
        return all;
    }

    /** After round {@code round} ({@code last}: the run's last), as {@code learning.evaluation} says: NaN when not due. */
    Accuracy evaluate(int round, boolean last) {
        if (!evaluation.due(round, last)) {
            return new Accuracy(Double.NaN, Double.NaN);
        }
        if (split != null) {
            whole.setParameters(model());
        }
        Evaluation e = evaluation.scoreTest(whole);
        return new Accuracy(e.loss(), e.accuracy());
    }

    @Override
    public void close() {
        if (split != null) {
            split.close();
        }
        whole.close();
    }
}
