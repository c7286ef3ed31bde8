/**
 * FEEL schedulers (docs/models/feel.md): the paper's joint batch-size and TDMA-slot optimum
 * ({@link ProposedScheduler}, from {@link FeelMath}),
 * fixed-batch baselines with optimal or equal slots, FedAvg and individual learning.
 */
package org.edgesim.protocol.feel.schedulers;
