package workbook.charts.mnist.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.charts.OrderedColours;
import workbook.charts.SeriesStyle;
import workbook.charts.mnist.protocol.EpochStats;
import workbook.charts.mnist.protocol.FakeTrainer;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.LabConfig;
import workbook.charts.mnist.protocol.Progress;
import workbook.charts.mnist.protocol.Protocol;
import workbook.charts.mnist.protocol.RateSearch;
import workbook.charts.mnist.protocol.RunResult;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.protocol.RunStore;
import workbook.charts.mnist.protocol.Runner;
import workbook.charts.mnist.protocol.Seeds;
import workbook.exercises.Ex07SmoothActivations;

/** The protocol's figures, drawn from the fake trainer's stored runs (the figures read only the run store). */
class LabFiguresTest {
    @TempDir
    static Path root;
    private static Protocol.Results results;

    @BeforeAll
    static void runTheProtocolOnFakeRuns() {
        // one seed: each figure's data is then a stored run itself (with several, a configuration's mean, Seeds.mean)
        LabConfig config = LabConfig.parse("--epochs", "40", "--rates", "0.01,0.1,1", "--init-epochs", "8",
                "--init-depth", "3", "--init-width", "8", "--init-batch", "10", "--seeds", "1");
        Runner runner = new Runner(new FakeTrainer(0.1, 1), new RunStore(root), 2,
                new Progress(new PrintStream(new ByteArrayOutputStream()), false, System::nanoTime), Map.of());
        results = new Protocol(config, FakeTrainer.data("labelled", 50), FakeTrainer.data("test", 20), runner).run();
    }

    @Test
    void drawsEveryFigureThatHasRuns() throws Exception {
        // Written under target/ so that a person can look at them: mvn test, then open target/lab-fake-figures/lab.
        List<Path> files = LabFigures.render(results, Path.of("target", "lab-fake-figures"));
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("lab-d-curves.png",
                "lab-e-relu.png", "lab-e-sigmoid.png", "lab-e-leaky-relu.png", "lab-e-tanh.png", "lab-e-mish.png",
                "lab-e-swish.png", "lab-f-test-accuracy.png", "lab-g-swish.png", "lab-init-grid.png",
                "lab-init-sigmoid.png", "lab-init-tanh.png", "lab-init-relu.png");
        assertThat(files).allSatisfy(f -> assertThat(Files.size(f)).isPositive());
        assertThat(files).as("every figure the lab draws has a caption for the figure index").allSatisfy(f ->
                assertThat(LabFigures.caption(f.getFileName().toString())).isNotEqualTo(f.getFileName().toString()));
        assertThat(LabFigures.caption("lab-e-leaky-relu.png")).startsWith("(e) LeakyReLU: the rate search, four of the seed's 24 plots");
        assertThat(LabFigures.caption("lab-init-tanh.png")).startsWith("Part 4, Tanh:");
    }

    @Test
    void curvesAreTheStoredValuesWithDivergedPointsLeftOut() {
        List<StoredRun> relu = results.e().get(LabActivation.RELU).runs();
        LabCurves.Curves curves = LabCurves.createDataset(relu, run -> RunSpec.rate(run.spec().learningRate()));
        assertThat(curves.trainLoss().getSeriesCount()).isEqualTo(3);
        for (int s = 0; s < relu.size(); s++) {
            RunResult result = relu.get(s).result();
            XYSeriesCollection accuracy = curves.evalAccuracy();
            assertThat(accuracy.getSeries(s).getItemCount()).as("one accuracy point per epoch of %s", relu.get(s).spec().id())
                    .isEqualTo(result.curve().size());
            assertThat(curves.trainLoss().getSeries(s).getItemCount()).as("one loss point per finite epoch")
                    .isEqualTo((int) result.curve().stream().filter(EpochStats::finite).count());
            assertThat(accuracy.getY(s, 0).doubleValue()).isEqualTo(result.curve().get(0).evalAccuracy());
        }
        assertThat(curves.trainLoss().getSeries(2).getKey()).as("rate 1 diverges in the fake").isEqualTo("1 (diverged)");
    }

