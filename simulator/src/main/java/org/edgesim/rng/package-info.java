/**
 * Named random streams: every entity and purpose draws from its own SSJ MRG32k3a stream, keyed by
 * a stable name ({@code fading/device-17/up}) and derived from one master seed.
 *
 * <p>No other source of randomness is allowed anywhere in edgesim (a test scans the sources).
 */
package org.edgesim.rng;
