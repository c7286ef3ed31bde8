/**
 * The channel between devices and sites: the mean power gain of every link ({@link
 * org.edgesim.channel.PathGains}), a deterministic law of distance or TR 38.901's large-scale
 * model with a state per link ({@code tr38901}).
 */
package org.edgesim.channel;
