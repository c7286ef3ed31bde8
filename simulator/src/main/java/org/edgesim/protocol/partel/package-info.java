/**
 * PARTEL (partitioned edge learning, Wen, Bennis and Huang, IEEE TWC 2020): K groups of N workers;
 * a round is a broadcast push of the model over the whole band, block-gradient computation on
 * each worker, an FDMA pull of the gradient blocks and a server update. The schedulers of the
 * parameter-and-bandwidth allocation family live in {@code schedulers}.
 */
package org.edgesim.protocol.partel;
