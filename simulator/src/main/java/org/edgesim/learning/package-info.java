/**
 * Real learning: the {@link Learner} seam through which protocols train
 * models on data, averaging and block-gradient assembly. Engines live in subpackages
 * ({@code djl}, {@code sparse}; {@code backend} picks one for a model and its data); data in
 * {@code data}, partitions in {@code partition}, model specifications and latency profiles in
 * {@code model}.
 */
package org.edgesim.learning;
