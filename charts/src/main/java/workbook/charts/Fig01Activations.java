package workbook.charts;

import java.io.IOException;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex02Tanh;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;

/**
 * Figure 1, {@code fig01-activations.png}: the activation functions of the workbook, classic ones in the
 * left panel and modern ones in the right, on the same input range.
 *
 * <p>Every curve comes from the exercise code on the class path: the reference solutions, or your own
 * with {@code -Plearner}. LeakyReLU is drawn with slope 0.1 instead of the default 0.01, so that its
 * negative side can be told apart from ReLU's.
 */
public final class Fig01Activations {
    static final String FILE = "fig01-activations.png";
    static final double FROM = -4;
    static final double TO = 4;
    static final double LEAKY_SLOPE = 0.1;
    private static final int POINTS = 801;

    private Fig01Activations() {}

    /** Both panels' curves on [-4, 4]: classic then modern. */
    record Dataset(XYSeriesCollection classic, XYSeriesCollection modern) {}

    static Dataset createDataset() {
        XYSeriesCollection classic = new XYSeriesCollection();
        classic.addSeries(Charts.sample("sigmoid", Ex01Sigmoid::sigmoid, FROM, TO, POINTS));
        classic.addSeries(Charts.sample("tanh", Ex02Tanh::tanh, FROM, TO, POINTS));
        classic.addSeries(Charts.sample("ReLU", Ex03ReluFamily::relu, FROM, TO, POINTS));
        classic.addSeries(Charts.sample("LeakyReLU (0.1)", x -> Ex03ReluFamily.leakyRelu(x, LEAKY_SLOPE),
                FROM, TO, POINTS));
        classic.addSeries(Charts.sample("ELU (α = 1)", x -> Ex03ReluFamily.elu(x, 1), FROM, TO, POINTS));
        classic.addSeries(Charts.sample("softplus", Ex01Sigmoid::softplus, FROM, TO, POINTS));
        XYSeriesCollection modern = new XYSeriesCollection();
        modern.addSeries(Charts.sample("GELU", Ex07SmoothActivations::gelu, FROM, TO, POINTS));
        modern.addSeries(Charts.sample("SiLU (swish, β = 1)", Ex07SmoothActivations::silu, FROM, TO, POINTS));
        modern.addSeries(Charts.sample("Mish", Ex07SmoothActivations::mish, FROM, TO, POINTS));
        modern.addSeries(Charts.sample("SELU", Ex03ReluFamily::selu, FROM, TO, POINTS));
        modern.addSeries(Charts.sample("hardswish", Ex03ReluFamily::hardswish, FROM, TO, POINTS));
        return new Dataset(classic, modern);
    }

    static List<JFreeChart> createChart(Dataset data) {
        return List.of(
                Charts.lineChart("(a) Classic activations", "input x", "activation f(x)", data.classic()),
                Charts.lineChart("(b) Modern activations", "input x", "activation f(x)", data.modern()));
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
