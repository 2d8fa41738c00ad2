package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/** What is written or drawn into a plot besides its data: reference lines, thresholds, notes. */
public final class PlotNotes {
    private PlotNotes() {}

    /** Draws a thin dotted horizontal line at {@code y} with a label above or below it (a bound, a target). */
    public static void referenceLine(XYPlot plot, double y, String label, boolean labelAbove) {
        referenceLine(plot, y, label, labelAbove, false);
    }

    /** As above; {@code centred} puts the label at the middle of the line instead of its left end. */
    public static void referenceLine(XYPlot plot, double y, String label, boolean labelAbove, boolean centred) {
        ValueMarker marker = new ValueMarker(y, new Color(0x555555),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3, 3}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(Charts.font(Charts.TEXT_SIZE));
        marker.setLabelPaint(new Color(0x333333));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        if (centred) {
            marker.setLabelAnchor(labelAbove ? RectangleAnchor.TOP : RectangleAnchor.BOTTOM);
            marker.setLabelTextAnchor(labelAbove ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        } else {
            marker.setLabelAnchor(labelAbove ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(labelAbove ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
        }
        marker.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
        plot.addRangeMarker(marker, Layer.BACKGROUND);
    }

    /** A dashed vertical line at {@code x} with a small label at its top right (e.g. a threshold). */
    public static ValueMarker verticalLine(double x, String label) {
        ValueMarker line = new ValueMarker(x, Color.BLACK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4, 3}, 0f));
        line.setLabel(label);
        line.setLabelFont(Charts.font(Charts.TEXT_SIZE));
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return line;
    }

    /** A note written inside a plot, its baseline starting at data point (x, y). */
    public static XYTextAnnotation note(String text, double x, double y) {
        XYTextAnnotation note = new XYTextAnnotation(text, x, y);
        note.setFont(Charts.font(Charts.TEXT_SIZE));
        note.setTextAnchor(TextAnchor.BASELINE_LEFT);
        return note;
    }
}
