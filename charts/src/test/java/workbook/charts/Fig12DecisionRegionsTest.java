package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Network;
import workbook.theory.engine.Scheme;
import workbook.theory.site.FigureCaptions;

class Fig12DecisionRegionsTest {
    private static final Fig12DecisionRegions.Dataset DATA = Fig12DecisionRegions.createDataset();

    @Test
    void smoothAndPiecewiseLinearActivationsLearnTheMoons() {
        for (Fig12DecisionRegions.Panel p : DATA.panels()) {
            // a straight line scores about 0.87 on these moons; the sigmoid net, still on its plateau, too
            double floor = p.act() == Activations.SIGMOID ? 0.8 : 0.95;
            assertThat(p.accuracy()).as("training accuracy with %s", p.act().name()).isGreaterThanOrEqualTo(floor);
        }
    }

    @Test
    void theGridHoldsProbabilitiesOverThePlottedRange() {
        for (Fig12DecisionRegions.Panel p : DATA.panels()) {
            assertThat(p.grid().getItemCount(0)).isEqualTo(Fig12DecisionRegions.CELLS_X * Fig12DecisionRegions.CELLS_Y);
            for (int k = 0; k < p.grid().getItemCount(0); k++) {
                assertThat(p.grid().getZValue(0, k)).isBetween(0.0, 1.0);
                assertThat(p.grid().getXValue(0, k)).isBetween(Fig12DecisionRegions.X_MIN, Fig12DecisionRegions.X_MAX);
                assertThat(p.grid().getYValue(0, k)).isBetween(Fig12DecisionRegions.Y_MIN, Fig12DecisionRegions.Y_MAX);
                double[][] point = {{p.grid().getXValue(0, k), p.grid().getYValue(0, k)}};
                assertThat(p.grid().getZValue(0, k)).as("the grid is the network's p(class 1)")
                        .isCloseTo(Fig12DecisionRegions.probabilities(p.net(), point)[0][0], within(1e-12));
            }
        }
    }

    @Test
    void theMoonsAreBalancedAndInsideThePlot() {
        Fig12DecisionRegions.Moons moons = DATA.moons();
        assertThat(Arrays.stream(moons.y()).sum()).isEqualTo(Fig12DecisionRegions.POINTS_PER_CLASS);
        for (double[] point : moons.x()) {
            assertThat(point[0]).isBetween(Fig12DecisionRegions.X_MIN, Fig12DecisionRegions.X_MAX);
            assertThat(point[1]).isBetween(Fig12DecisionRegions.Y_MIN, Fig12DecisionRegions.Y_MAX);
        }
    }

    @Test
    void trainingIsDeterministic() {
        Fig12DecisionRegions.Panel again = Fig12DecisionRegions.panel(Activations.TANH, Scheme.XAVIER,
                Fig12DecisionRegions.moons(Experiments.rng(12)));
        for (int l = 0; l < again.net().depth(); l++) {
            assertThat(again.net().weights(l)).isDeepEqualTo(DATA.panels().get(1).net().weights(l));
        }
    }

    @Test
    void gradientDescentLowersTheLoss() {
        Fig12DecisionRegions.Moons moons = DATA.moons();
        Network fresh = Network.classifier(new int[] {2, Fig12DecisionRegions.HIDDEN, 1}, Activations.RELU,
                Scheme.HE, Experiments.rng(120));
        double before = fresh.loss(moons.x(), moons.y());
        double after = DATA.panels().get(0).net().loss(moons.x(), moons.y());
        assertThat(after).as("ReLU net: loss after training against before").isLessThan(0.2 * before);
    }

    @Test
    void theFourPanelsShareOneColourScaleAndOneColourBar() {
        for (org.jfree.chart.JFreeChart panel : Fig12DecisionRegions.createChart(DATA)) {
            assertThat(panel.getSubtitles()).as("a panel of figure 12 draws no colour bar of its own")
                    .noneMatch(t -> t instanceof org.jfree.chart.title.PaintScaleLegend);
            var blocks = (org.jfree.chart.renderer.xy.XYBlockRenderer) panel.getXYPlot().getRenderer();
            assertThat(blocks.getPaintScale()).as("every panel's colours").isSameAs(Fig12DecisionRegions.SCALE);
        }
        assertThat(Fig12DecisionRegions.colourBar(org.jfree.chart.ui.RectangleEdge.BOTTOM).getScale())
                .as("the figure's one colour bar").isSameAs(Fig12DecisionRegions.SCALE);
    }

    @Test
    void theCaptionQuotesTheFiguresOwnSettings() {
        assertThat(FigureCaptions.of(12)).contains(Fig12DecisionRegions.HIDDEN + " hidden units",
                "for " + Fig12DecisionRegions.STEPS + " steps", "one panel per activation");
        assertThat(DATA.panels()).as("one panel per activation").hasSize(4);
    }
}
