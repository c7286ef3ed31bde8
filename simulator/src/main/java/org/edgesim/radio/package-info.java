/**
 * The radio model shared by the papers: rates (instantaneous, and ergodic under Rayleigh fading),
 * decibels, the cell geometry, Doppler, packet loss and the multiple-access schemes (FDMA shares,
 * subcarriers, TDMA). The channel's laws (path loss, fading, shadowing) are in {@code channel}.
 * Powers are in watts, gains linear, bandwidths in hertz, times in seconds; dB conversions happen
 * once, when a scenario is read.
 */
package org.edgesim.radio;
