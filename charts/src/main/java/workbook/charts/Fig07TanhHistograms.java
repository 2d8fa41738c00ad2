package workbook.charts;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.data.statistics.HistogramDataset;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.PytorchDefault;

/**
 * Figure 7, {@code fig07-tanh-histograms.png}: Glorot and Bengio's picture. The same batch of N(0, 1)
 * inputs goes through five tanh layers of width 256, once with the "standard" initialization
 * U(-1/sqrt(n), 1/sqrt(n)) (left) and once with the normalized (Xavier) one, U(-b, b) with
 * {@code b = sqrt(6 / (fanIn + fanOut))} from {@code Ex09Initialization.xavierUniform} (right); each curve is
 * the density of one layer's activations.
 *
 * <p>The standard scale has {@code n Var(W) = 1/3}, so every layer shrinks its input: the histograms pile
 * up at 0 with depth. Xavier's {@code n Var(W) = 1} keeps the spread from layer to layer, and only tanh's
 * own slight contraction remains.
 */
public final class Fig07TanhHistograms {
    static final String FILE = "fig07-tanh-histograms.png";
    static final int LAYERS = 5;
    static final int WIDTH = 256;
    static final int BATCH = 400;
    static final int BINS = 50;

    private Fig07TanhHistograms() {}

    /** Each panel's per-layer densities on [-1, 1], and each layer's activation std (index layer - 1). */
    record Dataset(HistogramDataset standard, HistogramDataset normalized, double[] standardStd,
                   double[] normalizedStd) {}

    static Dataset createDataset() {
        double[][] x0 = Matrices.gaussian(BATCH, WIDTH, 0, 1, Experiments.rng(7));
        HistogramDataset standard = Histograms.densities();
        HistogramDataset normalized = Histograms.densities();
        double[] standardStd = layers(x0, PytorchDefault.WEIGHTS, Experiments.rng(70), standard);
        double[] normalizedStd = layers(x0, Ex09Initialization::xavierUniform, Experiments.rng(70), normalized);
        return new Dataset(standard, normalized, standardStd, normalizedStd);
    }

    /** Runs the tanh stack, adds one density series per layer to {@code out}, returns the layers' stds. */
    private static double[] layers(double[][] x0, Initializer init, RandomGenerator rng, HistogramDataset out) {
        double[] std = new double[LAYERS];
        double[][] x = x0;
        for (int layer = 1; layer <= LAYERS; layer++) {
            x = Matrices.apply(Matrices.multiply(x, init.init(x[0].length, WIDTH, rng)), Activations.TANH.f());
            std[layer - 1] = Math.sqrt(Matrices.variance(x));
            String key = "layer " + layer;
            out.addSeries(key, Histograms.flatten(x), BINS, -1, 1);
        }
        return std;
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart standard = Charts.lineChart("(a) Standard init U(−1/√n, 1/√n)", "tanh activation",
                "density", data.standard());
        JFreeChart normalized = Charts.lineChart("(b) Xavier init U(−b, b), b = √(6/(nᵢₙ + nₒᵤₜ))",
                "tanh activation", "density", data.normalized());
        for (JFreeChart chart : List.of(standard, normalized)) {
            OrderedColours.colourInOrder(chart.getXYPlot());
            chart.getXYPlot().getDomainAxis().setRange(-1, 1);
        }
        standard.getXYPlot().addAnnotation(stdNote(data.standardStd(), standard));
        normalized.getXYPlot().addAnnotation(stdNote(data.normalizedStd(), normalized));
        return List.of(standard, normalized);
    }

    /** "std by layer: 0.46, 0.25, ..." in the panel's top right corner. */
    private static org.jfree.chart.annotations.XYTextAnnotation stdNote(double[] std, JFreeChart chart) {
        StringBuilder text = new StringBuilder("std by layer:");
        for (int l = 0; l < std.length; l++) {
            text.append(l == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.2f", std[l]));
        }
        org.jfree.chart.annotations.XYTextAnnotation note = PlotNotes.note(text.toString(), 0.97, 0);
        note.setTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        double top = chart.getXYPlot().getDataRange(chart.getXYPlot().getRangeAxis()).getUpperBound();
        note.setY(top * 1.2);
        chart.getXYPlot().getRangeAxis().setUpperBound(top * 1.24); // room for the note above the curves
        return note;
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
