package workbook.charts.mnist.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import workbook.charts.Charts;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.Seeds;

/**
 * Part 3 (f), {@code lab/lab-f-test-accuracy.png}: the test accuracy of each activation retrained at its best
 * rate on all labelled images, one bar per activation, its value above it and its learning rate inside it.
 */
final class LabTestAccuracy {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-f-test-accuracy.png";

    private LabTestAccuracy() {}

    /** Bar i is configuration i's mean final test accuracy over its seeds, in percent. */
    static XYSeriesCollection createDataset(List<List<StoredRun>> groups) {
        XYSeries bars = new XYSeries("test accuracy", false, false);
        for (int i = 0; i < groups.size(); i++) {
            bars.add(i, 100 * Seeds.Spread.of(groups.get(i), Seeds::accuracy).mean());
        }
        return new XYSeriesCollection(bars);
    }

    /**
     * The bars with an error bar each, from the lowest to the highest seed's accuracy (its range: with five seeds
     * a standard deviation says less than the five values it comes from), and the mean on top.
     */
    static JFreeChart createChart(List<List<StoredRun>> groups, XYSeriesCollection dataset) {
        List<StoredRun> runs = groups.stream().map(g -> g.get(0)).toList();
        int seeds = groups.stream().mapToInt(List::size).max().orElse(1);
        JFreeChart chart = Charts.lineChart("(f) test accuracy at the best rate" + (seeds > 1 ? ", mean of " + seeds
                + " seeds (whiskers: lowest to highest seed)" : ""), "activation",
                "test accuracy (%)", dataset);
        XYPlot plot = chart.getXYPlot();
        List<java.awt.Paint> colours = runs.stream().map(r -> (java.awt.Paint) workbook.charts.SeriesStyle
                .of(r.spec().activation().label()).map(workbook.charts.SeriesStyle::colour)
                .orElse(Charts.PALETTE.get(0))).toList();
        XYBarRenderer bars = new XYBarRenderer(0.25) { // bars wide enough for the rate inside them
            @Override
            public java.awt.Paint getItemPaint(int series, int item) { // each activation in its house colour
                return colours.get(item);
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        plot.setRenderer(bars);
        SymbolAxis names = new SymbolAxis("activation (its learning rate inside the bar)", runs.stream()
                .map(r -> r.spec().activation().label() + (r.spec().trainableBeta() ? " (β)" : ""))
                .toArray(String[]::new));
        names.setGridBandsVisible(false);
        plot.setDomainAxis(names);
        double low = 100;
        for (int i = 0; i < runs.size(); i++) {
            double y = dataset.getYValue(0, i);
            Seeds.Spread spread = Seeds.Spread.of(groups.get(i), Seeds::accuracy);
            low = Math.min(low, 100 * spread.min());
            double top = y;
            if (spread.n() > 1) {
                java.awt.BasicStroke stroke = new java.awt.BasicStroke(1.5f);
                plot.addAnnotation(new org.jfree.chart.annotations.XYLineAnnotation(i, 100 * spread.min(), i,
                        100 * spread.max(), stroke, java.awt.Color.BLACK));
                for (double end : new double[] {spread.min(), spread.max()}) {
                    plot.addAnnotation(new org.jfree.chart.annotations.XYLineAnnotation(i - 0.06, 100 * end, i + 0.06,
                            100 * end, stroke, java.awt.Color.BLACK));
                }
                top = 100 * spread.max();
            }
            plot.addAnnotation(label(String.format(Locale.ROOT, "%.2f%%", y), i, top, TextAnchor.BOTTOM_CENTER,
                    java.awt.Color.BLACK));
            plot.addAnnotation(label(RunSpec.rate(runs.get(i).spec().learningRate()), i,
                    Math.max(0, (spread.n() > 1 ? 100 * spread.min() : y) - 1), TextAnchor.TOP_CENTER,
                    java.awt.Color.WHITE));
        }
        // Start the axis a little below the worst bar: the differences between activations are a few percent.
        plot.getRangeAxis().setRange(Math.max(0, Math.floor(low - 5)), 100.5);
        chart.removeLegend();
        return Charts.style(chart); // again, for the axis that replaced the first one
    }

    private static XYTextAnnotation label(String text, double x, double y, TextAnchor anchor, java.awt.Color colour) {
        XYTextAnnotation label = new XYTextAnnotation(text, x, y);
        label.setFont(Charts.font(Charts.TEXT_SIZE));
        label.setTextAnchor(anchor);
        label.setPaint(colour);
        return label;
    }

    /** Draws the figure of part (f)'s runs, one group per configuration (its seeds). */
    static void render(Path file, List<List<StoredRun>> groups, String mark) throws IOException {
        Charts.save(file, LabFigures.marked(createChart(groups, createDataset(groups)), mark));
    }
}
