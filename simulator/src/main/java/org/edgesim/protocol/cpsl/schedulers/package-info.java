/**
 * CPSL resource management (docs/models/cpsl.md): greedy subcarriers (the paper's Alg. 3), Gibbs-sampling
 * clustering (Alg. 4), and the heuristic and random clustering baselines.
 */
package org.edgesim.protocol.cpsl.schedulers;
