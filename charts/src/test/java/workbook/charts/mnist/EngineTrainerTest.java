package workbook.charts.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import workbook.charts.mnist.data.ImageSet;
import workbook.charts.mnist.data.Mnist;
import workbook.charts.mnist.protocol.EpochListener;
import workbook.charts.mnist.protocol.EpochStats;
import workbook.charts.mnist.protocol.Init;
import workbook.charts.mnist.protocol.LabActivation;
import workbook.charts.mnist.protocol.LabConfig;
import workbook.charts.mnist.protocol.Progress;
import workbook.charts.mnist.protocol.Protocol;
import workbook.charts.mnist.protocol.RunResult;
import workbook.charts.mnist.protocol.RunSpec;
import workbook.charts.mnist.protocol.RunStore;
import workbook.charts.mnist.protocol.RunTrainer;
import workbook.charts.mnist.protocol.Runner;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Network;
import workbook.theory.engine.Nonlinearity;

/** The lab's trainer on the real engine, on small slices of the bundled MNIST subset (a few seconds in all). */
class EngineTrainerTest {
    private static final ImageSet TRAIN = Mnist.bundled().train().first(300);
    private static final ImageSet EVAL = Mnist.bundled().train().slice("eval", 11_800, 12_000);
    private static final EngineTrainer TRAINER = new EngineTrainer();

    /** 784-32-16-10 on 300 images, minibatches of 30 (10 steps an epoch). */
    private static RunSpec spec(LabActivation activation, Init init, double rate, int epochs, boolean beta, long seed) {
        return new RunSpec("t", activation, init, List.of(32, 16), rate, epochs, 30, beta, seed, TRAIN.size(),
                "validation", EVAL.size());
    }

    private static RunResult train(RunSpec spec) {
        List<EpochStats> heard = new ArrayList<>();
        RunResult result = TRAINER.train(spec, TRAIN, EVAL, heard::add);
        assertThat(heard).as("the listener hears every epoch the result holds").isEqualTo(result.curve());
        return result;
    }

    @ParameterizedTest
    @EnumSource(LabActivation.class)
    void aShortRunLowersTheLossAndBeatsChance(LabActivation activation) {
        // Sigmoid's slope is at most 1/4, so its gradients are ~4x smaller: a larger rate for the same budget.
        double rate = activation == LabActivation.SIGMOID ? 0.5 : 0.1;
        RunResult result = train(spec(activation, Init.PYTORCH, rate, 15, false, 3));
        EpochStats first = result.curve().get(0);
        EpochStats last = result.last();
        assertThat(result.diverged()).isFalse();
        assertThat(result.curve()).hasSize(15);
        assertThat(last.trainLoss()).as("training loss falls").isLessThan(first.trainLoss() - 0.3);
        // Chance is 10 %, and a network that does not learn stays there; 30 % after 150 steps leaves room for a
        // slow starter (sigmoid, tanh's smaller gradients at 0.1) and an unlucky seed.
        assertThat(last.evalAccuracy()).as("held-out accuracy above chance").isGreaterThan(0.3);
        assertThat(last.trainAccuracy()).isGreaterThan(0.3);
        assertThat(result.learned()).isEmpty();
    }

    @Test
    void theReferenceSolutionsLeaveNothingUnfinishedForAnyRun() {
        EngineTrainer trainer = new EngineTrainer();
        for (LabActivation a : LabActivation.values()) {
            for (Init init : Init.values()) {
                assertThat(trainer.unfinished(a, init, false)).as("%s with %s", a, init).isEmpty();
            }
        }
        assertThat(trainer.unfinished(LabActivation.SWISH, Init.PYTORCH, true)).isEmpty();
    }

    @Test
    void theSameSpecGivesTheSameCurvesAndAnotherSeedOthers() {
        RunSpec spec = spec(LabActivation.TANH, Init.XAVIER, 0.1, 3, false, 5);
        assertThat(train(spec).curve()).isEqualTo(train(spec).curve());
        RunSpec full = new RunSpec("t", LabActivation.RELU, Init.PYTORCH, List.of(16), 0.1, 3, 0, false, 5, TRAIN.size(),
                "validation", EVAL.size());
        assertThat(train(full).curve()).as("full batch too").isEqualTo(train(full).curve());
        assertThat(train(spec(LabActivation.TANH, Init.XAVIER, 0.1, 3, false, 6)).curve())
                .isNotEqualTo(train(spec).curve());
    }

