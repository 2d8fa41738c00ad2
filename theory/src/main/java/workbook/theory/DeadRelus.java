package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import workbook.exercises.Ex03ReluFamily;
import workbook.exercises.Ex09Initialization;
import workbook.exercises.Ex10Propagation;
import workbook.theory.engine.Matrices;
import workbook.theory.tools.Claim;

/**
 * {@summary <span class="book-lede">Dead ReLUs: how a unit stops firing for good, how to see it (its active
 * fraction), and what brings it back.</span>}{@writeup}
 *
 * <p>Dead units and their dependence on initialization are studied by {@citet lu2020}; the leaky cure is
 * {@citet maas2013}'s, the initialization {@citet he2015}'s.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>A ReLU unit \( j \) computes \( \mathrm{ReLU}(z_j) \) with \( z_j = x \cdot w_j + b_j \). Its <i>active
 *       fraction</i> is the share of the inputs of a batch for which \( z_j > 0 \)
 *       ({@link Ex10Propagation#activeFraction Ex10Propagation.activeFraction}).</li>
 *   <li>For the predictions the inputs are standard normal, \( x \sim N(0, I) \); then
 *       \( z_j \sim N(b_j, \lVert w_j \rVert^2) \).</li>
 *   <li>A unit is called dead when it is active on less than 1 % of the batch
 *       ({@link Ex10Propagation#deadUnits Ex10Propagation.deadUnits} with 0.01). A common rule of thumb calls a
 *       layer healthy
 *       when 40 % to 60 % of its units fire, and worrying below 20 %.</li>
 * </ul>
 *
 * {@figure 11}
 * <h2>Derivation</h2>
 * <p><b>The active fraction is a normal probability.</b> With \( z_j \sim N(b_j, \lVert w_j \rVert^2) \),
 * {@eq active-fraction P(z_j > 0) = \Phi\!\left(\frac{b_j}{\lVert w_j \rVert}\right),}
 * so a unit is dead once its bias is more than \( \Phi^{-1}(0.99) \approx 2.33 \) weight norms below 0. With zero
 * biases every unit fires half of the time, whatever the scale of the weights (this is the symmetry of
 * {@writeup 10}). A pathological layer with strongly negative biases has pre-activations
 * \( N(-3, 0.5^2) \): each is positive with
 * probability \( \Phi(-6) \approx 10^{-9} \), so all 32 units are dead.
 *
 * <p><b>Dead units stay dead.</b> The gradient that reaches the unit's parameters is
 * {@eq dead-gradient \frac{\partial\mathcal{L}}{\partial w_j} = \sum_r u_r\, \mathrm{ReLU}'(z_{rj})\, x_r, \qquad
 *    \frac{\partial\mathcal{L}}{\partial b_j} = \sum_r u_r\, \mathrm{ReLU}'(z_{rj}),}
 * with \( u_r \) the gradient arriving from above. If no input makes \( z_{rj} > 0 \), every term has the factor
 * \( \mathrm{ReLU}'(z_{rj}) = 0 \): the gradient is exactly zero whatever the loss wants, gradient descent never
 * moves \( w_j \) or \( b_j \) again, and the unit is a constant 0 that wastes its share of the layer.
 *
 * <p><b>How it happens.</b> The usual cause is a step that is too large early in training: an update that pushes
 * \( b_j \) (or \( w_j \) against the data) far enough that \( b_j/\lVert w_j \rVert &lt; -2.33 \) on every
 * input. Weights of the wrong scale make such steps likely, since they make the first gradients huge or tiny
 * ({@writeup 12}).
 *
 * <p><b>What fixes it.</b>
 * <ul>
 *   <li>A negative slope: Leaky ReLU (\( 0.01z \) below 0), PReLU (a learned slope) or ELU. Then \( f'(z) > 0 \)
 *       everywhere, a unit that is "off" still receives a small gradient, and it can walk back.</li>
 *   <li>He initialization with zero biases: every unit starts with an active fraction of \( \tfrac12 \) and the
 *       signal keeps its scale, so the first steps are of a sensible size.</li>
 *   <li>A smaller learning rate or a warm-up, which avoid the overshooting step itself.</li>
 *   <li>Batch normalization before the ReLU: centring each unit's pre-activations over the batch puts about half of
 *       them above 0 again, whatever the bias was.</li>
 * </ul>
 *
 * <h2>Result</h2>
 * \[ \text{active fraction} = \Phi\!\left(\frac{b}{\lVert w \rVert}\right), \qquad
 *    \text{dead} \iff \frac{b}{\lVert w \rVert} &lt; \Phi^{-1}(0.01) \approx -2.33, \qquad
 *    \text{no active input} \Rightarrow \nabla_{w, b}\mathcal{L} = 0 \text{ exactly}. \]
 *
 * <h2>What the checks verify</h2>
 * <ul>
 *   <li>The pathological layer, 1000 x 32 pre-activations \( N(-3, 0.5^2) \):
 *       {@link Ex10Propagation#activeFraction Ex10Propagation.activeFraction} is 0 for every unit and
 *       {@link Ex10Propagation#deadUnits Ex10Propagation.deadUnits} flags all 32.</li>
 *   <li>A layer with {@link Ex09Initialization#heNormal Ex09Initialization.heNormal} weights and zero biases on 2000
 *       standard normal inputs: every unit is 40 % to 60 % active, and the mean active fraction is \( \tfrac12 \)
 *       within 4 standard errors.</li>
 *   <li>The same weights with biases \( b_j = t_j \lVert w_j \rVert \): the active fractions average to the average
 *       of \( \Phi(t_j) \) within 4 standard errors, and {@code deadUnits} flags exactly the 8 units with
 *       \( t_j \le -3 \) and none of the 24 with \( t_j \ge -1.8 \).</li>
 *   <li>On the dead layer the bias gradient is exactly 0 for ReLU
 *       ({@link Ex03ReluFamily#reluDerivative Ex03ReluFamily.reluDerivative}) and not 0 for Leaky ReLU
 *       ({@link Ex03ReluFamily#leakyReluDerivative Ex03ReluFamily.leakyReluDerivative}).</li>
 *   <li>Gradient descent on the bias of a dead unit (\( b = -5 \), \( \lVert w \rVert = 1 \)) whose targets want it
 *       on: after 400 steps the ReLU unit's bias has not moved at all, while the Leaky ReLU unit fires on more than
 *       half of the batch.</li>
 *   <li>Centring the dead layer's pre-activations per unit (batch normalization's first step) brings the mean active
 *       fraction back to \( \tfrac12 \) within 4 standard errors.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=dead-relus}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>A ReLU unit fires on a fraction \( \Phi(b/\lVert w \rVert) \) of its inputs {@eqref active-fraction};
 *       measure it over a batch and call the unit dead below 1 %.</li>
 *   <li>A unit that fires on no input gets exactly zero gradient {@eqref dead-gradient}: gradient descent never
 *       revives it.</li>
 *   <li>The cure is a negative slope (leaky ReLU, PReLU, ELU), He weights with zero biases, a smaller rate or a
 *       warm-up, or batch normalization before the ReLU.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class DeadRelus {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_015L;
    /** Monte Carlo tolerance in standard errors: a chance failure has probability about 6e-5 per check. */
    private static final double K = 4;
    /** The threshold: a unit active on less than 1 % of the batch is dead. */
    private static final double DEAD = 0.01;
    private static final int NOTEBOOK_ROWS = 1000;
    private static final int NOTEBOOK_UNITS = 32;
    private static final int ROWS = 2000;
    private static final int FAN_IN = 64;
    private static final int UNITS = 32;
    private static final int DEAD_BY_DESIGN = 8;
    private static final int TRAIN_ROWS = 256;
    private static final int TRAIN_INPUTS = 8;
    private static final int STEPS = 400;
    private static final double LEARNING_RATE = 1;
    private static final double START_BIAS = -5;

    private DeadRelus() {}

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Claim> checks = new ArrayList<>();
        double[][] dead = notebookLayer(random);
        detection(checks, dead);
        heLayer(checks, random);
        gradients(checks, dead, random);
        training(checks, Training.run(seed + 1));
        centring(checks, dead);
        return checks;
    }

    /** The pathological layer: 1000 x 32 pre-activations drawn from N(-3, 0.5^2). */
    private static double[][] notebookLayer(SplittableRandom random) {
        double[][] z = new double[NOTEBOOK_ROWS][NOTEBOOK_UNITS];
        for (double[] row : z) {
            for (int j = 0; j < NOTEBOOK_UNITS; j++) {
                row[j] = -3 + 0.5 * random.nextGaussian();
            }
        }
        return z;
    }

    private static void detection(List<Claim> checks, double[][] z) {
        double highest = 0;
        for (double f : Ex10Propagation.activeFraction(z)) {
            highest = Math.max(highest, f);
        }
        // each of the 32 000 entries is positive with probability Phi(-6) = 1e-9: a positive one has odds 3e-5
        checks.add(new Claim("N(-3, 0.5^2) layer: the highest active fraction of the 32 units is 0", 0, highest, 0));
        checks.add(new Claim("... and deadUnits(z, 0.01) flags all 32", NOTEBOOK_UNITS,
                count(Ex10Propagation.deadUnits(z, DEAD)), 0));
    }

    private static void heLayer(List<Claim> checks, SplittableRandom random) {
        double[][] x = Matrices.gaussian(ROWS, FAN_IN, random);
        double[][] w = Ex09Initialization.heNormal(FAN_IN, UNITS, random);
        double[] zeroBias = new double[UNITS];
        double[] fractions = Ex10Propagation.activeFraction(preActivations(x, w, zeroBias));
        double lowest = 1;
        double highest = 0;
        double mean = 0;
        for (double f : fractions) {
            lowest = Math.min(lowest, f);
            highest = Math.max(highest, f);
            mean += f / UNITS;
        }
        // each fraction is Binomial(2000, 1/2) / 2000 given the weights, standard deviation 0.011: 0.1 is 9 of them
        checks.add(Claim.inRange("He weights, zero bias: every unit is 40 % to 60 % active (lowest)", 0.4, 0.6,
                lowest));
        checks.add(Claim.inRange("He weights, zero bias: every unit is 40 % to 60 % active (highest)", 0.4, 0.6,
                highest));
        // the units share their inputs, so their fractions are correlated; the standard deviation of their mean
        // is at most that of one of them, sqrt(1/4 / 2000)
        checks.add(Claim.withinStandardErrors("He weights, zero bias: mean active fraction = 1/2", 0.5, mean,
                Math.sqrt(0.25 / ROWS), K));
        NormalDistribution normal = new NormalDistribution(0, 1);
        double[] bias = new double[UNITS];
        double[] predicted = new double[UNITS];
        for (int j = 0; j < UNITS; j++) {
            double t = j < DEAD_BY_DESIGN ? -4.5 + 1.5 * j / (DEAD_BY_DESIGN - 1)
                    : -1.8 + 2.8 * (j - DEAD_BY_DESIGN) / (UNITS - DEAD_BY_DESIGN - 1);
            bias[j] = t * columnNorm(w, j);
            predicted[j] = normal.cumulativeProbability(t);
        }
        double[][] z = preActivations(x, w, bias);
        double[] measured = Ex10Propagation.activeFraction(z);
        double gap = 0;
        double bound = 0;
        for (int j = 0; j < UNITS; j++) {
            gap += (measured[j] - predicted[j]) / UNITS;
            // given the weights, unit j's fraction is Binomial(2000, p_j) / 2000; for correlated units the
            // standard deviation of a sum is at most the sum of the standard deviations
            bound += Math.sqrt(predicted[j] * (1 - predicted[j]) / ROWS) / UNITS;
        }
        checks.add(Claim.withinStandardErrors("biases b_j = t_j ||w_j||, t from -4.5 to 1: mean active fraction = "
                + "mean of Phi(t_j)", 0, gap, bound, K));
        boolean[] flagged = Ex10Propagation.deadUnits(z, DEAD);
        int agree = 0;
        for (int j = 0; j < UNITS; j++) {
            agree += flagged[j] == (j < DEAD_BY_DESIGN) ? 1 : 0;
        }
        // t <= -3: p <= 0.00135, 20 or more of 2000 inputs active has odds below 1e-8; t >= -1.8: p >= 0.036,
        // fewer than 20 active has odds below 1e-14
        checks.add(new Claim("deadUnits flags exactly the 8 units with t <= -3 and none with t >= -1.8 "
                + "(units classified as predicted)", UNITS, agree, 0));
    }

    private static void gradients(List<Claim> checks, double[][] z, SplittableRandom random) {
        double reluLargest = 0;
        double leakyLargest = 0;
        for (int j = 0; j < NOTEBOOK_UNITS; j++) {
            double relu = 0;
            double leaky = 0;
            for (double[] row : z) {
                double upstream = random.nextGaussian();
                relu += upstream * Ex03ReluFamily.reluDerivative(row[j]);
                leaky += upstream * Ex03ReluFamily.leakyReluDerivative(row[j], Ex03ReluFamily.DEFAULT_LEAKY_SLOPE);
            }
            reluLargest = Math.max(reluLargest, Math.abs(relu));
            leakyLargest = Math.max(leakyLargest, Math.abs(leaky));
        }
        checks.add(new Claim("dead layer, random upstream gradients: dL/db_j is exactly 0 for every ReLU unit", 0,
                reluLargest, 0));
        // 0.01 times a sum of 1000 N(0, 1) terms: typically 0.3, and its largest over 32 units is about 0.6
        checks.add(Claim.inRange("... but not for Leaky ReLU (slope 0.01): the largest |dL/db_j| is above 0.05",
                0.05, 2, leakyLargest));
    }

    /**
     * The training experiment: one unit with a unit-norm weight vector and bias START_BIAS, trained with ReLU and
     * with Leaky ReLU on the same batch; its own generator, so the lab report shows the run the checks judge.
     */
    private record Training(double reluBias, double reluShare, double leakyBias, double leakyShare) {

        static Training run(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x = Matrices.gaussian(TRAIN_ROWS, TRAIN_INPUTS, random);
            double[] w = new double[TRAIN_INPUTS];
            double norm = 0;
            for (int i = 0; i < TRAIN_INPUTS; i++) {
                w[i] = random.nextGaussian();
                norm += w[i] * w[i];
            }
            for (int i = 0; i < TRAIN_INPUTS; i++) {
                w[i] /= Math.sqrt(norm); // ||w|| = 1, so z ~ N(b, 1) and b = -5 is five standard deviations below 0
            }
            double slope = Ex03ReluFamily.DEFAULT_LEAKY_SLOPE;
            double relu = train(x, w, Ex03ReluFamily::relu, Ex03ReluFamily::reluDerivative);
            double leaky = train(x, w, z -> Ex03ReluFamily.leakyRelu(z, slope),
                    z -> Ex03ReluFamily.leakyReluDerivative(z, slope));
            return new Training(relu, activeShare(x, w, relu), leaky, activeShare(x, w, leaky));
        }
    }

    private static void training(List<Claim> checks, Training run) {
        // at b = -5 an input is active with probability Phi(-5) = 2.9e-7: none of 256 is, with odds 1 - 7e-5
        checks.add(new Claim("400 gradient steps on a dead ReLU unit (b = -5, targets 1): b has not moved",
                START_BIAS, run.reluBias(), 0));
        checks.add(Claim.inRange("... the same with Leaky ReLU: the unit fires on more than half of the batch",
                0.5, 1, run.leakyShare()));
    }

    /** Gradient descent on the bias alone for L = mean (f(z) - 1)^2 / 2; returns the final bias. */
    private static double train(double[][] x, double[] w, DoubleUnaryOperator f, DoubleUnaryOperator slope) {
        double[] scores = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < w.length; i++) {
                scores[r] += x[r][i] * w[i];
            }
        }
        double b = START_BIAS;
        for (int step = 0; step < STEPS; step++) {
            double gradient = 0;
            for (double s : scores) {
                double z = s + b;
                gradient += (f.applyAsDouble(z) - 1) * slope.applyAsDouble(z) / x.length;
            }
            b -= LEARNING_RATE * gradient;
        }
        return b;
    }

    private static double activeShare(double[][] x, double[] w, double b) {
        double[][] z = new double[x.length][1];
        for (int r = 0; r < x.length; r++) {
            z[r][0] = b;
            for (int i = 0; i < w.length; i++) {
                z[r][0] += x[r][i] * w[i];
            }
        }
        return Ex10Propagation.activeFraction(z)[0];
    }

    private static void centring(List<Claim> checks, double[][] z) {
        double[][] centred = new double[z.length][NOTEBOOK_UNITS];
        for (int j = 0; j < NOTEBOOK_UNITS; j++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[j] / z.length;
            }
            for (int r = 0; r < z.length; r++) {
                centred[r][j] = z[r][j] - mean;
            }
        }
        double mean = 0;
        for (double f : Ex10Propagation.activeFraction(centred)) {
            mean += f / NOTEBOOK_UNITS;
        }
        // the 32 000 entries are independent, so the standard error is sqrt(1/4 / 32 000)
        checks.add(Claim.withinStandardErrors("dead layer centred per unit (batch normalization): mean active "
                + "fraction = 1/2", 0.5, mean, Math.sqrt(0.25 / (NOTEBOOK_ROWS * NOTEBOOK_UNITS)), K));
    }

    private static double[][] preActivations(double[][] x, double[][] w, double[] bias) {
        double[][] z = Matrices.multiply(x, w);
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] += bias[j];
            }
        }
        return z;
    }

    private static double columnNorm(double[][] w, int j) {
        double sum = 0;
        for (double[] row : w) {
            sum += row[j] * row[j];
        }
        return Math.sqrt(sum);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    /** Prints the lab report: active fraction against b / ||w||, the two training runs, then every check. */
    public static void main(String[] args) {
        NormalDistribution normal = new NormalDistribution(0, 1);
        double[] ts = {-6, -4, -3, -2.33, -2, -1, 0, 1};
        double[][] rows = new double[ts.length][];
        for (int i = 0; i < ts.length; i++) {
            double p = normal.cumulativeProbability(ts[i]);
            rows[i] = new double[] {ts[i], p, p < DEAD ? 1 : 0};
        }
        Training run = Training.run(SEED + 1); // the run the checks judge
        WriteUps.of(DeadRelus.class).report()
                .table("Active fraction of a unit with z ~ N(b, ||w||^2), and whether it counts as dead (< 1 %)",
                        List.of("b / ||w||", "active", "dead"), rows)
                .table("A dead unit (b = -5) after 400 steps of gradient descent towards targets 1; rows: ReLU, Leaky",
                        List.of("final bias", "active share"), new double[][] {
                            {run.reluBias(), run.reluShare()}, {run.leakyBias(), run.leakyShare()}})
                .checks(checks())
                .print();
    }
}
