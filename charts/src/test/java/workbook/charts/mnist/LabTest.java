package workbook.charts.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.protocol.EpochListener;
import workbook.charts.mnist.protocol.FakeTrainer;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.LabConfig;
import workbook.charts.mnist.protocol.RunResult;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunTrainer;

class LabTest {
    @Test
    void quickModeRunsTheProtocolOnTheBundledDataAndWritesTheReport(@TempDir Path runs, @TempDir Path figures)
            throws Exception {
        FakeTrainer trainer = new FakeTrainer(0.1, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Lab.run(LabConfig.parse("--quick", "--parts", "d,e", "--activations", "relu,sigmoid", "--runs", runs.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> trainer, figures);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Part (d): rate 0.005, 30 epochs, full batch, PyTorch default init, 400 training / 100"
                + " validation images").contains("Part (e)");
        assertThat(trainer.trained()).as("(d) 2 activations x 2 seeds, (e) 2 x 3 rates with one seed, then its two"
                + " best rates with the second seed: 4 + 6 + 4").hasSize(14)
                .allSatisfy(spec -> assertThat(spec.trainSize()).isEqualTo(400));
        assertThat(Files.readString(runs.resolve("report.txt"))).contains("Part (e)");
        assertThat(figures.resolve("lab/lab-d-curves.png")).exists();
        assertThat(figures.resolve("lab/lab-e-sigmoid.png")).exists();
    }

    @Test
    void listingNeedsNoTrainerAndSaysWhatIsStored(@TempDir Path runs) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Lab.run(LabConfig.parse("--quick", "--parts", "d", "--list", "--runs", runs.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> {
                    throw new AssertionError("--list must not ask for a trainer");
                }, runs);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("to train  d-relu-pytorch-200x64-lr0.005-e30-full-s1-train400-validation100");
    }

    @Test
    void theLabChecksBeforeItTrainsNamesWhatIsUnfinishedPerPartAndTrainsOnlyWhatCanFinish(@TempDir Path runs,
                                                                                        @TempDir Path figures)
            throws Exception {
        FakeTrainer fake = new FakeTrainer(0.1, 3);
        RunTrainer unfinishedRelu = unfinished(fake, LabActivation.RELU, "Ex03ReluFamily.relu (not implemented yet)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Lab.run(LabConfig.parse("--quick", "--parts", "d,e", "--activations", "relu,sigmoid", "--runs",
                runs.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> unfinishedRelu, figures);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("lab: part (d) needs Ex03ReluFamily.relu (not "
                + "implemented yet); part (e) needs Ex03ReluFamily.relu (not implemented yet); training only what can "
                + "finish: --parts d,e --activations sigmoid\n");
        assertThat(fake.trained()).as("only sigmoid's runs trained").isNotEmpty()
                .allSatisfy(spec -> assertThat(spec.activation()).isEqualTo(LabActivation.SIGMOID));
    }

    @Test
    void methodsThatFailForOneReasonAreNamedBeforeItOnce() {
        assertThat(Lab.byReason(new java.util.LinkedHashSet<>(java.util.List.of(
                "Ex02Tanh.tanh (Ex02Tanh.java does not compile)", "Ex02Tanh.tanhDerivative (Ex02Tanh.java does not compile)",
                "Ex03ReluFamily.relu (not implemented yet)"))))
                .isEqualTo("Ex02Tanh.tanh, Ex02Tanh.tanhDerivative (Ex02Tanh.java does not compile); Ex03ReluFamily.relu"
                        + " (not implemented yet)");
    }

    @Test
    void aLabWithNothingThatCanFinishStopsBeforeItTrains(@TempDir Path runs, @TempDir Path figures) {
        FakeTrainer fake = new FakeTrainer(0.1, 3);
        RunTrainer unfinishedRelu = unfinished(fake, LabActivation.RELU, "Ex03ReluFamily.relu (not implemented yet)");
        assertThatThrownBy(() -> Lab.run(LabConfig.parse("--quick", "--parts", "d", "--activations", "relu",
                "--runs", runs.toString()), new PrintStream(java.io.OutputStream.nullOutputStream()),
                () -> unfinishedRelu, figures))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("part (d) needs Ex03ReluFamily.relu (not implemented yet): finish them, or choose other "
                        + "--parts or --activations");
        assertThat(fake.trained()).as("nothing trained").isEmpty();
    }

    /** A trainer whose {@code blocked} activation is unfinished, with {@code why}. */
    private static RunTrainer unfinished(FakeTrainer fake, LabActivation blocked, String why) {
        return new RunTrainer() {
            @Override
            public RunResult train(RunSpec spec, ImageSet train, ImageSet eval, EpochListener listener) {
                return fake.train(spec, train, eval, listener);
            }

            @Override
            public java.util.Set<String> unfinished(LabActivation activation, Init init, boolean trainableBeta) {
                return activation == blocked ? java.util.Set.of(why) : java.util.Set.of();
            }
        };
    }

    @Test
    void tooManyImagesForTheBundleIsABadValue(@TempDir Path runs) {
        assertThatThrownBy(() -> Lab.run(LabConfig.parse("--train-size", "60000", "--runs", runs.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> null, runs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--train-size must be at most 12000 here, got 60000 (the bundle holds the first 12000;"
                        + " --data FOLDER reads all 60000)");
    }
}
