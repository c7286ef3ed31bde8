package org.edgesim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a claim's reproduced value counts as reproducing the paper's: {@code ±x} (or {@code +-x}),
 * within {@code x} of the paper's value; {@code ×x} (or {@code x3} for {@code ×3}; {@code x > 1}),
 * within a factor {@code x} of a positive value, {@code [value / x, value x]} (for a model check
 * whose estimate is an order of magnitude, e.g. a closed form that leaves out a second-order
 * effect); or a bound, {@code >= x}, {@code > x}, {@code <= x}, {@code < x}, on the reproduced
 * value itself (for findings the paper states as an inequality or a direction, e.g. "a clear
 * margin").
 *
 * @param text  as written, shown in {@code claims.csv}
 * @param op    {@code ±}, {@code ×}, {@code >=}, {@code >}, {@code <=} or {@code <}
 * @param bound the tolerance or the bound
 */
public record Tolerance(String text, String op, double bound) {
    private static final Pattern FORM = Pattern.compile("\\s*(±|\\+-|×|x|>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*");

    /** Parses {@code text}; the rule broken is the exception's message. */
    public static Tolerance parse(String text) {
        Matcher m = FORM.matcher(text);
        double bound = Double.NaN;
        if (m.matches()) {
            try {
                bound = Double.parseDouble(m.group(2));
            } catch (NumberFormatException e) {
                bound = Double.NaN;
            }
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("must be '±x' (within x of the paper's value), '×x' (within a factor x of"
                    + " it) or a bound '>= x', '> x', '<= x', '< x' on the reproduced value, got '" + text + "'");
        }
        String op = switch (m.group(1)) {
            case "+-" -> "±";
            case "x" -> "×";
            default -> m.group(1);
        };
        if (op.equals("×") && !(bound > 1)) {
            throw new IllegalArgumentException("a tolerance '×x' (within a factor x) needs x > 1, got '" + text + "'");
        }
        if (op.equals("±") && bound < 0) {
            throw new IllegalArgumentException("a tolerance '±x' needs x >= 0, got '" + text + "'");
        }
        return new Tolerance(text.strip(), op, bound);
    }

    /** Whether {@code reproduced} passes against the paper's value {@code paper}; NaN never does. */
    public boolean accepts(double reproduced, double paper) {
        if (Double.isNaN(reproduced)) {
            return false;
        }
        double slack = 1e-12 * Math.max(1, Math.abs(bound));
        return switch (op) {
            case "±" -> Math.abs(reproduced - paper) <= bound + slack;
            case "×" -> reproduced >= band(paper)[0] * (1 - 1e-12) && reproduced <= band(paper)[1] * (1 + 1e-12);
            case ">=" -> reproduced >= bound - slack;
            case ">" -> reproduced > bound;
            case "<=" -> reproduced <= bound + slack;
            case "<" -> reproduced < bound;
            default -> throw new IllegalStateException(op);
        };
    }

    /**
     * The values that reproduce the paper's {@code paper}: {@code [low, high]} (an end may be
     * infinite; for a strict bound the edge itself does not pass, see {@link #side}).
     */
    public double[] band(double paper) {
        return switch (op) {
            case "±" -> new double[] {paper - bound, paper + bound};
            case "×" -> paper > 0 ? new double[] {paper / bound, paper * bound} : new double[] {Double.NaN, Double.NaN};
            case ">=", ">" -> new double[] {bound, Double.POSITIVE_INFINITY};
            case "<=", "<" -> new double[] {Double.NEGATIVE_INFINITY, bound};
            default -> throw new IllegalStateException(op);
        };
    }

    /** Where an interval lies against the band. */
    public enum Side {
        /** wholly inside: the claim holds */
        INSIDE,
        /** wholly outside: it differs */
        OUTSIDE,
        /** across an edge: more replications may settle it */
        ACROSS
    }

    /** Where {@code [low, high]} lies against the band of {@code paper}. */
    public Side side(double low, double high, double paper) {
        if (op.equals(">")) { // strict: the bound itself does not pass
            return low > bound ? Side.INSIDE : high <= bound ? Side.OUTSIDE : Side.ACROSS;
        }
        if (op.equals("<")) {
            return high < bound ? Side.INSIDE : low >= bound ? Side.OUTSIDE : Side.ACROSS;
        }
        double[] b = band(paper);
        double slack = op.equals("×") ? 1e-12 * Math.abs(b[1]) : 1e-12 * Math.max(1, Math.abs(bound));
        if (low >= b[0] - slack && high <= b[1] + slack) {
            return Side.INSIDE;
        }
        if (high < b[0] - slack || low > b[1] + slack) {
            return Side.OUTSIDE;
        }
        return Side.ACROSS;
    }

    /** How far {@code value} is from the band's nearest edge (0 on an edge). */
    public double distanceToEdge(double value, double paper) {
        double[] b = band(paper);
        double d = Double.POSITIVE_INFINITY;
        for (double edge : b) {
            if (Double.isFinite(edge)) {
                d = Math.min(d, Math.abs(value - edge));
            }
        }
        return d;
    }

    /** Why {@code reproduced} passes or fails, in a few words with the numbers. */
    public String explain(double reproduced, double paper) {
        String r = number(reproduced);
        if (op.equals("×")) {
            double[] b = band(paper);
            return r + (accepts(reproduced, paper) ? " is" : " is not") + " within a factor " + number(bound) + " of "
                    + number(paper) + ", [" + number(b[0]) + ", " + number(b[1]) + "]";
        }
        if (op.equals("±")) {
            double off = reproduced - paper;
            return accepts(reproduced, paper)
                    ? r + " is within " + text + " of the paper's " + number(paper)
                    : r + " is " + number(Math.abs(off)) + (off > 0 ? " above" : " below") + " the paper's "
                            + number(paper) + ", outside " + text;
        }
        return accepts(reproduced, paper) ? r + " " + op + " " + number(bound)
                : r + " is not " + op + " " + number(bound);
    }

    /** Four significant digits without trailing zeros, as in the claims tables (0.4673, 20, 1.5e-05). */
    public static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0 || Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
