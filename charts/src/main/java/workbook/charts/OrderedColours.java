package workbook.charts;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Colours for ordered series (layer 1, 2, ...), where the order matters more than the identity. */
public final class OrderedColours {
    /**
     * Viridis, dark to light, cut before its pale yellow end: for ordered series such as layers 1 to 5.
     * It is colour-blind safe and its lightness rises monotonically, so the order survives grey print.
     */
    public static final List<Color> ORDERED = List.of(new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xB5DE2B));

    private OrderedColours() {}

    /** Colours series 0, 1, ... of a line chart with the {@link #ORDERED} ramp, keeping their dashes. */
    public static void colourInOrder(XYPlot plot) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ORDERED.get(i % ORDERED.size()));
        }
    }
}
