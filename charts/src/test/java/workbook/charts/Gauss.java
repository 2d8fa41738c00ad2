package workbook.charts;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.UnivariateIntegrator;
import org.apache.commons.math3.special.Erf;

/** Independent references for the initialization figures' tests: Gaussian expectations and tails. */
final class Gauss {
    private static final double REACH = 12;
    /** A ceiling far above what these smooth integrands need (the rule converges after a few thousand). */
    private static final int MAX_EVALUATIONS = 10_000_000;

    private Gauss() {}

    /**
     * {@code E[f(sigma Z)]} for a standard normal Z, by Commons Math's iterative Gauss-Legendre rule on [-12, 12]
     * to a relative and absolute accuracy of 1e-12; the density beyond 12 standard deviations is below 1e-32.
     */
    static double expectation(DoubleUnaryOperator f, double sigma) {
        UnivariateIntegrator integrator = new IterativeLegendreGaussIntegrator(64, 1e-12, 1e-12);
        return integrator.integrate(MAX_EVALUATIONS,
                z -> f.applyAsDouble(sigma * z) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI), -REACH, REACH);
    }

    /** {@code P(Z <= z)} for a standard normal Z. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
