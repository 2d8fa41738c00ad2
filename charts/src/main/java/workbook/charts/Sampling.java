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

    /** Samples {@code f} at {@code n} equally spaced points from {@code from} to {@code to}, ends included. */
    public static XYSeries sample(String key, DoubleUnaryOperator f, double from, double to, int n) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < n; i++) {
            double x = from + (to - from) * i / (n - 1);
            series.add(x, finite(key, x, f.applyAsDouble(x)));
        }
        return series;
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
