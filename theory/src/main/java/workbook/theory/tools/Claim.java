package workbook.theory.tools;

/**
 * One numerical claim of a write-up, checked: what the derivation predicts, what the code or an experiment
 * produced, and how far apart the two may be.
 *
 * <p>A claim holds when {@code |observed - expected| <= tolerance}, or when both numbers are the same
 * special value (two infinities of one sign, or two NaNs), so that a claim such as "exp(1000) overflows
 * to Infinity" can be stated directly. The tolerance is always absolute; the factories below turn a
 * relative tolerance, an interval or a number of standard errors into one.
 *
 * @param statement the claim in words a reader of the lab report understands
 * @param expected  the value the derivation predicts
 * @param observed  the value computed by the reference code or measured by an experiment
 * @param tolerance the largest accepted absolute difference, at least 0
 */
public record Claim(String statement, double expected, double observed, double tolerance) {

    /** Validates the statement and the tolerance: a claim that cannot fail checks nothing. */
    public Claim {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("statement must be a non-blank sentence, got " + statement);
        }
        if (!(tolerance >= 0) || tolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("tolerance must be finite and at least 0, got " + tolerance);
        }
    }

    /** Returns true when the observed value agrees with the expected one within the tolerance. */
    public boolean holds() {
        if (Double.compare(observed, expected) == 0) {
            return true; // covers equal infinities and NaN == NaN, where the subtraction below is NaN
        }
        return Math.abs(observed - expected) <= tolerance;
    }

    /** A claim with a relative tolerance: {@code |observed - expected| <= relative * |expected|}. */
    public static Claim relative(String statement, double expected, double observed, double relative) {
        return new Claim(statement, expected, observed, relative * Math.abs(expected));
    }

    /** A claim that {@code observed} lies in the closed interval {@code [low, high]}. */
    public static Claim inRange(String statement, double low, double high, double observed) {
        if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("range must be finite with low <= high, got [" + low + ", " + high + "]");
        }
        double middle = low + (high - low) / 2;
        // |low - middle| and |high - middle| are computed exactly as holds() will compute them, so both end
        // points pass even when the middle is rounded
        double halfWidth = Math.max(high - middle, middle - low);
        return new Claim(statement, middle, observed, halfWidth);
    }

    /** A yes-or-no claim, reported as 1 (true) or 0 (false) against an expected 1. */
    public static Claim isTrue(String statement, boolean condition) {
        return new Claim(statement, 1, condition ? 1 : 0, 0);
    }

    /**
     * A Monte Carlo claim: the estimate lies within {@code k} standard errors of the exact value.
     * With a normal sampling distribution, k = 4 fails by chance about once in 16 000 seeds; the seeds are
     * fixed, so a failure means the derivation or the code changed.
     */
    public static Claim withinStandardErrors(String statement, double expected, double estimate,
                                             double standardError, double k) {
        if (!(standardError > 0) || !(k > 0)) {
            throw new IllegalArgumentException("standard error and k must be positive, got "
                    + standardError + " and " + k);
        }
        return new Claim(statement, expected, estimate, k * standardError);
    }
}
