package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.charts.SeriesChecks.series;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;
import workbook.exercises.Ex09Initialization;

class Fig08GradientNormsTest {
    private static final Fig08GradientNorms.Dataset DATA = Fig08GradientNorms.createDataset();
    private static final int DEPTH = Fig08GradientNorms.DEPTH;
    private static final int N = Fig08GradientNorms.WIDTH;

    @Test
    void everyCurveHasOnePositiveFiniteNormPerLayer() {
        for (XYSeriesCollection panel : new XYSeriesCollection[] {DATA.relu(), DATA.tanh(), DATA.shallow()}) {
            for (Object o : panel.getSeries()) {
                XYSeries s = (XYSeries) o;
                int depth = panel == DATA.shallow() ? Fig08GradientNorms.SHALLOW_DEPTH : DEPTH;
                SeriesChecks.spans(s, 1, depth);
                assertThat(s.getItemCount()).isEqualTo(depth);
                for (int i = 0; i < s.getItemCount(); i++) {
                    assertThat(s.getY(i).doubleValue()).as("'%s' at layer %d", s.getKey(), i + 1).isPositive()
                            .isFinite();
                }
            }
        }
    }

    @Test
    void reluNormsScaleByTheWeightScaleToThePowerDepthMinusOne() {
        // The three initializers draw the same Gaussians times a constant c, and ReLU is positively homogeneous:
        // X_(l-1) scales by c^(l-1) and dZ_l by c^(depth-l), so every ||dL/dW_l|| scales by c^(depth-1).
        XYSeries naive = series(DATA.relu(), "naive N(0, 1)" + Fig08GradientNorms.IN_A_B);
        XYSeries xavier = series(DATA.relu(), "Xavier" + Fig08GradientNorms.IN_A_B);
        XYSeries he = series(DATA.relu(), "He" + Fig08GradientNorms.IN_A_B);
        double heStd = Math.sqrt(2.0 / N);
        double xavierStd = Math.sqrt(2.0 / (N + N));
        for (int i = 0; i < DEPTH; i++) {
            double logHe = Math.log(he.getY(i).doubleValue());
            // rounding in 50 layers of sums: relative differences of order 1e-13, far below 1e-9 in the log
            assertThat(Math.log(naive.getY(i).doubleValue()) - logHe).as("log(naive / He) at layer %d", i + 1)
                    .isCloseTo((DEPTH - 1) * Math.log(1 / heStd), within(1e-9));
            assertThat(Math.log(xavier.getY(i).doubleValue()) - logHe).as("log(Xavier / He) at layer %d", i + 1)
                    .isCloseTo((DEPTH - 1) * Math.log(xavierStd / heStd), within(1e-9));
        }
        assertThat(Ex09Initialization.heStd(N)).isCloseTo(heStd, within(1e-15));
    }

    @Test
    void heKeepsReluGradientsNearOneWhileNaiveExplodesAndXavierVanishes() {
        assertThat(series(DATA.relu(), "He" + Fig08GradientNorms.IN_A_B).getMinY()).isGreaterThan(1e-2);
        assertThat(series(DATA.relu(), "He" + Fig08GradientNorms.IN_A_B).getMaxY()).isLessThan(10);
        assertThat(flatness(series(DATA.relu(), "He" + Fig08GradientNorms.IN_A_B))).as("He + ReLU: max / min over the layers").isLessThan(10);
        assertThat(series(DATA.relu(), "naive N(0, 1)" + Fig08GradientNorms.IN_A_B).getMinY()).as("naive + ReLU explodes").isGreaterThan(1e30);
        assertThat(series(DATA.relu(), "Xavier" + Fig08GradientNorms.IN_A_B).getMaxY()).as("Xavier + ReLU vanishes").isLessThan(1e-5);
    }

    @Test
    void naiveTanhGradientsGrowTowardsTheInputWhileXavierStaysFlat() {
        XYSeries naive = series(DATA.tanh(), "naive N(0, 1)" + Fig08GradientNorms.IN_A_B);
        assertThat(naive.getY(0).doubleValue()).as("layer 1 against layer 50, naive tanh")
                .isGreaterThan(1e10 * naive.getY(DEPTH - 1).doubleValue());
        assertThat(flatness(series(DATA.tanh(), "Xavier" + Fig08GradientNorms.IN_A_B))).as("Xavier + tanh: max / min").isLessThan(10);
    }

