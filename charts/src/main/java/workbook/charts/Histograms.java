package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/** Histograms with JFreeChart's own {@link HistogramDataset}, as densities (lines) or counts (bars). */
public final class Histograms {
    private Histograms() {}

    /** An empty set of histograms whose heights are densities: each histogram's bars have area 1. */
    public static HistogramDataset densities() {
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.SCALE_AREA_TO_1);
        return data;
    }

    /** An empty set of histograms whose heights are counts. */
    public static HistogramDataset counts() {
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.FREQUENCY);
        return data;
    }

    /** All entries of a matrix, row by row, in one array (for a histogram of all of them). */
    public static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * A bar chart of histograms: flat bars, one per bin, in the
     * palette colours from {@code firstColour} on, drawn half transparent so that overlapping bars stay visible.
     */
    public static JFreeChart barChart(String title, String xLabel, String yLabel, HistogramDataset data,
                                      int firstColour) {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = Charts.PALETTE.get((firstColour + i) % Charts.PALETTE.size());
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            renderer.setSeriesOutlinePaint(i, c.darker());
            renderer.setSeriesOutlineStroke(i, new BasicStroke(0.8f));
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        y.setAutoRangeIncludesZero(true);
        return chart;
    }
}
