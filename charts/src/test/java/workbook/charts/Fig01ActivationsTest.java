package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.matches;
import static workbook.charts.SeriesChecks.series;
import static workbook.charts.SeriesChecks.spans;

import org.apache.commons.math3.special.Erf;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig01ActivationsTest {
    /** The references below are closed forms in a safe range: a few ulps of values below 5 in size. */
    private static final double TOL = 1e-12;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

    private final Fig01Activations.Dataset data = Fig01Activations.createDataset();

    @Test
    void classicCurvesMatchTheirClosedForms() {
        matches(series(data.classic(), "sigmoid"), x -> 1 / (1 + Math.exp(-x)), TOL);
        matches(series(data.classic(), "tanh"), Math::tanh, TOL);
        matches(series(data.classic(), "softplus"), x -> Math.log1p(Math.exp(x)), TOL);
    }

    @Test
    void reluFamilyMatchesItsClosedFormsWithReluOnTop() {
        matches(series(data.reluFamily(), "ReLU"), x -> Math.max(0, x), 0);
        matches(series(data.reluFamily(), "LeakyReLU (0.1)"), x -> x > 0 ? x : 0.1 * x, TOL);
        matches(series(data.reluFamily(), "ELU (α = 1)"), x -> x > 0 ? x : Math.expm1(x), TOL);
        matches(series(data.reluFamily(), "SELU"), x -> SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)), TOL);
        assertThat(data.reluFamily().getSeriesIndex("ReLU"))
                .as("ReLU is drawn last, so the curves that coincide with it for x > 0 do not hide it")
                .isEqualTo(data.reluFamily().getSeriesCount() - 1);
    }

    @Test
    void zoomShowsEveryDipWhole() {
        for (Object o : data.smooth().getSeries()) {
            XYSeries s = (XYSeries) o;
            assertThat(s.getMinY()).as("the minimum of '%s' lies inside panel (d)'s window", s.getKey())
                    .isBetween(Fig01Activations.ZOOM_Y_MIN, 0.0);
            int argMin = 0;
            for (int i = 0; i < s.getItemCount(); i++) {
                argMin = s.getY(i).doubleValue() < s.getY(argMin).doubleValue() ? i : argMin;
            }
            assertThat(s.getX(argMin).doubleValue()).as("where '%s' dips deepest", s.getKey())
                    .isBetween(Fig01Activations.ZOOM_X_MIN, Fig01Activations.ZOOM_X_MAX);
        }
    }

    @Test
    void modernCurvesMatchTheirClosedForms() {
        matches(series(data.smooth(), "GELU"), x -> x * 0.5 * Erf.erfc(-x / Math.sqrt(2)), TOL);
        matches(series(data.smooth(), "SiLU (swish, β = 1)"), x -> x / (1 + Math.exp(-x)), TOL);
        matches(series(data.smooth(), "Mish"), x -> x * Math.tanh(Math.log1p(Math.exp(x))), TOL);
        matches(series(data.smooth(), "hardswish"), x -> x * Math.min(Math.max(x + 3, 0), 6) / 6, TOL);
    }

    @Test
    void everyCurveCoversTheSameInputRange() {
        data.classic().getSeries().forEach(s -> spans((XYSeries) s, Fig01Activations.FROM, Fig01Activations.TO));
        data.reluFamily().getSeries().forEach(s -> spans((XYSeries) s, Fig01Activations.FROM, Fig01Activations.TO));
        data.smooth().getSeries().forEach(s -> spans((XYSeries) s, Fig01Activations.FROM, Fig01Activations.TO));
    }

    @Test
    void squashingCurvesStayInsideTheirRanges() {
        XYSeries sigmoid = series(data.classic(), "sigmoid");
        XYSeries tanh = series(data.classic(), "tanh");
        assertThat(sigmoid.getMinY()).as("sigmoid > 0").isPositive();
        assertThat(sigmoid.getMaxY()).as("sigmoid < 1").isLessThan(1);
        assertThat(tanh.getMinY()).as("tanh > -1").isGreaterThan(-1);
        assertThat(tanh.getMaxY()).as("tanh < 1").isLessThan(1);
    }

    @Test
    void theCaptionQuotesTheDeepestDipAndSelusSlope() {
        assertThat(FigureCaptions.of(1)).contains("SELU is 1.05 x there",
                "hardswish's is the deepest, −0.375 at x = −1.5");
        assertThat(SELU_LAMBDA).as("SELU's slope for x > 0, to two decimals").isCloseTo(1.05, within(0.005));
        XYSeries hardswish = series(data.smooth(), "hardswish");
        for (Object o : data.smooth().getSeries()) {
            assertThat(((XYSeries) o).getMinY()).as("'%s' dips no deeper than hardswish", ((XYSeries) o).getKey())
                    .isGreaterThanOrEqualTo(hardswish.getMinY());
        }
        // hardswish(x) = x (x + 3) / 6 on [-3, 3]: its minimum is -9/24 = -0.375 at x = -1.5, a grid point
        assertThat(hardswish.getMinY()).isCloseTo(-0.375, within(1e-9));
        int argMin = 0;
        for (int i = 0; i < hardswish.getItemCount(); i++) {
            argMin = hardswish.getY(i).doubleValue() < hardswish.getY(argMin).doubleValue() ? i : argMin;
        }
        assertThat(hardswish.getX(argMin).doubleValue()).isCloseTo(-1.5, within(1e-9));
    }
}
