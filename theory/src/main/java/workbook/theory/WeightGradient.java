package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;
import workbook.theory.tools.FiniteDifferences;
import workbook.theory.tools.MonteCarlo;

/**
 * {@summary <span class="book-lede">The gradient of a weight matrix is an outer product, \( a^T \delta \); under
 * independence its mean and variance are products of the given variances.</span>}{@writeup}
 *
 * <p>The variance bookkeeping follows {@citet glorot2010}, who tracked the variance of the back-propagated
 * gradients layer by layer; {@citet lecun1998} give the forward half.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A network in the workbook's convention (a sample is a row): \( z_l = a_{l-1} W_l \),
 *       \( a_l = \sigma(z_l) \), \( W_l \in \mathbb{R}^{n_{l-1} \times n_l} \), no biases,
 *       output \( y = a_L \) and a known \( \partial \mathcal{L} / \partial y \).</li>
 *   <li>For the statistics: the entries of \( \sigma'(z_k) \), \( W_k \),
 *       \( \partial \mathcal{L}/\partial y \) and \( a_{l-1} \) are independent, each family identically
 *       distributed, all with mean 0 and with the given variances \( v_{\sigma,k} \), \( v_{W,k} \),
 *       \( v_g \), \( v_{a,l-1} \). The distributions need not be normal.</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>The outer product.</b> Write \( \delta_l = \partial \mathcal{L}/\partial z_l \), a row like \( z_l \).
 * The chain rule through \( a_l = \sigma(z_l) \) and \( z_{l+1} = a_l W_{l+1} \) gives the backward recursion
 * {@eq backward \delta_L = \frac{\partial \mathcal{L}}{\partial y} \odot \sigma'(z_L), \qquad
 *    \delta_l = \left(\delta_{l+1} W_{l+1}^T\right) \odot \sigma'(z_l),}
 * and since \( z_{l,j} = \sum_i a_{l-1,i} W_{l,ij} \), the weight \( W_{l,ij} \) reaches the loss only
 * through \( z_{l,j} \), with slope \( a_{l-1,i} \):
 * {@eq outer \frac{\partial \mathcal{L}}{\partial W_{l,ij}} = a_{l-1,i}\, \delta_{l,j}, \qquad
 *    \nabla_{W_l} \mathcal{L} = a_{l-1}^T \delta_l ,}
 * an \( n_{l-1} \times n_l \) matrix, the shape of \( W_l \). Over a batch the outer products {@eqref outer} add up:
 * {@eq weight-gradient \nabla_{W_l} \mathcal{L} = A_{l-1}^T \Delta_l ,}
 * which is what {@link Ex10Propagation#gradientNorms Ex10Propagation.gradientNorms} computes.
 *
 * <p><b>The mean is 0.</b> \( a_{l-1} \) is independent of \( \delta_l \), so
 * \( E[a_i \delta_j] = E[a_i]\,E[\delta_j] = 0 \).
 *
 * <p><b>The variance is a product.</b> Two facts do all the work. For independent \( X, Y \) with mean 0,
 * \( \mathrm{Var}[XY] = E[X^2]E[Y^2] = \mathrm{Var}[X]\,\mathrm{Var}[Y] \). And the terms of
 * \( (\delta_{l+1} W_{l+1}^T)_i = \sum_m \delta_{l+1,m} W_{l+1,im} \) are uncorrelated, because
 * \( E[W_{im} W_{im'}] = 0 \) for \( m \ne m' \); so their variances add, \( n_{l+1} \) of them. Hence
 * \( \mathrm{Var}[\delta_{L,i}] = v_{\sigma,L}\, v_g \) and
 * {@eq delta-variance \mathrm{Var}[\delta_{l,i}] = v_{\sigma,l}\, n_{l+1} v_{W,l+1}\, \mathrm{Var}[\delta_{l+1,i}] .}
 *
 * <h2>Result</h2>
 * {@eq gradient-variance E\left[(\nabla_{W_l} \mathcal{L})_{ij}\right] = 0, \qquad
 *    \mathrm{Var}\left[(\nabla_{W_l} \mathcal{L})_{ij}\right]
 *    = v_{a,l-1}\; v_g \prod_{k=l}^{L} v_{\sigma,k} \prod_{k=l+1}^{L} n_k v_{W,k}.}
 * Each layer between \( l \) and the output multiplies the variance by \( n_k v_{W,k} v_{\sigma,k} \):
 * greater than 1 and the gradients of early layers explode with depth, smaller and they vanish. Keeping
 * \( n\,v_W \) near 1 is the job of the initializers (Xavier, He), keeping \( v_\sigma \) near 1 that of the
 * activation.
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>On a small tanh network, {@link Ex10Propagation#gradientNorms Ex10Propagation.gradientNorms} agrees with the norms of
 *       \( \sum a^T \delta \) computed here from the same weights, and single entries of \( a^T \delta \) agree with
 *       finite differences of the loss.</li>
 *   <li>Monte Carlo in the independence model (40 000 draws; three layers of widths 5, 4, 6, 3; normal slopes,
 *       uniform weights from {@link Ex09Initialization#xavierUniform Ex09Initialization.xavierUniform}, uniform activations, random-sign output
 *       gradients): for every layer the sample mean is within 4 standard errors of 0 and the mean square within
 *       4 standard errors of the product formula.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=weight-gradient}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>The gradient of a weight matrix is an outer product, summed over the batch: \( A_{l-1}^T \Delta_l \)
 *       {@eqref weight-gradient}, with \( \Delta_l \) from the backward recursion {@eqref backward}.</li>
 *   <li>Under independence its mean is 0 and its variance a product {@eqref gradient-variance}: every layer between
 *       it and the output contributes a factor \( n_k v_{W,k} v_{\sigma,k} \) {@eqref delta-variance}.</li>
 *   <li>Initialization keeps \( n v_W \) near 1 and the activation keeps \( v_\sigma \) near 1; together they keep
 *       that factor near 1.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class WeightGradient {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_006L;
    /** Monte Carlo tolerance in standard errors. */
    private static final double K = 4;
    private static final int TRIALS = 40_000;
    /** Widths n0 .. n3 of the independence model. */
    private static final int[] WIDTHS = {5, 4, 6, 3};
    /** Variances of the local slopes of layers 1 .. 3. */
    private static final double[] SLOPE_VARIANCE = {0.3, 0.5, 0.2};
    /** Variances of the activations a^(0) .. a^(2) that feed layers 1 .. 3. */
    private static final double[] ACTIVATION_VARIANCE = {1, 0.7, 1.5};
    private static final double OUTPUT_GRADIENT_VARIANCE = 2;

    private WeightGradient() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        outerProduct(checks, seed);
        independenceModel(checks, random);
        return checks;
    }

    private static void outerProduct(List<Claim> checks, long seed) {
        double[][] x0 = {{0.5, -1.2, 0.3}, {1.5, 0.2, -0.7}};
        List<double[][]> weights = new ArrayList<>();
        Ex10Propagation.Initializer capturing = (fanIn, fanOut, rng) -> {
            double[][] w = Ex09Initialization.xavierNormal(fanIn, fanOut, rng);
            weights.add(w);
            return w;
        };
        Ex10Propagation.Activation tanh = Activations.TANH;
        double[] norms = Ex10Propagation.gradientNorms(x0, 3, 4, capturing, tanh, new SplittableRandom(seed));
        double[][][] gradients = backward(x0, weights);
        double largest = 0;
        for (int l = 0; l < norms.length; l++) {
            largest = Math.max(largest, Math.abs(norms[l] - Matrices.frobenius(gradients[l])) / norms[l]);
        }
        checks.add(new Claim("Ex10's gradient norms equal those of the summed outer products delta a^T", 0, largest,
                1e-12));
        int[][] entries = {{0, 0, 0}, {1, 2, 3}, {2, 3, 1}};
        double gap = 0;
        for (int[] entry : entries) {
            double[][] w = weights.get(entry[0]);
            double original = w[entry[1]][entry[2]];
            double numeric = FiniteDifferences.derivative(t -> {
                w[entry[1]][entry[2]] = t;
                double loss = loss(x0, weights);
                w[entry[1]][entry[2]] = original;
                return loss;
            }, original);
            gap = Math.max(gap, Math.abs(numeric - gradients[entry[0]][entry[1]][entry[2]]));
        }
        checks.add(new Claim("entries of delta a^T in layers 1, 2, 3 match finite differences of the loss", 0, gap,
                FiniteDifferences.TOLERANCE));
    }

    /** The loss mean(X_L) of the row-convention tanh network with the given weights. */
    private static double loss(double[][] x0, List<double[][]> weights) {
        double[][] x = x0;
        for (double[][] w : weights) {
            x = Matrices.apply(Matrices.multiply(x, w), Math::tanh);
        }
        double sum = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (x.length * x[0].length);
    }

    /** dL/dW_l for every layer: the sum over the batch of delta^(l) a^(l-1)^T, written as X^T dZ. */
    private static double[][][] backward(double[][] x0, List<double[][]> weights) {
        int depth = weights.size();
        double[][][] inputs = new double[depth][][];
        double[][][] pre = new double[depth][][];
        double[][] x = x0;
        for (int l = 0; l < depth; l++) {
            inputs[l] = x;
            pre[l] = Matrices.multiply(x, weights.get(l));
            x = Matrices.apply(pre[l], Math::tanh);
        }
        double share = 1.0 / (x.length * x[0].length);
        double[][] upstream = Matrices.apply(x, v -> share);
        double[][][] gradients = new double[depth][][];
        for (int l = depth - 1; l >= 0; l--) {
            double[][] delta = new double[upstream.length][upstream[0].length];
            for (int r = 0; r < delta.length; r++) {
                for (int i = 0; i < delta[r].length; i++) {
                    double t = Math.tanh(pre[l][r][i]);
                    delta[r][i] = upstream[r][i] * (1 - t * t);
                }
            }
            gradients[l] = Matrices.multiply(Matrices.transpose(inputs[l]), delta);
            upstream = Matrices.multiply(delta, Matrices.transpose(weights.get(l)));
        }
        return gradients;
    }

    private static void independenceModel(List<Claim> checks, SplittableRandom random) {
        double[][] entries = sampleEntries(random);
        double[] predicted = predictedVariances();
        for (int l = 0; l < 3; l++) {
            MonteCarlo.Estimate mean = MonteCarlo.estimate(entries[l]);
            double[] squares = new double[TRIALS];
            for (int t = 0; t < TRIALS; t++) {
                squares[t] = entries[l][t] * entries[l][t];
            }
            // the mean is 0, so the mean square estimates the variance; its SE is sd(squares) / sqrt(n)
            MonteCarlo.Estimate variance = MonteCarlo.estimate(squares);
            checks.add(Claim.withinStandardErrors("layer " + (l + 1) + ": E[dL/dW_ij] = 0", 0, mean.mean(),
                    mean.standardError(), K));
            checks.add(Claim.withinStandardErrors("layer " + (l + 1) + ": Var[dL/dW_ij] = the product formula",
                    predicted[l], variance.mean(), variance.standardError(), K));
        }
    }

    /** Draws the entry (0, 0) of dL/dW^(l), l = 1, 2, 3, in the independence model, TRIALS times. */
    private static double[][] sampleEntries(SplittableRandom random) {
        double[][] entries = new double[3][TRIALS];
        int outputs = WIDTHS[3];
        for (int t = 0; t < TRIALS; t++) {
            double[] delta = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                double sign = random.nextBoolean() ? 1 : -1;
                delta[i] = slope(random, 3) * sign * Math.sqrt(OUTPUT_GRADIENT_VARIANCE);
            }
            entries[2][t] = delta[0] * activation(random, 2);
            for (int l = 2; l >= 1; l--) {
                // Ex09 returns [fanIn][fanOut] = [n^(l)][n^(l+1)], which is W^(l+1)^T in the column convention
                double[][] transposed = Ex09Initialization.xavierUniform(WIDTHS[l], WIDTHS[l + 1], random);
                double[] next = new double[WIDTHS[l]];
                for (int i = 0; i < next.length; i++) {
                    double sum = 0;
                    for (int m = 0; m < delta.length; m++) {
                        sum += transposed[i][m] * delta[m];
                    }
                    next[i] = slope(random, l) * sum;
                }
                delta = next;
                entries[l - 1][t] = delta[0] * activation(random, l - 1);
            }
        }
        return entries;
    }

    /** A local slope of layer l (1-based), normal with mean 0 and variance SLOPE_VARIANCE[l - 1]. */
    private static double slope(SplittableRandom random, int layer) {
        return Math.sqrt(SLOPE_VARIANCE[layer - 1]) * random.nextGaussian();
    }

    /** An entry of a^(index), uniform on [-b, b] with b^2 / 3 = ACTIVATION_VARIANCE[index]. */
    private static double activation(SplittableRandom random, int index) {
        double bound = Math.sqrt(3 * ACTIVATION_VARIANCE[index]);
        return random.nextDouble(-bound, bound);
    }

    /** v_a^(l-1) v_g prod_{k >= l} v_sigma^(k) prod_{k > l} n^(k) v_W^(k), for l = 1, 2, 3. */
    private static double[] predictedVariances() {
        double[] predicted = new double[3];
        double delta = OUTPUT_GRADIENT_VARIANCE * SLOPE_VARIANCE[2];
        predicted[2] = ACTIVATION_VARIANCE[2] * delta;
        for (int l = 2; l >= 1; l--) {
            double bound = Ex09Initialization.xavierUniformBound(WIDTHS[l], WIDTHS[l + 1]);
            double weightVariance = bound * bound / 3; // the variance of U(-b, b)
            delta *= SLOPE_VARIANCE[l - 1] * WIDTHS[l + 1] * weightVariance;
            predicted[l - 1] = ACTIVATION_VARIANCE[l - 1] * delta;
        }
        return predicted;
    }

    /** Prints the lab report: predicted and measured variances per layer, then every check. */
    public static void main(String[] args) {
        double[][] entries = sampleEntries(new SplittableRandom(SEED));
        double[] predicted = predictedVariances();
        double[][] rows = new double[3][];
        for (int l = 0; l < 3; l++) {
            double sum = 0;
            for (double e : entries[l]) {
                sum += e * e;
            }
            rows[l] = new double[] {l + 1, predicted[l], sum / TRIALS};
        }
        WriteUps.of(WeightGradient.class).report()
                .table("Var[dL/dW_ij] per layer in the independence model (widths 5, 4, 6, 3)",
                        List.of("layer l", "formula", "Monte Carlo"), rows)
                .checks(checks())
                .print();
    }
}
