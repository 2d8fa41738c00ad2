package workbook.charts;

import java.util.function.DoubleUnaryOperator;
import org.jfree.data.xy.XYSeries;

/**
 * Curves sampled from a function, for line charts: evenly or geometrically spaced, and never with a silent gap (a
 * NaN or an infinity stops the figure with a {@link NonFiniteValue} that names the curve and the input).
 */
public final class Sampling {
    private Sampling() {}

    /** {@code y}, or a {@link NonFiniteValue} naming the curve and the input when it is NaN or infinite. */
    public static double finite(String curve, double x, double y) {
        if (!Double.isFinite(y)) {
            throw new NonFiniteValue(curve, x, y);
        }
        return y;
    }

    /**
     * Samples {@code f} at {@code n} equally spaced points from {@code from} to {@code to}, ends included. Where
     * {@code f} jumps between two samples (ReLU's slope at 0, SELU's), the curve breaks there instead of drawing a
     * vertical stroke that no value of {@code f} lies on: the jump is found by bisection, and the series gets the
     * two one-sided values beside it with a gap (a NaN) between them.
     */
    public static XYSeries sample(String key, DoubleUnaryOperator f, double from, double to, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
            y[i] = finite(key, x[i], f.applyAsDouble(x[i]));
        }
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < n; i++) {
            if (i > 0 && mayJump(y, i)) {
                breakAtJump(series, f, x[i - 1], y[i - 1], x[i], y[i]);
            }
            series.add(x[i], y[i]);
        }
        return series;
    }

    /**
     * Whether the step from sample {@code i - 1} to {@code i} stands out from its neighbours' (4 times the larger
     * of them, or any step between flat neighbours): only such steps are bisected, so a smooth curve costs one
     * evaluation a point, not sixty.
     */
    private static boolean mayJump(double[] y, int i) {
        double step = Math.abs(y[i] - y[i - 1]);
        double before = i > 1 ? Math.abs(y[i - 1] - y[i - 2]) : 0;
        double after = i + 1 < y.length ? Math.abs(y[i + 1] - y[i]) : 0;
        return step > 1e-9 * Math.max(1, Math.max(Math.abs(y[i]), Math.abs(y[i - 1])))
                && step > 4 * Math.max(before, after);
    }

    /**
     * If {@code f} jumps between {@code a} and {@code b}, adds the points just left and right of the jump with a NaN
     * between them. A jump is a gap between the values that does not shrink when the interval does: after 60
     * halvings (an interval of 2^-60 of the first one, far below a double's resolution of the inputs) a continuous
     * function's values agree to rounding, a jump's still differ by at least half the first gap.
     */
    private static void breakAtJump(XYSeries series, DoubleUnaryOperator f, double a, double fa, double b, double fb) {
        double gap = Math.abs(fb - fa);
        double left = a;
        double right = b;
        double fLeft = fa;
        double fRight = fb;
        for (int k = 0; k < 60 && right - left > Math.ulp(right) * 2; k++) {
            double mid = left + (right - left) / 2;
            double fMid = f.applyAsDouble(mid);
            if (Math.abs(fMid - fLeft) >= Math.abs(fRight - fMid)) {
                right = mid;
                fRight = fMid;
            } else {
                left = mid;
                fLeft = fMid;
            }
        }
        if (Math.abs(fRight - fLeft) >= gap / 2 && Double.isFinite(fLeft) && Double.isFinite(fRight)) {
            series.add(left, fLeft);
            series.add(left + (right - left) / 2, Double.NaN);
            series.add(right, fRight);
        }
    }

    /** Like {@link #sample} but with geometric spacing, for a log x axis ({@code 0 < from < to}). */
    public static XYSeries sampleLog(String key, DoubleUnaryOperator f, double from, double to, int n) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < n; i++) {
            double x = from * Math.pow(to / from, (double) i / (n - 1));
            series.add(x, finite(key, x, f.applyAsDouble(x)));
        }
        return series;
    }
}
