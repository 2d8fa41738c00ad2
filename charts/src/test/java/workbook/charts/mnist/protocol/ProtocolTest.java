package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.protocol.RunStore.StoredRun;
import workbook.charts.mnist.report.ProtocolReport;

class ProtocolTest {
    private static final ImageSet LABELLED = FakeTrainer.data("labelled", 50);
    private static final ImageSet TEST = FakeTrainer.data("test", 20);

    private static Protocol protocol(RunTrainer trainer, Path root, String... args) {
        LabConfig config = LabConfig.parse(args);
        Runner runner = new Runner(trainer, new RunStore(root), config.jobs(),
                new Progress(new PrintStream(new ByteArrayOutputStream()), false, System::nanoTime), Map.of("trainer", "fake"));
        return new Protocol(config, LABELLED, TEST, runner);
    }

    @Test
    void anInterruptedProtocolResumesWithoutRecomputingFinishedRuns(@TempDir Path root) {
        FakeTrainer first = new FakeTrainer(0.1, 10, 3);
        assertThatThrownBy(() -> protocol(first, root, "--parts", "d", "--seeds", "1", "--epochs", "5", "--jobs", "1").run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 of 6 runs of part (d) failed")
                .hasMessageContaining("a rerun trains only what is missing");
        assertThat(new RunStore(root).all()).as("the 3 runs finished before the interruption are saved").hasSize(3);

        FakeTrainer second = new FakeTrainer(0.1, 10);
        Protocol.Results results = protocol(second, root, "--parts", "d", "--seeds", "1", "--epochs", "5", "--jobs", "2").run();
        assertThat(second.trained()).as("the rerun trains only the 3 missing runs").hasSize(3)
                .doesNotContainAnyElementsOf(first.trained());
        assertThat(results.d()).extracting(r -> r.spec().activation()).containsExactlyElementsOf(LabActivation.SEEDS_SIX);

        FakeTrainer third = new FakeTrainer(0.1, 10);
        protocol(third, root, "--parts", "d", "--seeds", "1", "--epochs", "5").run();
        assertThat(third.trained()).as("a finished protocol trains nothing again").isEmpty();
    }

    @Test
    void aDivergedRunIsRecordedAsDivergedNotACrash(@TempDir Path root) {
        Protocol.Results results = protocol(new FakeTrainer(0.1, 0.5), root, "--parts", "d", "--rate", "1",
                "--activations", "relu,tanh", "--epochs", "5", "--seeds", "1").run();
        assertThat(results.d()).hasSize(2).allSatisfy(run -> {
            assertThat(run.result().diverged()).isTrue();
            assertThat(run.info()).containsEntry("status", "diverged").containsEntry("epochsRun", "2");
        });
        assertThat(new RunStore(root).all()).allSatisfy(run -> assertThat(run.result().last().trainLoss()).isNaN());
        assertThat(ProtocolReport.text(results, LabConfig.parse())).contains("diverged").contains("Converged with every seed: none");
    }

    @Test
    void theRateSearchExtendsTheGridUntilTheBestRateIsInside(@TempDir Path root) {
        FakeTrainer trainer = new FakeTrainer(0.3, 5);
        Protocol.Results results = protocol(trainer, root, "--parts", "e", "--activations", "relu", "--rates",
                "0.01,0.1", "--epochs", "5", "--seeds", "1").run();
        RateSearch.SearchResult relu = results.e().get(LabActivation.RELU);
        // 0.1 is the grid's top, so the search adds 1 (spaced like 0.01 and 0.1). The fake's accuracy falls with
        // |log10(rate / 0.3)|: 0.48 at 0.1, 0.52 at 1, so 0.1 stays best and is now inside the grid.
        assertThat(relu.runs()).extracting(r -> r.spec().learningRate()).containsExactly(0.01, 0.1, 1.0);
        assertThat(relu.best().orElseThrow().spec().learningRate()).isEqualTo(0.1);
        assertThat(relu.atEdge()).isFalse();
        assertThat(trainer.trained()).as("each rate trained once").hasSize(3);
    }

    @Test
    void theRateSearchExtendsDownwardsAndPastDivergence(@TempDir Path root) {
        Protocol.Results results = protocol(new FakeTrainer(0.001, 0.05), root, "--parts", "e", "--activations",
                "tanh", "--rates", "0.01,0.1", "--epochs", "5").run();
        RateSearch.SearchResult tanh = results.e().get(LabActivation.TANH);
        // 0.1 diverges and 0.01 is best at the bottom: add 0.001, the fake's peak, again at the bottom: add
        // 0.0001, and 0.001 is inside. The diverged 0.1 counts as the upper edge.
        assertThat(tanh.runs()).extracting(r -> r.spec().learningRate()).containsExactly(1e-4, 1e-3, 0.01, 0.1);
        assertThat(tanh.best().orElseThrow().spec().learningRate()).isEqualTo(1e-3);
        assertThat(tanh.atEdge()).isFalse();
    }

    @Test
    void aBestRateLeftAtTheEdgeIsFlaggedWhenExtensionsRunOut(@TempDir Path root) {
        Protocol.Results results = protocol(new FakeTrainer(3, 100), root, "--parts", "e", "--activations", "mish",
                "--rates", "0.01,0.1", "--epochs", "5", "--max-extensions", "0").run();
        assertThat(results.e().get(LabActivation.MISH).atEdge()).isTrue();
        assertThat(ProtocolReport.text(results, LabConfig.parse())).contains("WARNING: the best rate is still at the grid's edge");
    }

    @Test
    void theWholeProtocolRetrainsAtTheBestRatesAndReportsFromTheRuns(@TempDir Path root) {
        FakeTrainer trainer = new FakeTrainer(0.1, 3);
        Protocol.Results results = protocol(trainer, root, "--epochs", "5", "--init-epochs", "2", "--init-depth", "3",
                "--init-width", "8", "--init-batch", "10").run();
        assertThat(results.f()).as("six activations, five seeds each").hasSize(30).allSatisfy(run -> {
            assertThat(run.spec().learningRate()).as("best rate of the default grid for a peak at 0.1").isEqualTo(0.1);
            assertThat(run.spec().trainSize()).as("(f) trains on all labelled images").isEqualTo(50);
            assertThat(run.spec().evalName()).isEqualTo("test");
            assertThat(run.spec().evalSize()).isEqualTo(20);
        });
        assertThat(results.f().stream().map(r -> r.spec().seed()).distinct()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(results.g()).hasSize(5).allSatisfy(g -> {
            assertThat(g.spec().trainableBeta()).isTrue();
            assertThat(g.result().learned()).containsEntry("beta1", 1.25);
        });
        assertThat(results.init()).as("15 cells, five seeds each").hasSize(75)
                .allSatisfy(run -> assertThat(run.spec().hidden()).containsExactly(8, 8, 8));
        assertThat(results.d()).as("six activations, three seeds each").hasSize(18);
        assertThat(results.chosen()).hasSize(6).allSatisfy((a, choice) -> {
            assertThat(choice.rate()).isEqualTo(0.1);
            assertThat(choice.runs()).as("the two best rates run with part (d)'s seeds").hasSize(3);
            assertThat(choice.others()).as("the runner-up, with the same seeds").hasSize(3);
        });
        assertThat(results.d()).allSatisfy(run -> {
            assertThat(run.spec().trainSize()).as("(d) trains on the first 80 %%").isEqualTo(40);
            assertThat(run.spec().evalSize()).isEqualTo(10);
        });
        String report = ProtocolReport.text(results, LabConfig.parse());
        assertThat(report).contains("Part (d)", "Part (e)", "Part (f)", "Part (g)", "beta1 = 1.2500 ± 0.0000", "Part 4",
                "Xavier", "5 seeds (1-5) per configuration", "Ranked by mean test accuracy", "paired by seed",
                "best rate 0.1: ", "runner-up");
        int trained = trainer.trained().size();
        protocol(trainer, root, "--epochs", "5", "--init-epochs", "2", "--init-depth", "3", "--init-width", "8",
                "--init-batch", "10").run();
        assertThat(trainer.trained()).as("a rerun of the whole protocol trains nothing").hasSize(trained);
    }

    @Test
    void aTrainerThatStopsEarlyWithoutDivergingFailsTheRun(@TempDir Path root) {
        RunTrainer shortTrainer = (spec, train, eval, listener) ->
                new RunResult(List.of(new EpochStats(1, 1, 0.5, 1, 0.5)), Map.of());
        assertThatThrownBy(() -> protocol(shortTrainer, root, "--parts", "d", "--activations", "relu", "--epochs", "5", "--seeds", "1").run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 1 runs of part (d) failed")
                .hasRootCauseMessage("the trainer returned 1 epochs for a run of 5 epochs that did not diverge: only a"
                        + " diverged run may stop early");
        assertThat(new RunStore(root).all()).as("a failed run is not saved").isEmpty();
    }

    @Test
    void storedRunsComeBackIdentical(@TempDir Path root) {
        RunStore store = new RunStore(root);
        RunSpec spec = new RunSpec("g", LabActivation.SWISH, Init.PYTORCH, List.of(200, 64), 0.03162, 3, 0, true, 7,
                12_000, "test", 10_000);
        RunResult result = new RunResult(List.of(new EpochStats(1, 2.3, 0.1, 2.2, 0.11),
                new EpochStats(2, 1.0 / 3, 0.5, Double.POSITIVE_INFINITY, 0.25)), Map.of("beta1", 1.5, "beta2", 0.75));
        store.save(spec, result, Map.of("trainer", "fake"));
        StoredRun back = store.load(spec).orElseThrow();
        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.result()).as("curves and learned values survive the CSV round trip exactly").isEqualTo(result);
        assertThat(back.info()).containsEntry("status", "diverged").containsEntry("trainer", "fake").containsEntry("seed", "7");
        assertThat(store.folder(spec).getFileName().toString())
                .isEqualTo("g-swish+beta-pytorch-200x64-lr0.03162-e3-full-s7-train12000-test10000");
        assertThat(store.has(spec.withLearningRate(0.1))).isFalse();
    }
}
