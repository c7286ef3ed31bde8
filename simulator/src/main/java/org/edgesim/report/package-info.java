/**
 * Results: tables of records written through column specs (name, unit, description, extractor)
 * in a fixed order with {@code Locale.ROOT}, run manifests, and atomic result folders. Plotting
 * lives in {@code report.plot}, the only package that imports JFreeChart.
 */
package org.edgesim.report;
