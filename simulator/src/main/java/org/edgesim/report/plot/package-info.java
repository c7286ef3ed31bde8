/** Charts drawn from result CSV files with JFreeChart, headless; the only package that imports JFreeChart. */
package org.edgesim.report.plot;
