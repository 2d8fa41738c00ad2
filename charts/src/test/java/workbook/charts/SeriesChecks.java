package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Assertions on the data behind a figure: a series against an independent reference, its range. */
final class SeriesChecks {
    private SeriesChecks() {}

    /** The series called {@code key}, failing with the keys that do exist if there is none. */
    static XYSeries series(XYSeriesCollection dataset, String key) {
        int index = dataset.getSeriesIndex(key);
        assertThat(index).as("the figure should have a series called '%s'; it has %s", key, dataset.getSeries())
                .isNotNegative();
        return dataset.getSeries(index);
    }

    /** Every point of {@code series} lies within {@code tolerance} of {@code reference} at the same x. */
    static void matches(XYSeries series, DoubleUnaryOperator reference, double tolerance) {
        assertThat(series.getItemCount()).as("series '%s' should not be empty", series.getKey()).isPositive();
        for (int i = 0; i < series.getItemCount(); i++) {
            double x = series.getX(i).doubleValue();
            if (Double.isNaN(series.getY(i).doubleValue()) && i > 0 && i + 1 < series.getItemCount()) {
                continue; // the break of a curve at a jump (Sampling.sample), between two points that are checked
            }
            assertThat(series.getY(i).doubleValue())
                    .as("series '%s' at x = %s against its independent reference", series.getKey(), x)
                    .isCloseTo(reference.applyAsDouble(x), within(tolerance));
        }
    }

    /** The series spans exactly [from, to] in x. */
    static void spans(XYSeries series, double from, double to) {
        assertThat(series.getMinX()).as("series '%s' should start at x = %s", series.getKey(), from).isEqualTo(from);
        assertThat(series.getMaxX()).as("series '%s' should end at x = %s", series.getKey(), to).isEqualTo(to);
    }
}
