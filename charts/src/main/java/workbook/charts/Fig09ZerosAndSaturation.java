package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.exercises.Ex10Propagation.LayerStats;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;

/**
 * Figure 9, {@code fig09-zeros-and-saturation.png}: what the activations of a 50-layer net of width 128 do
 * layer by layer, from {@code Ex10Propagation.forwardStats}, for naive N(0, 1), Xavier and He weights.
 *
 * <p>(a) The share of ReLU outputs that are exactly 0. The three curves coincide: the three initializers
 * draw the same Gaussian numbers at different scales, and {@code relu(c z) = c relu(z)} for {@code c > 0}, so
 * the scale never changes which units are off. (b) The share of tanh outputs with {@code |a| > 0.95}, and
 * (c) the mean local slope {@code tanh'(z)}: N(0, 1) weights drive most units into the flat tails, where
 * almost no gradient passes.
 */
public final class Fig09ZerosAndSaturation {
    static final String FILE = "fig09-zeros-and-saturation.png";
    static final int DEPTH = 50;
    static final int WIDTH = 128;
    static final int BATCH = 64;

    private Fig09ZerosAndSaturation() {}

    /** Per panel, one curve per initializer (keys as in {@link Experiments#LAB_INITS}); x is the layer. */
    record Dataset(XYSeriesCollection reluZeros, XYSeriesCollection tanhSaturated, XYSeriesCollection tanhSlope) {}

    static Dataset createDataset() {
        Dataset data = new Dataset(new XYSeriesCollection(), new XYSeriesCollection(), new XYSeriesCollection());
        for (Experiments.NamedInit init : Experiments.LAB_INITS) {
            String key = init.name();
            List<LayerStats> relu = stats(Activations.RELU, init.init());
            List<LayerStats> tanh = stats(Activations.TANH, init.init());
            data.reluZeros().addSeries(curve(key, relu, LayerStats::zeroFraction));
            data.tanhSaturated().addSeries(curve(key, tanh, LayerStats::saturatedFraction));
            data.tanhSlope().addSeries(curve(key, tanh, LayerStats::meanLocalDerivative));
        }
        return data;
    }

    /** One network's statistics; every network sees the same batch and the same weight seed. */
    static List<LayerStats> stats(Activation act, Initializer init) {
        double[][] x0 = Matrices.gaussian(BATCH, WIDTH, 0, 1, Experiments.rng(9));
        return Ex10Propagation.forwardStats(x0, DEPTH, WIDTH, init, act,
                Experiments.rng(90));
    }

    private static XYSeries curve(String key, List<LayerStats> stats, ToDoubleFunction<LayerStats> value) {
        XYSeries series = new XYSeries(key, false, false);
        stats.forEach(s -> series.add(s.layer(), value.applyAsDouble(s)));
        return series;
    }

    static List<JFreeChart> createChart(Dataset data) {
        List<JFreeChart> charts = List.of(
                Charts.lineChart("(a) ReLU: share of zeros (same for all three)", "layer ℓ", "share of outputs = 0",
                        data.reluZeros()),
                Charts.lineChart("(b) tanh: share saturated", "layer ℓ", "share of outputs with |a| > 0.95",
                        data.tanhSaturated()),
                Charts.lineChart("(c) tanh: mean local slope", "layer ℓ", "mean of tanh′(z)", data.tanhSlope()));
        for (JFreeChart chart : charts) {
            chart.getXYPlot().getRangeAxis().setRange(0, 1);
        }
        XYPlot zeros = charts.get(0).getXYPlot();
        zeros.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // dashes on top: the coincidence shows
        zeros.addRangeMarker(new ValueMarker(0.5, Color.GRAY, new BasicStroke(1.5f)));
        zeros.addAnnotation(PlotNotes.note("grey line at 1/2: a symmetric z is negative half the time", 2, 0.3));
        return charts;
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), Charts.MAX_COLUMNS, createChart(createDataset()));
    }
}
