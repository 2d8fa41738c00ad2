package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Engine: training a tiny network on a separable problem")
class TrainingTest {

    /** Points of N(0, I) in the plane, labelled by the side of the line x1 + x2 = 0 they fall on. */
    private static Dataset separable(int rows, long seed) {
        double[][] x = Matrices.gaussian(rows, 2, new SplittableRandom(seed));
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        return Dataset.of(x, labels, 2);
    }

    private static FastNetwork fresh(Nonlinearity hidden, long seed) {
        return FastNetwork.of(Network.classifier(new int[] {2, 8, 2}, hidden, Scheme.XAVIER, new SplittableRandom(seed)));
    }

    @Test
    void fullBatchAndMinibatchTrainingLowerTheLossAndSeparateTheClasses() {
        Dataset train = separable(200, 1);
        Dataset validation = separable(100, 2);
        for (int batch : new int[] {0, 16}) {
            FastNetwork net = fresh(Nonlinearity.of(Activations.RELU), 5);
            double before = net.evaluate(validation.x(), validation.labels()).loss();
            List<Trainer.Epoch> seen = new ArrayList<>();
            List<Trainer.Epoch> history = Trainer.fit(net, train, validation,
                    new Trainer.Settings(60, batch, 0.5, 9), seen::add);
            Trainer.Epoch last = history.get(history.size() - 1);
            assertThat(seen).as("the listener hears every epoch").isEqualTo(history);
            assertThat(last.validationLoss()).as("batch %s: validation loss after 60 epochs vs before (%s)", batch, before)
                    .isLessThan(before / 2);
            assertThat(last.validationAccuracy()).as("batch %s: a line separates the classes", batch)
                    .isGreaterThan(0.95);
        }
    }

