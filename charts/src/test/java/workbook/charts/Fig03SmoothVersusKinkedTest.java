package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.matches;
import static workbook.charts.SeriesChecks.series;

import org.apache.commons.math3.special.Erf;
import org.jfree.data.xy.XYSeries;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig03SmoothVersusKinkedTest {
    /** Closed forms of size at most 6: a few ulps, far below this. */
    private static final double TOL = 1e-12;

    private final Fig03SmoothVersusKinked.Dataset data = Fig03SmoothVersusKinked.createDataset();

    private static double gelu(double x) {
        return x * 0.5 * Erf.erfc(-x / Math.sqrt(2)); // x Phi(x)
    }

    private static double geluTanh(double x) {
        return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
    }

    @Test
    void softplusLiesAboveReluByAtMostLogTwo() {
        matches(series(data.softplus(), "softplus"), x -> Math.log1p(Math.exp(x)), TOL);
        matches(series(data.softplus(), "ReLU"), x -> Math.max(x, 0), 0);
        XYSeries gap = series(data.softplus(), "gap: softplus − ReLU");
        matches(gap, x -> Math.log1p(Math.exp(-Math.abs(x))), TOL);
        assertThat(gap.getMaxY()).as("the gap is largest at 0, where it is log 2").isCloseTo(Math.log(2), within(TOL));
    }

    @Test
    void geluCurvesAndTheErrorMatchTheirDefinitions() {
        matches(series(data.gelu(), "GELU, exact x Φ(x)"), Fig03SmoothVersusKinkedTest::gelu, TOL);
        matches(series(data.gelu(), "GELU, tanh approximation"), Fig03SmoothVersusKinkedTest::geluTanh, TOL);
        matches(series(data.error(), "error: tanh form − exact"), x -> geluTanh(x) - gelu(x), TOL);
    }

    @Test
    void theTanhApproximationIsOffByLessThanFiveTenThousandths() {
        XYSeries error = data.error().getSeries(0);
        double worst = Math.max(error.getMaxY(), -error.getMinY());
        assertThat(worst).as("the error panel shows a small but visible error").isBetween(1e-4, 5e-4);
        assertThat(FigureCaptions.of(3)).as("figure 3's caption quotes the bound").contains("under 5 × 10⁻⁴");
    }

    @Test
    void theGapAndTheErrorAreTwoQuantitiesInTwoStylesAndTheErrorTicksCountTenThousandths() {
        List<org.jfree.chart.JFreeChart> panels = Fig03SmoothVersusKinked.createChart(data);
        org.jfree.chart.plot.XYPlot soft = panels.get(0).getXYPlot();
        org.jfree.chart.plot.XYPlot error = (org.jfree.chart.plot.XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot)
                panels.get(1).getXYPlot()).getSubplots().get(1);
        assertThat(soft.getDataset().getSeriesKey(2)).isEqualTo("gap: softplus − ReLU");
        assertThat(error.getRenderer().getSeriesPaint(0)).isNotEqualTo(soft.getRenderer().getSeriesPaint(2));
        assertThat(error.getRenderer().getSeriesStroke(0)).isNotEqualTo(soft.getRenderer().getSeriesStroke(2));
        java.text.NumberFormat ticks = ((org.jfree.chart.axis.NumberAxis) error.getRangeAxis()).getNumberFormatOverride();
        assertThat(ticks.format(5e-4)).as("the caption's 5 × 10⁻⁴").isEqualTo("5");
        assertThat(error.getRangeAxis().getLabel()).contains("10⁻⁴");
    }
}
