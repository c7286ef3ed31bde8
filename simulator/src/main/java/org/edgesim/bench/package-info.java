/** Benchmarks run from the CLI ({@code edgesim bench ...}); speed targets live here, never in unit tests. */
package org.edgesim.bench;
