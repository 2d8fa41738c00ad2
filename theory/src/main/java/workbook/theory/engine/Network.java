package workbook.theory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.exercises.Ex10Propagation.LayerStats;

/**
 * A multilayer perceptron in {@code double}: the engine's exact path, for theory, figures and gradient checks.
 * {@link FastNetwork} is the same network in {@code float} for training at speed.
 *
 * <p>Layer {@code l} computes {@code Z_l = X_(l-1) W_l + b_l} and {@code X_l = act_l(Z_l)}, with {@code W_l}
 * of shape {@code [fanIn][fanOut]} and rows of {@code X} as samples. The backward pass is equations (4)-(5) of
 * the lecture notes: given {@code dA = dL/dX_l},
 * <pre>
 * dZ = act'(Z) * dA        (entrywise)
 * dW = X^T dZ,   db = column sums of dZ
 * dX = dZ W^T              (the dA of the layer below)
 * </pre>
 * and for a trainable Swish also {@code dbeta = sum of dA * d act(Z) / d beta}.
 */
public final class Network {
    private final double[][][] weights;
    private final double[][] biases;
    private final Nonlinearity[] acts;

    private Network(double[][][] weights, double[][] biases, Nonlinearity[] acts) {
        this.weights = weights;
        this.biases = biases;
        this.acts = acts;
    }

    /**
     * A network with layer widths {@code widths[0] -> widths[1] -> ...}, layer {@code l} using {@code acts.get(l)}
     * (copied, so a trainable beta is per layer), weights drawn in layer order by {@code init} from {@code rng},
     * biases 0.
     */
    public static Network of(int[] widths, List<Nonlinearity> acts, Initializer init, RandomGenerator rng) {
        int[] w = Require.widths(widths);
        if (acts == null || acts.size() != w.length - 1) {
            throw new IllegalArgumentException("acts must have one entry per layer (" + (w.length - 1) + ")");
        }
        if (init == null || rng == null) {
            throw new IllegalArgumentException("init and rng must not be null");
        }
        int layers = w.length - 1;
        double[][][] weights = new double[layers][][];
        double[][] biases = new double[layers][];
        Nonlinearity[] copies = new Nonlinearity[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = init.init(w[l], w[l + 1], rng);
            if (weights[l].length != w[l] || weights[l][0].length != w[l + 1]) {
                throw new IllegalArgumentException("init must return a [" + w[l] + "][" + w[l + 1] + "] matrix");
            }
            biases[l] = new double[w[l + 1]];
            copies[l] = acts.get(l).copy();
        }
        return new Network(weights, biases, copies);
    }

