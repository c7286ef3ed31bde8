package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording without DJL's {@code GradientCollector}: that class allows one collector in
 * the whole JVM (a static flag) and zeroes every gradient of the process when opened, which would
 * serialise parallel simulations and let them disturb each other. PyTorch's grad mode is per
 * thread, so each learner records and back-propagates on its own thread and zeroes only its own
 * parameters' gradients.
 */
final class Autograd implements AutoCloseable {
    private final boolean previous;

    private Autograd(boolean on) {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
    }

    /** Records operations on this thread until closed. */
    static Autograd record() {
        return new Autograd(true);
    }

    /**
     * Records nothing on this thread until closed: for in-place parameter updates and for
     * inference. Needed explicitly because grad mode is per thread and PyTorch starts every new
     * thread with it on (DJL turns it off only on the thread that loads the engine).
     */
    static Autograd off() {
        return new Autograd(false);
    }

    /**
     * Whether this thread records operations now. (DJL's {@code NDArray.hasGradient()} is no
     * test of that: it stays false for an intermediate result being recorded.)
     */
    static boolean recording() {
        return JniUtils.isGradMode();
    }

    /** Back-propagates from the scalar {@code loss}. */
    static void backward(NDArray loss) {
        try (NDArray ones = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
        }
    }

    /** Back-propagates {@code outputGradient} through {@code output} (a vector-Jacobian product). */
    static void backward(NDArray output, NDArray outputGradient) {
        JniUtils.backward((PtNDArray) output, (PtNDArray) outputGradient, false, false);
    }

    static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
