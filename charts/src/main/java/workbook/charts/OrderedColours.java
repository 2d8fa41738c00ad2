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

    /**
     * Colours series 0, 1, ... of a line chart along the {@link #ORDERED} ramp, keeping their dashes: five series
     * take its five colours, any other number is spread evenly from its dark end to its light end.
     */
    public static void colourInOrder(XYPlot plot) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        int n = plot.getDataset().getSeriesCount();
        for (int i = 0; i < n; i++) {
            renderer.setSeriesPaint(i, colour(n == 1 ? 0 : (double) i / (n - 1)));
        }
    }

    /**
     * The colour of {@code value} among {@code all} (sorted), so that one value has one colour in every plot that
     * shows some of them: the part (e) plots of the MNIST lab colour each learning rate the same in all six.
     */
    public static Color colourAmong(double value, List<Double> all) {
        int at = all.indexOf(value);
        if (at < 0) {
            throw new IllegalArgumentException("value must be one of " + all + ", got " + value);
        }
        return colour(all.size() == 1 ? 0 : (double) at / (all.size() - 1));
    }

    /** The ramp's colour at {@code t} in [0, 1] (0 its dark end, 1 its light end), linear between its colours. */
    static Color colour(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be in [0, 1]; got " + t);
        }
        double position = t * (ORDERED.size() - 1);
        int low = Math.min((int) position, ORDERED.size() - 2);
        double f = position - low;
        Color a = ORDERED.get(low), b = ORDERED.get(low + 1);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + f * (to - from));
    }
}
