package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.theory.engine.Scheme;

/** The explorer's view: training lowers the loss, and the drawn contour is where the network says 1/2. */
class DecisionExplorerTest {
    private static final DecisionExplorer.View VIEW = DecisionExplorerView.trained(ExplorerSettings.DEFAULT, 400);

    @Test
    void trainingLowersTheLossAndLearnsTheMoons() {
        List<double[]> losses = VIEW.losses();
        assertThat(losses.get(0)[0]).as("the first loss is the untrained network's").isZero();
        assertThat(VIEW.loss()).as("loss after 400 steps against before").isLessThan(0.2 * losses.get(0)[1]);
        // a straight line scores about 0.87 on these moons (figure 12's test): the ReLU net must bend
        assertThat(VIEW.accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theContourIsWhereTheNetworkSaysOneHalf() {
        assertThat(VIEW.boundary()).as("the p = 1/2 contour exists").hasSizeGreaterThan(50);
        for (Contour.Segment s : VIEW.boundary()) {
            for (double[] point : List.of(new double[] {s.x1(), s.y1()}, new double[] {s.x2(), s.y2()})) {
                double p = Fig12DecisionRegions.probabilities(VIEW.net(), new double[][] {point})[0][0];
                // linear interpolation along a cell edge of h = 1/30: the error is h^2 |p''| / 8, under 0.01 for
                // |p''| up to 70; the trained net's p is much flatter than that across its boundary
                assertThat(p).as("p at the contour point (%s, %s)", point[0], point[1]).isCloseTo(0.5, within(0.01));
            }
        }
    }

    @Test
    void theRegionsPanelDrawsTheContourAndThePoints() {
        JFreeChart chart = DecisionExplorerView.regions(VIEW);
        XYDataset contour = chart.getXYPlot().getDataset(chart.getXYPlot().getDatasetCount() - 1);
        assertThat(contour.getItemCount(0)).as("two ends and a gap per segment").isEqualTo(3 * VIEW.boundary().size());
        assertThat(contour.getYValue(0, 2)).as("a gap between segments").isNaN();
        assertThat(chart.getXYPlot().getDataset(1).getSeriesCount()).as("the two classes' points").isEqualTo(2);
    }

    @Test
    void everyActivationWidthAndDepthBuildsTheRightNetwork() {
        for (String name : ExplorerSettings.names()) {
            DecisionExplorer explorer = new DecisionExplorer(new ExplorerSettings(name, 6, 3, 1));
            explorer.train(5);
            assertThat(explorer.view().net().depth()).as("%s: 3 hidden layers and the output layer", name).isEqualTo(4);
            assertThat(explorer.view().net().weights(1)).as("%s: 6 x 6 hidden weights", name).hasDimensions(6, 6);
            assertThat(explorer.view().loss()).as("%s: a finite loss", name).isFinite();
        }
    }

    @Test
    void badSettingsAreRejectedWithTheRule() {
        assertThatThrownBy(() -> new ExplorerSettings("relu", 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be between 1 and 64");
        assertThatThrownBy(() -> new ExplorerSettings("relu", 4, 9, 1)).hasMessageContaining("depth must be between");
        assertThatThrownBy(() -> new ExplorerSettings("softmax", 4, 1, 1)).hasMessageContaining("activation must be one of");
    }

    @Test
    void anActivationIsFoundInAnyCaseAndKeepsTheEngineSpelling() {
        ExplorerSettings settings = new ExplorerSettings("relu", 4, 1, 1);
        assertThat(settings.activation()).isEqualTo("ReLU");
        assertThat(settings.act()).isSameAs(workbook.theory.engine.Activations.RELU);
        assertThat(new ExplorerSettings("TANH", 4, 1, 1).init()).as("Xavier for tanh")
                .isSameAs(Scheme.XAVIER);
    }

    @Test
    void aStubInTheWayIsNamedWithItsExercise() {
        assertThat(DecisionExplorerApp.problem(new RuntimeException(
                new UnsupportedOperationException("Ex09Initialization.heNormal is not implemented yet"))))
                .contains("Ex09Initialization.heNormal is not implemented yet: finish Ex09 to train this network");
    }

    @Test
    void theHeadlessRunWritesTheView(@TempDir Path dir) throws Exception {
        DecisionExplorerView.main(new String[] {dir.toString(), "tanh", "8", "2", "3", "50"});
        assertThat(Files.size(dir.resolve(DecisionExplorerView.FILE))).isPositive();
    }

    @Test
    void marchingSquaresTraceACircle() {
        int n = 81;
        double[] xs = new double[n];
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            xs[i] = -2 + 4.0 * i / (n - 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = xs[i] * xs[i] + xs[j] * xs[j];
            }
        }
        List<Contour.Segment> circle = Contour.of(xs, xs, f, 1);
        double length = 0;
        for (Contour.Segment s : circle) {
            // along an edge f is exactly quadratic: the linear interpolation misses r = 1 by at most h^2 / 8 = 3e-4
            assertThat(Math.hypot(s.x1(), s.y1())).isCloseTo(1, within(1e-3));
            length += Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
        }
        // an inscribed polygon is a little shorter than 2 pi, within a few percent at this resolution
        assertThat(length).as("the traced circle's length").isCloseTo(2 * Math.PI, within(0.05));
    }

    @Test
    void theInitializerAndTheRateAreChosenWithClearRules() {
        ExplorerSettings naive = new ExplorerSettings("tanh", 4, 1, 1, "NAIVE", 0.5);
        assertThat(naive.initializer()).as("the first word is enough, in any case").isEqualTo("naive N(0, 1)");
        assertThat(naive.init()).isEqualTo(workbook.theory.engine.Scheme.NAIVE);
        assertThat(naive.rate()).isEqualTo(0.5);
        assertThatThrownBy(() -> new ExplorerSettings("tanh", 4, 1, 1, "lecun", 0.5))
                .hasMessageStartingWith("initializer must be one of [matched, naive N(0, 1), Xavier, He, constant 0.3]");
        assertThatThrownBy(() -> new ExplorerSettings("tanh", 4, 1, 1, "He", 0)).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> new ExplorerSettings("tanh", 4, 1, 1, "He", Double.NaN))
                .hasMessageContaining("rate must be above 0");
    }

    @Test
    void aConstantInitializationTrainsEveryUnitAlikeSoTheBoundaryIsOneUnitsLine() {
        // one hidden layer of 8 identical tanh units computes tanh(0.3 (x + y) + b) eight times over: its p = 1/2
        // contour is a single straight line, whatever the training, where a random start bends it around the moons
        DecisionExplorer constant = new DecisionExplorer(new ExplorerSettings("tanh", 8, 1, 1, "constant", 2.0));
        constant.train(400);
        DecisionExplorer xavier = new DecisionExplorer(new ExplorerSettings("tanh", 8, 1, 1, "Xavier", 2.0));
        xavier.train(400);
        assertThat(constant.view().accuracy()).as("a straight line through the moons")
                .isLessThan(xavier.view().accuracy());
        // the contour is interpolated linearly along the grid's cell edges: a straight line comes out straight to
        // within about the square of a cell's width, (4 / 240)^2 = 2.8e-4, not exactly
        assertThat(straightness(constant.view().boundary())).isLessThan(2e-3);
        assertThat(straightness(xavier.view().boundary())).as("bent around the moons").isGreaterThan(0.05);
    }

    /** How far the contour's points lie off the line through its first and last point, at most. */
    private static double straightness(java.util.List<Contour.Segment> segments) {
        Contour.Segment first = segments.get(0);
        Contour.Segment last = segments.get(segments.size() - 1);
        double dx = last.x2() - first.x1();
        double dy = last.y2() - first.y1();
        double length = Math.hypot(dx, dy);
        double worst = 0;
        for (Contour.Segment s : segments) {
            worst = Math.max(worst, Math.abs(dy * (s.x1() - first.x1()) - dx * (s.y1() - first.y1())) / length);
        }
        return worst;
    }

    @Test
    void beforeTheFirstStepTheLossPanelIsAnEmptyFrameWithRoomForTheCurve() {
        DecisionExplorer fresh = new DecisionExplorer(ExplorerSettings.DEFAULT);
        var plot = DecisionExplorerView.loss(fresh.view()).getXYPlot();
        assertThat(plot.getRangeAxis().getLowerBound()).isZero();
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(0.1);
        assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(DecisionExplorerApp.STEPS_PER_PRESS);
    }
}
