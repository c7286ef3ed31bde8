/**
 * The generated reference in {@code docs/reference/} ({@code edgesim reference}): scenario keys
 * from the records the loader binds (with their Javadoc, units and ranges), the command line from
 * picocli, the CSV columns and the snapshots a scheduler reads from each protocol's runs, the
 * schedulers from the catalog. A test regenerates it and fails when the files differ.
 */
package org.edgesim.reference;
