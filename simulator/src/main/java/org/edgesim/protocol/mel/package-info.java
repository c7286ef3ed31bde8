/**
 * Asynchronous mobile edge learning (docs/models/async-mel.md): global cycles of fixed length {@code T} in
 * which learner {@code k} receives the model (and, in parallelised learning, {@code d_k} samples),
 * runs {@code tau_k} local updates and returns its model. This package holds what the schedulers
 * see and decide; the cycle as events is still to come (issue 7). The schedulers are in
 * {@code schedulers}.
 */
package org.edgesim.protocol.mel;