    @Test
    void theReferenceRunsUseTheBuiltInTrainableSwishAndTheLearnersRunsEx07EntryByEntry() {
        assertThat(EngineTrainer.unit(LabActivation.SWISH, true).name()).endsWith("(built-in)");
        String before = System.getProperty(Lab.SOURCE_PROPERTY);
        System.setProperty(Lab.SOURCE_PROPERTY, "exercises");
        try {
            assertThat(EngineTrainer.unit(LabActivation.SWISH, true).name()).doesNotContain("built-in");
            assertThat(EngineTrainer.unit(LabActivation.MISH, false).name()).doesNotContain("built-in");
        } finally {
            if (before == null) {
                System.clearProperty(Lab.SOURCE_PROPERTY);
            } else {
                System.setProperty(Lab.SOURCE_PROPERTY, before);
            }
        }
    }

    @Test
    void aRunOnTheTestSetIsScoredOnceAfterItsLastEpochAndDoesNotCountAsDiverged() {
        RunSpec validation = spec(LabActivation.RELU, Init.PYTORCH, 0.1, 4, false, 8);
        RunSpec test = new RunSpec("t", LabActivation.RELU, Init.PYTORCH, List.of(32, 16), 0.1, 4, 30, false, 8,
                TRAIN.size(), "test", EVAL.size());
        RunResult everyEpoch = train(validation);
        RunResult once = train(test);
        assertThat(once.curve().subList(0, 3)).as("not scored before the last epoch")
                .noneMatch(EpochStats::evaluated).allMatch(EpochStats::finite);
        assertThat(once.diverged()).isFalse();
        assertThat(once.last()).as("the last epoch, scored as it would be every epoch")
                .isEqualTo(everyEpoch.last());
    }

    @Test
    void aDivergingRateIsReportedAsDivergedAtItsFirstNonFiniteEpoch() {
        RunResult result = train(spec(LabActivation.RELU, Init.NAIVE, 1e4, 20, false, 1));
        assertThat(result.diverged()).isTrue();
        assertThat(result.curve().size()).as("stops at the first non-finite epoch").isLessThan(20);
        assertThat(result.last().finite()).isFalse();
        assertThat(result.curve().subList(0, result.curve().size() - 1)).allMatch(EpochStats::finite);
    }

    @Test
    void theInitsDrawWhatTheySay() {
        RunSpec pytorch = spec(LabActivation.RELU, Init.PYTORCH, 0.1, 1, false, 1);
        Network net = EngineTrainer.network(pytorch, 784);
        double bound = 1 / Math.sqrt(784);
        assertThat(java.util.Arrays.stream(net.weights(0)).flatMapToDouble(java.util.Arrays::stream))
                .allMatch(w -> Math.abs(w) <= bound);
        assertThat(java.util.Arrays.stream(net.bias(0))).as("PyTorch's biases are drawn too")
                .allMatch(b -> Math.abs(b) <= bound).anyMatch(b -> b != 0);
        // Var U(-b, b) = b^2 / 3; 784 x 32 draws estimate it to about 1 % (relative std sqrt(0.8 / n)).
        assertThat(variance(net.weights(0))).isCloseTo(bound * bound / 3, within(0.05 * bound * bound / 3));
        Network small = EngineTrainer.network(spec(LabActivation.RELU, Init.SMALL, 0.1, 1, false, 1), 784);
        assertThat(variance(small.weights(0))).isCloseTo(1e-4, within(5e-6));
        assertThat(small.bias(0)).containsOnly(0.0);
        Network he = EngineTrainer.network(spec(LabActivation.RELU, Init.HE, 0.1, 1, false, 1), 784);
        assertThat(variance(he.weights(1))).as("layer 2, fanIn 32: 512 draws, ~6 %% relative std")
                .isCloseTo(2.0 / 32, within(0.25 * 2.0 / 32));
    }

