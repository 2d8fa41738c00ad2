package workbook.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;

/**
 * Tick labels with a real minus sign (U+2212, as typeset mathematics has it) instead of a hyphen, on plain and on
 * log axes, whichever tick size the axis picks.
 */
public final class TickLabels {
    /** The typographic minus sign. */
    public static final char MINUS = '\u2212';

    private TickLabels() {}

    /** A {@link DecimalFormat} for {@code pattern} that writes negative numbers with {@link #MINUS}. */
    public static DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setMinusSign(MINUS);
        return new DecimalFormat(pattern, symbols);
    }

    /** Makes {@code axis} write its tick labels (and a log axis its exponents) with {@link #MINUS}. */
    public static void useMinusSign(ValueAxis axis) {
        if (axis instanceof NumberAxis number && number.getNumberFormatOverride() instanceof DecimalFormat format) {
            useMinusSign(format);
        }
        if (axis instanceof LogAxis log) {
            if (log.getNumberFormatOverride() instanceof DecimalFormat format) {
                useMinusSign(format);
            }
            // whole powers only (10⁻³, not 10⁻²·⁵): LogAxis's own source yields fractional exponents when wrapped
            axis.setStandardTickUnits(withMinusSign(NumberAxis.createIntegerTickUnits()));
            return;
        }
        axis.setStandardTickUnits(withMinusSign(axis.getStandardTickUnits()));
    }

    private static void useMinusSign(DecimalFormat format) {
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        symbols.setMinusSign(MINUS);
        format.setDecimalFormatSymbols(symbols);
    }

    /** The same tick sizes as {@code source}, each writing its labels with {@link #MINUS}. */
    public static TickUnitSource withMinusSign(TickUnitSource source) {
        if (source == null || source instanceof MinusSignUnits) {
            return source;
        }
        return new MinusSignUnits(source);
    }

    private record MinusSignUnits(TickUnitSource source) implements TickUnitSource {
        @Override
        public TickUnit getLargerTickUnit(TickUnit unit) {
            return wrap(source.getLargerTickUnit(unit));
        }

        @Override
        public TickUnit getCeilingTickUnit(TickUnit unit) {
            return wrap(source.getCeilingTickUnit(unit));
        }

        @Override
        public TickUnit getCeilingTickUnit(double size) {
            return wrap(source.getCeilingTickUnit(size));
        }

        private static TickUnit wrap(TickUnit unit) {
            return unit instanceof NumberTickUnit number && !(unit instanceof MinusSignUnit)
                    ? new MinusSignUnit(number) : unit;
        }
    }

    /** A tick unit of the same size whose labels replace the hyphen-minus by {@link #MINUS}. */
    private static final class MinusSignUnit extends NumberTickUnit {
        private static final long serialVersionUID = 1L;
        private final NumberTickUnit inner;

        MinusSignUnit(NumberTickUnit inner) {
            super(inner.getSize(), NumberFormat.getNumberInstance(Locale.ROOT), inner.getMinorTickCount());
            this.inner = inner;
        }

        @Override
        public String valueToString(double value) {
            return inner.valueToString(value).replace('-', MINUS);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MinusSignUnit other && other.inner.equals(inner);
        }

        @Override
        public int hashCode() {
            return inner.hashCode();
        }
    }
}
