package workbook.charts;

import static workbook.exercises.Ex04AffineCollapse.minimaxLineForSquare;
import static workbook.exercises.Ex04AffineCollapse.reluApproximationOfSquare;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex04AffineCollapse.ReluNet;

/**
 * Figure 4, {@code fig04-relu-approximation.png}: one-hidden-layer ReLU nets approximating {@code x^2} on
 * [0, 1] beside the best straight line (left), and their errors (right). The 2- and 4-unit nets are the ones
 * {@code reluApproximationOfSquare} builds for the tolerances {@code 1/(8 k^2)}: the smallest error a k-piece
 * polyline with equal pieces can reach. With equal pieces one unit is only a line, so the single unit drawn is
 * the best one instead: its kink at 1/3 misses by 1/18 (theory write-up 3), still above a target tolerance
 * of 0.04, which needs 2 units.
 */
public final class Fig04ReluApproximation {
    static final String FILE = "fig04-relu-approximation.png";
    static final int[] UNITS = {2, 4};
    /** The best one-unit net: constant 1/18 up to the kink at 1/3, then slope 4/3; error 1/18 at 0, 1/3, 2/3, 1. */
    static final ReluNet BEST_SINGLE_UNIT = new ReluNet(new double[] {1}, new double[] {-1.0 / 3},
            new double[] {4.0 / 3}, 1.0 / 18);
    static final double TARGET = 0.04;
    private static final int POINTS = 1001;

    private Fig04ReluApproximation() {}

    /** The curves (x^2, the best line, the nets) and their errors against x^2, in the same order. */
    record Dataset(XYSeriesCollection curves, XYSeriesCollection errors) {}

    static Dataset createDataset() {
        XYSeriesCollection curves = new XYSeriesCollection();
        XYSeriesCollection errors = new XYSeriesCollection();
        curves.addSeries(Sampling.sample("x²", x -> x * x, 0, 1, POINTS));
        add(curves, errors, "best line", minimaxLineForSquare()::evaluate);
        add(curves, errors, "net with 1 ReLU unit (kink at 1/3)", BEST_SINGLE_UNIT::evaluate);
        for (int k : UNITS) {
            ReluNet net = reluApproximationOfSquare(1.0 / (8 * k * k));
            add(curves, errors, "net with " + net.hiddenUnits() + " ReLU unit" + (net.hiddenUnits() > 1 ? "s" : ""),
                    net::evaluate);
        }
        return new Dataset(curves, errors);
    }

    /** Adds a curve and its error, each labelled with the worst error on the sampling grid. */
    private static void add(XYSeriesCollection curves, XYSeriesCollection errors, String name, DoubleUnaryOperator f) {
        var error = Sampling.sample(name, x -> f.applyAsDouble(x) - x * x, 0, 1, POINTS);
        String label = String.format(java.util.Locale.ROOT, "%s (max error %.4f)", name,
                Math.max(error.getMaxY(), -error.getMinY()));
        error.setKey(label);
        curves.addSeries(Sampling.sample(label, f, 0, 1, POINTS));
        errors.addSeries(error);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart curves = Charts.lineChart("(a) Approximating x² on [0, 1]", "input x", "f(x)", data.curves());
        JFreeChart errors = Charts.lineChart("(b) Error f(x) − x²", "input x", "error", data.errors());
        // one label, under the middle of the lower line, where no curve runs (the curves cross both ends)
        PlotNotes.referenceLine(errors.getXYPlot(), TARGET, "", true);
        PlotNotes.referenceLine(errors.getXYPlot(), -TARGET, "±0.04: the target", false, true);
        Charts.copySeriesStyles(curves.getXYPlot(), errors.getXYPlot()); // a net looks the same in both panels
        return List.of(curves, errors);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
