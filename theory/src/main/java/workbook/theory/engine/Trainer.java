package workbook.theory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link FastNetwork} with plain SGD for a number of epochs, full batch or in shuffled minibatches,
 * and reports each epoch's training and validation loss and accuracy to a listener as it finishes.
 */
public final class Trainer {
    /** What an epoch that does not score the held-out set reports for it. */
    private static final FastNetwork.Evaluation NOT_SCORED = new FastNetwork.Evaluation(Double.NaN, Double.NaN);

    private Trainer() {}

    /**
     * How to train.
     *
     * @param epochs          the number of passes over the training set (at least 1)
     * @param batchSize       rows per SGD step; 0 (or the training set's size or more) means full batch
     * @param learningRate    the SGD step, positive and finite
     * @param seed            seeds the shuffle of each epoch's minibatches
     * @param evaluateAtLastEpochOnly the held-out set is scored once, after the last epoch (a test set, which must
     *                        choose nothing), not after every epoch (a validation set, whose curve is watched);
     *                        the other epochs report NaN for it
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed, boolean evaluateAtLastEpochOnly) {
        /** Settings that score the held-out set after every epoch. */
        public Settings(int epochs, int batchSize, double learningRate, long seed) {
            this(epochs, batchSize, learningRate, seed, false);
        }

        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("batchSize must be 0 (full batch) or positive, got " + batchSize);
            }
            Require.learningRate(learningRate);
        }
    }

    /**
     * One finished epoch. The training loss and accuracy are the means over the epoch's steps, each measured
     * just before its update; the validation numbers are measured after the epoch, or are NaN in an epoch that
     * did not score the held-out set ({@link Settings#evaluateAtLastEpochOnly}).
     */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy, long millis) {}

    /** Hears about each epoch as it finishes (progress bars, logs, saving a run). */
    @FunctionalInterface
    public interface Listener {
        void epochFinished(Epoch epoch);
    }

    /**
     * Trains {@code network} on {@code train}, validating on {@code validation}; returns every epoch. A run whose
     * training or validation loss stops being finite has diverged: it ends after reporting that epoch (scored on
     * the held-out set, whatever the settings say, so that the last epoch reported is always scored). Safe to
     * run for several networks on several threads at once (each network belongs to one run; the datasets are
     * only read).
     */
    public static List<Epoch> fit(FastNetwork network, Dataset train, Dataset validation, Settings settings,
                                  Listener listener) {
        for (Dataset d : new Dataset[] {train, validation}) {
            if (d == null || d.features() != network.inputs() || d.classes() != network.classes()) {
                throw new IllegalArgumentException("train and validation must have " + network.inputs()
                        + " features and " + network.classes() + " classes, like the network");
            }
        }
        int rows = train.rows();
        int batch = settings.batchSize() == 0 ? rows : Math.min(settings.batchSize(), rows);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom shuffle = new SplittableRandom(settings.seed());
        float[] xBatch = new float[batch * train.features()];
        List<Epoch> history = new ArrayList<>();
        for (int e = 1; e <= settings.epochs(); e++) {
            long start = System.nanoTime();
            double loss = 0;
            double accuracy = 0;
            if (batch == rows) {
                FastNetwork.Evaluation step = network.train(train.x(), train.labels(), rows, settings.learningRate());
                loss = step.loss();
                accuracy = step.accuracy();
            } else {
                shuffle(order, shuffle);
                for (int from = 0; from < rows; from += batch) {
                    int size = Math.min(batch, rows - from);
                    int[] labels = new int[size];
                    float[] x = size == batch ? xBatch : new float[size * train.features()];
                    train.gather(order, from, from + size, x, labels);
                    FastNetwork.Evaluation step = network.train(x, labels, size, settings.learningRate());
                    loss += step.loss() * size / rows;
                    accuracy += step.accuracy() * size / rows;
                }
            }
            boolean diverged = !Double.isFinite(loss);
            FastNetwork.Evaluation val = e == settings.epochs() || diverged || !settings.evaluateAtLastEpochOnly()
                    ? network.evaluate(validation.x(), validation.labels(), validation.rows())
                    : NOT_SCORED;
            Epoch epoch = new Epoch(e, loss, accuracy, val.loss(), val.accuracy(),
                    (System.nanoTime() - start) / 1_000_000);
            history.add(epoch);
            if (listener != null) {
                listener.epochFinished(epoch);
            }
            if (diverged || val != NOT_SCORED && !Double.isFinite(val.loss())) {
                break;
            }
        }
        return history;
    }

    /** Fisher-Yates. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