    @Test
    void activationsWearTheirHouseStyleAndRatesRunAlongTheRamp() {
        List<StoredRun> d = results.d();
        var activations = LabCurves.createChart("d", "validation",
                LabCurves.createDataset(d, run -> run.spec().activation().label()), false).get(0).getXYPlot();
        for (int s = 0; s < d.size(); s++) {
            LabActivation a = d.get(s).spec().activation();
            SeriesStyle house = a == LabActivation.SWISH ? SeriesStyle.SILU // Swish at beta = 1 is SiLU
                    : SeriesStyle.valueOf(a.name());
            assertThat(activations.getRenderer().getSeriesPaint(s)).as("the colour of %s", a).isEqualTo(house.colour());
        }
        List<StoredRun> rates = results.e().get(LabActivation.RELU).runs();
        var ramp = LabCurves.createChart("e", "validation",
                LabCurves.createDataset(rates, run -> RunSpec.rate(run.spec().learningRate())), true).get(3).getXYPlot();
        assertThat(List.of(0, 1, 2).stream().map(s -> ramp.getRenderer().getSeriesPaint(s)).toList())
                .as("three rates, smallest first: the ramp's dark end, its middle and its light end")
                .containsExactly(OrderedColours.ORDERED.get(0), OrderedColours.ORDERED.get(2),
                        OrderedColours.ORDERED.get(4));
    }

    @Test
    void aRateHasOneColourInEveryActivationsPlotAndTheBestIsSolidAndThicker() {
        List<Double> all = results.e().values().stream().flatMap(o -> o.runs().stream())
                .map(r -> r.spec().learningRate()).distinct().sorted().toList();
        java.util.Map<Double, java.awt.Paint> colourOfRate = new java.util.HashMap<>();
        for (RateSearch.SearchResult outcome : results.e().values()) {
            StoredRun best = outcome.best().orElseThrow();
            List<JFreeChart> panels = LabCurves.createRateChart("e", outcome.runs(), best, all);
            XYItemRenderer renderer = panels.get(3).getXYPlot().getRenderer();
            for (int i = 0; i < outcome.runs().size(); i++) {
                StoredRun run = outcome.runs().get(i);
                java.awt.Paint paint = renderer.getSeriesPaint(i);
                assertThat(colourOfRate.computeIfAbsent(run.spec().learningRate(), r -> paint))
                        .as("rate %s in %s", run.spec().learningRate(), outcome.activation()).isEqualTo(paint);
                float width = ((java.awt.BasicStroke) renderer.getSeriesStroke(i)).getLineWidth();
                assertThat(width).isEqualTo(run == best ? 2 * SeriesStyle.LINE_WIDTH : SeriesStyle.LINE_WIDTH);
            }
            assertThat(panels.get(0).getXYPlot().getRangeAxis()).as("losses on a log axis")
                    .isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        }
        assertThat(colourOfRate).hasSize(all.size());
    }

    @Test
    void partDsBandRunsFromTheLowestToTheHighestSeed() {
        StoredRun one = results.d().get(0);
        StoredRun other = new StoredRun(one.spec().withSeed(2), new RunResult(one.result().curve().stream()
                .map(e -> new EpochStats(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.evalLoss(), e.evalAccuracy() / 2))
                .toList(), Map.of()), one.info());
        List<List<StoredRun>> groups = List.of(List.of(one, other));
        var plot = LabCurves.createChart("d", "validation", LabCurves.createDataset(groups.stream().map(Seeds::mean)
                .toList(), run -> run.spec().activation().label()), false).get(3).getXYPlot();
        LabCurves.addBand(plot, groups, EpochStats::evalAccuracy, run -> run.spec().activation().label());
        var band = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(1);
        int last = band.getItemCount(0) - 1;
        double best = one.result().last().evalAccuracy();
        assertThat(band.getEndYValue(0, last)).isEqualTo(best);
        assertThat(band.getStartYValue(0, last)).isEqualTo(best / 2);
        assertThat(band.getYValue(0, last)).isCloseTo(0.75 * best, within(1e-12));
        assertThat(plot.getRenderer(1).getSeriesFillPaint(0)).as("the line's colour")
                .isEqualTo(plot.getRenderer().getSeriesPaint(0));
    }

    @Test
    void quickFiguresSaySoAndTheIndexPageToo(@TempDir Path figures) throws Exception {
        LabFigures.render(results, figures, true);
        assertThat(figures.resolve("lab").resolve(LabFigures.QUICK_MARK)).exists();
        LabFigures.render(results, figures, false);
        assertThat(figures.resolve("lab").resolve(LabFigures.QUICK_MARK)).as("the protocol's own figures").doesNotExist();
    }