    /**
     * A network on given weights (used live, not copied: changing an entry changes the network), biases 0,
     * every layer with {@code act}.
     */
    public static Network fromWeights(List<double[][]> weights, Activation act) {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("weights must list at least one layer");
        }
        int layers = weights.size();
        double[][] biases = new double[layers][];
        Nonlinearity[] acts = new Nonlinearity[layers];
        for (int l = 0; l < layers; l++) {
            Require.matrix("weights " + l, weights.get(l));
            if (l > 0 && weights.get(l).length != weights.get(l - 1)[0].length) {
                throw new IllegalArgumentException("weights must chain: layer " + l + " has " + weights.get(l).length
                        + " rows, layer " + (l - 1) + " has " + weights.get(l - 1)[0].length + " columns");
            }
            biases[l] = new double[weights.get(l)[0].length];
            acts[l] = Nonlinearity.of(act);
        }
        return new Network(weights.toArray(new double[0][][]), biases, acts);
    }

    /** A classifier: {@code hidden} on every hidden layer, linear logits out (for softmax cross-entropy). */
    public static Network classifier(int[] widths, Nonlinearity hidden, Initializer init, RandomGenerator rng) {
        int layers = Require.widths(widths).length - 1;
        List<Nonlinearity> acts = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            acts.add(l < layers - 1 ? hidden : Nonlinearity.of(Activations.IDENTITY));
        }
        return of(widths, acts, init, rng);
    }

    /** A classifier with a fixed hidden activation. */
    public static Network classifier(int[] widths, Activation hidden, Initializer init, RandomGenerator rng) {
        return classifier(widths, Nonlinearity.of(hidden), init, rng);
    }

    /** A stack of {@code depth} square layers of {@code width} units, all with {@code act}: the depth experiments. */
    public static Network stack(int width, int depth, Activation act, Initializer init, RandomGenerator rng) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        int[] widths = new int[depth + 1];
        java.util.Arrays.fill(widths, width);
        return of(widths, java.util.Collections.nCopies(depth, Nonlinearity.of(act)), init, rng);
    }

    /** The number of layers. */
    public int depth() {
        return weights.length;
    }

    /** Layer {@code l}'s weights (from 0), the live matrix. */
    public double[][] weights(int l) {
        return weights[l];
    }

    /** Layer {@code l}'s biases (from 0), the live vector. */
    public double[] bias(int l) {
        return biases[l];
    }

    /** Layer {@code l}'s activation (from 0). */
    public Nonlinearity activation(int l) {
        return acts[l];
    }

    /** The values of one forward pass: layer {@code l} read {@code input(l)} and produced {@code z(l)}, {@code a(l)}. */
    public static final class Pass {
        private final double[][][] inputs;
        private final double[][][] z;
        private final double[][][] a;
        private final Nonlinearity[] acts;

        private Pass(double[][][] inputs, double[][][] z, double[][][] a, Nonlinearity[] acts) {
            this.inputs = inputs;
            this.z = z;
            this.a = a;
            this.acts = acts;
        }

        /** {@code X_(l-1)}, the input of layer l (from 0). */
        public double[][] input(int l) {
            return inputs[l];
        }

        /** {@code Z_l}, the pre-activations of layer l. */
        public double[][] z(int l) {
            return z[l];
        }

        /** {@code X_l = act(Z_l)}, the activations of layer l. */
        public double[][] a(int l) {
            return a[l];
        }

        /** The network's output, {@code X_L}. */
        public double[][] output() {
            return a[a.length - 1];
        }

        /** The statistics of layer l's activations (numbered from 1 in the record, like {@code Ex10}). */
        public LayerStats stats(int l) {
            LayerSummary summary = new LayerSummary();
            for (int i = 0; i < a[l].length; i++) {
                for (int j = 0; j < a[l][i].length; j++) {
                    summary.add(a[l][i][j], acts[l].slope(z[l][i][j]));
                }
            }
            return summary.stats(l + 1);
        }
    }

    /** The gradients of a loss: {@code dW(l)}, {@code db(l)}, {@code dBeta(l)} (0 unless trainable), {@code dX}. */
    public record Gradients(double[][][] dW, double[][] db, double[] dBeta, double[][] dInput) {
        /** The Frobenius norm of {@code dL/dW_l}. */
        public double weightNorm(int l) {
            return Matrices.frobenius(dW[l]);
        }
    }

    /** The forward pass on the batch {@code x} (rows are samples). */
    public Pass forward(double[][] x) {
        int columns = Require.matrix("x", x);
        if (columns != weights[0].length) {
            throw new IllegalArgumentException("x must have " + weights[0].length + " columns (the input width), has "
                    + columns);
        }
        int layers = depth();
        double[][][] inputs = new double[layers][][];
        double[][][] z = new double[layers][][];
        double[][][] a = new double[layers][][];
        double[][] current = x;
        for (int l = 0; l < layers; l++) {
            inputs[l] = current;
            z[l] = Matrices.multiply(current, weights[l]);
            for (double[] row : z[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += biases[l][j];
                }
            }
            Nonlinearity act = acts[l];
            a[l] = Matrices.apply(z[l], act::value);
            current = a[l];
        }
        return new Pass(inputs, z, a, acts.clone());
    }

    /** The backward pass from {@code dOutput = dL/dX_L} (same shape as the output). */
    public Gradients backward(Pass pass, double[][] dOutput) {
        int layers = depth();
        double[][] out = pass.output();
        if (Require.matrix("dOutput", dOutput) != out[0].length || dOutput.length != out.length) {
            throw new IllegalArgumentException("dOutput must have the output's shape [" + out.length + "]["
                    + out[0].length + "]");
        }
        double[][][] dW = new double[layers][][];
        double[][] db = new double[layers][];
        double[] dBeta = new double[layers];
        double[][] dA = dOutput;
        for (int l = layers - 1; l >= 0; l--) {
            double[][] z = pass.z(l);
            double[][] dZ = new double[z.length][z[0].length];
            db[l] = new double[z[0].length];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < z[0].length; j++) {
                    dZ[i][j] = acts[l].slope(z[i][j]) * dA[i][j];          // (4) dZ = act'(Z) * dA
                    db[l][j] += dZ[i][j];
                    dBeta[l] += dA[i][j] * acts[l].betaSlope(z[i][j]);
                }
            }
            dW[l] = Matrices.multiply(Matrices.transpose(pass.input(l)), dZ);  // (5) dW = X^T dZ
            dA = Matrices.multiply(dZ, Matrices.transpose(weights[l]));       // (5) dX = dZ W^T
        }
        return new Gradients(dW, db, dBeta, dA);
    }

    /** The mean softmax cross-entropy of the logits {@code forward(x).output()} against {@code labels}. */
    public double loss(double[][] x, int[] labels) {
        return SoftmaxCrossEntropy.of(forward(x).output(), labels).loss();
    }

    /** The gradient of {@link #loss} with respect to every parameter. */
    public Gradients gradient(double[][] x, int[] labels) {
        Pass pass = forward(x);
        return backward(pass, SoftmaxCrossEntropy.of(pass.output(), labels).dLogits());
    }

    /** One step of plain SGD: {@code theta -= rate * gradient} for every weight, bias and trainable beta. */
    public void step(Gradients g, double rate) {
        Require.learningRate(rate);
        for (int l = 0; l < depth(); l++) {
            for (int i = 0; i < weights[l].length; i++) {
                for (int j = 0; j < weights[l][i].length; j++) {
                    weights[l][i][j] -= rate * g.dW()[l][i][j];
                }
            }
            for (int j = 0; j < biases[l].length; j++) {
                biases[l][j] -= rate * g.db()[l][j];
            }
            if (acts[l].trainable()) {
                acts[l].beta(acts[l].beta() - rate * g.dBeta()[l]);
            }
        }
    }
}
