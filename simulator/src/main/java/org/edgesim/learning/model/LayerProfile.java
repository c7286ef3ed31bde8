package org.edgesim.learning.model;

/**
 * What one layer costs per sample.
 *
 * @param name           {@link Layer#describe()}
 * @param parameters     weights and biases
 * @param outputShape    shape of its output for one sample
 * @param outputElements elements of that output (the smashed data if the model is cut after it)
 * @param flopsForward   floating-point operations of its forward pass, per sample
 * @param flopsBackward  of its backward pass, per sample
 */
public record LayerProfile(String name, long parameters, int[] outputShape, long outputElements,
                           double flopsForward, double flopsBackward) {
}
