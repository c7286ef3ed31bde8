/**
 * The channel between devices and sites, from geometry to rate. Large scale: the mean power gain
 * of every link ({@link org.edgesim.channel.PathGains}), a deterministic law of distance ({@link
 * org.edgesim.channel.PathLoss}) or TR 38.901's model with a state per link ({@code tr38901}), and
 * per-round shadowing ({@link org.edgesim.channel.Shadowing}). Small scale: the fading laws with
 * their ergodic rates ({@link org.edgesim.channel.Fading}). What schedulers know of it ({@link
 * org.edgesim.channel.ChannelKnowledge}: estimation error and age). Protocols read rates through
 * one door, {@link org.edgesim.channel.Channel} (ergodic or drawn readings under the scenario's
 * fading law); CPSL's SNRs in dB are the named {@link org.edgesim.channel.SnrDbLaw}. The
 * architecture test keeps protocol folders and schedulers to those three types.
 */
package org.edgesim.channel;
