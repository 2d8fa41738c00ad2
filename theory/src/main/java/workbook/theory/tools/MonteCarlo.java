package workbook.theory.tools;

import java.util.function.DoubleUnaryOperator;

/**
 * The two kinds of evidence the write-ups compare: a sample mean with its standard error, and an exact
 * expectation under a normal distribution computed by numerical integration.
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    /**
     * A Monte Carlo estimate.
     *
     * @param mean          the sample mean
     * @param standardError the standard error of that mean, {@code s / sqrt(n)} with {@code s} the sample
     *                      standard deviation (for a proportion p this is {@code sqrt(p (1 - p) / n)})
     * @param n             the number of samples
     */
    public record Estimate(double mean, double standardError, long n) {}

    /** Returns the mean of the samples and its standard error {@code s / sqrt(n)}. */
    public static Estimate estimate(double[] samples) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("samples must hold at least 2 values, got " + samples.length);
        }
        // Welford's update: one pass, no cancellation between a large sum of squares and a large squared sum
        double mean = 0;
        double squares = 0;
        for (int i = 0; i < samples.length; i++) {
            double delta = samples[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (samples[i] - mean);
        }
        double variance = squares / (samples.length - 1);
        return new Estimate(mean, Math.sqrt(variance / samples.length), samples.length);
    }

    /**
     * Returns a proportion {@code hits / n} with the standard error of a binomial proportion,
     * {@code sqrt(p (1 - p) / n)} evaluated at the true {@code p} the derivation predicts (using the
     * estimate itself would give a zero error when no hit is seen).
     */
    public static Estimate proportion(long hits, long n, double predicted) {
        if (n <= 0 || hits < 0 || hits > n || !(predicted > 0 && predicted < 1)) {
            throw new IllegalArgumentException("need 0 <= hits <= n, n > 0 and 0 < predicted < 1, got hits=" + hits
                    + ", n=" + n + ", predicted=" + predicted);
        }
        return new Estimate((double) hits / n, Math.sqrt(predicted * (1 - predicted) / n), n);
    }

    /**
     * Returns {@code E[f(Z)]} for {@code Z ~ N(0, std^2)}, by the fixed Gauss-Legendre rule of
     * {@link NormalIntegrals} (cut at 0, so that a kink there, as in ReLU, costs no accuracy).
     */
    public static double normalExpectation(DoubleUnaryOperator f, double std) {
        return NormalIntegrals.expectation(f, std);
    }
}
