package workbook.charts;

import java.io.IOException;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.Scheme;

/**
 * Figure 8, {@code fig08-gradient-norms.png}: the weight-gradient norm {@code ||dL/dW_l||} of every layer, from
 * {@code Ex10Propagation.gradientNorms} (loss: the mean of the last layer's outputs), log scale.
 *
 * <p>(a) and (b): a 50-layer net of width 128 for naive N(0, 1), Xavier and He weights, with ReLU and with
 * tanh. (c): the lecture's exercise 2, a 10-layer net with sigmoid, ReLU and GELU, all with He weights so that
 * only the activation differs. Every curve sees the same batch of 32 N(0, 1) inputs and the same weight seed.
 */
public final class Fig08GradientNorms {
    static final String FILE = "fig08-gradient-norms.png";
    /** What a legend entry adds to say where its line is drawn. */
    static final String IN_A_B = " in (a), (b)";
    static final String IN_C = " in (c)";
    static final int DEPTH = 50;
    static final int SHALLOW_DEPTH = 10;
    static final int WIDTH = 128;
    static final int BATCH = 32;

    private Fig08GradientNorms() {}

    /** The three panels' curves: x is the layer number l, y is {@code ||dL/dW_l||}. */
    record Dataset(XYSeriesCollection relu, XYSeriesCollection tanh, XYSeriesCollection shallow) {}

    static Dataset createDataset() {
        XYSeriesCollection relu = new XYSeriesCollection();
        XYSeriesCollection tanh = new XYSeriesCollection();
        for (Experiments.NamedInit init : Experiments.LAB_INITS) {
            // the shared legend says which panels a line belongs to: initializers in (a) and (b), activations in (c)
            relu.addSeries(norms(init.name() + IN_A_B, DEPTH, init.init(), Activations.RELU));
            tanh.addSeries(norms(init.name() + IN_A_B, DEPTH, init.init(), Activations.TANH));
        }
        XYSeriesCollection shallow = new XYSeriesCollection();
        for (Activation act : List.of(Activations.SIGMOID, Activations.RELU, Activations.GELU)) {
            shallow.addSeries(norms(act.name() + IN_C, SHALLOW_DEPTH, Scheme.HE, act));
        }
        return new Dataset(relu, tanh, shallow);
    }

    /** The gradient norms of one network, layer by layer; the batch and the weight seed are shared by all. */
    static XYSeries norms(String key, int depth, Initializer init, Activation act) {
        double[][] x0 = Matrices.gaussian(BATCH, WIDTH, 0, 1, Experiments.rng(8));
        double[] norms = Ex10Propagation.gradientNorms(x0, depth, WIDTH, init, act, Experiments.rng(80));
        XYSeries series = new XYSeries(key, false, false);
        for (int l = 1; l <= depth; l++) {
            series.add(l, norms[l - 1]);
        }
        return series;
    }

    static List<JFreeChart> createChart(Dataset data) {
        String y = "gradient norm ‖∂L/∂Wₗ‖";
        List<JFreeChart> charts = List.of(
                Charts.lineChart("(a) ReLU, 50 layers", "layer ℓ", y, data.relu()),
                Charts.lineChart("(b) tanh, 50 layers", "layer ℓ", y, data.tanh()),
                Charts.lineChart("(c) 10 layers, He init", "layer ℓ", y, data.shallow()));
        charts.forEach(chart -> LogAxes.wholePowers(LogAxes.logRangeAxis(chart.getXYPlot())));
        LogAxes.wholePowers((LogAxis) charts.get(0).getXYPlot().getRangeAxis(), 10); // 50 decades
        LogAxes.wholePowers((LogAxis) charts.get(1).getXYPlot().getRangeAxis(), 5); // 20 decades
        return charts;
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), Charts.MAX_COLUMNS, createChart(createDataset()));
    }
}
