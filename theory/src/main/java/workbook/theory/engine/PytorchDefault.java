package workbook.theory.engine;

import java.util.random.RandomGenerator;
import workbook.exercises.Ex10Propagation.Initializer;

/**
 * PyTorch's {@code nn.Linear} default, which is Glorot and Bengio's "standard" initialization: every weight and
 * every bias uniform in {@code ±1/sqrt(fanIn)}, so a weight has variance {@code 1/(3 fanIn)}, a third of
 * Xavier's for a square layer. The MNIST lab starts from it so that its results compare with the seed's framework.
 */
public final class PytorchDefault {
    /** The weights: {@code [fanIn][fanOut]} draws of \( U(-1/\sqrt{n_{\text{in}}}, 1/\sqrt{n_{\text{in}}}) \), row by row. */
    public static final Initializer WEIGHTS = (fanIn, fanOut, rng) -> {
        double bound = 1 / Math.sqrt(fanIn);
        double[][] w = new double[fanIn][fanOut];
        for (double[] row : w) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = rng.nextDouble(-bound, bound);
            }
        }
        return w;
    };

    private PytorchDefault() {}

    /** Redraws every layer's biases of {@code net} as {@code nn.Linear} does, U(±1/sqrt(fanIn)), layer by layer. */
    public static void drawBiases(Network net, RandomGenerator rng) {
        for (int l = 0; l < net.depth(); l++) {
            double bound = 1 / Math.sqrt(net.weights(l).length);
            double[] bias = net.bias(l);                                      // the live vector
            for (int j = 0; j < bias.length; j++) {
                bias[j] = rng.nextDouble(-bound, bound);
            }
        }
    }
}
