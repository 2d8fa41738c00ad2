package workbook.theory.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one full-batch training epoch of the seed's MLP 784-200-64-10 (ReLU): forward, backward and an SGD
 * update on 9,600 MNIST-shaped random inputs, then a forward pass (loss and accuracy) on 2,400 validation
 * inputs. Prints the median over several epochs, the GFLOP/s that implies, and the same for twice the batch
 * and twice the hidden widths, with the engine's built-in ReLU; then once more with the ReLU of {@code Ex03}
 * called entry by entry (what a network on your own activation costs). {@code theory/src/bench/epoch.py} does exactly the same epoch in PyTorch.
 *
 * <p>Run it in a JVM with C2 and the Vector API (the grading JVM runs C1 only, where the kernel is slow):
 * <pre>
 * ./mvnw -q -pl theory -am compile exec:exec@bench
 * </pre>
 */
public final class Benchmark {
    private static final int WARMUP = 4;
    private static final int TIMED = 9;

    private Benchmark() {}

    /**
     * Runs the three configurations (or only the first with the argument {@code quick}); with the argument {@code
     * activations}, the seed's MLP epoch once per activation of the MNIST lab, built in and (for Mish) called
     * entry by entry from the exercise's solution, to compare each with ReLU.
     */
    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        System.out.println("Java engine, kernel: " + Gemm.best().name() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        if (args.length > 0 && args[0].equals("activations")) {
            int[] mlp = {784, 200, 64, 10};
            time(null, mlp, 9_600, 2_400, Nonlinearity.builtin(Builtin.MISH));
            for (Builtin kind : Builtin.values()) {
                time("784-200-64-10, " + kind.label(), mlp, 9_600, 2_400, Nonlinearity.builtin(kind));
            }
            time("784-200-64-10, Mish of Ex07 (per entry)", mlp, 9_600, 2_400, Nonlinearity.of(Activations.MISH));
            return;
        }
        Nonlinearity builtin = Nonlinearity.builtinRelu();
        // the JIT compiler needs a few seconds before the kernels run at full speed: warm up untimed first
        time(null, new int[] {784, 200, 64, 10}, 9_600, 2_400, builtin);
        time("784-200-64-10, 9600 + 2400 rows", new int[] {784, 200, 64, 10}, 9_600, 2_400, builtin);
        if (!quick) {
            time("784-200-64-10, batch x2 (19200 + 4800)", new int[] {784, 200, 64, 10}, 19_200, 4_800, builtin);
            time("784-400-128-10, width x2", new int[] {784, 400, 128, 10}, 9_600, 2_400, builtin);
            time("784-200-64-10, ReLU of Ex03 (pluggable)", new int[] {784, 200, 64, 10}, 9_600, 2_400,
                    Nonlinearity.of(Activations.RELU));
        }
    }

    private static void time(String label, int[] widths, int trainRows, int validationRows, Nonlinearity relu) {
        SplittableRandom random = new SplittableRandom(2024);
        Dataset train = randomSet(trainRows, widths[0], random);
        Dataset validation = randomSet(validationRows, widths[0], random);
        FastNetwork net = FastNetwork.of(Network.classifier(widths, relu, Scheme.HE, random));
        Trainer.Settings oneEpoch = new Trainer.Settings(1, 0, 0.01, 1);
        double[] millis = new double[TIMED];
        for (int e = 0; e < WARMUP + TIMED; e++) {
            long start = System.nanoTime();
            Trainer.fit(net, train, validation, oneEpoch, null);
            if (e >= WARMUP) {
                millis[e - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
        }
        if (label == null) {
            return;
        }
        Arrays.sort(millis);
        double median = millis[TIMED / 2];
        double flops = epochFlops(widths, trainRows, validationRows);
        System.out.printf(Locale.ROOT, "  %-42s median %7.1f ms per epoch (min %6.1f, max %6.1f)  %5.1f GFLOP/s%n",
                label, median, millis[0], millis[TIMED - 1], flops / median / 1e6);
    }

    /**
     * Multiply-adds count 2: forward {@code 2 n fanIn fanOut} per layer, backward the same for {@code dW} and again
     * for {@code dX} on every layer but the first, plus the validation forward pass.
     */
    static double epochFlops(int[] widths, int trainRows, int validationRows) {
        double layer = 0;
        double belowFirst = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            layer += 2.0 * widths[l] * widths[l + 1];
            belowFirst += l > 0 ? 2.0 * widths[l] * widths[l + 1] : 0;
        }
        return trainRows * (2 * layer + belowFirst) + validationRows * layer;
    }

    /** Uniform [0, 1) pixels and uniform labels, the shape of MNIST. */
    private static Dataset randomSet(int rows, int features, SplittableRandom random) {
        float[] x = new float[rows * features];
        int[] labels = new int[rows];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) random.nextDouble();
        }
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(10);
        }
        return new Dataset(x, labels, features, 10);
    }
}
