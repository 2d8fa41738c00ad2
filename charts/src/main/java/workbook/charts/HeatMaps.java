package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;

/** A function of two inputs as coloured cells, with data points on top and a colour bar beside it. */
public final class HeatMaps {
    /** Marker shapes for the points drawn over a heat map: a circle and a square. */
    private static final List<Shape> SHAPES = List.of(new Ellipse2D.Double(-4.5, -4.5, 9, 9),
            new Rectangle2D.Double(-4, -4, 8, 8));

    private HeatMaps() {}

    /**
     * A heat map of {@code grid} (cells of {@code cellWidth x cellHeight} centred on their x, y), coloured by
     * {@code scale}, with {@code points} drawn on top as markers; the legend lists the points only. It has no colour
     * bar: add {@link #colourBar} to the panel, or once to a figure of several panels that share the scale.
     */
    public static JFreeChart heatMap(String title, String xLabel, String yLabel, XYZDataset grid, double cellWidth,
                              double cellHeight, PaintScale scale, XYSeriesCollection points,
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
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /**
     * A colour bar for {@code scale}, labelled {@code label}, in the house fonts: upright at the right of a panel
     * ({@code RectangleEdge.RIGHT}) or lying below a figure ({@code RectangleEdge.BOTTOM}).
     */
    public static PaintScaleLegend colourBar(PaintScale scale, String label, RectangleEdge position) {
        NumberAxis scaleAxis = new NumberAxis(label);
        Charts.styleAxis(scaleAxis);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        scaleAxis.setTickUnit(new NumberTickUnit((scale.getUpperBound() - scale.getLowerBound()) / 4));
        PaintScaleLegend bar = new PaintScaleLegend(scale, scaleAxis);
        bar.setPosition(position);
        bar.setStripWidth(12);
        bar.setAxisOffset(4);
        bar.setMargin(position == RectangleEdge.RIGHT ? new RectangleInsets(4, 10, 4, 0) : new RectangleInsets(4, 0, 0, 0));
        bar.setStripOutlineVisible(true);
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    /**
     * A diverging colour scale on [0, 1]: blue at 0, white at 0.5, orange at 1 (the ends of the house
     * palette, kept light so that data points on top stay readable).
     */
    public static PaintScale divergingUnitScale() {
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
}