    @Test
    void theLearnersActivationRacesInItsOwnStyle(@TempDir Path store) throws Exception {
        LabConfig config = LabConfig.parse("--parts", "d", "--activations", "relu,custom", "--epochs", "3", "--seeds", "1");
        Runner runner = new Runner(new FakeTrainer(0.1, 1), new RunStore(store), 1,
                new Progress(new PrintStream(new ByteArrayOutputStream()), false, System::nanoTime), Map.of());
        Protocol.Results custom = new Protocol(config, FakeTrainer.data("labelled", 50), FakeTrainer.data("test", 20),
                runner).run();
        assertThat(custom.d()).extracting(r -> r.spec().activation()).containsExactly(LabActivation.RELU, LabActivation.CUSTOM);
        List<JFreeChart> panels = LabCurves.createChart("(d)", "validation", LabCurves.createDataset(custom.d(),
                run -> run.spec().activation().label()), false);
        XYItemRenderer renderer = panels.get(0).getXYPlot().getRenderer();
        assertThat(renderer.getSeriesPaint(1)).isEqualTo(SeriesStyle.CUSTOM.colour());
        assertThat(renderer.getSeriesStroke(1)).isEqualTo(SeriesStyle.CUSTOM.stroke());
    }

    @Test
    void barsAreTheTestAccuraciesInPercent() {
        XYSeriesCollection bars = LabTestAccuracy.createDataset(results.f().stream().map(List::of).toList());
        for (int i = 0; i < results.f().size(); i++) {
            assertThat(bars.getYValue(0, i)).isEqualTo(100 * results.f().get(i).result().last().evalAccuracy());
        }
        // two seeds of one activation: the bar is their mean
        StoredRun one = results.f().get(0);
        StoredRun other = new StoredRun(one.spec(), new RunResult(List.of(new EpochStats(1, 1, 0.5, 1, 0.25)),
                java.util.Map.of()), one.info());
        assertThat(LabTestAccuracy.createDataset(List.of(List.of(one, other))).getYValue(0, 0))
                .isCloseTo(50 * (one.result().last().evalAccuracy() + 0.25), within(1e-9));
    }

    @Test
    void learnedSwishCurvesUseTheStoredBetas() {
        XYSeriesCollection curves = LabSwish.createDataset(results.g().get(0));
        assertThat(curves.getSeriesCount()).as("beta = 1 and one per layer").isEqualTo(3);
        assertThat((String) curves.getSeries(1).getKey()).contains("1.250");
        int last = curves.getSeries(1).getItemCount() - 1;
        // x = 5 with beta = 1.25: 5 sigma(6.25), from the reference Swish of Ex07.
        assertThat(curves.getYValue(1, last)).isCloseTo(Ex07SmoothActivations.swish(5, 1.25), within(1e-12));
    }

    @Test
    void theInitGridHasOneCellPerRunAndNaNForDiverged() {
        LabInitGrid.Grid grid = LabInitGrid.createDataset(results.init());
        assertThat(grid.inits()).containsExactly(Init.values());
        assertThat(grid.activations()).containsExactly(LabActivation.SIGMOID, LabActivation.TANH, LabActivation.RELU);
        assertThat(grid.cells().getItemCount(0)).isEqualTo(15);
        StoredRun first = results.init().get(0);
        assertThat(grid.cells().getZValue(0, 0)).isEqualTo(first.result().last().evalAccuracy());
        assertThat(grid.cells().getYValue(0, 0)).as("the first init is the top row").isEqualTo(4);
        int naiveRelu = 1 * 3 + 2; // init-major: naive is the 2nd init, relu the 3rd activation
        assertThat(results.init().get(naiveRelu).spec().id()).startsWith("init-relu-naive");
        assertThat(grid.cells().getZValue(0, naiveRelu)).as("the fake's naive ReLU diverges").isNaN();
        assertThat(grid.labels().get(naiveRelu)).isEqualTo("diverged");
    }

    @Test
    void theInitGridShowsEachCellsMeanAndSpreadOverSeedsAndSaysWhereItSitsAtChance() {
        StoredRun one = results.init().get(0);
        RunResult chance = new RunResult(List.of(new EpochStats(1, 2.3, 0.1, 2.3, 0.1)), Map.of());
        RunResult good = new RunResult(List.of(new EpochStats(1, 0.5, 0.9, 0.5, 0.9)), Map.of());
        RunResult better = new RunResult(List.of(new EpochStats(1, 0.4, 0.92, 0.4, 0.92)), Map.of());
        RunSpec spec = one.spec();
        RunSpec other = new RunSpec(spec.part(), LabActivation.TANH, spec.init(), spec.hidden(), spec.learningRate(),
                spec.epochs(), spec.batchSize(), false, 2, spec.trainSize(), spec.evalName(), spec.evalSize());
        LabInitGrid.Grid grid = LabInitGrid.createDataset(List.of(new StoredRun(spec, chance, Map.of()),
                new StoredRun(other, good, Map.of()), new StoredRun(other.withSeed(3), better, Map.of())));
        assertThat(grid.labels()).containsExactly("10.0%\n(chance)", "91.0% ± 1.4");
    }
}
