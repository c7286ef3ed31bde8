/**
 * Parameter-and-bandwidth allocation (PABA) schedulers for PARTEL (docs/models/partel.md): the
 * paper's {@code baseline}, Algorithm 1 ({@code bandwidth-aware-parameter}), Algorithm 2
 * ({@code parameter-aware-bandwidth}) and Algorithms 3-4 ({@code joint-paba}).
 */
package org.edgesim.protocol.partel.schedulers;
