/**
 * The channel between devices and sites, from geometry to rate. Large scale: the mean power gain
 * of every link ({@link PathGains}), a deterministic law of distance ({@link
 * PathLoss}) or TR 38.901's model with a state per link ({@code tr38901}), and
 * per-round shadowing ({@link Shadowing}). Small scale: the fading laws with
 * their ergodic rates ({@link Fading}). What schedulers know of it ({@link
 * ChannelKnowledge}: estimation error and age). Protocols read rates through
 * one door, {@link Channel} (ergodic or drawn readings under the scenario's
 * fading law); CPSL's SNRs in dB are the named {@link SnrDbLaw}. Links: a
 * protocol says what a transfer is and the channel makes its {@link Link}
 * ({@link Air}): steady, in fading blocks ({@link
 * Coherence}, {@link FadingBlocks}) or through the air
 * several cells share ({@link Medium}); one cell is the ordinary case of
 * several. The architecture test keeps protocol folders and schedulers to the door, the links and
 * what schedulers know, and fails when a protocol picks the kind of link itself.
 */
package org.edgesim.channel;
