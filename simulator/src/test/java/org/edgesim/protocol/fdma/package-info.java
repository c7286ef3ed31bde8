/**
 * A fifth protocol that lives in tests only: plain synchronous FedAvg over FDMA. It proves that a
 * protocol costs one folder: its section ({@link org.edgesim.protocol.fdma.FdmaSpec}), snapshot,
 * plan, scheduler type, built-in scheduler, rows, rounds and module, registered by a line of
 * {@code src/test/resources/META-INF/services/org.edgesim.scenario.ProtocolSection}; no main file
 * names it, yet the loader, the schema, {@code edgesim list}, external schedulers and the protocol
 * contract take it.
 */
package org.edgesim.protocol.fdma;
