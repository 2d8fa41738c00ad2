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
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.ui.Size2D;
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
import org.jfree.chart.title.Title;
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
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 460;
    public static final double PIXEL_SCALE = 2;
    /** Panels per row at most: the index page shows a figure at its logical size, two panels wide. */
    public static final int MAX_COLUMNS = 2;
    /** The widest a figure's footer (a shared colour bar) is drawn, in logical pixels. */
    private static final double FOOTER_WIDTH = 480;
    static final String FONT = "DejaVu Sans";
    /**
     * The smallest text of every figure (tick labels, legends, notes), in logical pixels. Chosen so that a figure two
     * panels wide, shown as wide as the book lets a figure be (book.css), still has text of 11 px or more:
     * {@code FigureTextSizeTest} checks it, and {@link #save} refuses a panel with smaller text ({@link TextSizes}).
     */
    public static final int TEXT_SIZE = 16;
    /** Axis labels. */
    public static final int LABEL_SIZE = 17;
    /** Panel titles (bold). */
    public static final int TITLE_SIZE = 19;
    private static final Color GRID = new Color(0xDDDDDD);

    /** The house font at {@code size} logical pixels. */
    public static Font font(int size) {
        return new Font(FONT, Font.PLAIN, size);
    }

    /** Where figures go when a caller names no folder: the runner sets this to charts/target/figures. */
    public static final String OUTPUT_PROPERTY = "workbook.figures";

    private Charts() {}

    /** The file a figure's {@code main} writes: {@code args[0]} is the folder, else the configured one. */
    public static Path output(String[] args, String fileName) {
        String dir = args.length > 0 ? args[0] : System.getProperty(OUTPUT_PROPERTY, "target/figures");
        return Path.of(dir).resolve(fileName);
    }

    /** {@link Sampling#sample}, kept here for the MNIST lab's figures. */
    public static XYSeries sample(String key, DoubleUnaryOperator f, double from, double to, int n) {
        return Sampling.sample(key, f, from, to, n);
    }

    /** {@link LogAxes#logRangeAxis(XYPlot)}, kept here for the MNIST lab's figures. */
    public static LogAxis logRangeAxis(XYPlot plot) {
        return LogAxes.logRangeAxis(plot);
    }

    /** {@link LogAxes#logRangeAxis(XYPlot, double, String)}, kept here for the MNIST lab's figures. */
    public static LogAxis logRangeAxis(XYPlot plot, double base, String format) {
        return LogAxes.logRangeAxis(plot, base, format);
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
        applySeriesStyles(dataset, renderer);
        return style(chart);
    }

    /**
     * Gives every series of {@code dataset} its {@link SeriesStyle} (the fixed colour and dash of the activation
     * or initializer its key names), and the others the "other" colours in order.
     */
    public static void applySeriesStyles(XYDataset dataset, XYLineAndShapeRenderer renderer) {
        int other = 0;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            var style = SeriesStyle.of(dataset.getSeriesKey(i));
            if (style.isPresent()) {
                renderer.setSeriesPaint(i, style.get().colour());
                renderer.setSeriesStroke(i, style.get().stroke());
            } else {
                renderer.setSeriesPaint(i, SeriesStyle.otherColour(other));
                renderer.setSeriesStroke(i, SeriesStyle.otherStroke(other++));
            }
        }
    }

    /**
     * Gives every series of {@code to} whose key also appears in {@code from} the same paint and stroke, so that
     * a curve looks the same in two panels (a curve and its error).
     */
    public static void copySeriesStyles(XYPlot from, XYPlot to) {
        XYLineAndShapeRenderer source = (XYLineAndShapeRenderer) from.getRenderer();
        XYLineAndShapeRenderer target = (XYLineAndShapeRenderer) to.getRenderer();
        for (int i = 0; i < to.getDataset().getSeriesCount(); i++) {
            int j = from.getDataset().indexOf(to.getDataset().getSeriesKey(i));
            if (j >= 0) {
                target.setSeriesPaint(i, source.getSeriesPaint(j));
                target.setSeriesStroke(i, source.getSeriesStroke(j));
            }
        }
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
            title.setFont(new Font(FONT, Font.BOLD, TITLE_SIZE));
            title.setPaint(Color.BLACK);
            title.setPadding(new RectangleInsets(2, 2, 8, 2));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font(TEXT_SIZE));
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
        plot.setOutlineVisible(false); // no top or right frame line: the axes' own lines draw the left and bottom
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font(LABEL_SIZE));
        axis.setTickLabelFont(font(TEXT_SIZE));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(new Color(0x333333));
        axis.setAxisLinePaint(Color.GRAY);
        TickLabels.useMinusSign(axis);
        if (axis instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
            number.setAutoRangeStickyZero(false); // keep a margin below a curve that sits on 0
        }
    }

    /** Saves one chart as a PNG (creating the folder if needed). */
    public static void save(Path file, JFreeChart chart) throws IOException {
        save(file, 1, List.of(chart));
    }

    /**
     * Saves several panels as one PNG in a grid of {@code columns} columns (the figure set uses at most
     * {@link #MAX_COLUMNS}, so that every figure's text shows at the same size on the index page). The panels' legends become
     * one shared legend: in the grid's empty cell if there is one, else in a strip below the grid.
     */
    public static void save(Path file, int columns, List<JFreeChart> panels) throws IOException {
        save(file, columns, panels, null);
    }

    /**
     * As {@link #save(Path, int, List)}, with {@code footer} (e.g. a colour bar all panels share, lying down) at the
     * right of the strip below the grid, beside the shared legend; {@code null} for none.
     */
    public static void save(Path file, int columns, List<JFreeChart> panels, Title footer) throws IOException {
        TextSizes.requireAtLeast(TEXT_SIZE, panels, footer, file.getFileName().toString());
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        LegendTitle legend = panels.size() > 1 ? sharedLegend(panels) : null;
        boolean legendInCell = legend != null && rows * cols > panels.size();
        double stripWidth = cols * PANEL_WIDTH - 20.0;
        double footerWidth = footer == null ? 0 : Math.min(FOOTER_WIDTH, stripWidth / 2);
        double legendWidth = stripWidth - (footer == null ? 0 : footerWidth + 20);
        double legendHeight = 0;
        double footerHeight = 0;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D probeGraphics = probe.createGraphics();
        if (legend != null && !legendInCell) {
            legendHeight = legend.arrange(probeGraphics, widthOnly(legendWidth)).getHeight();
        }
        if (footer != null) {
            // a PaintScaleLegend arranges only within ranges, not to a fixed width
            footerHeight = footer.arrange(probeGraphics, new RectangleConstraint(new org.jfree.data.Range(0, footerWidth),
                    new org.jfree.data.Range(0, PANEL_HEIGHT))).getHeight();
        }
        probeGraphics.dispose();
        double stripHeight = legendHeight == 0 && footerHeight == 0 ? 0 : Math.max(legendHeight, footerHeight) + 12;
        int width = (int) Math.round(cols * PANEL_WIDTH * PIXEL_SCALE);
        int height = (int) Math.round((rows * PANEL_HEIGHT + stripHeight) * PIXEL_SCALE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(PIXEL_SCALE, PIXEL_SCALE);
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, cell(i, cols));
            }
            double stripTop = rows * PANEL_HEIGHT;
            if (legendInCell) {
                Rectangle2D area = cell(panels.size(), cols);
                Size2D size = legend.arrange(g, widthOnly(PANEL_WIDTH - 60.0));
                legend.draw(g, new Rectangle2D.Double(area.getX() + 30, area.getCenterY() - size.getHeight() / 2,
                        PANEL_WIDTH - 60.0, size.getHeight()));
            } else if (legend != null) {
                legend.draw(g, new Rectangle2D.Double(10, stripTop + (stripHeight - 6 - legendHeight) / 2, legendWidth,
                        legendHeight));
            }
            if (footer != null) {
                footer.draw(g, new Rectangle2D.Double(10 + stripWidth - footerWidth, stripTop, footerWidth,
                        footerHeight));
            }
        } finally {
            g.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ImageIO.write(image, "png", file.toFile());
    }

    private static RectangleConstraint widthOnly(double width) {
        return new RectangleConstraint(width, null, org.jfree.chart.block.LengthConstraintType.FIXED, 0, null,
                org.jfree.chart.block.LengthConstraintType.NONE);
    }

    private static Rectangle2D cell(int index, int columns) {
        return new Rectangle2D.Double((index % columns) * PANEL_WIDTH, (index / columns) * PANEL_HEIGHT,
                PANEL_WIDTH, PANEL_HEIGHT);
    }

    /**
     * One legend for all {@code panels}: every item of every panel's legend once (by its label), in order of first
     * appearance. The panels' own legends are removed, so that panels side by side have the same plot heights.
     */
    public static LegendTitle sharedLegend(List<JFreeChart> panels) {
        LegendItemCollection items = new LegendItemCollection();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JFreeChart panel : panels) {
            if (panel.getLegend() == null) {
                continue;
            }
            LegendItemCollection own = panel.getLegend().getSources()[0].getLegendItems();
            for (int i = 0; i < own.getItemCount(); i++) {
                if (seen.add(own.get(i).getLabel())) {
                    items.add(own.get(i));
                }
            }
            panel.removeLegend();
        }
        if (items.getItemCount() == 0) {
            return null;
        }
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setItemFont(font(TEXT_SIZE));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        return legend;
    }
}
