/** Sweeps: design points x compared schedulers x replications, run in parallel, resumable, aggregated. */
package org.edgesim.sweep;
