/**
 * The discrete-event kernel: an instance-based executive on SSJ's simulation events.
 *
 * <p>This is the only package that touches {@code umontreal.ssj.simevents}, and it imports no
 * other edgesim package, so the core stays independent of the wireless and learning domain
 * (a test enforces both). Time is a {@code double} in seconds.
 */
package org.edgesim.kernel;
