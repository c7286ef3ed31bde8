/**
 * A scenario's cells made concrete: devices dropped in the disk with their mean compute profiles
 * ({@link Deployment}), and each round's realised speeds and channel gains
 * ({@link RoundConditions}). With several cells: where the sites stand ({@link Layout}), the
 * area they cover ({@link Area}), which site serves a device ({@link Association}), and where
 * the devices are round by round as they move ({@link Mobility}, {@link Placement}). Every draw
 * comes from a stream named after its device and purpose, so adding a device changes nobody
 * else's draws and every scheme of a comparison sees the same realisations.
 */
package org.edgesim.cell;
