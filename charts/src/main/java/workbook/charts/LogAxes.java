package workbook.charts;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;

/** Log-scaled axes in the house style: ticks at whole powers, exponents and numbers with real minus signs. */
public final class LogAxes {
    private LogAxes() {}

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

    /** Replaces the domain axis by a log axis in {@code base} whose ticks are plain numbers (8, 16, 32...). */
    public static LogAxis logDomainAxis(XYPlot plot, double base) {
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

    /** Ticks a log axis at whole powers of its base only (1e-2, 1e0, 1e2...), never at 3.2e-1. */
    public static void wholePowers(LogAxis axis) {
        axis.setStandardTickUnits(TickLabels.withMinusSign(NumberAxis.createIntegerTickUnits()));
    }

    /**
     * Ticks a log axis at whole powers at least {@code minStep} powers apart (10⁰, 10¹⁰, 10²⁰ for 10): over tens
     * of decades, a tick per decade or two crowds the axis with superscripts too small to read.
     */
    public static void wholePowers(LogAxis axis, int minStep) {
        TickUnitSource all = NumberAxis.createIntegerTickUnits();
        TickUnits wide = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            if (step >= minStep) {
                wide.add(all.getCeilingTickUnit((double) step));
            }
        }
        axis.setStandardTickUnits(TickLabels.withMinusSign(wide));
    }

    private static LogAxis logAxis(String label, double base, String format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setSmallestValue(1e-300);
        if (format != null) {
            axis.setTickUnit(new NumberTickUnit(1)); // one tick per power of the base
            axis.setNumberFormatOverride(TickLabels.decimal(format));
        }
        Charts.styleAxis(axis);
        return axis;
    }
}
