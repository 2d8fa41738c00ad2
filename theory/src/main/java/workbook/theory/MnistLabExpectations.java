package workbook.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import workbook.exercises.Ex01Sigmoid;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.theory.engine.Activations;
import workbook.theory.engine.Network;
import workbook.theory.engine.Nonlinearity;
import workbook.theory.engine.PytorchDefault;
import workbook.theory.tools.Claim;

/**
 * {@summary <span class="book-lede">What the MNIST lab should show before it runs: which activations crawl at a
 * small rate, which die at a large one, and what a learned Swish can do.</span>}{@writeup}
 *
 * <p>The data are a subset of MNIST {@cite lecun1998mnist}; the learned Swish is {@citet ramachandran2017}'s, the dying
 * ReLU {@citet lu2020}'s subject.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The MNIST experiment of the charts module ({@code workbook.charts.mnist.Lab}) trains an MLP 784-200-64-10 with the
 *       activation \( f \) after both hidden layers, softmax cross-entropy and plain SGD at rate \( \eta \),
 *       full batch: one step per epoch, 1,000 epochs. The weights and biases start as PyTorch's
 *       {@code nn.Linear} draws them, uniform in \( \pm 1/\sqrt{n_{in}} \), so a weight has variance
 *       \( 1/(3 n_{in}) \).</li>
 *   <li>The inputs are pixels in [0, 1]: every input is non-negative, and the inputs of one image are strongly
 *       correlated with those of another (the same strokes light up).</li>
 *   <li>The checks below stand in for MNIST with uniform random pixels in [0, 1] on the same shapes: the claims
 *       concern signs, slopes and scales, which such inputs share with digits.</li>
 * </ul>
 *
 * <h2>Derivation</h2>
 * <p><b>Small rates measure time, not quality.</b> For small \( \eta \), \( T \) steps of gradient descent follow
 * the gradient flow \( \dot\theta = -\nabla L(\theta) \) up to time \( t = \eta T \): the error of one Euler step
 * is \( O(\eta^2) \), so halving the rate and doubling the steps reaches nearly the same loss. The first experiment's 1,000
 * steps at \( \eta = 0.005 \) are a flow time of only \( t = 5 \); from a loss of \( \ln 10 \approx 2.30 \) at
 * the start no activation gets near convergence, and the ranking at \( t = 5 \) is a ranking of how fast each one
 * starts, not of where it ends. That is why the experiment then searches the rate: the best rate of each activation is
 * the largest one that still descends stably, and it differs between activations because their slopes do.
 *
 * <p><b>Sigmoid starts slowest.</b> Its slope is \( \sigma'(z) = \sigma(z)(1 - \sigma(z)) \le 1/4 \) (see
 * {@writeup 2}). The gradient of the first layer's weights passes through both hidden layers,
 * \[ \frac{\partial L}{\partial W_1} = X^{T} \left( \sigma'(Z_1) \odot \left( \left( \sigma'(Z_2) \odot
 *    (\delta_3 W_3^{T}) \right) W_2^{T} \right) \right), \]
 * so it carries two factors of at most 1/4, where tanh, whose slope is 1 at 0 and whose pre-activations under
 * this initialization are small, carries two factors near 1: the sigmoid network's first-layer gradient is
 * about \( 1/16 \) of tanh's. Worse, \( \sigma \) is not centred: \( E[\sigma(z)] = 1/2 \) for any symmetric
 * \( z \), so every activation the next layer reads is positive, the gradient \( X^{T}\delta \) of a unit's
 * incoming weights has one sign per unit, and the weights can only move all up or all down together: a
 * zig-zag path that needs more steps (LeCun et al., <i>Efficient BackProp</i>, 1998). tanh has both fixes,
 * which is why it is the one that moves fastest at the small rate.
 *
 * <p><b>Dead units at large rates.</b> A ReLU unit with \( z_j = x \cdot w_j + b_j \le 0 \) on every input has
 * zero gradient and never recovers. One SGD step changes \( z_j \) on input \( x_i \) by
 * {@eq relu-step \Delta z_{ij} = -\eta \sum_k \left( x_i \cdot x_k + 1 \right) \delta_{kj},}
 * and since pixels are non-negative, \( x_i \cdot x_k + 1 > 0 \) for every pair: each image's shift is a positively
 * weighted sum of the same errors \( \delta_{kj} \). The weights differ from image to image (an image weighs the
 * images like it more), so the shifts share one sign only approximately: for most units the sign of
 * \( \sum_k \delta_{kj} \) on nearly every image, while a unit whose errors almost cancel can move different
 * images different ways. At a large \( \eta \) the shift dwarfs the spread of \( z_j \) across images, so most
 * units pushed down by their first step are dead on (nearly) every image: about half of them. (The same
 * non-negativity already leaves a few units off on every image at the start: \( x \cdot w_j \) has mean
 * \( \tfrac12 \sum_k w_{kj} \), which varies between units far more than \( x \cdot w_j \) varies between
 * images.) Leaky ReLU keeps a slope of 0.01
 * below 0, so its units can come back. Mish and Swish keep a slope below 0 only near 0: it decays like
 * \( |z| e^{-|z|} \) (Swish's slope at \( -10 \) is about \( -4 \times 10^{-4} \)), so a unit pushed far down is as
 * stuck as a dead ReLU. Sigmoid and tanh saturate instead of dying.
 *
 * <p><b>A learned Swish.</b> \( \mathrm{swish}_\beta(z) = z\,\sigma(\beta z) \) moves from \( z/2 \) at
 * \( \beta = 0 \) through SiLU at \( \beta = 1 \) towards ReLU as \( \beta \to \infty \), with
 * \( \partial\, \mathrm{swish}_\beta(z) / \partial \beta = z^2 \sigma'(\beta z) \ge 0 \) (Ex07's
 * {@code swishBetaGradient}): raising \( \beta \) raises every output, most for \( |z| \) near \( 2.40/\beta \).
 * (With \( u = \beta z \) the sensitivity is \( u^2 \sigma'(u) / \beta^2 \); since \( \sigma'' = \sigma'(1 - 2\sigma) \),
 * its derivative in \( u \) vanishes where \( 2 + u(1 - 2\sigma(u)) = 0 \), that is \( u \tanh(u/2) = 2 \),
 * \( u \approx 2.3994 \).)
 * Each layer's \( \beta \) gets the gradient \( \sum_{i,j} \delta_{ij}\, z_{ij}^2 \sigma'(\beta z_{ij}) \), a sum
 * over all units and images, so it moves much faster than any single weight; the experiment reports where it ends.
 *
 * <h2>Result</h2>
 * At \( \eta = 0.005 \), 1,000 full-batch steps are a flow time of 5: expect no activation to converge, tanh
 * ahead and sigmoid last (two slopes of at most 1/4 and a non-zero mean). Each activation's best rate is far
 * larger, sigmoid's largest of all. At too large a rate this derivation expected ReLU to be the unit that dies,
 * losing units for good while its leaky and smooth cousins do not.
 *
 * <p>The experiment's figures land in {@code charts/target/figures/lab/}: {@code lab-d-curves.png} (rate 0.005, four
 * curves), {@code lab-e-relu.png} and one like it per activation (the rate search), {@code lab-f-test-accuracy.png},
 * {@code lab-g-swish.png} and {@code lab-init-*.png} (initialization x activation). The README's MNIST lab section
 * shows the report and the key figures of a full run, with several seeds per configuration. These predictions held
 * with every seed: at 0.005 nothing converged, tanh led (by more than ten points) and sigmoid came last; sigmoid's
 * best rate came out at 3.163, ten times the 0.3162 of ReLU, LeakyReLU, Mish and Swish; and the learned Swish
 * raised \( \beta \) in both layers with each of five seeds (to about 2.9 and 1.9), towards ReLU.
 *
 * <p>The prediction about large rates did not. At rate 1, ReLU <em>survives</em> with each of three seeds (94.5 %
 * to 96.0 % validation accuracy), while, with the rate search's one seed, Mish <em>diverges</em> (its loss
 * overflows by epoch 30) and Swish <em>collapses</em> to one class. Leaky ReLU, whose units cannot die, trained
 * with that seed to 95.5 % by epoch 400 and then <em>diverged</em> too: its loss rose from epoch 436 and
 * overflowed in epoch 455. Dead units do not sink ReLU:
 * the units that die stop contributing, which shrinks the network and with it the curvature the step has to
 * respect (gradient descent is stable only while \( \eta \) stays below 2 over the largest curvature of the loss),
 * while the survivors (about half of 200) are plenty for MNIST. The units that stay alive keep that curvature, and
 * it grows as the fit sharpens until a step of 1 overshoots: Leaky ReLU keeps them all. Mish and Swish keep every
 * unit alive near 0 too, and their slope exceeds 1 for moderate positive inputs (about 1.1 at its peak), so a
 * large step can grow the pre-activations from layer to layer until the loss overflows (Mish) or until the units
 * sit far below 0, where, as above, their slope has decayed to nothing and the network predicts one class
 * (Swish). A slope below 0 keeps a unit alive as far as it reaches (Leaky ReLU's everywhere, Mish's and Swish's
 * only near 0); a network that keeps its units alive also keeps the curvature that limits its rate.
 *
 * <h2>What the checks verify</h2>
 * On a 784-200-64-10 network with the PyTorch-default initialization and 64 uniform random "images":
 * <ul>
 *   <li>The mean activation of a sigmoid hidden layer is near 1/2, of a tanh layer near 0.</li>
 *   <li>The sigmoid network's first-layer gradient norm is below 1/4 of the tanh network's (two slopes of at most
 *       1/4 each).</li>
 *   <li>Halving the rate and doubling the steps: the loss after 40 steps at 0.05 and after 20 steps at 0.1 agree
 *       within 2 % (gradient flow), while 20 steps at 0.05 stay measurably behind.</li>
 *   <li>At the start under a quarter of the first layer's ReLU units are off on every image; one SGD step at
 *       rate 0.005 kills no further unit; one step at rate 50 leaves at least a third of the first
 *       layer's units dead on every image, and a leaky ReLU network's units at that step still have a non-zero
 *       slope everywhere.</li>
 *   <li>A Swish layer's beta gradient from the engine matches a central difference of the loss; the sensitivity
 *       \( z^2 \sigma'(\beta z) \) peaks at \( |z| \approx 2.40/\beta \), not \( 1/\beta \); Swish's slope at
 *       \( -10 \) is below \( 10^{-3} \) in size.</li>
 * </ul>
 * Run it: {@code ./mvnw -q -pl theory -am compile exec:java -Dwriteup=mnist-lab}.
 *
 * <h2>In short</h2>
 * <ul>
 *   <li>At \( \eta = 0.005 \), 1,000 full-batch steps are too short a flow for any activation to converge: tanh
 *       leads, the sigmoid comes last.</li>
 *   <li>Each activation's best rate is far larger, the sigmoid's largest of all (its slopes are at most
 *       \( \tfrac14 \)).</li>
 *   <li>At a large rate one step moves a unit's pre-activations on nearly every image the same way
 *       {@eqref relu-step}, so ReLU loses about half of its units for good. Yet at rate 1 ReLU trained well with
 *       every seed, while Mish diverged, Swish collapsed and Leaky ReLU diverged late: units that stay alive keep
 *       the curvature that limits the rate.</li>
 * </ul>
 *
 * {@references}
 * {@writeup end}
 */
