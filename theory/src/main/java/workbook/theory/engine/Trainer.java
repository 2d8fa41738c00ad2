package workbook.theory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link FastNetwork} with plain SGD for a number of epochs, full batch or in shuffled minibatches,
 * and reports each epoch's training and validation loss and accuracy to a listener as it finishes.
 */
public final class Trainer {
    private Trainer() {}

    /**
     * How to train.
     *
     * @param epochs       the number of passes over the training set (at least 1)
     * @param batchSize    rows per SGD step; 0 (or the training set's size or more) means full batch
     * @param learningRate the SGD step, positive and finite
     * @param seed         seeds the shuffle of each epoch's minibatches
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed) {
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
     * just before its update; the validation numbers are measured after the epoch.
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
     * training or validation loss stops being finite has diverged: it ends after reporting that epoch. Safe to
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
            FastNetwork.Evaluation val = network.evaluate(validation.x(), validation.labels(), validation.rows());
            Epoch epoch = new Epoch(e, loss, accuracy, val.loss(), val.accuracy(),
                    (System.nanoTime() - start) / 1_000_000);
            history.add(epoch);
            if (listener != null) {
                listener.epochFinished(epoch);
            }
            if (!Double.isFinite(loss) || !Double.isFinite(val.loss())) {
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
