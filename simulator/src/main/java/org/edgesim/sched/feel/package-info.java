/**
 * FEEL schedulers (feel-batchsize.md): the paper's joint batch-size and TDMA-slot optimum
 * ({@link org.edgesim.sched.feel.ProposedScheduler}, from {@link org.edgesim.sched.feel.FeelMath}),
 * fixed-batch baselines with optimal or equal slots, FedAvg and individual learning.
 */
package org.edgesim.sched.feel;
