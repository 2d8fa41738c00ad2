package workbook.charts.mnist.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import workbook.charts.mnist.data.ImageSet;

/**
 * A test double for {@link RunTrainer}: no network, just made-up curves that depend on the spec the way real ones
 * tend to. Validation accuracy after the last epoch peaks at the learning rate {@code peak} (a Gaussian bump
 * in log10 of the rate); rates at or above {@code divergeAt} blow up (NaN at epoch 2), and so does ReLU under
 * the naive N(0, 1) initialization, as a deep one would. It records every spec
 * it trains and can be told to fail after a number of runs, to simulate an interrupted protocol.
 */
public final class FakeTrainer implements RunTrainer {
    private final double peak;
    private final double divergeAt;
    private final int failAfter;
    private final List<RunSpec> trained = Collections.synchronizedList(new ArrayList<>());

    /** @param failAfter throw on every run after this many successful ones ({@code Integer.MAX_VALUE}: never) */
    public FakeTrainer(double peak, double divergeAt, int failAfter) {
        this.peak = peak;
        this.divergeAt = divergeAt;
        this.failAfter = failAfter;
    }

    public FakeTrainer(double peak, double divergeAt) {
        this(peak, divergeAt, Integer.MAX_VALUE);
    }

    /** The specs trained so far, in the order they started. */
    public List<RunSpec> trained() {
        synchronized (trained) {
            return List.copyOf(trained);
        }
    }

    /** Final validation accuracy at {@code rate}: 0.1 + 0.85 exp(-(log10(rate / peak))^2). */
    public double quality(double rate) {
        double d = Math.log10(rate / peak);
        return Math.exp(-d * d);
    }

    @Override
    public RunResult train(RunSpec spec, ImageSet train, ImageSet eval, EpochListener listener) {
        synchronized (trained) {
            if (trained.size() >= failAfter) {
                throw new IllegalStateException("simulated interruption after " + failAfter + " runs");
            }
            trained.add(spec);
        }
        List<EpochStats> curve = new ArrayList<>();
        double q = quality(spec.learningRate());
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            double progress = 1 - Math.exp(-5.0 * epoch / spec.epochs());
            boolean blowsUp = spec.learningRate() >= divergeAt
                    || spec.init() == Init.NAIVE && spec.activation() == LabActivation.RELU;
            EpochStats stats = blowsUp && epoch >= 2
                    ? new EpochStats(epoch, Double.NaN, 0.1, Double.NaN, 0.1)
                    : new EpochStats(epoch, 2.3 * (1 - 0.95 * q * progress), 0.1 + 0.88 * q * progress,
                            2.3 * (1 - 0.9 * q * progress), 0.1 + 0.85 * q * progress);
            curve.add(stats);
            listener.epochDone(stats);
            if (!stats.finite()) {
                break;
            }
        }
        Map<String, Double> learned = spec.trainableBeta() ? Map.of("beta1", 1.25, "beta2", 0.8) : Map.of();
        return new RunResult(curve, learned);
    }

    /** {@code n} tiny 2 x 2 images with labels 0, 1, ..., 9, 0, ... (pixel values i / n). */
    public static ImageSet data(String name, int n) {
        float[] pixels = new float[4 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, 4 * i, 4 * i + 4, (float) i / n);
            labels[i] = i % 10;
        }
        return new ImageSet(name, pixels, labels, 2, 2);
    }
}
