package workbook.charts;

import static workbook.exercises.Ex05Softmax.entropy;
import static workbook.exercises.Ex05Softmax.softmax;

import java.io.IOException;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 5, {@code fig05-softmax-temperature.png}: {@code softmax(z / T)} for the logits z = (2, 1, -1) as the
 * temperature T runs from 0.05 to 20 on a log axis (left): towards one-hot on the largest logit as T -> 0,
 * towards uniform as T grows. Right: the entropy in nats rises from 0 to its ceiling {@code ln 3}.
 */
public final class Fig05SoftmaxTemperature {
    static final String FILE = "fig05-softmax-temperature.png";
    static final double[] LOGITS = {2, 1, -1};
    static final double T_MIN = 0.05;
    static final double T_MAX = 20;
    private static final int POINTS = 401;

    private Fig05SoftmaxTemperature() {}

    /** One probability curve per logit, and the entropy, against the temperature. */
    record Dataset(XYSeriesCollection probabilities, XYSeriesCollection entropy) {}

    static Dataset createDataset() {
        XYSeriesCollection probabilities = new XYSeriesCollection();
        for (int i = 0; i < LOGITS.length; i++) {
            int index = i;
            String label = "p" + (i + 1) + " (logit " + (int) LOGITS[i] + ")";
            probabilities.addSeries(Sampling.sampleLog(label.replace('-', '−'),
                    t -> softmax(LOGITS, t)[index], T_MIN, T_MAX, POINTS));
        }
        XYSeriesCollection h = new XYSeriesCollection(
                Sampling.sampleLog("entropy H(T)", t -> entropy(softmax(LOGITS, t)), T_MIN, T_MAX, POINTS));
        return new Dataset(probabilities, h);
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart p = Charts.lineChart("(a) softmax(z / T), z = (2, 1, −1)", "temperature T (log scale)",
                "probability", data.probabilities());
        LogAxes.logDomainAxis(p.getXYPlot(), 10, "0.##");
        PlotNotes.referenceLine(p.getXYPlot(), 1.0 / 3, "1/3 (uniform)", true);
        JFreeChart h = Charts.lineChart("(b) Entropy of softmax(z / T)", "temperature T (log scale)",
                "entropy (nats)", data.entropy());
        LogAxes.logDomainAxis(h.getXYPlot(), 10, "0.##");
        PlotNotes.referenceLine(h.getXYPlot(), Math.log(LOGITS.length), "ln 3 (uniform)", false);
        // the entropy is no probability: the "other" style after the three of panel (a)
        h.getXYPlot().getRenderer().setSeriesPaint(0, SeriesStyle.otherColour(LOGITS.length));
        h.getXYPlot().getRenderer().setSeriesStroke(0, SeriesStyle.otherStroke(LOGITS.length));
        return List.of(p, h);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
