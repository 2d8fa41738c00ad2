package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The house style of the figure set (fonts, palette, dashes, axes) and the one way a figure is saved.
 *
 * <p>Colours are Paul Tol's colour-blind-safe "bright" scheme; every series also gets its own dash
 * pattern, so curves stay apart in grey-scale print too. A figure is one or more panels of
 * {@link #PANEL_WIDTH} x {@link #PANEL_HEIGHT} logical pixels, saved at {@link #PIXEL_SCALE} times that
 * size so that text stays sharp on a high-density screen. The same data gives the same PNG bytes on the
 * same JDK and fonts (nothing random, no time stamp in the file).
 */
public final class Charts {
    static {
        // Before any AWT class loads: no display is needed to draw into an image.
        System.setProperty("java.awt.headless", "true");
    }

    /** Paul Tol's bright scheme: blue, orange, teal, red, magenta, grey, cyan. */
    public static final List<Color> PALETTE = List.of(new Color(0x0077BB), new Color(0xEE7733),
            new Color(0x009988), new Color(0xCC3311), new Color(0xEE3377), new Color(0x555555),
            new Color(0x33BBEE));
    /** Dash patterns in logical pixels, one per palette slot; {@code null} is a solid line. */
    private static final List<float[]> DASHES = java.util.Arrays.asList(null, new float[] {9, 5},
            new float[] {2, 4}, new float[] {12, 4, 2, 4}, new float[] {5, 3}, new float[] {16, 6},
            new float[] {8, 3, 2, 3, 2, 3});
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 460;
    public static final double PIXEL_SCALE = 2;
    private static final float LINE_WIDTH = 2.4f;
    private static final String FONT = "DejaVu Sans";
    private static final Color GRID = new Color(0xDDDDDD);

    /** Where figures go when a caller names no folder: the runner sets this to charts/target/figures. */
    public static final String OUTPUT_PROPERTY = "workbook.figures";

    private Charts() {}

    /** The file a figure's {@code main} writes: {@code args[0]} is the folder, else the configured one. */
    public static Path output(String[] args, String fileName) {
        String dir = args.length > 0 ? args[0] : System.getProperty(OUTPUT_PROPERTY, "target/figures");
        return Path.of(dir).resolve(fileName);
    }

    /** {@code y}, or a {@link NonFiniteValue} naming the curve and the input when it is NaN or infinite. */
    static double finite(String curve, double x, double y) {
        if (!Double.isFinite(y)) {
            throw new NonFiniteValue(curve, x, y);
        }
        return y;
    }

    /** Samples {@code f} at {@code n} equally spaced points from {@code from} to {@code to}, ends included. */
    public static XYSeries sample(String key, DoubleUnaryOperator f, double from, double to, int n) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < n; i++) {
            double x = from + (to - from) * i / (n - 1);
            series.add(x, finite(key, x, f.applyAsDouble(x)));
        }
        return series;
    }

    /** Like {@link #sample} but with geometric spacing, for a log x axis ({@code 0 < from < to}). */
    public static XYSeries sampleLog(String key, DoubleUnaryOperator f, double from, double to, int n) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < n; i++) {
            double x = from * Math.pow(to / from, (double) i / (n - 1));
            series.add(x, finite(key, x, f.applyAsDouble(x)));
        }
        return series;
    }

    /** A line chart in the house style: one colour and one dash per series, legend at the bottom. */
    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYDataset dataset) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one path per series, so a dash runs along the whole curve
        renderer.setLegendLine(new Line2D.Double(-16, 0, 16, 0)); // long enough to show the dash
        plot.setRenderer(renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later (dashed) series over earlier (solid)
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            styleSeries(plot, i, i, i);
        }
        return style(chart);
    }

    /** Gives series {@code series} the palette colour {@code colour} and the dash pattern {@code dash}. */
    public static void styleSeries(XYPlot plot, int series, int colour, int dash) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(series, PALETTE.get(colour % PALETTE.size()));
        renderer.setSeriesStroke(series, stroke(dash));
    }

    /** The line stroke for dash slot {@code dash} (slot 0 is solid). */
    public static Stroke stroke(int dash) {
        float[] pattern = DASHES.get(dash % DASHES.size());
        return pattern == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    /** Replaces the range axis by a base-10 log axis with the same label; ticks read as powers of ten. */
    public static LogAxis logRangeAxis(XYPlot plot) {
        return logRangeAxis(plot, 10, null);
    }

    /**
     * Replaces the range axis by a log axis with the same label, ticks at the powers of {@code base} written
     * with the decimal pattern {@code format} (base 2 with "0.###" reads 1, 0.5, 0.25, ... on a narrow range);
     * a {@code null} format writes the powers as {@code base^n}.
     */
    public static LogAxis logRangeAxis(XYPlot plot, double base, String format) {
        LogAxis axis = logAxis(plot.getRangeAxis().getLabel(), base, format);
        plot.setRangeAxis(axis);
        return axis;
    }

    /** Replaces the domain axis by a log axis, as {@link #logRangeAxis(XYPlot, double, String)} does. */
    public static LogAxis logDomainAxis(XYPlot plot, double base, String format) {
        LogAxis axis = logAxis(plot.getDomainAxis().getLabel(), base, format);
        plot.setDomainAxis(axis);
        return axis;
    }

    private static LogAxis logAxis(String label, double base, String format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setSmallestValue(1e-300);
        if (format != null) {
            axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of the base
            axis.setNumberFormatOverride(new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ROOT)));
        }
        styleAxis(axis);
        return axis;
    }

    /** Draws a thin dotted horizontal line at {@code y} with a label above or below it (a bound, a target). */
    public static void referenceLine(XYPlot plot, double y, String label, boolean labelAbove) {
        ValueMarker marker = new ValueMarker(y, new Color(0x555555),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3, 3}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(FONT, Font.PLAIN, 13));
        marker.setLabelPaint(new Color(0x333333));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        marker.setLabelAnchor(labelAbove ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(labelAbove ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
        plot.addRangeMarker(marker, Layer.BACKGROUND);
    }

    /**
     * Stacks the plots of {@code parts} over one shared x axis, heights in the ratio of {@code weights}, e.g.
     * a curve over its residual. Each part keeps its y axis, colours and dashes; the legends merge.
     */
    public static JFreeChart stacked(String title, String xLabel, int[] weights, JFreeChart... parts) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis(xLabel));
        combined.setGap(14);
        for (int i = 0; i < parts.length; i++) {
            combined.add(parts[i].getXYPlot(), weights[i]);
        }
        JFreeChart chart = new JFreeChart(title, combined);
        style(chart);
        for (int i = 0; i < parts.length; i++) {
            styleGrid(parts[i].getXYPlot());
        }
        return chart;
    }

    /** Applies the house fonts, colours and grid to a chart of XY plots; returns it for chaining. */
    public static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(FONT, Font.BOLD, 17));
            title.setPaint(Color.BLACK);
            title.setPadding(new RectangleInsets(2, 2, 8, 2));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(FONT, Font.PLAIN, 13));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        }
        XYPlot plot = chart.getXYPlot();
        styleGrid(plot);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
        return chart;
    }

    private static void styleGrid(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 15));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 13));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(new Color(0x333333));
        if (axis instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
            number.setAutoRangeStickyZero(false); // keep a margin below a curve that sits on 0
        }
    }

    /** Saves one chart as a PNG (creating the folder if needed). */
    public static void save(Path file, JFreeChart chart) throws IOException {
        save(file, 1, List.of(chart));
    }

    /** Saves several panels side by side, {@code columns} per row, as one PNG. */
    public static void save(Path file, int columns, List<JFreeChart> panels) throws IOException {
        int rows = (panels.size() + columns - 1) / columns;
        int width = (int) Math.round(columns * PANEL_WIDTH * PIXEL_SCALE);
        int height = (int) Math.round(rows * PANEL_HEIGHT * PIXEL_SCALE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(PIXEL_SCALE, PIXEL_SCALE);
            for (int i = 0; i < panels.size(); i++) {
                Rectangle2D area = new Rectangle2D.Double((i % columns) * PANEL_WIDTH,
                        (i / columns) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
                panels.get(i).draw(g, area);
            }
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ImageIO.write(image, "png", file.toFile());
    }
}
