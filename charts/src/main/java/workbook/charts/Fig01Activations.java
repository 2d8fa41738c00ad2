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
 * Figure 1, {@code fig01-activations.png}: the activation functions of the workbook in four panels, so that
 * every curve can be seen: (a) the smooth classics sigmoid, tanh and softplus; (b) the ReLU family, with ReLU
 * drawn last, on top of LeakyReLU, ELU and SELU, which coincide with it (SELU: 1.05 times it) for x &gt; 0;
 * (c) the modern smooth units GELU, SiLU, Mish and hardswish; (d) the same four magnified around their dips
 * below zero, which (c)'s scale would flatten.
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
    /** Panel (d)'s window: every dip's minimum (hardswish's −0.375 the deepest) and where it recovers. */
    static final double ZOOM_X_MIN = -4, ZOOM_X_MAX = 1, ZOOM_Y_MIN = -0.45, ZOOM_Y_MAX = 0.35;
    private static final int POINTS = 801;

    private Fig01Activations() {}

    /** The panels' curves on [−4, 4]; panel (d) shows {@code smooth} again, magnified. */
    record Dataset(XYSeriesCollection classic, XYSeriesCollection reluFamily, XYSeriesCollection smooth) {}

    static Dataset createDataset() {
        XYSeriesCollection classic = new XYSeriesCollection();
        classic.addSeries(Sampling.sample("sigmoid", Ex01Sigmoid::sigmoid, FROM, TO, POINTS));
        classic.addSeries(Sampling.sample("tanh", Ex02Tanh::tanh, FROM, TO, POINTS));
        classic.addSeries(Sampling.sample("softplus", Ex01Sigmoid::softplus, FROM, TO, POINTS));
        XYSeriesCollection reluFamily = new XYSeriesCollection();
        reluFamily.addSeries(Sampling.sample("LeakyReLU (0.1)", x -> Ex03ReluFamily.leakyRelu(x, LEAKY_SLOPE),
                FROM, TO, POINTS));
        reluFamily.addSeries(Sampling.sample("ELU (α = 1)", x -> Ex03ReluFamily.elu(x, 1), FROM, TO, POINTS));
        reluFamily.addSeries(Sampling.sample("SELU", Ex03ReluFamily::selu, FROM, TO, POINTS));
        reluFamily.addSeries(Sampling.sample("ReLU", Ex03ReluFamily::relu, FROM, TO, POINTS)); // last: on top
        XYSeriesCollection smooth = new XYSeriesCollection();
        smooth.addSeries(Sampling.sample("GELU", Ex07SmoothActivations::gelu, FROM, TO, POINTS));
        smooth.addSeries(Sampling.sample("SiLU (swish, β = 1)", Ex07SmoothActivations::silu, FROM, TO, POINTS));
        smooth.addSeries(Sampling.sample("Mish", Ex07SmoothActivations::mish, FROM, TO, POINTS));
        smooth.addSeries(Sampling.sample("hardswish", Ex03ReluFamily::hardswish, FROM, TO, POINTS));
        return new Dataset(classic, reluFamily, smooth);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart zoom = Charts.lineChart("(d) Their dips below 0, magnified", "input x", "activation f(x)",
                data.smooth());
        zoom.getXYPlot().getDomainAxis().setRange(ZOOM_X_MIN, ZOOM_X_MAX);
        zoom.getXYPlot().getRangeAxis().setRange(ZOOM_Y_MIN, ZOOM_Y_MAX);
        return List.of(
                Charts.lineChart("(a) Sigmoid, tanh, softplus", "input x", "activation f(x)", data.classic()),
                Charts.lineChart("(b) The ReLU family (ReLU on top)", "input x", "activation f(x)",
                        data.reluFamily()),
                Charts.lineChart("(c) Modern smooth units", "input x", "activation f(x)", data.smooth()),
                zoom);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