    @Test
    void sigmoidGradientsVanishTowardsTheInputButReluAndGeluDoNot() {
        XYSeries sigmoid = series(DATA.shallow(), "sigmoid" + Fig08GradientNorms.IN_C);
        int last = Fig08GradientNorms.SHALLOW_DEPTH - 1;
        assertThat(sigmoid.getY(0).doubleValue()).as("sigmoid, layer 1 against layer 10")
                .isLessThan(1e-3 * sigmoid.getY(last).doubleValue());
        for (int l = 1; l <= last; l++) {
            assertThat(sigmoid.getY(l - 1).doubleValue()).as("sigmoid grows from layer %d to %d", l, l + 1)
                    .isLessThan(sigmoid.getY(l).doubleValue());
        }
        assertThat(flatness(series(DATA.shallow(), "ReLU" + Fig08GradientNorms.IN_C))).isLessThan(10);
        assertThat(flatness(series(DATA.shallow(), "GELU" + Fig08GradientNorms.IN_C))).isLessThan(10);
    }

    private static double flatness(XYSeries s) {
        return s.getMaxY() / s.getMinY();
    }

    @Test
    void theCaptionAndWriteUp12QuoteTheFiguresOwnNumbers() {
        assertThat(FigureCaptions.of(8)).contains("networks of width " + N, "a " + DEPTH + "-layer ReLU net",
                "a " + Fig08GradientNorms.SHALLOW_DEPTH + "-layer net");
        XYSeries he = series(DATA.relu(), "He" + Fig08GradientNorms.IN_A_B);
        assertThat(he.getMinY()).as("ReLU + He: 'between 0.1 and 0.5'").isGreaterThan(0.1);
        assertThat(he.getMaxY()).as("ReLU + He: 'between 0.1 and 0.5'").isLessThan(0.5);
        XYSeries naive = series(DATA.relu(), "naive N(0, 1)" + Fig08GradientNorms.IN_A_B);
        assertThat(Math.log10(naive.getMinY())).as("ReLU + naive: 'about 10⁴³'").isBetween(42.5, 44.0);
        assertThat(Math.log10(naive.getMaxY())).as("ReLU + naive: 'about 10⁴³'").isBetween(42.5, 44.0);
        XYSeries xavier = series(DATA.relu(), "Xavier" + Fig08GradientNorms.IN_A_B);
        assertThat(Math.log10(xavier.getMinY())).as("ReLU + Xavier: 'about 10⁻⁸'").isBetween(-8.5, -7.5);
        assertThat(Math.log10(xavier.getMaxY())).as("ReLU + Xavier: 'about 10⁻⁸'").isBetween(-8.5, -7.5);
        XYSeries naiveTanh = series(DATA.tanh(), "naive N(0, 1)" + Fig08GradientNorms.IN_A_B);
        assertThat(naiveTanh.getY(DEPTH - 1).doubleValue()).as("tanh + naive: 'about 0.04 at the last layer'")
                .isBetween(0.03, 0.05);
        assertThat(Math.log10(naiveTanh.getY(0).doubleValue())).as("tanh + naive: '10¹⁷ at the first'")
                .isBetween(16.5, 17.5);
        for (String init : new String[] {"He", "Xavier"}) {
            XYSeries s = series(DATA.tanh(), init + Fig08GradientNorms.IN_A_B);
            assertThat(s.getMinY()).as("tanh + %s: 'between about 10⁻² and 1'", init).isGreaterThan(0.008);
            assertThat(s.getMaxY()).as("tanh + %s: 'between about 10⁻² and 1'", init).isLessThan(1.2);
        }
        XYSeries sigmoid = series(DATA.shallow(), "sigmoid" + Fig08GradientNorms.IN_C);
        assertThat(Math.log10(sigmoid.getY(0).doubleValue())).as("sigmoid: '10⁻⁶ at layer 1'").isBetween(-6.5, -5.5);
        // write-up 12: the naive ReLU net's gradients are (n/2)^(49/2) times He's, about 10^43 at width 128
        assertThat(Math.log10(naive.getY(0).doubleValue() / he.getY(0).doubleValue()))
                .isCloseTo((DEPTH - 1) / 2.0 * Math.log10(N / 2.0), within(1e-9));
    }
}
