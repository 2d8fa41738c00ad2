package workbook.charts;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;

/**
 * Figure 10, {@code fig10-variance-check.png}: Monte Carlo against the variance rules. One layer of fan-out
 * 128 and fan-in n from 8 to 1024 gets a batch of 256 rows; the markers are the measured variance over all
 * its entries, averaged over 8 independent layers, with bars of two standard errors; the lines are the prediction {@code Var(z) = n Var(W) E[a^2]} for an input a.
 *
 * <p>(a) Input N(0, 1), Xavier weights from {@code Ex09Initialization}: the prediction is
 * {@code 2n / (n + 128)}, exactly 1 only at {@code n = fanOut}; tanh's output follows it while z is small and
 * stays below it once tanh bends. (b) Input {@code a = relu(h)} with h from N(0, 1), so {@code E[a^2] = 1/2}: He
 * weights give {@code Var(z) = 1 = Var(h)} at every fan-in (Kaiming's claim: ReLU layers keep the scale), Xavier
 * weights give {@code n / (n + 128)}, about half of it.
 */
public final class Fig10VarianceCheck {
    static final String FILE = "fig10-variance-check.png";
    static final int FAN_OUT = 128;
    static final int BATCH = 256;
    static final int[] FAN_INS = {8, 16, 32, 64, 128, 256, 512, 1024};
    /** Independent layers per fan-in: enough for a standard error of the mean to mean something. */
    static final int REPEATS = 8;

    private Fig10VarianceCheck() {}

    /** Per panel, the predicted lines and the measured markers; x is the fan-in n. */
    record Dataset(XYSeriesCollection xavierPredicted, YIntervalSeriesCollection xavierMeasured,
                   XYSeriesCollection reluPredicted, YIntervalSeriesCollection reluMeasured) {}

    static Dataset createDataset() {
        Dataset data = new Dataset(new XYSeriesCollection(), new YIntervalSeriesCollection(), new XYSeriesCollection(),
                new YIntervalSeriesCollection());
        // one name per meaning: "Xavier prediction" is Xavier's rule in each panel's setting (the formula is written
        // on its curve), "Xavier normal" the same weights measured in both panels
        data.xavierPredicted().addSeries(prediction("Xavier prediction", n -> 2 * n / (n + FAN_OUT)));
        data.xavierMeasured().addSeries(measured("Xavier normal", false, Ex09Initialization::xavierNormal, x -> x));
        data.xavierMeasured().addSeries(measured("Xavier uniform", false, Ex09Initialization::xavierUniform, x -> x));
        data.xavierMeasured().addSeries(measured("tanh(z), Xavier normal", false, Ex09Initialization::xavierNormal,
                Activations.TANH.f()));
        data.reluPredicted().addSeries(prediction("He prediction", n -> 1));
        data.reluPredicted().addSeries(prediction("Xavier prediction", n -> n / (n + FAN_OUT)));
        data.reluMeasured().addSeries(measured("He normal", true, Ex09Initialization::heNormal, x -> x));
        data.reluMeasured().addSeries(measured("He uniform", true, Ex09Initialization::heUniform, x -> x));
        data.reluMeasured().addSeries(measured("Xavier normal", true, Ex09Initialization::xavierNormal, x -> x));
        return data;
    }

    /**
     * Where a measurement's markers sit, as a factor of the fan-in: uniform weights a little right of their normal
     * twin, so that markers and error bars at the same n do not cover each other (the axis is logarithmic: the same
     * small step at every n).
     */
    static double dodge(String key) {
        return key.contains("uniform") ? 1.08 : 1;
    }

    /** A smooth prediction curve over the fan-in range, evenly spaced in log n. */
    private static XYSeries prediction(String key, DoubleUnaryOperator variance) {
        double first = FAN_INS[0];
        double ratio = FAN_INS[FAN_INS.length - 1] / first;
        XYSeries series = new XYSeries(key, false, false);
        for (int i = 0; i <= 100; i++) {
            double n = first * Math.pow(ratio, i / 100.0); // exact at both ends
            series.add(n, variance.applyAsDouble(n));
        }
        return series;
    }

    /**
     * The measured variance of {@code out(a W)} at every fan-in, where a is N(0, 1) or, if {@code reluInput},
     * relu of N(0, 1): the mean of {@link #REPEATS} independent layers (each with its own seeded batch and
     * weights), with a band of two standard errors of that mean ({@code 2 s / sqrt(REPEATS)}, s the repeats' std).
     */
    static YIntervalSeries measured(String key, boolean reluInput, Initializer init, DoubleUnaryOperator out) {
        YIntervalSeries series = new YIntervalSeries(key, false, false);
        for (int n : FAN_INS) {
            SummaryStatistics repeats = new SummaryStatistics();
            for (int r = 0; r < REPEATS; r++) {
                RandomGenerator rng = Experiments.rng(100 + n + 10_000L * r);
                double[][] a = Matrices.gaussian(BATCH, n, 0, 1, rng);
                if (reluInput) {
                    a = Matrices.apply(a, Activations.RELU.f());
                }
                double[][] z = Matrices.multiply(a, init.init(n, FAN_OUT, rng));
                repeats.addValue(Matrices.variance(Matrices.apply(z, out)));
            }
            double mean = repeats.getMean();
            double halfWidth = 2 * repeats.getStandardDeviation() / Math.sqrt(REPEATS);
            series.add(n * dodge(key), mean, mean - halfWidth, mean + halfWidth);
        }
        return series;
    }

    static List<JFreeChart> createChart(Dataset data) {
        JFreeChart xavier = Charts.lineChart("(a) Input N(0, 1): Xavier rule", "fan-in n (fan-out 128)",
                "variance of the layer's output", data.xavierPredicted());
        JFreeChart relu = Charts.lineChart("(b) Input relu(h): He (Kaiming) rule", "fan-in n (fan-out 128)",
                "Var(z), z = relu(h) W", data.reluPredicted());
        // a measurement wears its initializer's (or tanh's) colour; the shape tells normal from uniform weights
        ErrorBars.addErrorBars(xavier.getXYPlot(), data.xavierMeasured());
        ErrorBars.addErrorBars(relu.getXYPlot(), data.reluMeasured());
        for (JFreeChart chart : List.of(xavier, relu)) {
            XYPlot plot = chart.getXYPlot();
            LogAxes.wholePowers(LogAxes.logDomainAxis(plot, 2));
            plot.getRangeAxis().setLowerBound(0);
        }
        formula(xavier.getXYPlot(), "2n / (n + 128)", 90, 2.0 * 90 / (90 + FAN_OUT));
        formula(relu.getXYPlot(), "n / (n + 128)", 90, 90.0 / (90 + FAN_OUT));
        formula(relu.getXYPlot(), "1", 90, 1);
        return List.of(xavier, relu);
    }

    /** The formula of a prediction, written just above its curve at fan-in {@code n}. */
    private static void formula(XYPlot plot, String text, double n, double y) {
        org.jfree.chart.annotations.XYTextAnnotation label = new org.jfree.chart.annotations.XYTextAnnotation(text, n,
                y);
        label.setFont(Charts.font(Charts.TEXT_SIZE));
        label.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        label.setBackgroundPaint(new java.awt.Color(255, 255, 255, 200));
        plot.addAnnotation(label);
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
