/**
 * The {@code edgesim} command line (picocli): {@code run}, {@code validate}, {@code list},
 * {@code bench}. Exit codes: 0 success, 1 internal error, 2 bad input (scenario or usage).
 */
package org.edgesim.cli;
