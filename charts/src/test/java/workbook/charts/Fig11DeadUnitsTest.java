package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig11DeadUnitsTest {
    private static final Fig11DeadUnits.Dataset DATA = Fig11DeadUnits.createDataset();
    private static final int UNITS = Fig11DeadUnits.UNITS;
    private static final int BATCH = Fig11DeadUnits.BATCH;

    @Test
    void activeFractionsAndDeadFlagsAgreeWithADirectCount() {
        for (Fig11DeadUnits.Layer layer : DATA.layers()) {
            for (int j = 0; j < UNITS; j++) {
                int positive = 0;
                for (double[] row : layer.preactivations()) {
                    positive += row[j] > 0 ? 1 : 0;
                }
                double active = (double) positive / BATCH;
                assertThat(layer.active()[j]).as("%s, unit %d", layer.name(), j).isCloseTo(active, within(1e-15));
                assertThat(layer.dead()[j]).as("%s, unit %d is dead", layer.name(), j)
                        .isEqualTo(active < Fig11DeadUnits.MIN_ACTIVE);
            }
        }
    }

    @Test
    void theHealthyLayerFiresHalfTheTimeAndTheBiasedOneIsDead() {
        Fig11DeadUnits.Layer healthy = DATA.layers().get(0);
        Fig11DeadUnits.Layer biased = DATA.layers().get(1);
        assertThat(healthy.deadCount()).isZero();
        assertThat(biased.deadCount()).as("z > 0 is a 6-sigma event under N(-3, 0.5)").isEqualTo(UNITS);
        double mean = Arrays.stream(healthy.active()).average().orElseThrow();
        // mean of B * units independent Bernoulli(1/2): std error sqrt(0.25 / (1000 * 256)) = 0.001; 4 se
        assertThat(mean).isCloseTo(0.5, within(0.004));
    }

    @Test
    void perUnitBiasesKillTheUnitsWhoseBiasIsBelowTheOnePercentQuantile() {
        // unit j fires with probability Phi(b_j), b_j ~ N(-2, 1); dead when Phi(b_j) < 0.01, i.e. b_j < -2.326:
        // probability Phi(-0.326) = 0.372. The dead count is about Binomial(256, 0.372): std error
        // sqrt(256 * 0.372 * 0.628) = 7.7; 4 se (the sampling noise of a fraction near the threshold is small).
        double p = Gauss.cdf(-2.3263478740408408 + 2);
        long dead = DATA.layers().get(2).deadCount();
        assertThat((double) dead).isCloseTo(UNITS * p, within(4 * Math.sqrt(UNITS * p * (1 - p))));
    }

    @Test
    void histogramsCountEveryUnitAndTheirFirstBinHoldsTheDead() {
        for (int k = 0; k < DATA.layers().size(); k++) {
            HistogramDataset h = k < 2 ? DATA.lab() : DATA.spread();
            int s = k < 2 ? k : 0;
            double total = 0;
            for (int i = 0; i < h.getItemCount(s); i++) {
                total += h.getYValue(s, i);
            }
            assertThat(total).as("units in '%s'", h.getSeriesKey(s)).isEqualTo(UNITS);
            // the first bin is [0, 0.01): exactly the dead units
            assertThat(h.getStartXValue(s, 0)).isZero();
            assertThat(h.getEndXValue(s, 0)).isCloseTo(Fig11DeadUnits.MIN_ACTIVE, within(1e-15));
            assertThat(h.getYValue(s, 0)).isEqualTo(DATA.layers().get(k).deadCount());
            assertThat((String) h.getSeriesKey(s)).contains(DATA.layers().get(k).deadCount() + " of " + UNITS + " dead");
        }
    }

    @Test
    void theDeadBarIsCutSoTheHealthyHistogramFillsThePanelAndTheCutSaysHowTall() {
        var plot = Fig11DeadUnits.createChart(Fig11DeadUnits.createDataset()).get(0).getXYPlot();
        double top = plot.getRangeAxis().getUpperBound();
        assertThat(top).as("the axis stops well below the dead bar's 256").isLessThan(200);
        assertThat(plot.getAnnotations()).anySatisfy(a -> assertThat(((org.jfree.chart.annotations.XYTextAnnotation) a)
                .getText()).contains("256 units (bar cut)"));
    }

    @Test
    void theCaptionQuotesTheFiguresOwnNumbers() {
        assertThat(FigureCaptions.of(11)).contains("each of " + UNITS + " ReLU units fires over " + BATCH + " inputs",
                "about a third");
        int dead = DATA.layers().get(2).deadCount();
        assertThat((double) dead / UNITS).as("'about a third' are dead (%d of %d)", dead, UNITS).isBetween(0.28, 0.4);
    }
}
