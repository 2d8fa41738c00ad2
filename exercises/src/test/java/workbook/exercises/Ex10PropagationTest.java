package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex10Propagation.activeFraction;
import static workbook.exercises.Ex10Propagation.deadUnits;
import static workbook.exercises.Ex10Propagation.forwardStats;
import static workbook.exercises.Ex10Propagation.gradientNorms;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.exercises.Ex10Propagation.Activation;
import workbook.exercises.Ex10Propagation.Initializer;
import workbook.exercises.Ex10Propagation.LayerStats;

@Tag("ex10")
@DisplayName("Ex10 · Propagation across depth")
class Ex10PropagationTest {
    /** Sums of a few dozen terms of size about 1: a handful of rounding errors, far below this. */
    private static final double EXACT = 1e-12;
    /** Depth and width of the lab's experiment; the batch is kept small so that each run stays fast. */
    private static final int DEEP = 50;
    private static final int WIDE = 256;
    private static final int BATCH = 32;

    // ---- activations and initializers of the test's own (Ex10 is graded without Ex03 or Ex09) ----

    private static final Activation RELU = new Activation("relu", x -> Math.max(0, x), x -> x > 0 ? 1 : 0);
    private static final Activation TANH = new Activation("tanh", Math::tanh, x -> {
        double t = Math.tanh(x);
        return 1 - t * t;
    });
    private static final Activation IDENTITY = new Activation("identity", x -> x, x -> 1);
    // softplus(x) = log(1 + e^x), derivative sigmoid(x): smooth, and not odd, so a sign slip shows
    private static final Activation SOFTPLUS = new Activation("softplus",
            x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), x -> 1 / (1 + Math.exp(-x)));

    /** N(0, 1), He (std sqrt(2 / fanIn)) and Xavier (std sqrt(2 / (fanIn + fanOut))) normal weights. */
    private static final Initializer NAIVE = (in, out, rng) -> normalMatrix(in, out, 0, 1, rng);
    private static final Initializer HE = (in, out, rng) -> normalMatrix(in, out, 0, Math.sqrt(2.0 / in), rng);
    private static final Initializer XAVIER =
            (in, out, rng) -> normalMatrix(in, out, 0, Math.sqrt(2.0 / (in + out)), rng);

    private static double[][] normalMatrix(int rows, int cols, double mean, double std, RandomGenerator rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = mean + std * rng.nextGaussian();
            }
        }
        return m;
    }

    /** Wraps an initializer and keeps a copy of every matrix it hands out, with the fans it was asked for. */
    private static final class Recorder implements Initializer {
        final Initializer inner;
        final List<double[][]> matrices = new ArrayList<>();
        final List<String> fans = new ArrayList<>();
        final List<RandomGenerator> generators = new ArrayList<>();

        Recorder(Initializer inner) {
            this.inner = inner;
        }

        @Override
        public double[][] init(int fanIn, int fanOut, RandomGenerator rng) {
            double[][] w = inner.init(fanIn, fanOut, rng);
            matrices.add(copy(w));
            fans.add(fanIn + "x" + fanOut);
            generators.add(rng);
            return w;
        }
    }

    /** Hands out the given matrices in order, one per call. */
    private static Initializer scripted(double[][]... matrices) {
        int[] next = {0};
        return (fanIn, fanOut, rng) -> copy(matrices[next[0]++]);
    }

    // ---- an independent forward pass, the oracle of these checks ----

    private static double[][] product(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] map(double[][] m, DoubleUnaryOperator f) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i][j] = f.applyAsDouble(m[i][j]);
            }
        }
        return out;
    }

    /** The loss mean(X_L) of the network with the given weights. */
    private static double loss(double[][] x0, List<double[][]> weights, Activation act) {
        double[][] x = x0;
        for (double[][] w : weights) {
            x = map(product(x, w), act.f());
        }
        double sum = 0;
        for (double[] row : x) {
            for (double a : row) {
                sum += a;
            }
        }
        return sum / (x.length * x[0].length);
    }

    // ---- forward statistics ----

    @Test
    @Tag("ex10.forwardStats")
    void forwardStatsMatchAHandComputedTwoLayerReluNetwork() {
        double[][] x0 = {{0.5, -1}, {0, 2}};
        double[][] w1 = {{1, 0}, {0, 1}};
        double[][] w2 = {{1, -1}, {1, 1}};
        List<LayerStats> stats = forwardStats(x0, 2, 2, scripted(w1, w2), RELU, new SplittableRandom(1));
        assertThat(stats).as("forwardStats with depth 2 should return one LayerStats per layer").hasSize(2);
        // by hand: Z1 = x0 W1 = x0, X1 = relu(Z1) = {{0.5, 0}, {0, 2}}: mean 0.625,
        // squared deviations 0.015625 + 0.390625 + 0.390625 + 1.890625 = 2.6875, population variance 0.671875;
        // zeros 2 of 4; |a| > 0.95: only 2, 1 of 4; relu'(Z1) = {{1, 0}, {0, 1}} (relu'(0) = 0), mean 0.5
        expectStats(stats.get(0), new LayerStats(1, 0.625, Math.sqrt(0.671875), 0.5, 0.25, 0.5));
        // Z2 = X1 W2 = {{0.5, -0.5}, {2, 2}}, X2 = {{0.5, 0}, {2, 2}}: mean 1.125,
        // squared deviations 0.390625 + 1.265625 + 0.765625 + 0.765625 = 3.1875, variance 0.796875;
        // zeros 1 of 4; saturated 2 of 4; relu'(Z2) = {{1, 0}, {1, 1}}, mean 0.75
        expectStats(stats.get(1), new LayerStats(2, 1.125, Math.sqrt(0.796875), 0.25, 0.5, 0.75));
    }

    @Test
    @Tag("ex10.forwardStats")
    void saturationCountsAbsoluteValuesStrictlyAboveNinetyFivePercent() {
        double[][] x0 = {{0.95, -0.96}, {0, 0.2}};
        List<LayerStats> stats = forwardStats(x0, 1, 2, scripted(new double[][] {{1, 0}, {0, 1}}), IDENTITY,
                new SplittableRandom(1));
        assertThat(stats).as("depth 1 should give one LayerStats").hasSize(1);
        LayerStats s = stats.get(0);
        assertThat(s.saturatedFraction())
                .as("with outputs {0.95, -0.96, 0, 0.2} only -0.96 is saturated: the test is |a| > 0.95, strict, "
                        + "and on the absolute value (tanh saturates at -1 as well as at +1)")
                .isCloseTo(0.25, within(EXACT));
        assertThat(s.zeroFraction()).as("with outputs {0.95, -0.96, 0, 0.2} one entry in four is exactly 0")
                .isCloseTo(0.25, within(EXACT));
        assertThat(s.mean()).as("the mean of {0.95, -0.96, 0, 0.2}")
                .isCloseTo((0.95 - 0.96 + 0 + 0.2) / 4, within(EXACT));
    }

    @Test
    @Tag("ex10.forwardStats")
    void aNetworkOneUnitWideIsAllowed() {
        double[][] x0 = {{1, 2}, {3, 4}};
        Recorder init = new Recorder(scripted(new double[][] {{1}, {1}}, new double[][] {{0.5}}));
        List<LayerStats> stats = forwardStats(x0, 2, 1, init, IDENTITY, new SplittableRandom(1));
        assertThat(init.fans).as("width 1: the weights should be 2x1, then 1x1").containsExactly("2x1", "1x1");
        assertThat(stats).as("depth 2 should give two LayerStats").hasSize(2);
        // Z1 = {{3}, {7}}, X2 = Z1 * 0.5 = {{1.5}, {3.5}}: mean 2.5, population std 1, both saturated, slope 1
        expectStats(stats.get(1), new LayerStats(2, 2.5, 1, 0, 1, 1));
    }

    @Test
    @Tag("ex10.forwardStats")
    void forwardStatsMatchAnIndependentForwardPassWithTanh() {
        double[][] x0 = normalMatrix(6, 5, 0.3, 1.2, new SplittableRandom(11));
        Recorder init = new Recorder((in, out, rng) -> normalMatrix(in, out, 0, 1.5 / Math.sqrt(in), rng));
        List<LayerStats> stats = forwardStats(x0, 4, 3, init, TANH, new SplittableRandom(12));
        assertThat(stats).as("depth 4 should give four LayerStats").hasSize(4);
        assertThat(init.matrices).as("init should be called once per layer").hasSize(4);
        double[][] x = x0;
        for (int l = 0; l < 4; l++) {
            double[][] z = product(x, init.matrices.get(l));
            x = map(z, TANH.f());
            expectStats(stats.get(l), statsOf(l + 1, x, map(z, TANH.derivative())));
        }
    }

    @Test
    @Tag("ex10.forwardStats")
    void theInitializerIsCalledOncePerLayerInOrderWithTheLayersFans() {
        Recorder init = new Recorder(XAVIER);
        RandomGenerator rng = new SplittableRandom(5);
        forwardStats(normalMatrix(2, 3, 0, 1, new SplittableRandom(4)), 3, 4, init, TANH, rng);
        assertThat(init.fans)
                .as("a 2 x 3 input through 3 layers of width 4 needs weights 3x4, then 4x4, then 4x4 "
                        + "(fanIn = columns of the layer's input, fanOut = width), drawn in that order")
                .containsExactly("3x4", "4x4", "4x4");
        assertThat(init.generators).as("every layer's weights should be drawn from the rng argument")
                .allSatisfy(g -> assertThat(g).isSameAs(rng));
    }

    // ---- gradients ----

    static Stream<Arguments> smoothActivations() {
        return Stream.of(Arguments.of(Named.of("tanh", TANH)), Arguments.of(Named.of("softplus", SOFTPLUS)),
                Arguments.of(Named.of("identity", IDENTITY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smoothActivations")
    @Tag("ex10.gradientNorms")
    void gradientNormsMatchCentralDifferencesOfTheLoss(Activation act) {
        double[][] x0 = normalMatrix(3, 5, 0, 1, new SplittableRandom(21));
        Recorder init = new Recorder((in, out, rng) -> normalMatrix(in, out, 0, 0.8, rng));
        double[] norms = gradientNorms(x0, 3, 4, init, act, new SplittableRandom(22));
        assertThat(norms).as("depth 3 should give three gradient norms").hasSize(3);
        assertThat(init.fans).as("gradientNorms should draw each layer's weights once, in order")
                .containsExactly("5x4", "4x4", "4x4");
        // central differences of L = mean(X_3), one weight at a time; error about h^2 |L'''| / 6 + eps |L| / h,
        // below 1e-10 at h = 1e-5, so a relative tolerance of 1e-6 is generous
        double h = 1e-5;
        List<double[][]> weights = init.matrices;
        for (int l = 0; l < 3; l++) {
            double squares = 0;
            double[][] w = weights.get(l);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    double saved = w[i][j];
                    w[i][j] = saved + h;
                    double up = loss(x0, weights, act);
                    w[i][j] = saved - h;
                    double down = loss(x0, weights, act);
                    w[i][j] = saved;
                    double slope = (up - down) / (2 * h);
                    squares += slope * slope;
                }
            }
            double expected = Math.sqrt(squares);
            assertThat(norms[l])
                    .as("||dL/dW_%d|| with %s for L = mean(X_3) should match central differences of the loss. A "
                            + "mismatch usually means act' taken at the output instead of the pre-activation, a "
                            + "missing transpose, a loss gradient of 1 instead of 1 / (rows * width), or an index "
                            + "shifted by one layer", l + 1, act.name())
                    .isCloseTo(expected, within(1e-6 * expected + 1e-12));
        }
    }

    @Test
    @Tag("ex10.gradientNorms")
    void gradientNormsBuildTheSameNetworkAsForwardStats() {
        double[][] x0 = normalMatrix(4, 6, 0, 1, new SplittableRandom(31));
        Recorder forward = new Recorder(HE);
        Recorder backward = new Recorder(HE);
        forwardStats(x0, 5, 7, forward, RELU, new SplittableRandom(32));
        gradientNorms(x0, 5, 7, backward, RELU, new SplittableRandom(32));
        assertThat(backward.fans).as("gradientNorms should ask for the same weight shapes as forwardStats, in order")
                .isEqualTo(forward.fans);
        for (int l = 0; l < 5; l++) {
            assertThat(backward.matrices.get(l))
                    .as("with the same seed, gradientNorms should draw the same W_%d as forwardStats: call init "
                            + "exactly once per layer, first layer first, with the rng argument", l + 1)
                    .isDeepEqualTo(forward.matrices.get(l));
        }
    }

    // ---- the lab's findings at depth 50, width 256 ----

    private static List<LayerStats> deepRun(Initializer init, Activation act, long seed) {
        double[][] x0 = normalMatrix(BATCH, WIDE, 0, 1, new SplittableRandom(seed));
        return forwardStats(x0, DEEP, WIDE, init, act, new SplittableRandom(seed + 1));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("ex10.forwardStats")
    void heInitWithReluKeepsTheSignalScaleAcrossFiftyLayers() {
        // He keeps E[a^2] in expectation only: at width 256 the log of the std random-walks across layers, with a
        // spread of about 0.5 by layer 50 whatever the batch (measured over 80 seeds when this check was written),
        // so "within a factor 2" holds for about three networks in four. The test draws the weights itself, so
        // every correct solution sees this one network, whose ratio stays within [0.88, 1.27].
        List<LayerStats> stats = deepRun(HE, RELU, 7);
        assertThat(stats).as("depth 50 should give 50 LayerStats").hasSize(DEEP);
        double first = stats.get(0).std();
        for (LayerStats s : stats) {
            assertThat(s.std() / first)
                    .as("He + ReLU: the std of layer %d over the std of layer 1 should stay within a factor 2: "
                            + "Var(W) = 2 / fanIn makes up for the half of the signal that ReLU zeroes", s.layer())
                    .isBetween(0.5, 2.0);
            assertThat(s.zeroFraction())
                    .as("He + ReLU: about half of layer %d's outputs should be exactly 0", s.layer())
                    .isBetween(0.3, 0.7);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("ex10.forwardStats")
    void naiveInitWithReluExplodes() {
        List<LayerStats> stats = deepRun(NAIVE, RELU, 202);
        assertThat(stats).as("depth 50 should give 50 LayerStats").hasSize(DEEP);
        // each layer multiplies the std by about sqrt(fanIn / 2) = sqrt(128), about 11, so by 1e51 over 49 layers
        assertThat(stats.get(DEEP - 1).std() / stats.get(0).std())
                .as("N(0, 1) weights + ReLU: the std of layer 50 should exceed layer 1's by more than 1e30 (each "
                        + "layer multiplies it by about sqrt(256 / 2))")
                .isGreaterThan(1e30);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("ex10.forwardStats")
    void naiveInitWithTanhSaturatesMostUnits() {
        List<LayerStats> stats = deepRun(NAIVE, TANH, 303);
        assertThat(stats).as("depth 50 should give 50 LayerStats").hasSize(DEEP);
        for (LayerStats s : stats) {
            // pre-activations have a std near sqrt(256) = 16, so |z| > atanh(0.95) = 1.83 for about 9 units in 10
            assertThat(s.saturatedFraction())
                    .as("N(0, 1) weights + tanh: most of layer %d's outputs should be saturated (|a| > 0.95)",
                            s.layer())
                    .isGreaterThan(0.8);
            assertThat(s.meanLocalDerivative())
                    .as("N(0, 1) weights + tanh: the mean of tanh'(z) in layer %d should be tiny (below 0.1): "
                            + "saturated units pass almost no gradient", s.layer())
                    .isLessThan(0.1);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("ex10.forwardStats")
    void xavierInitWithTanhNeitherExplodesNorSaturates() {
        List<LayerStats> stats = deepRun(XAVIER, TANH, 404);
        assertThat(stats).as("depth 50 should give 50 LayerStats").hasSize(DEEP);
        double first = stats.get(0).std();
        for (LayerStats s : stats) {
            assertThat(s.saturatedFraction())
                    .as("Xavier + tanh: at most 10%% of layer %d's outputs should be saturated", s.layer())
                    .isLessThan(0.1);
            assertThat(s.meanLocalDerivative())
                    .as("Xavier + tanh: the mean of tanh'(z) in layer %d should stay above 0.5 (it is 0.61 for "
                            + "z ~ N(0, 1) and rises with depth): units work in the near-linear middle of tanh",
                            s.layer())
                    .isGreaterThan(0.5);
            assertThat(s.std())
                    .as("Xavier + tanh: the std of layer %d should neither grow past layer 1's nor collapse",
                            s.layer())
                    .isBetween(0.1 * first, 1.05 * first);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("ex10.gradientNorms")
    void gradientsExplodeTowardTheInputWithNaiveTanhButNotWithXavier() {
        // width 64 keeps this backward pass cheap; over 60 seeds the Xavier spread stayed below 7 and the
        // naive ratio above 1e13
        double[][] x0 = normalMatrix(BATCH, 64, 0, 1, new SplittableRandom(606));
        double[] naive = gradientNorms(x0, DEEP, 64, NAIVE, TANH, new SplittableRandom(607));
        double[] xavier = gradientNorms(x0, DEEP, 64, XAVIER, TANH, new SplittableRandom(607));
        assertThat(naive).as("depth 50 should give 50 gradient norms").hasSize(DEEP);
        assertThat(naive[0] / naive[DEEP - 1])
                .as("N(0, 1) weights + tanh: ||dL/dW_1|| should exceed ||dL/dW_50|| by more than 1e10. Each step "
                        + "back multiplies the gradient by W^T (std 1, 64 inputs: about 8x) and by tanh' (mostly "
                        + "small), and the product grows")
                .isGreaterThan(1e10);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double g : xavier) {
            smallest = Math.min(smallest, g);
            largest = Math.max(largest, g);
        }
        assertThat(largest / smallest)
                .as("Xavier + tanh: the 50 gradient norms should stay within a factor 20 of each other")
                .isLessThan(20.0);
    }

    // ---- dead units ----

    @Test
    @Tag("ex10.activeFraction")
    void activeFractionCountsStrictlyPositiveEntriesPerUnit() {
        // the lab's example: unit 0 never fires, unit 1 always does
        assertThat(activeFraction(new double[][] {{-2, 1}, {-1, 2}, {-3, 3}}))
                .as("activeFraction of {{-2, 1}, {-1, 2}, {-3, 3}} should be {0, 1}: one value per column")
                .containsExactly(new double[] {0, 1}, within(EXACT));
        double[][] z = {{0, 5, -1}, {2, -3, -1}, {0, 1, 0}, {4, 2, -2}};
        assertThat(activeFraction(z))
                .as("per column, the fraction of rows with z > 0 (strictly: a ReLU at 0 outputs 0 and passes no "
                        + "gradient): {2/4, 3/4, 0/4}")
                .containsExactly(new double[] {0.5, 0.75, 0}, within(EXACT));
    }

    @Test
    @Tag("ex10.deadUnits")
    void aNegativelyBiasedLayerIsDead() {
        // P(N(-3, 0.5^2) > 0) = P(N(0, 1) > 6), about 1e-9: no unit fires in 400 rows
        double[][] z = normalMatrix(400, 32, -3, 0.5, new SplittableRandom(51));
        assertThat(deadUnits(z, 0.01))
                .as("pre-activations around -3 (std 0.5) never exceed 0: every unit should be flagged dead")
                .doesNotContain(false);
    }

    @Test
    @Tag("ex10.deadUnits")
    void aHealthyLayerHasNoDeadUnits() {
        // each unit fires in about half of 400 rows; below 1% of them (4 rows) is about 20 standard errors away
        double[][] z = normalMatrix(400, 32, 0, 1, new SplittableRandom(52));
        assertThat(deadUnits(z, 0.01))
                .as("N(0, 1) pre-activations fire half of the time: no unit should be flagged dead")
                .doesNotContain(true);
    }

    @Test
    @Tag("ex10.deadUnits")
    void aUnitIsDeadOnlyBelowTheThreshold() {
        // unit 0 fires in 1 of 4 rows, unit 1 never, unit 2 always
        double[][] z = {{1, -1, 2}, {-1, -1, 3}, {-1, -1, 1}, {-1, -1, 5}};
        assertThat(deadUnits(z, 0.25)).as("at threshold 0.25, a unit active 1/4 of the time is not dead (the rule is "
                + "active fraction < threshold); the unit that never fires is").containsExactly(false, true, false);
        assertThat(deadUnits(z, 0.26)).as("at threshold 0.26 the unit active 1/4 of the time is dead too")
                .containsExactly(true, true, false);
        assertThat(deadUnits(z, 0)).as("at threshold 0 no unit can be dead").containsExactly(false, false, false);
        assertThat(deadUnits(z, 1)).as("at threshold 1 (allowed: it is a fraction) every unit that ever rests is "
                + "dead, only the one that always fires is not").containsExactly(true, true, false);
    }

    // ---- bad arguments ----

    static Stream<Arguments> badNetworks() {
        double[][] x0 = {{1, 2}, {3, 4}};
        RandomGenerator rng = new SplittableRandom(1);
        Initializer wrongShape = (in, out, r) -> new double[in + 1][out];
        Initializer wrongColumns = (in, out, r) -> new double[in][out + 1];
        return Stream.of(
                bad("x0 null", "x0", () -> forwardStats(null, 2, 2, NAIVE, RELU, rng)),
                bad("x0 empty", "x0", () -> forwardStats(new double[0][], 2, 2, NAIVE, RELU, rng)),
                bad("x0 ragged", "x0", () -> forwardStats(new double[][] {{1, 2}, {3}}, 2, 2, NAIVE, RELU, rng)),
                bad("x0 with a null row", "x0", () -> forwardStats(new double[][] {{1, 2}, null}, 2, 2, NAIVE, RELU,
                        rng)),
                bad("depth 0", "depth", () -> forwardStats(x0, 0, 2, NAIVE, RELU, rng)),
                bad("width 0", "width", () -> forwardStats(x0, 2, 0, NAIVE, RELU, rng)),
                bad("init null", "init", () -> forwardStats(x0, 2, 2, null, RELU, rng)),
                bad("act null", "act", () -> forwardStats(x0, 2, 2, NAIVE, null, rng)),
                bad("rng null", "rng", () -> forwardStats(x0, 2, 2, NAIVE, RELU, null)),
                bad("init returns a wrong shape", "init", () -> forwardStats(x0, 2, 2, wrongShape, RELU, rng)),
                bad("init returns rows of a wrong length", "init",
                        () -> forwardStats(x0, 2, 2, wrongColumns, RELU, rng)),
                bad("gradientNorms, depth -1", "depth", () -> gradientNorms(x0, -1, 2, NAIVE, TANH, rng)),
                bad("gradientNorms, x0 ragged", "x0",
                        () -> gradientNorms(new double[][] {{1}, {2, 3}}, 2, 2, NAIVE, TANH, rng)),
                bad("gradientNorms, init returns a wrong shape", "init",
                        () -> gradientNorms(x0, 2, 2, wrongShape, TANH, rng)),
                bad("activeFraction, empty", "preactivations", () -> activeFraction(new double[0][])),
                bad("activeFraction, ragged", "preactivations",
                        () -> activeFraction(new double[][] {{1, 2}, {3}})),
                bad("deadUnits, threshold -0.1", "minActiveFraction", () -> deadUnits(x0, -0.1)),
                bad("deadUnits, threshold 1.5", "minActiveFraction", () -> deadUnits(x0, 1.5)),
                bad("deadUnits, threshold NaN", "minActiveFraction", () -> deadUnits(x0, Double.NaN)));
    }

    private static Arguments bad(String name, String argument, ThrowingCallable call) {
        return Arguments.of(Named.of(name, call), argument);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworksOfForwardStats")
    @Tag("ex10.forwardStats")
    void forwardStatsBadArgumentsAreRejectedWithAMessageNamingThem(ThrowingCallable call, String argument) {
        badArgumentsAreRejectedWithAMessageNamingThem(call, argument);
    }

    static Stream<Arguments> badNetworksOfForwardStats() {
        return badNetworks().filter(
                a -> !((Named<?>) a.get()[0]).getName().matches("(gradientNorms|activeFraction|deadUnits),.*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworksOfGradientNorms")
    @Tag("ex10.gradientNorms")
    void gradientNormsBadArgumentsAreRejectedWithAMessageNamingThem(ThrowingCallable call, String argument) {
        badArgumentsAreRejectedWithAMessageNamingThem(call, argument);
    }

    static Stream<Arguments> badNetworksOfGradientNorms() {
        return badNetworks().filter(a -> ((Named<?>) a.get()[0]).getName().startsWith("gradientNorms,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworksOfActiveFraction")
    @Tag("ex10.activeFraction")
    void activeFractionBadArgumentsAreRejectedWithAMessageNamingThem(ThrowingCallable call, String argument) {
        badArgumentsAreRejectedWithAMessageNamingThem(call, argument);
    }

    static Stream<Arguments> badNetworksOfActiveFraction() {
        return badNetworks().filter(a -> ((Named<?>) a.get()[0]).getName().startsWith("activeFraction,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworksOfDeadUnits")
    @Tag("ex10.deadUnits")
    void deadUnitsBadArgumentsAreRejectedWithAMessageNamingThem(ThrowingCallable call, String argument) {
        badArgumentsAreRejectedWithAMessageNamingThem(call, argument);
    }

    static Stream<Arguments> badNetworksOfDeadUnits() {
        return badNetworks().filter(a -> ((Named<?>) a.get()[0]).getName().startsWith("deadUnits,"));
    }

    private void badArgumentsAreRejectedWithAMessageNamingThem(ThrowingCallable call, String argument) {
        assertThatIllegalArgumentException()
                .as("expected an IllegalArgumentException whose message names %s (the given requireNetwork, "
                        + "requireMatrix and drawWeights helpers write such messages)", argument)
                .isThrownBy(call)
                .withMessageContaining(argument);
    }

    @Test
    @Tag("ex10.forwardStats")
    void forwardStatsNamesTheLayerOfAWrongShapeFromTheInitializer() {
        double[][] x0 = {{1, 2}, {3, 4}};
        double[][] good = {{1, 0}, {0, 1}};
        assertThatIllegalArgumentException()
                .as("forwardStats: an initializer that returns a 3x2 matrix for layer 2 should be reported as an "
                        + "IllegalArgumentException that names the layer (numbered from 1)")
                .isThrownBy(() -> forwardStats(x0, 3, 2, scripted(good, new double[3][2]), RELU,
                new SplittableRandom(1))).withMessageContaining("layer 2");
    }

    @Test
    @Tag("ex10.gradientNorms")
    void gradientNormsNamesTheLayerOfAWrongShapeFromTheInitializer() {
        double[][] x0 = {{1, 2}, {3, 4}};
        double[][] good = {{1, 0}, {0, 1}};
        assertThatIllegalArgumentException()
                .as("gradientNorms: a wrong shape for layer 2 should be an IllegalArgumentException naming layer 2")
                .isThrownBy(() -> gradientNorms(x0, 3, 2, scripted(good, new double[3][2]), RELU,
                new SplittableRandom(1))).withMessageContaining("layer 2");
    }

    // ---- helpers ----

    private static LayerStats statsOf(int layer, double[][] a, double[][] slopes) {
        double n = a.length * a[0].length;
        double sum = 0;
        double zeros = 0;
        double saturated = 0;
        double slopeSum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                sum += a[i][j];
                zeros += a[i][j] == 0 ? 1 : 0;
                saturated += Math.abs(a[i][j]) > 0.95 ? 1 : 0;
                slopeSum += slopes[i][j];
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : a) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new LayerStats(layer, mean, Math.sqrt(squares / n), zeros / n, saturated / n, slopeSum / n);
    }

    private static void expectStats(LayerStats actual, LayerStats expected) {
        int l = expected.layer();
        assertThat(actual.layer()).as("layers are numbered from 1: the %s entry", l).isEqualTo(l);
        assertThat(actual.mean()).as("layer %d: the mean of all entries of X_%d", l, l)
                .isCloseTo(expected.mean(), within(EXACT));
        assertThat(actual.std())
                .as("layer %d: the population std of X_%d (divide by the count, not count - 1)", l, l)
                .isCloseTo(expected.std(), within(EXACT));
        assertThat(actual.zeroFraction()).as("layer %d: the fraction of entries of X_%d equal to 0", l, l)
                .isCloseTo(expected.zeroFraction(), within(EXACT));
        assertThat(actual.saturatedFraction()).as("layer %d: the fraction of entries of X_%d with |a| > 0.95", l, l)
                .isCloseTo(expected.saturatedFraction(), within(EXACT));
        assertThat(actual.meanLocalDerivative())
                .as("layer %d: the mean of act'(Z_%d), the derivative at the pre-activations (not at the "
                        + "outputs)", l, l)
                .isCloseTo(expected.meanLocalDerivative(), within(EXACT));
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
