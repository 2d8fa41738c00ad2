package workbook.theory.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import workbook.exercises.Ex10Propagation.LayerStats;

/**
 * A {@link Network} in {@code float}, for training at speed: the same layers and the same equations, with the
 * two big products of each layer ({@code Z = X W} forward, {@code dW = X^T dZ} backward) done by {@link Gemm}
 * on two threads.
 *
 * <p>Batches are flat row-major {@code float[]} arrays, {@code rows x inputs()}. Every matrix the network
 * keeps has rows padded with zeros to a multiple of 16 floats, so the kernel only ever handles whole vectors;
 * the padding never reaches a result. The work buffers are kept per batch size, so steady training allocates
 * nothing. Not thread-safe: one network, one training loop.
 */
public final class FastNetwork {
    private final int[] widths;
    private final int[] ld;
    private final float[][] w;
    private final float[][] b;
    private final Nonlinearity[] acts;
    private final Gemm gemm;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private Buffers last;

    private FastNetwork(Network reference, Gemm gemm) {
        int layers = reference.depth();
        this.widths = new int[layers + 1];
        this.ld = new int[layers + 1];
        this.w = new float[layers][];
        this.b = new float[layers][];
        this.acts = new Nonlinearity[layers];
        this.gemm = gemm;
        widths[0] = reference.weights(0).length;
        ld[0] = Gemm.padded(widths[0]);
        for (int l = 0; l < layers; l++) {
            double[][] weights = reference.weights(l);
            widths[l + 1] = weights[0].length;
            ld[l + 1] = Gemm.padded(widths[l + 1]);
            w[l] = new float[widths[l] * ld[l + 1]];
            b[l] = new float[ld[l + 1]];
            for (int i = 0; i < widths[l]; i++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    w[l][i * ld[l + 1] + j] = (float) weights[i][j];
                }
            }
            for (int j = 0; j < widths[l + 1]; j++) {
                b[l][j] = (float) reference.bias(l)[j];
            }
            acts[l] = reference.activation(l).copy();
        }
    }

    /** The {@code float} copy of {@code reference} (its weights, biases and activations at this moment). */
    public static FastNetwork of(Network reference) {
        return new FastNetwork(reference, Gemm.best());
    }

    /** The same with a chosen kernel (tests compare the kernels). */
    static FastNetwork of(Network reference, Gemm gemm) {
        return new FastNetwork(reference, gemm);
    }

    /** The name of the matrix kernel in use, for reports. */
    public String kernel() {
        return gemm.name();
    }

    /** The input width. */
    public int inputs() {
        return widths[0];
    }

    /** The number of classes: the output width, or 2 for a single logistic output. */
    public int classes() {
        return Math.max(2, widths[widths.length - 1]);
    }

    /** The number of layers. */
    public int depth() {
        return w.length;
    }

    /** A {@code double} copy of layer {@code l}'s weights, {@code [fanIn][fanOut]}. */
    public double[][] weights(int l) {
        double[][] copy = new double[widths[l]][widths[l + 1]];
        for (int i = 0; i < copy.length; i++) {
            for (int j = 0; j < copy[i].length; j++) {
                copy[i][j] = w[l][i * ld[l + 1] + j];
            }
        }
        return copy;
    }

    /** Layer {@code l}'s activation (for a trainable Swish, its current beta). */
    public Nonlinearity activation(int l) {
        return acts[l];
    }

    /** The loss and accuracy of a batch. */
    public record Evaluation(double loss, double accuracy) {}

    /**
     * One step of plain SGD on the batch: forward, backward, {@code theta -= rate * gradient}. Returns the
     * batch's loss and accuracy before the step.
     */
    public Evaluation trainStep(float[] x, int[] labels, double rate) {
        Require.learningRate(rate);
        int rows = checkBatch(x, labels);
        return train(x, labels, rows, rate);
    }

    /** The loss and accuracy of the network on a batch, without changing it. */
    public Evaluation evaluate(float[] x, int[] labels) {
        int rows = checkBatch(x, labels);
        forward(x, rows, false);
        return lossAndGradient(labels, rows, false);
    }

    /** The gradient of the batch's mean loss in {@code double} arrays, without changing the network (tests). */
    public Network.Gradients gradient(float[] x, int[] labels) {
        int rows = checkBatch(x, labels);
        forward(x, rows, true);
        lossAndGradient(labels, rows, true);
        backward(x, rows);
        int layers = depth();
        double[][][] dW = new double[layers][][];
        double[][] db = new double[layers][];
        for (int l = 0; l < layers; l++) {
            dW[l] = new double[widths[l]][widths[l + 1]];
            db[l] = new double[widths[l + 1]];
            for (int j = 0; j < widths[l + 1]; j++) {
                db[l][j] = last.db[l][j];
                for (int i = 0; i < widths[l]; i++) {
                    dW[l][i][j] = last.dW[l][i * ld[l + 1] + j];
                }
            }
        }
        return new Network.Gradients(dW, db, last.dBeta.clone(), null);
    }

    /** Per-layer statistics of the activations of the last batch (mean, std, zero and saturated fractions). */
    public List<LayerStats> layerStats() {
        List<LayerStats> stats = new ArrayList<>();
        for (int l = 0; last != null && l < depth(); l++) {
            LayerSummary summary = new LayerSummary();
            for (int i = 0; i < last.rows; i++) {
                for (int j = 0; j < widths[l + 1]; j++) {
                    int at = i * ld[l + 1] + j;
                    summary.add(last.a[l][at], acts[l].slope(last.z[l][at]));
                }
            }
            stats.add(summary.stats(l + 1));
        }
        return stats;
    }

    /** The Frobenius norms of {@code dL/dW_l} from the last training step, layer by layer. */
    public double[] gradientNorms() {
        double[] norms = new double[depth()];
        for (int l = 0; last != null && l < depth(); l++) {
            double sum = 0;
            for (float g : last.dW[l]) {
                sum += (double) g * g;
            }
            norms[l] = Math.sqrt(sum);
        }
        return norms;
    }

    /** The unchecked step, for {@link Trainer} (its {@link Dataset} was checked once). */
    Evaluation train(float[] x, int[] labels, int rows, double rate) {
        forward(x, rows, true);
        Evaluation before = lossAndGradient(labels, rows, true);
        backward(x, rows);
        update(rate);
        return before;
    }

    /** The unchecked evaluation, for {@link Trainer}. */
    Evaluation evaluate(float[] x, int[] labels, int rows) {
        forward(x, rows, false);
        return lossAndGradient(labels, rows, false);
    }

    /** Z_l = X_(l-1) W_l + b_l, X_l = act(Z_l), layer by layer. */
    private void forward(float[] x, int rows, boolean training) {
        last = buffers.computeIfAbsent(rows, Buffers::new);
        float[] input = x;
        int inputStride = widths[0];
        for (int l = 0; l < depth(); l++) {
            int n = widths[l + 1];
            int stride = ld[l + 1];
            float[] z = last.z[l];
            gemm.multiply(input, inputStride, 1, w[l], stride, z, stride, rows, stride, widths[l]);
            float[] a = last.a[l];
            Nonlinearity act = acts[l];
            float[] bias = b[l];
            float[] slopes = training && !act.identity() ? last.dZ[l] : null;
            Gemm.inTwo(rows, n, (part, from, to) -> act.forward(z, bias, a, slopes, from, to, n, stride, gemm));
            input = a;
            inputStride = stride;
        }
    }

    /** The softmax cross-entropy of the logits; with {@code gradient}, dL/dlogits goes into the top dA buffer. */
    private Evaluation lossAndGradient(int[] labels, int rows, boolean gradient) {
        int top = depth() - 1;
        int classes = widths[top + 1];
        int stride = ld[top + 1];
        double[] z = new double[classes];
        double[] g = new double[classes];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < classes; j++) {
                z[j] = last.a[top][i * stride + j];
            }
            loss += SoftmaxCrossEntropy.row(z, labels[i], g);
            correct += SoftmaxCrossEntropy.predicted(z) == labels[i] ? 1 : 0;
            for (int j = 0; gradient && j < classes; j++) {
                last.dA[top][i * stride + j] = (float) (g[j] / rows);
            }
        }
        return new Evaluation(loss / rows, (double) correct / rows);
    }

    /** Equations (4)-(5): dZ = act'(Z) * dA, dW = X^T dZ, db = column sums of dZ, dX = dZ W^T. */
    private void backward(float[] x, int rows) {
        for (int l = depth() - 1; l >= 0; l--) {
            int n = widths[l + 1];
            int stride = ld[l + 1];
            float[] z = last.z[l];
            float[] dA = last.dA[l];
            float[] dZ = acts[l].identity() ? dA : last.dZ[l];
            if (dZ != dA) {
                Nonlinearity act = acts[l];
                double[] betaRows = last.betaRows;
                Gemm.inTwo(rows, n, (part, from, to) -> act.backward(z, dA, dZ, betaRows, from, to, n, stride, gemm));
                last.dBeta[l] = 0;
                for (double share : betaRows) {
                    last.dBeta[l] += share;
                }
            }
            float[] db = last.db[l];
            java.util.Arrays.fill(db, 0f);
            for (int i = 0; i < rows; i++) {
                for (int j = i * stride, end = j + n, bj = 0; j < end; j++, bj++) {
                    db[bj] += dZ[j];
                }
            }
            float[] input = l == 0 ? x : last.a[l - 1];
            int inputStride = l == 0 ? widths[0] : ld[l];
            gemm.multiply(input, 1, inputStride, dZ, stride, last.dW[l], stride, widths[l], stride, rows);
            if (l > 0) {
                float[] wT = last.wT[l];
                for (int i = 0; i < widths[l]; i++) {
                    for (int j = 0; j < n; j++) {
                        wT[j * ld[l] + i] = w[l][i * stride + j];
                    }
                }
                gemm.multiply(dZ, stride, 1, wT, ld[l], last.dA[l - 1], ld[l], rows, ld[l], n);
            }
        }
    }

    /** Plain SGD on every weight, bias and trainable beta. */
    private void update(double rate) {
        float r = (float) rate;
        for (int l = 0; l < depth(); l++) {
            float[] dW = last.dW[l];
            for (int k = 0; k < dW.length; k++) {
                w[l][k] -= r * dW[k];
            }
            for (int j = 0; j < widths[l + 1]; j++) {
                b[l][j] -= r * last.db[l][j];
            }
            if (acts[l].trainable()) {
                acts[l].beta(acts[l].beta() - rate * last.dBeta[l]);
            }
        }
    }

    private int checkBatch(float[] x, int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty (an empty batch has no loss)");
        }
        int rows = labels.length;
        if (x == null || x.length != rows * widths[0]) {
            throw new IllegalArgumentException("x must hold rows x inputs = " + rows + " x " + widths[0]
                    + " floats (one row per label), has " + (x == null ? "none" : x.length));
        }
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                throw new IllegalArgumentException("x must hold finite numbers, row " + k / widths[0] + " has " + x[k]);
            }
        }
        Require.labels(labels, rows, classes());
        return rows;
    }

    /** The work arrays for one batch size, zero-padded like the weights. */
    private final class Buffers {
        final int rows;
        final float[][] z;
        final float[][] a;
        final float[][] dA;
        final float[][] dZ;
        final float[][] dW;
        final float[][] db;
        final float[][] wT;
        final double[] dBeta;
        final double[] betaRows;

        Buffers(int rows) {
            int layers = depth();
            this.rows = rows;
            z = new float[layers][];
            a = new float[layers][];
            dA = new float[layers][];
            dZ = new float[layers][];
            dW = new float[layers][];
            db = new float[layers][];
            wT = new float[layers][];
            dBeta = new double[layers];
            betaRows = new double[rows];
            for (int l = 0; l < layers; l++) {
                z[l] = new float[rows * ld[l + 1]];
                a[l] = acts[l].identity() ? z[l] : new float[rows * ld[l + 1]];
                dA[l] = new float[rows * ld[l + 1]];
                dZ[l] = acts[l].identity() ? dA[l] : new float[rows * ld[l + 1]];
                dW[l] = new float[widths[l] * ld[l + 1]];
                db[l] = new float[ld[l + 1]];
                wT[l] = new float[widths[l + 1] * ld[l]];
            }
        }
    }
}