    private static double variance(double[][] w) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    @Test
    void aTrainedBetaMovesAwayFromOne() {
        RunResult result = train(spec(LabActivation.SWISH, Init.PYTORCH, 0.3, 10, true, 2));
        assertThat(result.learned()).containsOnlyKeys("beta1", "beta2");
        // 100 steps at rate 0.3 (quick mode's 30 full-batch steps at 0.1 already moved it by ~3e-3); 1e-3 is far
        // above float rounding and fails a beta that is never updated (it stays exactly 1).
        assertThat(result.learned().values()).allSatisfy(beta -> assertThat(Math.abs(beta - 1)).isGreaterThan(1e-3));
        assertThat(result.last().trainLoss()).isLessThan(result.curve().get(0).trainLoss());
    }

    @Test
    void theBetaGradientMatchesAFiniteDifference() {
        double[][] x = new double[40][];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[784];
            for (int k = 0; k < 784; k++) {
                x[i][k] = TRAIN.pixel(i, k);
            }
            labels[i] = TRAIN.labels()[i];
        }
        double[] analytic = swish(1, 1).gradient(x, labels).dBeta();
        double h = 1e-5;
        double[] numeric = {
            (swish(1 + h, 1).loss(x, labels) - swish(1 - h, 1).loss(x, labels)) / (2 * h),
            (swish(1, 1 + h).loss(x, labels) - swish(1, 1 - h).loss(x, labels)) / (2 * h)};
        for (int l = 0; l < 2; l++) {
            // Central difference in double: error ~ h^2 times the third derivative plus 1e-16 / h rounding, ~1e-10 here; a wrong
            // formula (e.g. a missing sigmoid'(beta z) z^2 term) is off by the gradient's own size (~1e-2).
            assertThat(analytic[l]).as("layer %d", l + 1).isCloseTo(numeric[l], within(1e-7 + 1e-5 * Math.abs(numeric[l])));
            assertThat(Math.abs(numeric[l])).as("a non-trivial gradient").isGreaterThan(1e-6);
        }
    }

    /** A 784-32-16-10 network (PyTorch-default weights, seed 4) with trainable Swish betas {@code b1}, {@code b2}. */
    private static Network swish(double b1, double b2) {
        return Network.of(new int[] {784, 32, 16, 10}, List.of(Nonlinearity.trainableSwish(b1),
                Nonlinearity.trainableSwish(b2), Nonlinearity.of(Activations.IDENTITY)),
                EngineTrainer.initializer(Init.PYTORCH), new SplittableRandom(4));
    }

    @Test
    void anInterruptedProtocolOnTheRealTrainerResumes(@TempDir Path root) {
        RunTrainer counting = new RunTrainer() {
            final List<RunSpec> seen = new ArrayList<>();

            @Override
            public synchronized RunResult train(RunSpec spec, ImageSet train, ImageSet eval, EpochListener listener) {
                seen.add(spec);
                if (seen.size() > 2) {
                    throw new IllegalStateException("interrupted");
                }
                return TRAINER.train(spec, train, eval, listener);
            }
        };
        String[] args = {"--parts", "d", "--activations", "relu,tanh,sigmoid", "--epochs", "2", "--train-size", "100",
            "--seeds", "1"};
        assertThat(runProtocol(counting, root, args)).isFalse();
        assertThat(new RunStore(root).all()).hasSize(2);
        List<RunSpec> second = new ArrayList<>();
        RunTrainer recording = (spec, train, eval, listener) -> {
            synchronized (second) {
                second.add(spec);
            }
            return TRAINER.train(spec, train, eval, listener);
        };
        assertThat(runProtocol(recording, root, args)).isTrue();
        assertThat(second).as("only the missing run").hasSize(1);
        assertThat(new RunStore(root).all()).hasSize(3);
    }

    private static boolean runProtocol(RunTrainer trainer, Path root, String... args) {
        LabConfig config = LabConfig.parse(args);
        Runner runner = new Runner(trainer, new RunStore(root), config.jobs(),
                new Progress(new PrintStream(new ByteArrayOutputStream()), false, System::nanoTime), Map.of());
        ImageSet labelled = Mnist.bundled().train().first(config.trainSize());
        try {
            new Protocol(config, labelled, Mnist.bundled().test().first(50), runner).run();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
