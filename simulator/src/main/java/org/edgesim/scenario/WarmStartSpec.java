package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model pre-trained centrally before round 1 ({@code learning.warmStart}), as FEEL's Table II
 * starts from a DenseNet121 "pre-trained to about 86%": plain SGD epochs over the whole training
 * set, in batches of {@code batch} drawn from the stream {@code learning/warm-start}, until the test
 * accuracy reaches {@code accuracy} or {@code maxEpochs} epochs have run. It depends only on the
 * {@code learning} section and the seed, so every scheme of a comparison starts from the same bits.
 *
 * @param accuracy  the test accuracy that ends the pre-training, in (0, 1]
 * @param maxEpochs at most this many epochs (default 50); the accuracy reached is in the manifest
 * @param batch     mini-batch size, default 64
 * @param stepSize  learning rate, default the {@code learning} section's {@code stepSize}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarmStartSpec(@JsonProperty(required = true) double accuracy, Integer maxEpochs, Integer batch,
                            Double stepSize) {
    public WarmStartSpec {
        if (!(accuracy > 0) || accuracy > 1) {
            throw new InvalidField("accuracy", "must be a test accuracy in (0, 1], got " + accuracy);
        }
        maxEpochs = maxEpochs == null ? 50 : maxEpochs;
        InvalidField.atLeast("maxEpochs", maxEpochs, 1);
        batch = batch == null ? 64 : batch;
        InvalidField.atLeast("batch", batch, 1);
        if (stepSize != null) {
            InvalidField.positive("stepSize", stepSize, Dimension.COUNT);
        }
    }
}
