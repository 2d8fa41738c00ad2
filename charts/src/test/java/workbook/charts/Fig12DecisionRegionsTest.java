package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import workbook.exercises.Ex10Propagation.Activation;

class Fig12DecisionRegionsTest {
    private static final Fig12DecisionRegions.Dataset DATA = Fig12DecisionRegions.createDataset();
    /** Central differences with h = 1e-5: error about h^2 |L'''| / 6 + eps |L| / h, below 1e-9 here. */
    private static final double FD_TOL = 1e-7;

    @Test
    void smoothAndPiecewiseLinearActivationsLearnTheMoons() {
        for (Fig12DecisionRegions.Panel p : DATA.panels()) {
            // a straight line scores about 0.87 on these moons; the sigmoid net, still on its plateau, too
            double floor = p.act() == Experiments.SIGMOID ? 0.8 : 0.95;
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
                assertThat(p.grid().getZValue(0, k)).isEqualTo(
                        p.net().probability(p.grid().getXValue(0, k), p.grid().getYValue(0, k)));
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
        Fig12DecisionRegions.Panel again = Fig12DecisionRegions.panel(Experiments.TANH, Experiments.XAVIER,
                Fig12DecisionRegions.moons(Experiments.rng(12)));
        assertThat(again.net().parameters()).isEqualTo(DATA.panels().get(1).net().parameters());
    }

    @Test
    void backpropagationMatchesCentralDifferences() {
        for (Activation act : new Activation[] {Experiments.TANH, Experiments.GELU, Experiments.SIGMOID}) {
            TinyMlp net = TinyMlp.create(act, Experiments.HE, 4, Experiments.rng(5));
            double[][] x = Arrays.copyOf(DATA.moons().x(), 20);
            int[] y = Arrays.copyOf(DATA.moons().y(), 20);
            double[] analytic = net.gradient(x, y);
            double[] p = net.parameters();
            for (int k = 0; k < p.length; k++) {
                double h = 1e-5;
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (net.withParameters(up).loss(x, y) - net.withParameters(down).loss(x, y)) / (2 * h);
                assertThat(analytic[k]).as("%s: dL/dparam[%d]", act.name(), k).isCloseTo(numeric, within(FD_TOL));
            }
        }
    }

    @Test
    void gradientDescentLowersTheLoss() {
        Fig12DecisionRegions.Moons moons = DATA.moons();
        TinyMlp fresh = TinyMlp.create(Experiments.RELU, Experiments.HE, Fig12DecisionRegions.HIDDEN,
                Experiments.rng(120));
        double before = fresh.loss(moons.x(), moons.y());
        double after = DATA.panels().get(0).net().loss(moons.x(), moons.y());
        assertThat(after).as("ReLU net: loss after training against before").isLessThan(0.2 * before);
    }
}
