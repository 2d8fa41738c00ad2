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
 * Figure 2, {@code fig02-derivatives.png}: the derivatives of the activations (left), and the saturation of
 * sigma' and tanh' on a log scale (right), where exponential decay shows as a straight line: sigma' falls
 * like {@code exp(-|x|)}, tanh' twice as fast, like {@code 4 exp(-2|x|)}.
 */
public final class Fig02Derivatives {
    static final String FILE = "fig02-derivatives.png";
    static final double FROM = -4;
    static final double TO = 4;
    static final double TAIL = 15;
    private static final int POINTS = 801;

    private Fig02Derivatives() {}

    /** The derivative curves on [-4, 4], and sigma', tanh' on [-15, 15] for the log panel. */
    record Dataset(XYSeriesCollection derivatives, XYSeriesCollection saturation) {}

    static Dataset createDataset() {
        XYSeriesCollection derivatives = new XYSeriesCollection();
        derivatives.addSeries(Sampling.sample("σ′", Ex01Sigmoid::sigmoidDerivative, FROM, TO, POINTS));
        derivatives.addSeries(Sampling.sample("tanh′", Ex02Tanh::tanhDerivative, FROM, TO, POINTS));
        // ELU' equals ReLU' (1) for x > 0: ELU' first, so that ReLU' is drawn over it there (later series on top)
        // and both show, ELU' where it differs (x < 0)
        derivatives.addSeries(Sampling.sample("ELU′ (α = 1)", x -> Ex03ReluFamily.eluDerivative(x, 1),
                FROM, TO, POINTS));
        derivatives.addSeries(Sampling.sample("ReLU′", Ex03ReluFamily::reluDerivative, FROM, TO, POINTS));
        derivatives.addSeries(Sampling.sample("GELU′", Ex07SmoothActivations::geluDerivative, FROM, TO, POINTS));
        derivatives.addSeries(Sampling.sample("SiLU′", x -> Ex07SmoothActivations.swishDerivative(x, 1),
                FROM, TO, POINTS));
        derivatives.addSeries(Sampling.sample("Mish′", Ex07SmoothActivations::mishDerivative, FROM, TO, POINTS));
        XYSeriesCollection saturation = new XYSeriesCollection();
        saturation.addSeries(Sampling.sample("σ′", Ex01Sigmoid::sigmoidDerivative, -TAIL, TAIL, POINTS));
        saturation.addSeries(Sampling.sample("tanh′", Ex02Tanh::tanhDerivative, -TAIL, TAIL, POINTS));
        return new Dataset(derivatives, saturation);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart saturation = Charts.lineChart("(b) Saturation: σ′ and tanh′ on a log scale", "input x",
                "derivative f′(x), log scale", data.saturation());
        LogAxes.logRangeAxis(saturation.getXYPlot());
        return List.of(Charts.lineChart("(a) Derivatives", "input x", "derivative f′(x)", data.derivatives()),
                saturation);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
