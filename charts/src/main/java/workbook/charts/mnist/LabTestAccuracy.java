package workbook.charts.mnist;

import java.awt.Font;
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
import workbook.charts.mnist.RunStore.StoredRun;

/**
 * Part 3 (f), {@code lab/lab-f-test-accuracy.png}: the test accuracy of each activation retrained at its best
 * rate on all labelled images, one bar per activation, its value above it and its rate inside it.
 */
public final class LabTestAccuracy {
    /** The file this figure writes, relative to the figure folder. */
    public static final String FILE = "lab/lab-f-test-accuracy.png";

    private LabTestAccuracy() {}

    /** Bar i is run i's final test accuracy in percent. */
    static XYSeriesCollection createDataset(List<StoredRun> runs) {
        XYSeries bars = new XYSeries("test accuracy", false, false);
        for (int i = 0; i < runs.size(); i++) {
            bars.add(i, 100 * runs.get(i).result().last().evalAccuracy());
        }
        return new XYSeriesCollection(bars);
    }

    static JFreeChart createChart(List<StoredRun> runs, XYSeriesCollection dataset) {
        JFreeChart chart = Charts.lineChart("(f) test accuracy at the best rate", "activation",
                "test accuracy (%)", dataset);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer bars = new XYBarRenderer(0.35);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Charts.PALETTE.get(0));
        plot.setRenderer(bars);
        SymbolAxis names = new SymbolAxis("activation", runs.stream().map(r -> r.spec().activation().label()
                + (r.spec().trainableBeta() ? " (β)" : "")).toArray(String[]::new));
        names.setGridBandsVisible(false);
        plot.setDomainAxis(names);
        double low = 100;
        for (int i = 0; i < runs.size(); i++) {
            double y = dataset.getYValue(0, i);
            low = Math.min(low, y);
            plot.addAnnotation(label(String.format(Locale.ROOT, "%.2f%%", y), i, y, TextAnchor.BOTTOM_CENTER,
                    java.awt.Color.BLACK));
            plot.addAnnotation(label("lr " + RunSpec.rate(runs.get(i).spec().learningRate()), i, y,
                    TextAnchor.TOP_CENTER, java.awt.Color.WHITE));
        }
        // Start the axis a little below the worst bar: the differences between activations are a few percent.
        plot.getRangeAxis().setRange(Math.max(0, Math.floor(low - 5)), 100.5);
        chart.removeLegend();
        return Charts.style(chart); // again, for the axis that replaced the first one
    }

    private static XYTextAnnotation label(String text, double x, double y, TextAnchor anchor, java.awt.Color colour) {
        XYTextAnnotation label = new XYTextAnnotation(text, x, y);
        label.setFont(new Font("DejaVu Sans", Font.PLAIN, 13));
        label.setTextAnchor(anchor);
        label.setPaint(colour);
        return label;
    }

    static void render(Path file, List<StoredRun> runs) throws IOException {
        Charts.save(file, createChart(runs, createDataset(runs)));
    }
}
