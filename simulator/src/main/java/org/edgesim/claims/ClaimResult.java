package org.edgesim.claims;

import java.util.List;

/**
 * One row of {@code claims.csv}: a claim, the paper's value, what the study reproduced (with the
 * 95% confidence interval of a mean over the replications, NaN where the value is no mean) and
 * the verdict.
 *
 * @param claim      the claim's id
 * @param figure     the study figure it is about
 * @param statement  the paper's finding
 * @param paper      the paper's value
 * @param reproduced the study's value, NaN if it could not be computed
 * @param ci95Low    lower end of its 95% interval, or NaN
 * @param ci95High   upper end, or NaN
 * @param tolerance  the acceptance rule as written
 * @param verdict    {@link #HOLDS}, {@link #DIFFERS} or {@link #INCONSISTENT}
 * @param reason     why, in a sentence with the numbers
 */
public record ClaimResult(String claim, String figure, String statement, double paper, double reproduced,
                          double ci95Low, double ci95High, String tolerance, String verdict, String reason) {
    public static final String HOLDS = "holds";
    public static final String DIFFERS = "differs";
    public static final String INCONSISTENT = "paper-inconsistent";
    /** The columns of {@code claims.csv}, in order. */
    public static final List<String> HEADER = List.of("claim", "figure", "statement", "paper", "reproduced", "ci95_low",
            "ci95_high", "tolerance", "verdict", "reason");

    /** The row's cells, in {@link #HEADER} order; NaN cells are empty. */
    public List<String> cells() {
        return List.of(claim, figure, statement, cell(paper), cell(reproduced), cell(ci95Low), cell(ci95High), tolerance,
                verdict, reason);
    }

    /** A row read back from {@code claims.csv}. */
    static ClaimResult of(List<String> cells) {
        return new ClaimResult(cells.get(0), cells.get(1), cells.get(2), number(cells.get(3)), number(cells.get(4)),
                number(cells.get(5)), number(cells.get(6)), cells.get(7), cells.get(8), cells.get(9));
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
