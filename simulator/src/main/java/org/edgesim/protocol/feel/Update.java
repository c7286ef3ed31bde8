package org.edgesim.protocol.feel;

/** What the devices do with their data in a round, and so what crosses the air. */
public enum Update {
    /** One gradient on the round's batch, uploaded and averaged weighted by batch size (FEEL). */
    GRADIENT,
    /** One local epoch of SGD on batches of {@code Bmax}; the models are uploaded and averaged (FedAvg). */
    MODEL,
    /**
     * Individual learning: local epochs on batches of {@code Bmax} until the local loss converges
     * (the loss on a held-out validation split stops improving, {@link org.edgesim.learning.EarlyStopping},
     * or the cap), then the models are uploaded and averaged once; the run is that one round.
     */
    LOCAL
}
