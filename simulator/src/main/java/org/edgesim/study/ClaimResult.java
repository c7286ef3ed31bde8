package org.edgesim.study;

import java.util.List;
import org.edgesim.scenario.Tolerance;

/**
 * One row of {@code claims.csv}: a claim, the paper's value, what the study reproduced with its
 * 95% interval (of a mean over the replications; the tied swept values of an argmin; the decided
 * range of an ordering's share; NaN where there is none) and the verdict decided by that interval.
 *
 * @param claim        the claim's id
 * @param source       {@code paper} (a number the paper states) or {@code model} (a model check)
 * @param figure       the study figure it is about
 * @param statement    the paper's finding
 * @param paper        the paper's value
 * @param reproduced   the study's value, NaN if it could not be computed
 * @param ci95Low      lower end of its 95% interval, or NaN
 * @param ci95High     upper end, or NaN
 * @param replications the replications it rests on
 * @param tolerance    the acceptance rule as written
 * @param verdict      {@link #HOLDS}, {@link #DIFFERS}, {@link #INCONCLUSIVE}, {@link #INCONSISTENT},
 *                     {@link #CALIBRATED} or {@link #NOT_ASSESSED}
 * @param needed       the replications that would settle an inconclusive claim, or -1
 * @param reason       why, in a sentence with the numbers
 * @param panel        the figure's panel the claim reads ({@code protocol.cycle = 7.5}: the swept
 *                     value as the results' key columns hold it), "" when the figure has none or the
 *                     claim spans several
 */
public record ClaimResult(String claim, String source, String figure, String statement, double paper,
                          double reproduced, double ci95Low, double ci95High, int replications, String tolerance,
                          String verdict, int needed, String reason, String panel) {
    public static final String HOLDS = "holds";
    public static final String DIFFERS = "differs";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String INCONSISTENT = "paper-inconsistent";
    public static final String CALIBRATED = "calibrated";
    public static final String NOT_ASSESSED = "not-assessed (quick)";
    /** Every verdict, in the order counts list them. */
    public static final List<String> VERDICTS = List.of(HOLDS, DIFFERS, INCONCLUSIVE, INCONSISTENT, CALIBRATED,
            NOT_ASSESSED);
    /** The columns of {@code claims.csv}, in order. */
    public static final List<String> HEADER = List.of("claim", "kind", "figure", "statement", "paper", "reproduced",
            "ci95_low", "ci95_high", "replications", "tolerance", "verdict", "needed_replications", "reason",
            "figure_panel");
    /** The columns of a {@code claims.csv} written before {@code figure_panel}, read as without a panel. */
    static final List<String> HEADER_WITHOUT_PANEL = HEADER.subList(0, HEADER.size() - 1);

    /** The row's cells, in {@link #HEADER} order; NaN cells are empty. */
    public List<String> cells() {
        return List.of(claim, source, figure, statement, cell(paper), cell(reproduced), cell(ci95Low), cell(ci95High),
                Integer.toString(replications), tolerance, verdict, needed < 0 ? "" : Integer.toString(needed), reason,
                panel);
    }

    /**
     * The row as a reader sees it ({@link org.edgesim.report.Gallery#CLAIM_COLUMNS}): numbers to
     * four significant digits, the interval in brackets.
     */
    public List<String> shown() {
        String interval = Double.isNaN(ci95Low) ? "" : "[" + Tolerance.number(ci95Low) + ", "
                + Tolerance.number(ci95High) + "]";
        return List.of(claim, source, Tolerance.number(paper), Tolerance.number(reproduced), interval,
                Integer.toString(replications), tolerance, verdict + (needed > 0 ? " (about " + needed
                        + " replications would settle it)" : ""), reason);
    }

    /** A row read back from {@code claims.csv}. */
    static ClaimResult of(List<String> cells) {
        return new ClaimResult(cells.get(0), cells.get(1), cells.get(2), cells.get(3), number(cells.get(4)),
                number(cells.get(5)), number(cells.get(6)), number(cells.get(7)), Integer.parseInt(cells.get(8)),
                cells.get(9), cells.get(10), cells.get(11).isEmpty() ? -1 : Integer.parseInt(cells.get(11)),
                cells.get(12), cells.size() > 13 ? cells.get(13) : "");
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
