package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.matches;
import static workbook.charts.SeriesChecks.series;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class Fig02DerivativesTest {
    /** Closed forms of size at most about 1.1: a few ulps, far below this. */
    private static final double TOL = 1e-12;
    /** Central difference with h = 1e-5: truncation h^2 |f'''| / 6 and rounding eps / h both below 1e-9. */
    private static final double FD_TOL = 1e-8;

    private final Fig02Derivatives.Dataset data = Fig02Derivatives.createDataset();

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double centralDifference(DoubleUnaryOperator f, double x) {
        double h = 1e-5;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    @Test
    void derivativeCurvesMatchClosedFormsAndFiniteDifferences() {
        matches(series(data.derivatives(), "σ′"), x -> sigmoid(x) * (1 - sigmoid(x)), TOL);
        matches(series(data.derivatives(), "tanh′"), x -> 1 - Math.tanh(x) * Math.tanh(x), TOL);
        matches(series(data.derivatives(), "ReLU′"), x -> x > 0 ? 1 : 0, 0); // ReLU'(0) = 0 by convention
        matches(series(data.derivatives(), "ELU′ (α = 1)"), x -> x > 0 ? 1 : Math.exp(x), TOL);
        matches(series(data.derivatives(), "GELU′"),
                x -> 0.5 * Erf.erfc(-x / Math.sqrt(2)) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), TOL);
        matches(series(data.derivatives(), "SiLU′"), x -> centralDifference(t -> t * sigmoid(t), x), FD_TOL);
        matches(series(data.derivatives(), "Mish′"),
                x -> centralDifference(t -> t * Math.tanh(Math.log1p(Math.exp(t))), x), FD_TOL);
    }

    @Test
    void sigmoidAndTanhSlopesDecayExponentiallyInTheTails() {
        XYSeries sigma = series(data.saturation(), "σ′");
        XYSeries tanh = series(data.saturation(), "tanh′");
        double x = Fig02Derivatives.TAIL;
        // sigma'(x) = e^-x / (1 + e^-x)^2 and tanh'(x) = 4 e^-2x / (1 + e^-2x)^2: the log panel shows straight lines
        assertThat(sigma.getY(sigma.getItemCount() - 1).doubleValue() / Math.exp(-x)).isCloseTo(1, within(1e-5));
        assertThat(tanh.getY(tanh.getItemCount() - 1).doubleValue() / (4 * Math.exp(-2 * x)))
                .isCloseTo(1, within(1e-5));
        assertThat(sigma.getMinY()).as("every value must be positive to sit on a log axis").isPositive();
        assertThat(tanh.getMinY()).as("tanh' saturates faster than sigma'").isPositive().isLessThan(sigma.getMinY());
        assertThat(sigma.getMaxY()).as("sigma' peaks at 1/4").isCloseTo(0.25, within(TOL));
        assertThat(tanh.getMaxY()).as("tanh' peaks at 1").isCloseTo(1, within(TOL));
    }
}
