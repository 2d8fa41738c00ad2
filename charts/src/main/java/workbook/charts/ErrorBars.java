package workbook.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Random estimates drawn as markers with error bars, over the lines of what they estimate. */
public final class ErrorBars {
    private ErrorBars() {}

    /**
     * Adds {@code points} to {@code plot} as markers with vertical error bars (each item's y interval), in the
     * colour of the activation or initializer its key names ({@link SeriesStyle}); a key that says "uniform" gets
     * a diamond, "tanh" a triangle, anything else a circle (JFreeChart's {@code ShapeUtils} shapes).
     */
    public static XYErrorRenderer addErrorBars(XYPlot plot, YIntervalSeriesCollection points) {
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDefaultLinesVisible(false);
        bars.setDefaultShapesVisible(true);
        bars.setDrawXError(false);
        bars.setCapLength(7);
        bars.setErrorStroke(new BasicStroke(1.4f));
        for (int i = 0; i < points.getSeriesCount(); i++) {
            String key = String.valueOf(points.getSeriesKey(i));
            bars.setSeriesPaint(i, SeriesStyle.of(key).map(SeriesStyle::colour).orElse(SeriesStyle.otherColour(i)));
            bars.setSeriesShape(i, key.contains("uniform") ? ShapeUtils.createDiamond(6)
                    : key.startsWith("tanh") ? ShapeUtils.createUpTriangle(6) : new Ellipse2D.Double(-5, -5, 10, 10));
        }
        int index = plot.getDatasetCount();
        plot.setDataset(index, points);
        plot.setRenderer(index, bars);
        return bars;
    }
}
