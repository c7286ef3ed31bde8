package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;

/**
 * Square max pooling with stride equal to its size (the floor of odd sizes), the same values and
 * gradients as PyTorch's {@code max_pool2d}, cheaper where nothing is differentiated.
 *
 * <p>Where nothing is recorded (an evaluation, a split device's forward pass with autograd off) the
 * output is the element-wise maximum of the {@code s x s} strided views of the input: the
 * maximum of the same values, so the same floats (NaN propagates in both), at a third of
 * {@code max_pool2d}'s time on a 1000 x 6 x 28 x 28 batch on one thread (measured: 8 ms against 27;
 * PyTorch's kernel for this layout scans each window with index bookkeeping, the maximum of views is
 * vectorised). Where operations are recorded it is {@code max_pool2d} itself, whose backward routes
 * each window's gradient to its first maximum: a maximum of views would split ties (ReLU's zeros
 * tie often) and change the gradients' bits. {@code MaxPoolingTest} checks both against
 * {@code max_pool2d}.
 */
final class MaxPooling {
    private MaxPooling() {
    }

    /** The pooling layer of size {@code size} as a block. */
    static Block block(int size) {
        return LambdaBlock.singleton(x -> pool(x, size), "maxPool");
    }

    /** Pools {@code x} ({@code N x C x H x W}) by {@code size}. */
    static NDArray pool(NDArray x, int size) {
        if (Autograd.recording() || size == 1) {
            return Pool.maxPool2d(x, new Shape(size, size), new Shape(size, size), new Shape(0, 0), false);
        }
        long rows = x.getShape().get(2) / size;
        long cols = x.getShape().get(3) / size;
        NDArray out = null;
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                NDArray view = x.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy, dy + (rows - 1) * size + 1, size,
                        dx, dx + (cols - 1) * size + 1, size));
                out = out == null ? view : out.maximum(view);
            }
        }
        return out;
    }
}
