package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.series;

import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import workbook.exercises.Ex10Propagation.LayerStats;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Scheme;
import workbook.theory.site.FigureCaptions;

class Fig09ZerosAndSaturationTest {
    private static final Fig09ZerosAndSaturation.Dataset DATA = Fig09ZerosAndSaturation.createDataset();
    private static final int N = Fig09ZerosAndSaturation.WIDTH;
    private static final int DEPTH = Fig09ZerosAndSaturation.DEPTH;
    /** atanh(0.95): |tanh(z)| > 0.95 exactly when |z| is above this. */
    private static final double SATURATION_Z = 0.5 * Math.log(1.95 / 0.05);
    /**
     * Layer 1 sees N(0, 1) inputs: z is about N(0, n Var(W)). A share over B n = 8192 entries has a std error
     * of at most sqrt(0.25 / 8192) = 0.0055 if the entries were independent; the entries of a column share one
     * weight column, whose squared norm varies by about sqrt(2 / n) = 12 % around n Var(W), which moves the
     * shares below by at most 0.01. 0.03 covers both with room.
     */
    private static final double LAYER_ONE_TOL = 0.03;

    @Test
    void reluZeroSharesAreIdenticalForTheThreeScales() {
        // relu(c z) = c relu(z): the same Gaussians at three scales switch off exactly the same units
        XYSeries naive = series(DATA.reluZeros(), "naive N(0, 1)");
        for (String key : List.of("Xavier", "He")) {
            XYSeries other = series(DATA.reluZeros(), key);
            for (int i = 0; i < DEPTH; i++) {
                assertThat(other.getY(i)).as("%s against naive at layer %d", key, i + 1).isEqualTo(naive.getY(i));
            }
        }
        assertThat(naive.getMinY()).isGreaterThan(0.3);
        assertThat(naive.getMaxY()).isLessThan(0.7);
    }

    @Test
    void firstLayerMatchesTheGaussianPredictions() {
        double[] variances = {N, 2.0 * N / (N + N), 2.0}; // n Var(W) for naive, Xavier, He
        String[] keys = {"naive N(0, 1)", "Xavier", "He"};
        for (int k = 0; k < keys.length; k++) {
            double sigma = Math.sqrt(variances[k]);
            double saturated = 2 * Gauss.cdf(-SATURATION_Z / sigma);
            double slope = Gauss.expectation(z -> 1 / (Math.cosh(z) * Math.cosh(z)), sigma);
            assertThat(series(DATA.tanhSaturated(), keys[k]).getY(0).doubleValue()).as("%s: saturated share", keys[k])
                    .isCloseTo(saturated, within(LAYER_ONE_TOL));
            assertThat(series(DATA.tanhSlope(), keys[k]).getY(0).doubleValue()).as("%s: mean tanh'", keys[k])
                    .isCloseTo(slope, within(LAYER_ONE_TOL));
        }
    }

    @Test
    void naiveTanhStaysSaturatedWhileXavierLeavesTheTails() {
        for (int i = 0; i < DEPTH; i++) {
            assertThat(series(DATA.tanhSaturated(), "naive N(0, 1)").getY(i).doubleValue()).isGreaterThan(0.8);
            assertThat(series(DATA.tanhSlope(), "naive N(0, 1)").getY(i).doubleValue()).isLessThan(0.1);
        }
        for (int i = 9; i < DEPTH; i++) {
            assertThat(series(DATA.tanhSaturated(), "Xavier").getY(i).doubleValue()).as("layer %d", i + 1)
                    .isLessThan(0.01);
            assertThat(series(DATA.tanhSlope(), "Xavier").getY(i).doubleValue()).isGreaterThan(0.9);
        }
    }

    @Test
    void everyPointIsTheLayerStatisticOfForwardStats() {
        List<LayerStats> stats = Fig09ZerosAndSaturation.stats(Activations.TANH, Scheme.HE);
        XYSeries saturated = series(DATA.tanhSaturated(), "He");
        XYSeries slope = series(DATA.tanhSlope(), "He");
        for (LayerStats s : stats) {
            assertThat(saturated.getX(s.layer() - 1).intValue()).isEqualTo(s.layer());
            assertThat(saturated.getY(s.layer() - 1).doubleValue()).isEqualTo(s.saturatedFraction());
            assertThat(slope.getY(s.layer() - 1).doubleValue()).isEqualTo(s.meanLocalDerivative());
        }
    }

    @Test
    void theCaptionQuotesTheFiguresOwnNumbers() {
        assertThat(FigureCaptions.of(9)).contains(DEPTH + " layers of width " + N, "almost 90 %",
                "He 19 % at layer 1 and 1 to 4 % deeper",
                "Xavier 7 % at layer 1 and none from layer 5 on");
        XYSeries naive = series(DATA.tanhSaturated(), "naive N(0, 1)");
        assertThat(naive.getMinY()).as("'almost 90 %' at every layer").isBetween(0.83, 0.9);
        assertThat(naive.getMaxY()).as("'almost 90 %' at every layer").isBetween(0.83, 0.9);
        XYSeries he = series(DATA.tanhSaturated(), "He");
        assertThat(he.getY(0).doubleValue()).isCloseTo(0.19, within(0.005));
        for (int l = 4; l <= DEPTH; l++) {
            assertThat(he.getY(l - 1).doubleValue()).as("He: '1 to 4 %% deeper', layer %d", l).isBetween(0.01, 0.04);
        }
        XYSeries xavier = series(DATA.tanhSaturated(), "Xavier");
        assertThat(xavier.getY(0).doubleValue()).isCloseTo(0.07, within(0.005));
        for (int l = 5; l <= DEPTH; l++) {
            assertThat(xavier.getY(l - 1).doubleValue()).as("Xavier: 'none from layer 5 on', layer %d", l)
                    .isLessThan(0.001);
        }
        assertThat(series(DATA.tanhSlope(), "naive N(0, 1)").getMaxY()).as("'below 0.1'").isLessThan(0.1);
        assertThat(series(DATA.tanhSlope(), "He").getY(DEPTH - 1).doubleValue()).as("'about 0.7'")
                .isCloseTo(0.7, within(0.03));
        assertThat(series(DATA.tanhSlope(), "Xavier").getY(DEPTH - 1).doubleValue()).as("'towards 1'")
                .isGreaterThan(0.95);
    }
}
