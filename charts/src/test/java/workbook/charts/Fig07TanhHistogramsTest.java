package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation.LayerStats;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.engine.PytorchDefault;

class Fig07TanhHistogramsTest {
    private static final Fig07TanhHistograms.Dataset DATA = Fig07TanhHistograms.createDataset();
    private static final int N = Fig07TanhHistograms.WIDTH;

    @Test
    void layerStdsAgreeWithForwardStatsOnTheSameSeed() {
        double[][] x0 = Matrices.gaussian(Fig07TanhHistograms.BATCH, N, 0, 1, Experiments.rng(7));
        List<LayerStats> standard = Ex10Propagation.forwardStats(x0, Fig07TanhHistograms.LAYERS, N,
                PytorchDefault.WEIGHTS, Activations.TANH, Experiments.rng(70));
        List<LayerStats> normalized = Ex10Propagation.forwardStats(x0, Fig07TanhHistograms.LAYERS, N,
                Ex09Initialization::xavierUniform, Activations.TANH, Experiments.rng(70));
        for (int l = 0; l < Fig07TanhHistograms.LAYERS; l++) {
            // the same numbers summed in another order: a few ulps apart
            assertThat(DATA.standardStd()[l]).as("standard, layer %d", l + 1)
                    .isCloseTo(standard.get(l).std(), within(1e-12));
            assertThat(DATA.normalizedStd()[l]).as("normalized, layer %d", l + 1)
                    .isCloseTo(normalized.get(l).std(), within(1e-12));
        }
    }

    @Test
    void firstLayerStdMatchesTanhOfAGaussianWithThePredictedVariance() {
        // Var(z) = n Var(W) Var(x): standard n * (1/n)/3 = 1/3; Xavier n * (6/(2n))/3 = 1.
        // Relative std error of a layer's variance: about sqrt(0.8/(n n) + 2/(B n) + 1/(B n)) < 0.7 % for
        // n = 256, B = 400 (uniform weights: Var(w^2) = 0.8 E[w^2]^2); half of it for the std; 2 % is > 5 se.
        double standard = Math.sqrt(Gauss.expectation(z -> Math.tanh(z) * Math.tanh(z), Math.sqrt(1.0 / 3)));
        double normalized = Math.sqrt(Gauss.expectation(z -> Math.tanh(z) * Math.tanh(z), 1));
        assertThat(DATA.standardStd()[0]).isCloseTo(standard, within(0.02 * standard));
        assertThat(DATA.normalizedStd()[0]).isCloseTo(normalized, within(0.02 * normalized));
    }

    @Test
    void standardInitShrinksEveryLayerWhileXavierKeepsTheSpread() {
        for (int l = 1; l < Fig07TanhHistograms.LAYERS; l++) {
            assertThat(DATA.standardStd()[l]).as("standard init, layer %d below layer %d", l + 1, l)
                    .isLessThan(0.7 * DATA.standardStd()[l - 1]);
        }
        double last = DATA.normalizedStd()[Fig07TanhHistograms.LAYERS - 1];
        assertThat(last).as("Xavier keeps a wide layer 5").isGreaterThan(0.25);
        assertThat(last).as("Xavier's layer 5 is several times wider than the standard one's")
                .isGreaterThan(5 * DATA.standardStd()[Fig07TanhHistograms.LAYERS - 1]);
    }

    @Test
    void theCaptionQuotesTheFirstAndLastStdOfEachPanel() {
        String caption = RenderAll.figures().stream().filter(f -> f.file().equals(Fig07TanhHistograms.FILE))
                .findFirst().orElseThrow().caption();
        int last = Fig07TanhHistograms.LAYERS - 1;
        for (double[] std : List.of(DATA.standardStd(), DATA.normalizedStd())) {
            String quoted = String.format(java.util.Locale.ROOT, "std %.2f to %.2f", std[0], std[last]);
            assertThat(caption).as("figure 7's caption states what the data show").contains(quoted);
        }
        for (int l = 1; l < Fig07TanhHistograms.LAYERS; l++) {
            assertThat(DATA.normalizedStd()[l]).as("Xavier's std still falls, layer %d below layer %d: the caption"
                    + " must not say it is kept", l + 1, l).isLessThan(DATA.normalizedStd()[l - 1]);
        }
        assertThat(caption).doesNotContain("keeps their spread");
    }

    @Test
    void everyHistogramIsADensityOnMinusOneToOne() {
        double binWidth = 2.0 / Fig07TanhHistograms.BINS;
        for (HistogramDataset panel : List.of(DATA.standard(), DATA.normalized())) {
            assertThat(panel.getSeriesCount()).isEqualTo(Fig07TanhHistograms.LAYERS);
            for (int s = 0; s < panel.getSeriesCount(); s++) {
                double area = 0;
                for (int i = 0; i < panel.getItemCount(s); i++) {
                    area += panel.getYValue(s, i) * binWidth;
                }
                // tanh never leaves (-1, 1): every activation falls in a bin
                assertThat(area).as("area under '%s'", panel.getSeriesKey(s)).isCloseTo(1, within(1e-9));
                assertThat(panel.getXValue(s, 0)).isCloseTo(-1 + binWidth / 2, within(1e-12));
                assertThat(panel.getXValue(s, panel.getItemCount(s) - 1)).isCloseTo(1 - binWidth / 2, within(1e-12));
            }
        }
    }

    @Test
    void standardInitializerDrawsVarianceOneThirdOverFanIn() {
        double[][] w = PytorchDefault.WEIGHTS.init(N, N, Experiments.rng(1));
        // U(-b, b): Var(w^2) = 4 b^4 / 45, so the relative std error of the sample variance is
        // sqrt(0.8 / (n n)) = 0.35 % here; 2 % is more than 5 se.
        double expected = 1.0 / (3 * N);
        assertThat(Matrices.variance(w)).isCloseTo(expected, within(0.02 * expected));
        assertThat(Arrays.stream(Histograms.flatten(w)).map(Math::abs).max().orElseThrow())
                .as("largest |w|").isLessThanOrEqualTo(1 / Math.sqrt(N));
    }

    @Test
    void theCaptionAndWriteUp8QuoteTheFiguresOwnNumbers() {
        assertThat(FigureCaptions.of(7)).contains("five tanh layers of width " + N, "(std 0.46 to 0.05)",
                "(std 0.63 to 0.32)");
        assertThat(Fig07TanhHistograms.LAYERS).isEqualTo(5);
        double[] standard = DATA.standardStd();
        double[] normalized = DATA.normalizedStd();
        assertThat(standard[0]).isCloseTo(0.46, within(0.005));
        assertThat(standard[4]).isCloseTo(0.05, within(0.005));
        assertThat(normalized[0]).isCloseTo(0.63, within(0.005));
        assertThat(normalized[4]).isCloseTo(0.32, within(0.005));
        // write-up 8 quotes the variances of (b): 0.39 after one layer, 0.10 after five
        assertThat(normalized[0] * normalized[0]).isCloseTo(0.39, within(0.01));
        assertThat(normalized[4] * normalized[4]).isCloseTo(0.10, within(0.005));
    }
}
