/**
 * CPSL (docs/models/cpsl.md): the split-learning round as events, cluster after cluster, and what its
 * schedulers see and decide (cut layer, clusters, subcarriers).
 */
package org.edgesim.protocol.cpsl;
