/**
 * Devices and their compute: CPU profiles (cycles per second, FLOPs per cycle), GPU profiles
 * (latency flat up to a threshold batch, then linear) and per-round speed dynamics.
 */
package org.edgesim.device;
