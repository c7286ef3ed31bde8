/**
 * Studies: a scenario with a {@code sweep} section read into its design points
 * ({@link org.edgesim.study.StudyLoader}, {@link org.edgesim.study.Study}), its figures and claims
 * checked against the metrics its runs will write; and the papers' findings as data: a study's
 * claims evaluated from the CSV files the study wrote, with a computed verdict
 * ({@link org.edgesim.study.ClaimEvaluator}), gathered per paper into {@code claims.csv} and
 * {@code claims.md}. The file format's records of these sections ({@code SweepSpec},
 * {@code FigureSpec}, {@code ClaimSpec}) stay in {@code scenario}, which a scenario file binds whole.
 */
package org.edgesim.study;
