package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;

/**
 * What the initialization figures (7 to 12) need beyond {@link Charts}: histograms, bar charts, markers
 * over lines, a log-scaled x axis, an ordered colour ramp and a heat map with data points on top. Every
 * chart made here goes through {@link Charts#style} for the house fonts and grid.
 */
final class MoreCharts {
    /**
     * Viridis, dark to light, cut before its pale yellow end: for ordered series such as layers 1 to 5.
     * It is colour-blind safe and its lightness rises monotonically, so the order survives grey print.
     */
    static final List<Color> ORDERED = List.of(new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xB5DE2B));
    /** Marker shapes for series drawn as points: circle, square, up-triangle, diamond. */
    private static final List<Shape> SHAPES = List.of(new Ellipse2D.Double(-4.5, -4.5, 9, 9),
            new Rectangle2D.Double(-4, -4, 8, 8), triangle(5.5), diamond(5.5));

    private static final String NOTE_FONT = "DejaVu Sans";

    private MoreCharts() {}

    /**
     * The histogram of {@code values} on [from, to] with {@code bins} equal bins, as a series of
     * (bin centre, height); the height is the density (the bars' area is the share of values inside
     * the range) if {@code density}, else the count. Values outside the range are left out.
     */
    static XYSeries histogram(String key, double[] values, double from, double to, int bins, boolean density) {
        double width = (to - from) / bins;
        double[] counts = new double[bins];
        for (double v : values) {
            if (v >= from && v <= to) {
                counts[Math.min(bins - 1, (int) ((v - from) / width))]++;
            }
        }
        XYSeries series = new XYSeries(key, false, false);
        for (int b = 0; b < bins; b++) {
            series.add(from + (b + 0.5) * width, density ? counts[b] / (values.length * width) : counts[b]);
        }
        return series;
    }

    /** All entries of a matrix, row by row, in one array (for {@link #histogram}). */
    static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Colours series 0, 1, ... of a line chart with the {@link #ORDERED} ramp, keeping their dashes. */
    static void colourInOrder(XYPlot plot) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ORDERED.get(i % ORDERED.size()));
        }
    }

    /**
     * A bar chart of histogram series (x = bin centre): flat bars of width {@code barWidth} in the
     * palette colours from {@code firstColour} on, drawn half transparent so that overlapping bars stay visible.
     */
    static JFreeChart barChart(String title, String xLabel, String yLabel, XYSeriesCollection data,
                               double barWidth, int firstColour) {
        data.setIntervalWidth(barWidth);
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

    /**
     * Adds {@code points} to {@code plot} as a second layer of markers (no lines): series i gets the palette
     * colour {@code colours.get(i)} and the i-th marker shape; returns the renderer.
     */
    static XYLineAndShapeRenderer addMarkers(XYPlot plot, XYDataset points, List<Integer> colours) {
        XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < points.getSeriesCount(); i++) {
            markers.setSeriesPaint(i, Charts.PALETTE.get(colours.get(i) % Charts.PALETTE.size()));
            markers.setSeriesShape(i, SHAPES.get(i % SHAPES.size()));
        }
        int index = plot.getDatasetCount();
        plot.setDataset(index, points);
        plot.setRenderer(index, markers);
        return markers;
    }

    /**
     * Adds {@code points} to {@code plot} as markers with vertical error bars (each item's y interval), in the
     * colour of the activation or initializer its key names ({@link SeriesStyle}); a key that says "uniform" gets
     * a diamond, "tanh" a triangle, anything else a circle (JFreeChart's {@code ShapeUtils} shapes).
     */
    static XYErrorRenderer addErrorBars(XYPlot plot, YIntervalSeriesCollection points) {
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

    /** A dashed vertical line at {@code x} with a small label at its top right (e.g. a threshold). */
    static ValueMarker verticalLine(double x, String label) {
        ValueMarker line = new ValueMarker(x, Color.BLACK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4, 3}, 0f));
        line.setLabel(label);
        line.setLabelFont(new Font(NOTE_FONT, Font.PLAIN, 13));
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return line;
    }

    /** A note written inside a plot, its baseline starting at data point (x, y). */
    static XYTextAnnotation note(String text, double x, double y) {
        XYTextAnnotation note = new XYTextAnnotation(text, x, y);
        note.setFont(new Font(NOTE_FONT, Font.PLAIN, 13));
        note.setTextAnchor(TextAnchor.BASELINE_LEFT);
        return note;
    }

    /** Ticks a log axis at whole powers of its base only (1e-2, 1e0, 1e2...), never at 3.2e-1. */
    static void wholePowers(LogAxis axis) {
        axis.setStandardTickUnits(TickLabels.withMinusSign(NumberAxis.createIntegerTickUnits()));
    }

    /** Replaces the domain axis by a log axis in {@code base} whose ticks are plain numbers (8, 16, 32...). */
    static LogAxis logDomainAxis(XYPlot plot, double base) {
        LogAxis axis = new LogAxis(plot.getDomainAxis().getLabel());
        axis.setBase(base);
        axis.setNumberFormatOverride(TickLabels.decimal("0"));
        axis.setLabelFont(plot.getRangeAxis().getLabelFont());
        axis.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
        axis.setLabelPaint(plot.getRangeAxis().getLabelPaint());
        axis.setTickLabelPaint(plot.getRangeAxis().getTickLabelPaint());
        plot.setDomainAxis(axis);
        return axis;
    }

    /**
     * A heat map of {@code grid} (cells of {@code cellWidth x cellHeight} centred on their x, y), coloured by
     * {@code scale} (shown as a colour bar labelled {@code scaleLabel}), with {@code points} drawn on top as
     * markers; the legend lists the points only.
     */
    static JFreeChart heatMap(String title, String xLabel, String yLabel, XYZDataset grid, double cellWidth,
                              double cellHeight, PaintScale scale, String scaleLabel, XYSeriesCollection points,
                              List<Paint> pointPaints) {
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(cellWidth);
        blocks.setBlockHeight(cellHeight);
        blocks.setPaintScale(scale);
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(grid, x, y, blocks);
        XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < points.getSeriesCount(); i++) {
            markers.setSeriesPaint(i, pointPaints.get(i));
            markers.setSeriesShape(i, SHAPES.get(i % SHAPES.size()));
            markers.setSeriesOutlinePaint(i, Color.WHITE);
            markers.setUseOutlinePaint(true);
            markers.setDrawOutlines(true);
            markers.setSeriesOutlineStroke(i, new BasicStroke(1f));
            legend.add(new LegendItem(points.getSeriesKey(i).toString(), null, null, null,
                    SHAPES.get(i % SHAPES.size()), pointPaints.get(i)));
        }
        plot.setDataset(1, points);
        plot.setRenderer(1, markers);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the points on top of the cells
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        scaleAxis.setTickUnit(new NumberTickUnit((scale.getUpperBound() - scale.getLowerBound()) / 4));
        scaleAxis.setLabelFont(y.getLabelFont());
        scaleAxis.setTickLabelFont(y.getTickLabelFont());
        scaleAxis.setLabelPaint(y.getLabelPaint());
        scaleAxis.setTickLabelPaint(y.getTickLabelPaint());
        PaintScaleLegend bar = new PaintScaleLegend(scale, scaleAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(12);
        bar.setAxisOffset(4);
        bar.setMargin(new RectangleInsets(4, 10, 4, 0));
        bar.setStripOutlineVisible(true);
        chart.addSubtitle(bar);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /**
     * A diverging colour scale on [0, 1]: blue at 0, white at 0.5, orange at 1 (the ends of the house
     * palette, kept light so that data points on top stay readable).
     */
    static PaintScale divergingUnitScale() {
        Color low = new Color(0x0077BB);
        Color high = new Color(0xEE7733);
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return 0;
            }

            @Override
            public double getUpperBound() {
                return 1;
            }

            @Override
            public Paint getPaint(double value) {
                double v = Math.max(0, Math.min(1, value));
                Color end = v < 0.5 ? low : high;
                double t = Math.abs(v - 0.5) * 2 * 0.55; // at most 55 % of the way from white to the end colour
                return mix(Color.WHITE, end, t);
            }
        };
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    private static Shape triangle(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, r * 0.8);
        p.lineTo(-r, r * 0.8);
        p.closePath();
        return p;
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }
}
