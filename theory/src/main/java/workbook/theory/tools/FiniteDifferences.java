package workbook.theory.tools;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;

/**
 * Derivatives measured from function values alone (Commons Math's five-point central stencil): the
 * independent oracle against which the write-ups compare every derivative they derive.
 *
 * <p>With step h = 1e-3 the five-point formula's truncation error is {@code h^4 |f^(5)| / 30}, about
 * {@code 3e-14 |f^(5)|}, and rounding adds about {@code 1.5 eps |f| / h}, about {@code 3e-13 |f|}. For the
 * activations here ({@code |f| <= 10}, smooth on the stencil) both stay below {@link #TOLERANCE}. The stencil
 * spans {@code x +- 2h}: keep it away from kinks.
 */
public final class FiniteDifferences {
    /** Distance between stencil points. */
    public static final double STEP = 1e-3;
    /** Number of stencil points, centred on x. */
    public static final int POINTS = 5;
    /** A safe bound on the stencil's error for the smooth, moderate functions of this workbook. */
    public static final double TOLERANCE = 1e-9;

    private static final FiniteDifferencesDifferentiator DIFFERENTIATOR =
            new FiniteDifferencesDifferentiator(POINTS, STEP);

    private FiniteDifferences() {}

    /** Returns the slope of {@code f} at {@code x} from values at {@code x - 2h .. x + 2h}. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        UnivariateDifferentiableFunction df = DIFFERENTIATOR.differentiate(f::applyAsDouble);
        return df.value(new DerivativeStructure(1, 1, 0, x)).getPartialDerivative(1);
    }

    /** Returns the Jacobian {@code J[i][j] = d f_i / d x_j} of a vector function, one column per coordinate. */
    public static double[][] jacobian(UnaryOperator<double[]> f, double[] x) {
        int outputs = f.apply(x).length;
        double[][] jacobian = new double[outputs][x.length];
        for (int j = 0; j < x.length; j++) {
            int column = j;
            for (int i = 0; i < outputs; i++) {
                int row = i;
                jacobian[i][j] = derivative(t -> {
                    double[] moved = x.clone();
                    moved[column] = t;
                    return f.apply(moved)[row];
                }, x[j]);
            }
        }
        return jacobian;
    }

    /** Returns the largest {@code |a[i] - b[i]|}. */
    public static double maxDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays must have the same length, got " + a.length + " and " + b.length);
        }
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    /** Returns the largest {@code |a[i][j] - b[i][j]|} of two matrices of the same shape. */
    public static double maxDifference(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("matrices must have the same number of rows, got " + a.length
                    + " and " + b.length);
        }
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, maxDifference(a[i], b[i]));
        }
        return largest;
    }
}
