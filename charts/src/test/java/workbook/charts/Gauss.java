package workbook.charts;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;

/** Independent references for the initialization figures' tests: Gaussian expectations and tails. */
final class Gauss {
    private static final int INTERVALS = 4000;
    private static final double REACH = 12;

    private Gauss() {}

    /**
     * {@code E[f(sigma Z)]} for a standard normal Z, by composite Simpson on [-12, 12] with 4000 intervals.
     * For the smooth, bounded integrands used here the rule's error is far below 1e-9, and the density
     * beyond 12 standard deviations is below 1e-32.
     */
    static double expectation(DoubleUnaryOperator f, double sigma) {
        double h = 2 * REACH / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double z = -REACH + i * h;
            double weight = i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * f.applyAsDouble(sigma * z) * Math.exp(-0.5 * z * z);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }

    /** {@code P(Z <= z)} for a standard normal Z. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
