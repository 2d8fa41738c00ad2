package workbook.charts;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

/**
 * The text sizes a chart draws: titles, legends, colour bars, axes, notes and marker labels, in logical pixels. The
 * figures' text must stay readable where the book shows them ({@link Charts#TEXT_SIZE}).
 */
public final class TextSizes {
    private TextSizes() {}

    /** One piece of text a chart draws and its font. */
    record Text(String what, Font font) {}

    /** Every piece of text {@code chart} draws, with its font. */
    static List<Text> of(JFreeChart chart) {
        List<Text> texts = new ArrayList<>();
        if (chart.getTitle() != null) {
            texts.add(new Text("title", chart.getTitle().getFont()));
        }
        for (Object subtitle : chart.getSubtitles()) {
            title((Title) subtitle, texts);
        }
        plot(chart.getPlot(), texts);
        return texts;
    }

    /**
     * Refuses {@code panels} and {@code footer} (a title drawn beside them, or {@code null}) if any text they draw is
     * smaller than {@code size} logical pixels.
     */
    static void requireAtLeast(int size, List<JFreeChart> panels, Title footer, String figure) {
        List<Text> texts = new ArrayList<>();
        panels.forEach(panel -> texts.addAll(of(panel)));
        if (footer != null) {
            title(footer, texts);
        }
        for (Text text : texts) {
            if (text.font().getSize2D() < size) {
                throw new IllegalStateException(figure + ": the " + text.what() + " is " + text.font().getSize2D()
                        + " px, below the figures' smallest text, Charts.TEXT_SIZE = " + size + " px (use"
                        + " Charts.font(Charts.TEXT_SIZE)): it would be unreadable in the book");
            }
        }
    }

    private static void title(Title title, List<Text> texts) {
        if (title instanceof TextTitle text) {
            texts.add(new Text("subtitle '" + text.getText() + "'", text.getFont()));
        } else if (title instanceof LegendTitle legend) {
            texts.add(new Text("legend", legend.getItemFont()));
        } else if (title instanceof PaintScaleLegend bar) {
            axis("colour bar", bar.getAxis(), texts);
        }
    }

    private static void plot(Plot plot, List<Text> texts) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            axis("shared x axis", combined.getDomainAxis(), texts);
            for (XYPlot part : combined.getSubplots()) {
                plot(part, texts);
            }
            return;
        }
        if (!(plot instanceof XYPlot xy)) {
            return;
        }
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            axis("x axis", xy.getDomainAxis(i), texts);
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            axis("y axis", xy.getRangeAxis(i), texts);
        }
        annotations(xy.getAnnotations(), texts);
        for (int i = 0; i < xy.getRendererCount(); i++) {
            if (xy.getRenderer(i) instanceof AbstractXYItemRenderer renderer) {
                annotations(renderer.getAnnotations(), texts);
            }
        }
        for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
            markers(xy.getDomainMarkers(layer), texts);
            markers(xy.getRangeMarkers(layer), texts);
        }
    }

    private static void axis(String what, Axis axis, List<Text> texts) {
        if (axis == null || !axis.isVisible()) {
            return;
        }
        if (axis.getLabel() != null && !axis.getLabel().isEmpty()) {
            texts.add(new Text(what + " label '" + axis.getLabel() + "'", axis.getLabelFont()));
        }
        if (axis.isTickLabelsVisible()) {
            texts.add(new Text(what + " tick labels", axis.getTickLabelFont()));
        }
    }

    private static void annotations(Collection<? extends XYAnnotation> annotations, List<Text> texts) {
        for (XYAnnotation annotation : annotations) {
            if (annotation instanceof XYTextAnnotation note) {
                texts.add(new Text("note '" + note.getText() + "'", note.getFont()));
            }
        }
    }

    private static void markers(Collection<?> markers, List<Text> texts) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            Marker marker = (Marker) o;
            if (marker.getLabel() != null) {
                texts.add(new Text("marker label '" + marker.getLabel() + "'", marker.getLabelFont()));
            }
        }
    }
}
