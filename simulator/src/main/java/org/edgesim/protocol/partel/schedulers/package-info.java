/**
 * Parameter-and-bandwidth allocation (PABA) schedulers for PARTEL (docs/models/partel.md): the
 * {@code baseline} here; the paper's Algorithms 1-4 join it.
 */
package org.edgesim.protocol.partel.schedulers;
