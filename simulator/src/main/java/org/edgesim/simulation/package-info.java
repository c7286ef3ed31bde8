/**
 * The entry points for running scenarios: the {@link Catalog} of protocols and
 * schedulers, and {@link Simulation}, which runs one scenario with one seed.
 * This is the Java-library API; the CLI is a thin layer over it.
 */
package org.edgesim.simulation;