public final class MnistLabExpectations {
    /** The seed of every random draw in {@link #checks()}. */
    public static final long SEED = 20_240_018L;
    private static final int[] WIDTHS = {784, 200, 64, 10};
    private static final int ROWS = 64;

    private MnistLabExpectations() {}

    /** The same network (same draws) with {@code act} on both hidden layers, drawn as PyTorch draws it. */
    static Network network(Activation act, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Network net = Network.classifier(WIDTHS, act, PytorchDefault.WEIGHTS, rng);
        PytorchDefault.drawBiases(net, rng);
        return net;
    }

    /** {@code ROWS} uniform random images of 784 pixels in [0, 1], random labels. */
    record Batch(double[][] x, int[] labels) {
        static Batch draw(SplittableRandom rng) {
            double[][] x = new double[ROWS][WIDTHS[0]];
            int[] labels = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                for (int k = 0; k < WIDTHS[0]; k++) {
                    x[i][k] = rng.nextDouble();
                }
                labels[i] = rng.nextInt(10);
            }
            return new Batch(x, labels);
        }
    }

    /** Returns the checks for the fixed {@link #SEED}. */
    public static List<Claim> checks() {
        return checks(SEED);
    }

    /** Returns the checks of this write-up; the same seed always gives the same numbers. */
    public static List<Claim> checks(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Batch batch = Batch.draw(rng);
        long netSeed = rng.nextLong();
        List<Claim> checks = new ArrayList<>();
        Network sigmoid = network(Activations.SIGMOID, netSeed);
        Network tanh = network(Activations.TANH, netSeed);
        Network.Pass sigmoidPass = sigmoid.forward(batch.x());
        Network.Pass tanhPass = tanh.forward(batch.x());
        // A mean over 64 x 200 activations of a layer whose inputs are correlated: not independent draws, so
        // a band rather than standard errors; sigma's mean is 1/2 exactly only for symmetric z, and z here has
        // a small random offset per unit (|b| and x.w up to ~0.6), so +-0.1.
        checks.add(Claim.inRange("sigmoid hidden layer 1: mean activation near 1/2 (not centred)", 0.4, 0.6,
                sigmoidPass.stats(0).mean()));
        checks.add(Claim.inRange("tanh hidden layer 1: mean activation near 0", -0.15, 0.15, tanhPass.stats(0).mean()));
        double ratio = sigmoid.gradient(batch.x(), batch.labels()).weightNorm(0)
                / tanh.gradient(batch.x(), batch.labels()).weightNorm(0);
        checks.add(Claim.inRange("||dL/dW1|| of sigmoid / of tanh is below 1/4 (two slopes <= 1/4 against ~1)", 0,
                0.25, ratio));
        gradientFlow(checks, batch, netSeed);
        deadUnits(checks, batch, netSeed);
        betaGradient(checks, batch, netSeed);
        return checks;
    }

    /** The loss after {@code steps} full-batch SGD steps at {@code rate} from the seed's tanh network. */
    static double lossAfter(Batch batch, long seed, double rate, int steps) {
        Network net = network(Activations.TANH, seed);
        for (int s = 0; s < steps; s++) {
            net.step(net.gradient(batch.x(), batch.labels()), rate);
        }
        return net.loss(batch.x(), batch.labels());
    }

    private static void gradientFlow(List<Claim> checks, Batch batch, long seed) {
        double slow = lossAfter(batch, seed, 0.05, 40);
        double fast = lossAfter(batch, seed, 0.1, 20);
        double half = lossAfter(batch, seed, 0.05, 20);
        // The two differ by the O(eta^2) error of Euler steps summed over the path: a few 1e-3 of the loss
        // here; 2 % leaves room for another seed, while half the flow time is several % behind.
        checks.add(Claim.relative("flow time eta T = 2: 40 steps at 0.05 reach the loss of 20 steps at 0.1", fast,
                slow, 0.02));
        checks.add(Claim.inRange("... while 20 steps at 0.05 (flow time 1) stay 5 % to 2x higher: loss ratio", 1.05, 2,
                half / fast));
    }

    /** The fraction of layer 1's units with z <= 0 on every row (dead on the batch), after one step at rate. */
    static double deadAfterOneStep(Activation act, Batch batch, long seed, double rate) {
        Network net = network(act, seed);
        if (rate > 0) {
            net.step(net.gradient(batch.x(), batch.labels()), rate);
        }
        double[][] z = net.forward(batch.x()).z(0);
        int dead = 0;
        for (int j = 0; j < z[0].length; j++) {
            boolean alive = false;
            for (double[] row : z) {
                alive |= row[j] > 0;
            }
            dead += alive ? 0 : 1;
        }
        return (double) dead / z[0].length;
    }

    private static void deadUnits(List<Claim> checks, Batch batch, long seed) {
        double atStart = deadAfterOneStep(Activations.RELU, batch, seed, 0);
        // With non-negative inputs a unit whose weights sum well below 0 is off on every image from the start:
        // the sum of 784 weights U(+-1/28) has std 0.58, the mean pixel is 1/2, the spread across images ~0.17.
        checks.add(Claim.inRange("at the start, a minority (under a quarter) of layer 1's ReLU units are off on every image", 0,
                0.25, atStart));
        checks.add(new Claim("one step at rate 0.005 kills no further unit", atStart,
                deadAfterOneStep(Activations.RELU, batch, seed, 0.005), 0));
        checks.add(Claim.inRange("one step at rate 50: at least a third of layer 1's ReLU units are dead", 1.0 / 3, 1,
                deadAfterOneStep(Activations.RELU, batch, seed, 50)));
        Network leaky = network(Activations.LEAKY_RELU, seed);
        leaky.step(leaky.gradient(batch.x(), batch.labels()), 50);
        double[][] z = leaky.forward(batch.x()).z(0);
        double smallest = Double.MAX_VALUE;
        for (double[] row : z) {
            for (double v : row) {
                smallest = Math.min(smallest, leaky.activation(0).slope(v));
            }
        }
        checks.add(Claim.inRange("... while a leaky ReLU unit keeps a slope of at least 0.01 everywhere", 0.01, 1,
                smallest));
    }

    private static void betaGradient(List<Claim> checks, Batch batch, long seed) {
        double analytic = swishNetwork(1, seed).gradient(batch.x(), batch.labels()).dBeta()[0];
        double h = 1e-5;
        double numeric = (swishNetwork(1 + h, seed).loss(batch.x(), batch.labels())
                - swishNetwork(1 - h, seed).loss(batch.x(), batch.labels())) / (2 * h);
        // central difference in double: truncation ~h^2 times the third derivative, ~1e-10, rounding ~1e-16 / h
        checks.add(new Claim("dL/dbeta of Swish layer 1: swishBetaGradient summed by the engine = central difference",
                numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric)));
        checks.add(Claim.inRange("d swish_beta(z) / d beta = z^2 sigma'(beta z) >= 0 (z = -3, 0.5, 4)", 0,
                1, Math.min(Ex07SmoothActivations.swishBetaGradient(-3, 1),
                        Math.min(Ex07SmoothActivations.swishBetaGradient(0.5, 1),
                                Ex07SmoothActivations.swishBetaGradient(4, 1)))));
        checks.add(Claim.relative("... and equals z^2 sigma'(beta z) at z = 2, beta = 1.5", 4 * Ex01Sigmoid.sigmoidDerivative(3),
                Ex07SmoothActivations.swishBetaGradient(2, 1.5), 1e-12));
        double beta = 1.5;
        double peak = 2.3994 / beta; // the root of u tanh(u/2) = 2, over beta
        double atPeak = Ex07SmoothActivations.swishBetaGradient(peak, beta);
        // a smooth maximum: 1 % either side of it lowers the value, and 1/beta is far below it
        checks.add(Claim.inRange("d swish_beta / d beta peaks at |z| = 2.40/beta (beta = 1.5): 1 % either side is lower",
                0, atPeak, Math.max(Ex07SmoothActivations.swishBetaGradient(0.99 * peak, beta),
                        Ex07SmoothActivations.swishBetaGradient(1.01 * peak, beta))));
        checks.add(Claim.inRange("... and at 1/beta it is under half of that peak", 0, 0.5 * atPeak,
                Ex07SmoothActivations.swishBetaGradient(1 / beta, beta)));
        checks.add(Claim.inRange("Swish's slope at -10 is below 1e-3 in size: a unit pushed far down is stuck", -1e-3,
                1e-3, Ex07SmoothActivations.swishDerivative(-10, 1)));
    }

    /** The seed's network (same weight draws) with a trainable Swish of {@code beta1} on layer 1, SiLU on layer 2. */
    private static Network swishNetwork(double beta1, long seed) {
        return Network.of(WIDTHS, List.of(Nonlinearity.trainableSwish(beta1), Nonlinearity.of(Activations.SILU),
                Nonlinearity.of(Activations.IDENTITY)), PytorchDefault.WEIGHTS, new SplittableRandom(seed));
    }

    /** Prints the lab report: dead units after one step against the rate, then every check. */
    public static void main(String[] args) {
        SplittableRandom rng = new SplittableRandom(SEED);
        Batch batch = Batch.draw(rng);
        long seed = rng.nextLong();
        double[] rates = {0.005, 0.05, 0.5, 5, 50};
        double[][] rows = new double[rates.length][];
        for (int i = 0; i < rates.length; i++) {
            rows[i] = new double[] {rates[i], deadAfterOneStep(Activations.RELU, batch, seed, rates[i]),
                    lossAfter(batch, seed, rates[i] / 10, 10)};
        }
        WriteUps.of(MnistLabExpectations.class).report()
                .table("One full-batch step on 64 random images (784-200-64-10, PyTorch init)",
                        List.of("rate", "dead ReLU units, layer 1", "tanh loss after 10 steps at rate/10"), rows)
                .checks(checks())
                .print();
    }
}
