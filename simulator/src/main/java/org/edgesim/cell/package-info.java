/**
 * A scenario's cell made concrete: devices dropped in the disk with their mean compute profiles
 * ({@link Deployment}), and each round's realised speeds and channel gains
 * ({@link RoundConditions}). Every draw comes from a stream named after its
 * device and purpose, so adding a device changes nobody else's draws and every scheme of a
 * comparison sees the same realisations.
 */
package org.edgesim.cell;
