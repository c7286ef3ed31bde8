package org.edgesim.learning.djl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.edgesim.learning.Precision;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.ModelSpec;

/**
 * The reference of the learning benchmark: the same model trained with DJL's own API, as a DJL
 * user would write it ({@code Model}, {@code Trainer}, {@code EasyTrain.trainBatch}, SGD), with
 * no simulator around it.
 */
public final class PlainDjlLoop {
    private PlainDjlLoop() {
    }

    /** Samples per second of {@code steps} SGD steps on consecutive batches of {@code batchSize}. */
    public static double samplesPerSecond(ModelSpec spec, Samples data, int batchSize, int steps, double learningRate) {
        DjlChain shapes = new DjlChain(spec, data.sampleShape(), Precision.FLOAT32);
        try (Model model = Model.newInstance("plain", DjlRuntime.engine().getEngineName())) {
            SequentialBlock net = new SequentialBlock();
            for (int i = 0; i < shapes.layers(); i++) {
                net.add(shapes.block(i));
            }
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) learningRate)).build());
            try (Trainer trainer = model.newTrainer(config); NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(shapes.batchShape(batchSize));
                long start = 0;
                for (int s = -3; s < steps; s++) { // three warm-up steps
                    if (s == 0) {
                        start = System.nanoTime();
                    }
                    int[] idx = new int[batchSize];
                    for (int i = 0; i < batchSize; i++) {
                        idx[i] = Math.floorMod((s + 3) * batchSize + i, data.size());
                    }
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = shapes.inputs(scope, data, idx);
                        int[] y = new int[batchSize];
                        for (int i = 0; i < batchSize; i++) {
                            y[i] = data.label(idx[i]);
                        }
                        NDArray labels = scope.create(y);
                        Batch batch = new Batch(scope, new NDList(x), new NDList(labels), batchSize, null, null, 0, 1);
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                return (double) steps * batchSize / ((System.nanoTime() - start) / 1e9);
            }
        } finally {
            shapes.close();
        }
    }
}