    @Test
    void theDoubleNetworkStepLowersTheLoss() {
        Dataset data = separable(50, 3);
        double[][] x = new double[50][2];
        for (int i = 0; i < 50; i++) {
            x[i][0] = data.x()[2 * i];
            x[i][1] = data.x()[2 * i + 1];
        }
        Network net = Network.classifier(new int[] {2, 6, 2}, Activations.TANH, Scheme.XAVIER, new SplittableRandom(4));
        double before = net.loss(x, data.labels());
        for (int s = 0; s < 20; s++) {
            net.step(net.gradient(x, data.labels()), 0.5);
        }
        assertThat(net.loss(x, data.labels())).as("loss after 20 SGD steps vs before").isLessThan(before);
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndATrainableBetaMoves() {
        Dataset train = separable(120, 6);
        double[][][] weights = new double[2][][];
        double[] betas = new double[2];
        for (int run = 0; run < 2; run++) {
            FastNetwork net = fresh(Nonlinearity.trainableSwish(1), 11);
            Trainer.fit(net, train, train, new Trainer.Settings(10, 32, 0.3, 13), null);
            weights[run] = net.weights(0);
            betas[run] = net.activation(0).beta();
        }
        assertThat(weights[1]).as("two runs from the same seeds end with the same weights").isDeepEqualTo(weights[0]);
        assertThat(betas[1]).isEqualTo(betas[0]);
        assertThat(betas[0]).as("the hidden layer's beta is trained away from its start, 1").isNotEqualTo(1.0);
    }

    @Test
    void aBuiltinTrainableSwishTrainsAsEx07sDoesEntryByEntry() {
        Dataset train = separable(300, 14);
        double[] betas = new double[2];
        double[] losses = new double[2];
        Nonlinearity[] units = {Nonlinearity.trainableSwish(1), Nonlinearity.builtinTrainableSwish(1)};
        for (int run = 0; run < 2; run++) {
            FastNetwork net = fresh(units[run], 11);
            List<Trainer.Epoch> history = Trainer.fit(net, train, train, new Trainer.Settings(10, 32, 0.3, 13), null);
            betas[run] = net.activation(0).beta();
            losses[run] = history.get(history.size() - 1).trainLoss();
        }
        assertThat(betas[0]).as("beta is trained away from 1").isNotCloseTo(1.0, within(1e-3));
        // the same gradients up to float rounding (about 1e-6 relative per step), 100 steps: 1e-4 leaves room
        assertThat(betas[1]).as("the built-in's beta").isCloseTo(betas[0], within(1e-4));
        assertThat(losses[1]).as("its last training loss").isCloseTo(losses[0], within(1e-4));
    }

    @Test
    void aDivergingRunStopsAfterTheEpochWhoseLossIsNotFinite() {
        Dataset train = separable(64, 8);
        FastNetwork net = fresh(Nonlinearity.of(Activations.RELU), 3);
        // a rate of 1e30 throws the weights to infinity in the first step
        List<Trainer.Epoch> history = Trainer.fit(net, train, train, new Trainer.Settings(20, 0, 1e30, 1), null);
        Trainer.Epoch last = history.get(history.size() - 1);
        assertThat(history).as("epochs run before the loss left the finite numbers").hasSizeLessThan(20);
        assertThat(Double.isFinite(last.trainLoss()) && Double.isFinite(last.validationLoss()))
                .as("the last reported epoch is the one that diverged").isFalse();
    }

    @Test
    void aTestSetScoredOnceIsScoredAfterTheLastEpochOnlyAndChangesNothingElse() {
        Dataset train = separable(120, 12);
        Dataset test = separable(80, 13);
        List<Trainer.Epoch> everyEpoch = Trainer.fit(fresh(Nonlinearity.of(Activations.TANH), 7), train, test,
                new Trainer.Settings(12, 16, 0.3, 5), null);
        List<Trainer.Epoch> once = Trainer.fit(fresh(Nonlinearity.of(Activations.TANH), 7), train, test,
                new Trainer.Settings(12, 16, 0.3, 5, true), null);
        assertThat(once).hasSize(12);
        for (int e = 0; e < 12; e++) {
            assertThat(once.get(e).trainLoss()).as("epoch %d: scoring does not touch training", e + 1)
                    .isEqualTo(everyEpoch.get(e).trainLoss());
        }
        assertThat(once.subList(0, 11)).as("epochs before the last do not score the test set")
                .allSatisfy(e -> assertThat(e.validationAccuracy()).isNaN());
        assertThat(once.get(11).validationAccuracy()).as("the last epoch is scored, as it would be every epoch")
                .isEqualTo(everyEpoch.get(11).validationAccuracy());
        assertThat(once.get(11).validationLoss()).isEqualTo(everyEpoch.get(11).validationLoss());

        List<Trainer.Epoch> diverged = Trainer.fit(fresh(Nonlinearity.of(Activations.RELU), 3), train, test,
                new Trainer.Settings(20, 0, 1e30, 1, true), null);
        assertThat(diverged).as("a diverging run still stops").hasSizeLessThan(20);
        assertThat(diverged.get(diverged.size() - 1).validationAccuracy())
                .as("the epoch it stops at is scored: its accuracy is a number").isBetween(0.0, 1.0);
    }

    @Test
    void twoNetworksTrainAtOnceOnTwoThreadsAsTheyWouldAlone() throws Exception {
        // big enough that every product and every activation pass is shared out between two threads
        Dataset train = separable(2000, 10);
        java.util.function.Supplier<FastNetwork> fresh = () -> FastNetwork.of(Network.classifier(new int[] {2, 300, 2},
                Nonlinearity.trainableSwish(1), Scheme.XAVIER, new SplittableRandom(4)));
        FastNetwork alone = fresh.get();
        Trainer.fit(alone, train, train, new Trainer.Settings(3, 0, 0.1, 1), null);
        FastNetwork[] nets = {fresh.get(), fresh.get()};
        Thread other = new Thread(() -> Trainer.fit(nets[1], train, train, new Trainer.Settings(3, 0, 0.1, 1), null));
        other.start();
        Trainer.fit(nets[0], train, train, new Trainer.Settings(3, 0, 0.1, 1), null);
        other.join();
        for (FastNetwork net : nets) {
            assertThat(net.weights(0)).as("a run trained beside another").isDeepEqualTo(alone.weights(0));
            assertThat(net.activation(0).beta()).as("its beta").isEqualTo(alone.activation(0).beta());
        }
    }
}
