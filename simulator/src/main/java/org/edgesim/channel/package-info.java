/**
 * The channel between devices and sites: the mean power gain of every link ({@link
 * org.edgesim.channel.PathGains}), a deterministic law of distance ({@link
 * org.edgesim.channel.PathLoss}) or TR 38.901's large-scale model with a state per link
 * ({@code tr38901}); the small-scale fading laws with their ergodic rates ({@link
 * org.edgesim.channel.Fading}) and per-round shadowing ({@link org.edgesim.channel.Shadowing}).
 */
package org.edgesim.channel;
