package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

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
}
