/**
 * Scenario files: YAML or JSON read by Jackson into immutable, self-validating records.
 *
 * <p>Values carry units ({@code 100 MHz}, {@code -174 dBm/Hz}, {@code 0.15 km}) or are plain SI
 * numbers; unknown keys, missing keys, wrong types, bad units and out-of-range values are errors
 * that name the file, line, column, field path and rule ({@link ScenarioException}).
 */
package org.edgesim.scenario;
