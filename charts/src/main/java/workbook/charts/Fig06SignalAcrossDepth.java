package workbook.charts;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;

/**
 * Figure 6, {@code fig06-signal-across-depth.png}: the std of the activations in each of 50 layers of width 256
 * ({@code X_l = act(X_(l-1) W_l)} on 32 standard normal inputs, Ex10) for naive N(0, 1), Xavier and He weights
 * (Ex09), with ReLU (left) and tanh (right), on a log scale.
 */
public final class Fig06SignalAcrossDepth {
    static final String FILE = "fig06-signal-across-depth.png";
    static final int DEPTH = 50;
    static final int WIDTH = 256;
    static final int BATCH = 32;
    static final long SEED = 42;

    private Fig06SignalAcrossDepth() {}

    /** Per activation, one std-per-layer series for each of {@link Experiments#LAB_INITS}. */
    record Dataset(XYSeriesCollection relu, XYSeriesCollection tanh) {}

    static Dataset createDataset() {
        return new Dataset(run(Activations.RELU), run(Activations.TANH));
    }

    private static XYSeriesCollection run(Activation act) {
        XYSeriesCollection result = new XYSeriesCollection();
        for (Experiments.NamedInit scheme : Experiments.LAB_INITS) {
            // the same inputs and the same weight noise for every scheme: only the scale of the weights differs
            RandomGenerator inputs = rng(SEED);
            double[][] x0 = new double[BATCH][WIDTH];
            Arrays.stream(x0).forEach(row -> Arrays.setAll(row, j -> inputs.nextGaussian()));
            XYSeries series = new XYSeries(scheme.name());
            Ex10Propagation.forwardStats(x0, DEPTH, WIDTH, scheme.init(), act, rng(SEED + 1))
                    .forEach(layer -> series.add(layer.layer(), layer.std()));
            result.addSeries(series);
        }
        return result;
    }

    private static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart relu = Charts.lineChart("(a) ReLU", "layer", "std of activations (log scale)", data.relu());
        JFreeChart tanh = Charts.lineChart("(b) tanh", "layer", "std of activations (log scale)", data.tanh());
        LogAxes.wholePowers(LogAxes.logRangeAxis(relu.getXYPlot()), 10); // 60 decades
        LogAxes.logRangeAxis(tanh.getXYPlot(), 2, "0.###"); // less than a decade: halvings read better
        return List.of(relu, tanh);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
