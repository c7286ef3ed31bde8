/**
 * The radio model shared by the papers: path loss, small-scale fading, shadowing, rates (instantaneous
 * and ergodic), the cell geometry and the multiple-access schemes (FDMA shares, subcarriers, TDMA).
 * Powers are in watts, gains linear, bandwidths in hertz, times in seconds; dB conversions happen
 * once, when a scenario is read.
 */
package org.edgesim.radio;
