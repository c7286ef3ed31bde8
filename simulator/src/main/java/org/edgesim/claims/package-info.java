/**
 * The paper's findings as data: a study's claims ({@code claims} in a scenario file) evaluated
 * from the CSV files the study wrote, with a computed verdict, and gathered per paper into
 * {@code claims.csv} and {@code claims.md}.
 */
package org.edgesim.claims;
