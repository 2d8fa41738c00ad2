package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.matches;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig04ReluApproximationTest {
    private static final double TOL = 1e-12;

    private final Fig04ReluApproximation.Dataset data = Fig04ReluApproximation.createDataset();

    private static double worst(XYSeries error) {
        return Math.max(error.getMaxY(), -error.getMinY());
    }

    @Test
    void panelsShowTheSquareTheLineAndOneNetPerUnitCount() {
        matches(data.curves().getSeries(0), x -> x * x, 0);
        assertThat(data.curves().getSeriesCount()).isEqualTo(3 + Fig04ReluApproximation.UNITS.length);
        assertThat(data.errors().getSeriesCount()).isEqualTo(2 + Fig04ReluApproximation.UNITS.length);
        assertThat(data.curves().getSeriesKey(2).toString()).contains("1 ReLU unit ");
        assertThat(data.curves().getSeriesKey(3).toString()).contains("2 ReLU units");
        assertThat(data.curves().getSeriesKey(4).toString()).contains("4 ReLU units");
    }

    @Test
    void eachErrorCurveIsItsCurveMinusTheSquare() {
        for (int i = 0; i < data.errors().getSeriesCount(); i++) {
            XYSeries curve = data.curves().getSeries(i + 1);
            XYSeries error = data.errors().getSeries(i);
            assertThat(error.getKey()).isEqualTo(curve.getKey());
            for (int j = 0; j < error.getItemCount(); j++) {
                double x = curve.getX(j).doubleValue();
                assertThat(error.getY(j).doubleValue()).isCloseTo(curve.getY(j).doubleValue() - x * x, within(TOL));
            }
        }
    }

    @Test
    void theBestLineMissesByOneEighthOneUnitByOneEighteenthAndKUnitsByOneOverEightKSquared() {
        assertThat(worst(data.errors().getSeries(0))).as("no line beats 1/8").isCloseTo(0.125, within(TOL));
        // the error of the best single unit peaks at 0, which is on the grid
        assertThat(worst(data.errors().getSeries(1))).as("the best single unit misses by 1/18")
                .isCloseTo(1.0 / 18, within(TOL)).isGreaterThan(Fig04ReluApproximation.TARGET);
        int[] units = Fig04ReluApproximation.UNITS;
        for (int i = 0; i < units.length; i++) {
            // the grid holds the knots i/4 and the midpoints between them, where the error peaks
            assertThat(worst(data.errors().getSeries(i + 2))).as("%d units", units[i])
                    .isCloseTo(1.0 / (8 * units[i] * units[i]), within(TOL));
        }
        assertThat(worst(data.errors().getSeries(2))).as("two units reach the assignment's 0.04")
                .isLessThanOrEqualTo(Fig04ReluApproximation.TARGET);
        assertThat(FigureCaptions.of(4)).as("figure 4's caption quotes these numbers").contains("better than 1/8",
                "misses by 1/18", "two units already stay within a tolerance of " + Fig04ReluApproximation.TARGET);
    }
}
