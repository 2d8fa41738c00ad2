package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

class Fig06SignalAcrossDepthTest {
    private static final Fig06SignalAcrossDepth.Dataset DATA = Fig06SignalAcrossDepth.createDataset();
    private static final int DEPTH = Fig06SignalAcrossDepth.DEPTH;

    private static XYSeries scheme(XYSeriesCollection c, String name) {
        return c.getSeries(name);
    }

    private static double std(XYSeries s, int layer) {
        return s.getY(layer - 1).doubleValue();
    }

    @Test
    void everySeriesHasOnePositiveStdPerLayer() {
        for (XYSeriesCollection c : new XYSeriesCollection[] {DATA.relu(), DATA.tanh()}) {
            for (int i = 0; i < c.getSeriesCount(); i++) {
                XYSeries s = c.getSeries(i);
                assertThat(s.getMinX()).isEqualTo(1);
                assertThat(s.getMaxX()).isEqualTo(DEPTH);
                assertThat(s.getMinY()).as("%s must fit on a log axis", s.getKey()).isPositive();
            }
        }
    }

    @Test
    void heKeepsReluFlatAtItsPredictedLevel() {
        XYSeries he = scheme(DATA.relu(), "He");
        // z ~ N(0, 2) gives relu(z) a second moment 1 and a mean 1/sqrt(pi): std sqrt(1 - 1/pi) = 0.826
        assertThat(std(he, 1)).isCloseTo(Math.sqrt(1 - 1 / Math.PI), within(0.05));
        for (int layer = 1; layer <= DEPTH; layer++) {
            assertThat(std(he, layer) / std(he, 1)).as("layer %d against layer 1", layer).isBetween(0.5, 2.0);
        }
    }

    @Test
    void naiveWeightsExplodeReluAndXavierLetsItFade() {
        // per layer the variance is multiplied by n Var(w) / 2: 128 for naive weights, 1/2 for Xavier (n = 256)
        assertThat(std(scheme(DATA.relu(), "naive N(0, 1)"), DEPTH)).isGreaterThan(1e40);
        assertThat(std(scheme(DATA.relu(), "Xavier"), DEPTH)).isLessThan(1e-5);
    }

    @Test
    void naiveWeightsSaturateTanhWhileXavierNeitherExplodesNorSaturates() {
        XYSeries naive = scheme(DATA.tanh(), "naive N(0, 1)");
        XYSeries xavier = scheme(DATA.tanh(), "Xavier");
        for (int layer = 1; layer <= DEPTH; layer++) {
            assertThat(std(naive, layer)).as("naive tanh, layer %d: units pinned at +-1", layer).isGreaterThan(0.9);
            assertThat(std(xavier, layer)).as("Xavier tanh, layer %d", layer).isBetween(0.05, 0.9);
        }
    }

    @Test
    void theCaptionQuotesTheFiguresOwnNumbers() {
        String caption = FigureCaptions.of(6);
        assertThat(caption).contains(DEPTH + " layers of width " + Fig06SignalAcrossDepth.WIDTH);
        XYSeries he = scheme(DATA.relu(), "He");
        assertThat(he.getMinY()).as("ReLU + He: 'between 0.8 and 1.4'").isGreaterThan(0.75);
        assertThat(he.getMaxY()).as("ReLU + He: 'between 0.8 and 1.4'").isLessThan(1.45);
        assertThat(std(scheme(DATA.relu(), "naive N(0, 1)"), DEPTH)).as("ReLU + naive: '5 × 10⁵² at layer 50'")
                .isBetween(4.5e52, 5.5e52);
        assertThat(std(scheme(DATA.relu(), "Xavier"), DEPTH)).as("ReLU + Xavier: '3 × 10⁻⁸'").isBetween(2.5e-8, 3.5e-8);
        assertThat(scheme(DATA.tanh(), "naive N(0, 1)").getMinY()).as("tanh + naive: 'std near 1'").isGreaterThan(0.95);
        assertThat(std(scheme(DATA.tanh(), "He"), DEPTH)).as("tanh + He: 'settles near 0.55'").isBetween(0.5, 0.6);
        assertThat(std(scheme(DATA.tanh(), "Xavier"), DEPTH)).as("tanh + Xavier: 'towards 0.1'").isBetween(0.08, 0.13);
    }
}
