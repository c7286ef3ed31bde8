/**
 * Asynchronous mobile edge learning (docs/models/async-mel.md): global cycles of fixed length {@code T} in
 * which learner {@code k} receives the model (and, in parallelised learning, {@code d_k} samples),
 * runs {@code tau_k} local updates and returns its model. {@link MelProtocol} runs the cycles as
 * events on one kernel, the orchestrator aggregating at each cycle's deadline and leaving out the
 * models that come back late; with a {@code learning} section the model is really trained
 * ({@code MelTraining}). This package also holds the clock and what the schedulers see and decide
 * ({@link MelSnapshot}, {@link MelPlan}); the schedulers are in {@code schedulers}.
 */
package org.edgesim.protocol.mel;
