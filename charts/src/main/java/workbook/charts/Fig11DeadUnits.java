package workbook.charts;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.data.statistics.HistogramDataset;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Matrices;

/**
 * Figure 11, {@code fig11-dead-units.png}: how often each unit of a ReLU layer fires over a batch of 1000
 * inputs ({@code Ex10Propagation.activeFraction}), as a histogram over the layer's 256 units; a unit that
 * fires on fewer than 1 % of the inputs is dead ({@code Ex10Propagation.deadUnits}), the first bar.
 *
 * <p>(a) The lab's two layers: pre-activations N(0, 1) (every unit fires about half the time) against a
 * negatively biased N(-3, 0.5) (z > 0 is a 6-sigma event: every unit is dead). (b) A layer whose units carry
 * their own bias {@code b_j} from N(-2, 1), pre-activations N(b_j, 1): death is a per-unit fate, and a
 * unit dies when {@code Phi(b_j) < 0.01}, that is {@code b_j < -2.33}: about a third of them.
 */
public final class Fig11DeadUnits {
    static final String FILE = "fig11-dead-units.png";
    static final int BATCH = 1000;
    static final int UNITS = 256;
    static final double MIN_ACTIVE = 0.01;
    static final int BINS = 100;

    private Fig11DeadUnits() {}

    /** One layer: its name, the units' active fractions and dead flags. */
    record Layer(String name, double[][] preactivations, double[] active, boolean[] dead) {
        int deadCount() {
            int count = 0;
            for (boolean d : dead) {
                count += d ? 1 : 0;
            }
            return count;
        }
    }

    /** The three layers and the two panels' histograms (x: active fraction, y: number of units). */
    record Dataset(List<Layer> layers, HistogramDataset lab, HistogramDataset spread) {}

    static Dataset createDataset() {
        RandomGenerator rng = Experiments.rng(11);
        double[][] healthy = Matrices.gaussian(BATCH, UNITS, 0, 1, rng);
        double[][] biased = Matrices.gaussian(BATCH, UNITS, -3, 0.5, rng);
        double[][] spread = Matrices.gaussian(BATCH, UNITS, 0, 1, rng);
        double[] bias = Matrices.gaussian(1, UNITS, -2, 1, rng)[0];
        for (double[] row : spread) {
            for (int j = 0; j < UNITS; j++) {
                row[j] += bias[j];
            }
        }
        List<Layer> layers = List.of(layer("healthy, z ~ N(0, 1)", healthy), layer("biased, z ~ N(−3, 0.5²)", biased),
                layer("per-unit bias, z ~ N(bⱼ, 1), bⱼ ~ N(−2, 1)", spread));
        HistogramDataset lab = Histograms.counts();
        addHistogram(lab, layers.get(0));
        addHistogram(lab, layers.get(1));
        HistogramDataset spreadHistogram = Histograms.counts();
        addHistogram(spreadHistogram, layers.get(2));
        return new Dataset(layers, lab, spreadHistogram);
    }

    private static Layer layer(String name, double[][] z) {
        return new Layer(name, z, Ex10Propagation.activeFraction(z), Ex10Propagation.deadUnits(z, MIN_ACTIVE));
    }

    private static void addHistogram(HistogramDataset out, Layer layer) {
        String key = String.format(Locale.ROOT, "%s: %d of %d dead", layer.name(), layer.deadCount(), UNITS);
        out.addSeries(key, layer.active(), BINS, 0, 1);
    }

    /**
     * Panel (a)'s dead layer puts all 256 units in one bar, which would squash the healthy layer's histogram (at
     * most about 70 units a bar) to a quarter of the panel: the axis stops at 1.6 times the healthy layer's
     * tallest bar, and the cut bar says how tall it is.
     */
    static void cutTheDeadBar(org.jfree.chart.plot.XYPlot plot, HistogramDataset lab) {
        double healthy = 0;
        for (int i = 0; i < lab.getItemCount(0); i++) {
            healthy = Math.max(healthy, lab.getYValue(0, i));
        }
        double top = 1.6 * healthy;
        plot.getRangeAxis().setRange(0, top);
        for (int s = 0; s < lab.getSeriesCount(); s++) {
            for (int i = 0; i < lab.getItemCount(s); i++) {
                double count = lab.getYValue(s, i);
                if (count > top) {
                    org.jfree.chart.annotations.XYTextAnnotation cut = new org.jfree.chart.annotations.XYTextAnnotation(
                            String.format(Locale.ROOT, "↑ %d units (bar cut)", Math.round(count)),
                            lab.getStartXValue(s, i), 0.82 * top);
                    cut.setFont(Charts.font(Charts.TEXT_SIZE));
                    cut.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
                    cut.setX(lab.getEndXValue(s, i) + 0.015);
                    plot.addAnnotation(cut);
                }
            }
        }
    }

    static List<JFreeChart> createChart(Dataset data) {
        String x = "active fraction: share of inputs with z > 0";
        List<JFreeChart> charts = List.of(
                Histograms.barChart("(a) The lab's healthy and biased layers", x, "number of units", data.lab(), 0),
                Histograms.barChart("(b) Each unit with its own bias", x, "number of units", data.spread(), 2));
        cutTheDeadBar(charts.get(0).getXYPlot(), data.lab());
        for (JFreeChart chart : charts) {
            chart.getXYPlot().addDomainMarker(PlotNotes.verticalLine(MIN_ACTIVE, "dead below 0.01"));
            chart.getXYPlot().getDomainAxis().setRange(-0.02, 1);
        }
        return charts;
    }

    public static void main(String[] args) throws IOException {
        Charts.save(Charts.output(args, FILE), 2, createChart(createDataset()));
    }
}
