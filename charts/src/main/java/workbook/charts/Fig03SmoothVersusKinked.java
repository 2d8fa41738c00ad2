package workbook.charts;

import java.io.IOException;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex07SmoothActivations;

/**
 * Figure 3, {@code fig03-smooth-vs-kinked.png}: softplus against ReLU (left: the smooth version lies above
 * by at most {@code log 2}, at 0), and exact GELU {@code x Phi(x)} against its tanh approximation (right: the
 * two curves cover each other), with the approximation's error below them (note its scale).
 */
public final class Fig03SmoothVersusKinked {
    static final String FILE = "fig03-smooth-vs-kinked.png";
    static final double FROM = -6;
    static final double TO = 6;
    private static final int POINTS = 1201;

    private Fig03SmoothVersusKinked() {}

    /** The three panels' curves, all on [-6, 6]. */
    record Dataset(XYSeriesCollection softplus, XYSeriesCollection gelu, XYSeriesCollection error) {}

    static Dataset createDataset() {
        XYSeriesCollection soft = new XYSeriesCollection();
        soft.addSeries(Sampling.sample("softplus", Ex01Sigmoid::softplus, FROM, TO, POINTS));
        soft.addSeries(Sampling.sample("ReLU", Ex03ReluFamily::relu, FROM, TO, POINTS));
        soft.addSeries(Sampling.sample("gap: softplus − ReLU", x -> Ex01Sigmoid.softplus(x) - Ex03ReluFamily.relu(x),
                FROM, TO, POINTS));
        XYSeriesCollection gelus = new XYSeriesCollection();
        gelus.addSeries(Sampling.sample("GELU, exact x Φ(x)", Ex07SmoothActivations::gelu, FROM, TO, POINTS));
        gelus.addSeries(Sampling.sample("GELU, tanh approximation", Ex07SmoothActivations::geluTanh, FROM, TO, POINTS));
        XYSeriesCollection error = new XYSeriesCollection();
        error.addSeries(Sampling.sample("error: tanh form − exact",
                x -> Ex07SmoothActivations.geluTanh(x) - Ex07SmoothActivations.gelu(x), FROM, TO, POINTS));
        return new Dataset(soft, gelus, error);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart soft = Charts.lineChart("(a) Softplus, a smooth ReLU", "input x", "f(x)", data.softplus());
        PlotNotes.referenceLine(soft.getXYPlot(), Math.log(2), "log 2", true);
        JFreeChart gelu = Charts.lineChart("", "input x", "f(x)", data.gelu());
        JFreeChart error = Charts.lineChart("", "input x", "error (× 10⁻⁴)", data.error());
        // the error is small: ticks in units of 10^-4, as the caption states it, not 0.0004
        ((org.jfree.chart.axis.NumberAxis) error.getXYPlot().getRangeAxis()).setNumberFormatOverride(
                new java.text.DecimalFormat("0.#") {
                    @Override
                    public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition at) {
                        return super.format(number * 1e4, to, at);
                    }
                });
        // the error is another quantity than panel (a)'s gap, which has the first "other" style: the second one
        error.getXYPlot().getRenderer().setSeriesPaint(0, SeriesStyle.otherColour(1));
        error.getXYPlot().getRenderer().setSeriesStroke(0, SeriesStyle.otherStroke(1));
        return List.of(soft, Charts.stacked("(b) GELU: exact and tanh form", "input x", new int[] {2, 1}, gelu, error));
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
