package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex09Initialization.gain;
import static workbook.exercises.Ex09Initialization.heStd;
import static workbook.exercises.Ex09Initialization.heUniformBound;
import static workbook.exercises.Ex09Initialization.kaimingCompromiseBound;
import static workbook.exercises.Ex09Initialization.kaimingCompromiseStd;
import static workbook.exercises.Ex09Initialization.xavierStd;
import static workbook.exercises.Ex09Initialization.xavierUniformBound;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex09")
@DisplayName("Ex09 · Weight initialization")
class Ex09InitializationTest {
    /** Two correct ways to write a scale (sqrt(2 / n) or sqrt(2) / sqrt(n)) differ by a few ulps at most. */
    private static final double ULPS = 1e-14;
    /** Standard errors allowed for a sample statistic: a correct initializer fails with probability below 1e-6. */
    private static final double K = 5;
    /** Fans of the large draws: 100,000 entries, with fanIn != fanOut so that a swapped fan shows. */
    private static final int FAN_IN = 500;
    private static final int FAN_OUT = 200;

    /** A matrix initializer of the exercise, seen as one function. */
    @FunctionalInterface
    interface MatrixDraw {
        double[][] draw(int fanIn, int fanOut, RandomGenerator rng);
    }

    /** A variance written as a function of the fans. */
    @FunctionalInterface
    interface VarianceRule {
        double of(int fanIn, int fanOut);
    }

    /** The five initializers with the variance each one implies, written out here from the theory. */
    enum Scheme {
        NAIVE_NORMAL(Ex09Initialization::naiveNormal, false, (in, out) -> 1),
        XAVIER_NORMAL(Ex09Initialization::xavierNormal, false, (in, out) -> 2.0 / (in + out)),
        XAVIER_UNIFORM(Ex09Initialization::xavierUniform, true, (in, out) -> 2.0 / (in + out)),
        HE_NORMAL(Ex09Initialization::heNormal, false, (in, out) -> 2.0 / in),
        HE_UNIFORM(Ex09Initialization::heUniform, true, (in, out) -> 2.0 / in);

        final MatrixDraw initializer;
        final boolean uniform;
        final VarianceRule variance;

        Scheme(MatrixDraw draw, boolean uniform, VarianceRule variance) {
            this.initializer = draw;
            this.uniform = uniform;
            this.variance = variance;
        }

        double[][] draw(int fanIn, int fanOut, long seed) {
            return initializer.draw(fanIn, fanOut, new SplittableRandom(seed));
        }

        /** The std of a normal scheme, or the bound of a uniform one (a variance of d^2 / 3 gives d = sqrt(3 var)). */
        double scale(int fanIn, int fanOut) {
            double v = variance.of(fanIn, fanOut);
            return uniform ? Math.sqrt(3 * v) : Math.sqrt(v);
        }
    }

    // ---- the scale formulas ----

    @ParameterizedTest(name = "fanIn = {0}, fanOut = {1}")
    @CsvSource({"1, 1", "3, 5", "128, 64", "784, 10", "4096, 4096"})
    @Tag("ex09.xavier")
    void xavierScalesFollowFromItsVarianceArgument(int fanIn, int fanOut) {
        double sum = fanIn + fanOut;
        assertThat(xavierStd(fanIn, fanOut))
                .as("xavierStd(%d, %d) does not follow from Xavier's variance argument (write-up 8; java "
                        + "exercises/hints/Hint.java ex09.xavier); 0 usually means a division in int arithmetic",
                        fanIn, fanOut)
                .isCloseTo(Math.sqrt(2 / sum), within(ULPS * Math.sqrt(2 / sum)));
        assertThat(xavierUniformBound(fanIn, fanOut))
                .as("xavierUniformBound(%d, %d): U(-bound, bound) should have the variance of xavierStd's normal "
                        + "(what is the variance of a uniform distribution?)", fanIn, fanOut)
                .isCloseTo(Math.sqrt(6 / sum), within(ULPS * Math.sqrt(6 / sum)));
    }

    @ParameterizedTest(name = "fanIn = {0}")
    @ValueSource(ints = {1, 3, 64, 784, 4096})
    @Tag("ex09.he")
    void heScalesFollowFromItsVarianceArgument(int fanIn) {
        assertThat(heStd(fanIn))
                .as("heStd(%d) does not follow from Kaiming's variance argument for ReLU (write-up 10; java "
                        + "exercises/hints/Hint.java ex09.he)", fanIn)
                .isCloseTo(Math.sqrt(2.0 / fanIn), within(ULPS * Math.sqrt(2.0 / fanIn)));
        assertThat(heUniformBound(fanIn))
                .as("heUniformBound(%d): U(-bound, bound) should have the variance of heStd's normal", fanIn)
                .isCloseTo(Math.sqrt(6.0 / fanIn), within(ULPS * Math.sqrt(6.0 / fanIn)));
    }

    @ParameterizedTest(name = "fanIn = {0}, fanOut = {1}")
    @CsvSource({"1, 1", "3, 5", "128, 64", "784, 10", "4096, 4096"})
    @Tag("ex09.compromise")
    void kaimingCompromiseScalesFollowFromItsVarianceArgument(int fanIn, int fanOut) {
        double sum = fanIn + fanOut;
        assertThat(kaimingCompromiseStd(fanIn, fanOut))
                .as("kaimingCompromiseStd(%d, %d) does not follow from the ReLU variance argument with the "
                        + "average fan (java exercises/hints/Hint.java ex09.compromise)", fanIn, fanOut)
                .isCloseTo(Math.sqrt(4 / sum), within(ULPS * Math.sqrt(4 / sum)));
        assertThat(kaimingCompromiseBound(fanIn, fanOut))
                .as("kaimingCompromiseBound(%d, %d): U(-bound, bound) should have the variance of "
                        + "kaimingCompromiseStd's normal", fanIn, fanOut)
                .isCloseTo(Math.sqrt(12 / sum), within(ULPS * Math.sqrt(12 / sum)));
    }

    @ParameterizedTest(name = "fanIn = {0}, fanOut = {1}")
    @CsvSource({"1, 1", "300, 100", "1024, 4096"})
    @Tag("ex09.xavier")
    void xavierUniformBoundGivesTheSameStdAsTheNormal(int fanIn, int fanOut) {
        double sqrt3 = Math.sqrt(3);
        assertThat(xavierUniformBound(fanIn, fanOut) / xavierStd(fanIn, fanOut))
                .as("xavierUniformBound / xavierStd: a uniform draw and a normal one of the same variance "
                        + "(Xavier) have a fixed ratio of bound to std")
                .isCloseTo(sqrt3, within(4 * ULPS));
    }

    @ParameterizedTest(name = "fanIn = {0}, fanOut = {1}")
    @CsvSource({"1, 1", "300, 100", "1024, 4096"})
    @Tag("ex09.he")
    void heUniformBoundGivesTheSameStdAsTheNormal(int fanIn, int fanOut) {
        double sqrt3 = Math.sqrt(3);
        assertThat(heUniformBound(fanIn) / heStd(fanIn)).as("heUniformBound / heStd should be the same fixed ratio as Xavier's")
                .isCloseTo(sqrt3, within(4 * ULPS));
    }

    @ParameterizedTest(name = "fanIn = {0}, fanOut = {1}")
    @CsvSource({"1, 1", "300, 100", "1024, 4096"})
    @Tag("ex09.compromise")
    void kaimingCompromiseBoundGivesTheSameStdAsTheNormal(int fanIn, int fanOut) {
        double sqrt3 = Math.sqrt(3);
        assertThat(kaimingCompromiseBound(fanIn, fanOut) / kaimingCompromiseStd(fanIn, fanOut))
                .as("bound / std should be the same fixed ratio as Xavier's (the ReLU compromise)").isCloseTo(sqrt3, within(4 * ULPS));
    }

    @Test
    @Tag("ex09.xavier")
    void xavierStdSurvivesFansNearTheIntLimit() {
        int big = Integer.MAX_VALUE;
        double expected = Math.sqrt(2 / (2.0 * big)); // the fans added as doubles: 2 * (2^31 - 1) is exact
        assertThat(xavierStd(big, big))
                .as("xavierStd(2^31 - 1, 2^31 - 1): NaN or a wrong value usually means fanIn + fanOut overflowed "
                        + "the int range: add the fans as doubles")
                .isCloseTo(expected, within(ULPS * expected));
    }

    @Test
    @Tag("ex09.compromise")
    void kaimingCompromiseBoundSurvivesFansNearTheIntLimit() {
        int big = Integer.MAX_VALUE;
        double expected = Math.sqrt(2 / (2.0 * big));
        assertThat(kaimingCompromiseBound(big, big))
                .as("kaimingCompromiseBound(2^31 - 1, 2^31 - 1): a wrong value usually means fanIn + fanOut "
                        + "overflowed the int range: add the fans as doubles")
                .isCloseTo(Math.sqrt(6) * expected, within(ULPS * Math.sqrt(6) * expected));
    }

    // ---- the matrices ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveMatricesHaveFanInRowsAndFanOutColumns(Scheme scheme) {
        matricesHaveFanInRowsAndFanOutColumns(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierMatricesHaveFanInRowsAndFanOutColumns(Scheme scheme) {
        matricesHaveFanInRowsAndFanOutColumns(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heMatricesHaveFanInRowsAndFanOutColumns(Scheme scheme) {
        matricesHaveFanInRowsAndFanOutColumns(scheme);
    }

    private static void matricesHaveFanInRowsAndFanOutColumns(Scheme scheme) {
        double[][] w = scheme.draw(3, 7, 1L);
        assertThat(w).as("%s(3, 7, rng) should have fanIn = 3 rows (Y = X W: a row per input)", scheme)
                .hasNumberOfRows(3);
        for (double[] row : w) {
            assertThat(row).as("%s(3, 7, rng): every row should have fanOut = 7 entries", scheme).hasSize(7);
        }
        assertThat(scheme.draw(1, 1, 1L)).as("%s(1, 1, rng) should be a 1 x 1 matrix", scheme)
                .hasDimensions(1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveTheSameSeedGivesTheSameMatrix(Scheme scheme) {
        theSameSeedGivesTheSameMatrix(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierTheSameSeedGivesTheSameMatrix(Scheme scheme) {
        theSameSeedGivesTheSameMatrix(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heTheSameSeedGivesTheSameMatrix(Scheme scheme) {
        theSameSeedGivesTheSameMatrix(scheme);
    }

    private static void theSameSeedGivesTheSameMatrix(Scheme scheme) {
        assertThat(scheme.draw(6, 4, 2024L))
                .as("%s with two generators seeded alike should return the same matrix: draw every entry from the "
                        + "rng argument (no new Random() or Math.random() inside)", scheme)
                .isDeepEqualTo(scheme.draw(6, 4, 2024L));
        assertThat(Arrays.deepEquals(scheme.draw(6, 4, 2025L), scheme.draw(6, 4, 2024L)))
                .as("%s with another seed should return another matrix", scheme).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveEntriesAreDrawnRowByRowAsDocumented(Scheme scheme) {
        entriesAreDrawnRowByRowAsDocumented(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierEntriesAreDrawnRowByRowAsDocumented(Scheme scheme) {
        entriesAreDrawnRowByRowAsDocumented(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heEntriesAreDrawnRowByRowAsDocumented(Scheme scheme) {
        entriesAreDrawnRowByRowAsDocumented(scheme);
    }

    private static void entriesAreDrawnRowByRowAsDocumented(Scheme scheme) {
        int fanIn = 4;
        int fanOut = 3;
        double scale = scheme.scale(fanIn, fanOut);
        RandomGenerator reference = new SplittableRandom(77L);
        double[][] w = scheme.draw(fanIn, fanOut, 77L);
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                double expected = scheme.uniform ? reference.nextDouble(-scale, scale)
                        : scale * reference.nextGaussian();
                assertThat(w[i][j])
                        .as("%s: entry [%d][%d] should be draw number %d of the generator, %s; a different value "
                                + "usually means another draw order (use the given fill helper) or another scale",
                                scheme, i, j, i * fanOut + j + 1,
                                scheme.uniform ? "rng.nextDouble(-bound, bound)" : "std * rng.nextGaussian()")
                        .isCloseTo(expected, within(1e-12 * scale));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveDrawsHaveTheMeanAndVarianceTheSchemeImplies(Scheme scheme) {
        drawsHaveTheMeanAndVarianceTheSchemeImplies(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierDrawsHaveTheMeanAndVarianceTheSchemeImplies(Scheme scheme) {
        drawsHaveTheMeanAndVarianceTheSchemeImplies(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heDrawsHaveTheMeanAndVarianceTheSchemeImplies(Scheme scheme) {
        drawsHaveTheMeanAndVarianceTheSchemeImplies(scheme);
    }

    private static void drawsHaveTheMeanAndVarianceTheSchemeImplies(Scheme scheme) {
        double[][] w = scheme.draw(FAN_IN, FAN_OUT, 9001L + scheme.ordinal());
        double n = (double) FAN_IN * FAN_OUT;
        double variance = scheme.variance.of(FAN_IN, FAN_OUT);
        double mean = mean(w);
        double sampleVariance = sampleVariance(w, mean);
        // SE of the mean: sigma / sqrt(n)
        assertThat(mean).as("%s(%d, %d): the mean of all entries should be 0 within %s standard errors",
                scheme, FAN_IN, FAN_OUT, K).isCloseTo(0.0, within(K * Math.sqrt(variance / n)));
        // SE of the sample variance: normal, sigma^2 sqrt(2 / (n - 1)); uniform on [-d, d], sqrt((mu4 - sigma^4) / n)
        // with mu4 = d^4 / 5 and sigma^4 = d^4 / 9, so sqrt(4 d^4 / (45 n))
        double d = Math.sqrt(3 * variance);
        double se = scheme.uniform ? Math.sqrt(4 * Math.pow(d, 4) / (45 * n)) : variance * Math.sqrt(2 / (n - 1));
        assertThat(sampleVariance)
                .as("%s(%d, %d): the variance of the entries should be %s (the scheme's variance) within %s standard "
                        + "errors. Compare your formula with the theory: a std used as a variance, a uniform bound "
                        + "used as a std, fanOut where fanIn belongs, or an int division are the usual causes",
                        scheme, FAN_IN, FAN_OUT, variance, K)
                .isCloseTo(variance, within(K * se));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveDrawsHaveTheShapeOfTheirDistribution(Scheme scheme) {
        drawsHaveTheShapeOfTheirDistribution(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierDrawsHaveTheShapeOfTheirDistribution(Scheme scheme) {
        drawsHaveTheShapeOfTheirDistribution(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heDrawsHaveTheShapeOfTheirDistribution(Scheme scheme) {
        drawsHaveTheShapeOfTheirDistribution(scheme);
    }

    private static void drawsHaveTheShapeOfTheirDistribution(Scheme scheme) {
        double[][] w = scheme.draw(FAN_IN, FAN_OUT, 31337L + scheme.ordinal());
        double mean = mean(w);
        double m2 = 0;
        double m4 = 0;
        for (double[] row : w) {
            for (double x : row) {
                double d2 = (x - mean) * (x - mean);
                m2 += d2;
                m4 += d2 * d2;
            }
        }
        double kurtosis = (m4 / (FAN_IN * FAN_OUT)) / Math.pow(m2 / (FAN_IN * FAN_OUT), 2);
        // kurtosis: 3 for a normal, 9/5 for a uniform; its SE at n = 1e5 is below 0.02, so 0.3 is far out
        double expected = scheme.uniform ? 1.8 : 3.0;
        assertThat(kurtosis)
                .as("%s should draw from a %s distribution: its kurtosis E[x^4] / E[x^2]^2 should be about %s",
                        scheme, scheme.uniform ? "uniform" : "normal", expected)
                .isCloseTo(expected, within(0.3));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierUniformDrawsStayInsideTheBoundAndComeCloseToIt(Scheme scheme) {
        uniformDrawsStayInsideTheBoundAndComeCloseToIt(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_UNIFORM"})
    @Tag("ex09.he")
    void heUniformDrawsStayInsideTheBoundAndComeCloseToIt(Scheme scheme) {
        uniformDrawsStayInsideTheBoundAndComeCloseToIt(scheme);
    }

    private static void uniformDrawsStayInsideTheBoundAndComeCloseToIt(Scheme scheme) {
        double bound = scheme.scale(FAN_IN, FAN_OUT);
        double largest = 0;
        for (double[] row : scheme.draw(FAN_IN, FAN_OUT, 4242L)) {
            for (double x : row) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        assertThat(largest).as("%s(%d, %d): no entry should exceed the bound sqrt(3 Var) = %s in absolute value",
                scheme, FAN_IN, FAN_OUT, bound).isLessThanOrEqualTo(bound);
        // P(all 1e5 draws inside 0.999 bound) = 0.999^100000, about e^-100
        assertThat(largest).as("%s(%d, %d): among 100,000 draws some should come within 0.1%% of the bound %s; "
                + "a smaller largest entry means the draws fill only part of [-bound, bound]", scheme, FAN_IN,
                FAN_OUT, bound).isGreaterThan(0.999 * bound);
    }

    // ---- gains ----

    @ParameterizedTest(name = "gain({0}, {1}) = {2}")
    @CsvSource({
        // the values that PyTorch's torch.nn.init.calculate_gain documents
        "linear,     0,    1.0",
        "sigmoid,    0,    1.0",
        "tanh,       0,    1.6666666666666667", // 5/3
        "relu,       0,    1.4142135623730951", // sqrt(2)
        "leaky_relu, 0.01, 1.4141428569978354", // sqrt(2 / (1 + 0.01^2)), computed with Python's math.sqrt
        "leaky_relu, 0.2,  1.3867504905630728", // sqrt(2 / 1.04)
        "selu,       0,    0.75"})
    @Tag("ex09.gain")
    void gainMatchesPyTorch(String nonlinearity, double negativeSlope, double expected) {
        assertThat(gain(nonlinearity, negativeSlope))
                .as("gain(\"%s\", %s) should be %s", nonlinearity, negativeSlope, expected)
                .isCloseTo(expected, within(ULPS));
    }

    @ParameterizedTest(name = "slope = {0}")
    @ValueSource(doubles = {0, 0.01, 0.1, 0.3, 1, -0.5})
    @Tag("ex09.gain")
    void leakyReluGainRestoresTheSecondMoment(double slope) {
        // for z ~ N(0, 1), leaky ReLU with slope a has E[f(z)^2] = (1 + a^2) / 2: z^2 on one half, a^2 z^2 on the other
        double secondMoment = (1 + slope * slope) / 2;
        double g = gain("leaky_relu", slope);
        assertThat(g * g * secondMoment)
                .as("gain^2 * E[f(z)^2] should be 1 for leaky_relu with slope %s: the gain undoes the second "
                        + "moment the unit removes, so the gain is sqrt(2 / (1 + slope^2))", slope)
                .isCloseTo(1.0, within(ULPS));
    }

    @Test
    @Tag("ex09.gain")
    void leakyReluGainMeetsReluAndLinearAtItsEnds() {
        assertThat(gain("leaky_relu", 0)).as("leaky_relu with slope 0 is relu, so its gain should be relu's")
                .isCloseTo(gain("relu", 0), within(ULPS));
        assertThat(gain("leaky_relu", 1)).as("leaky_relu with slope 1 is the identity, so its gain should be 1")
                .isCloseTo(gain("linear", 0), within(ULPS));
    }

    @Test
    @Tag("ex09.gain")
    void theSlopeMattersOnlyForLeakyRelu() {
        assertThat(gain("relu", 0.3)).as("gain(\"relu\", 0.3) should ignore the slope: sqrt(2)")
                .isCloseTo(Math.sqrt(2), within(ULPS));
        assertThat(gain("tanh", 7)).as("gain(\"tanh\", 7) should ignore the slope: 5/3")
                .isCloseTo(5.0 / 3, within(ULPS));
        assertThat(gain("sigmoid", -2)).as("gain(\"sigmoid\", -2) should ignore the slope: 1")
                .isCloseTo(1.0, within(ULPS));
    }

    // ---- bad arguments ----

    @ParameterizedTest(name = "nonlinearity = \"{0}\"")
    @ValueSource(strings = {"swish", "ReLU", "leaky relu", ""})
    @Tag("ex09.gain")
    void anUnknownNonlinearityIsRejectedWithTheValidNames(String nonlinearity) {
        assertThatIllegalArgumentException()
                .as("gain(\"%s\", 0.01) should throw an IllegalArgumentException that names the argument, quotes "
                        + "what came in and lists the valid names (PyTorch's names; case matters)", nonlinearity)
                .isThrownBy(() -> gain(nonlinearity, 0.01))
                .withMessageContaining("nonlinearity")
                .withMessageContaining(nonlinearity)
                .withMessageContaining("leaky_relu")
                .withMessageContaining("selu");
    }

    @Test
    @Tag("ex09.gain")
    void aNullNonlinearityOrANanSlopeIsRejected() {
        assertThatIllegalArgumentException()
                .as("gain(null, 0) should throw an IllegalArgumentException naming nonlinearity")
                .isThrownBy(() -> gain(null, 0)).withMessageContaining("nonlinearity");
        assertThatIllegalArgumentException()
                .as("gain(\"leaky_relu\", NaN) should throw an IllegalArgumentException naming negativeSlope, not "
                        + "return NaN")
                .isThrownBy(() -> gain("leaky_relu", Double.NaN)).withMessageContaining("negativeSlope");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"NAIVE_NORMAL"})
    @Tag("ex09.naive")
    void naiveMatricesRejectNonPositiveFansAndANullGenerator(Scheme scheme) {
        matricesRejectNonPositiveFansAndANullGenerator(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"XAVIER_NORMAL", "XAVIER_UNIFORM"})
    @Tag("ex09.xavier")
    void xavierMatricesRejectNonPositiveFansAndANullGenerator(Scheme scheme) {
        matricesRejectNonPositiveFansAndANullGenerator(scheme);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scheme.class, names = {"HE_NORMAL", "HE_UNIFORM"})
    @Tag("ex09.he")
    void heMatricesRejectNonPositiveFansAndANullGenerator(Scheme scheme) {
        matricesRejectNonPositiveFansAndANullGenerator(scheme);
    }

    private static void matricesRejectNonPositiveFansAndANullGenerator(Scheme scheme) {
        RandomGenerator rng = new SplittableRandom(1L);
        expectRejection(() -> scheme.initializer.draw(0, 5, rng), "fanIn", scheme + "(0, 5, rng)");
        expectRejection(() -> scheme.initializer.draw(-3, 5, rng), "fanIn", scheme + "(-3, 5, rng)");
        expectRejection(() -> scheme.initializer.draw(5, 0, rng), "fanOut", scheme + "(5, 0, rng)");
        expectRejection(() -> scheme.initializer.draw(5, 5, null), "rng", scheme + "(5, 5, null)");
    }

    @Test
    @Tag("ex09.xavier")
    void xavierScalesRejectNonPositiveFans() {
        expectRejection(() -> xavierStd(0, 5), "fanIn", "xavierStd(0, 5)");
        expectRejection(() -> xavierStd(5, -1), "fanOut", "xavierStd(5, -1)");
        expectRejection(() -> xavierUniformBound(-2, 5), "fanIn", "xavierUniformBound(-2, 5)");
        expectRejection(() -> xavierUniformBound(5, 0), "fanOut", "xavierUniformBound(5, 0)");
    }

    @Test
    @Tag("ex09.he")
    void heScalesRejectNonPositiveFans() {
        expectRejection(() -> heStd(0), "fanIn", "heStd(0)");
        expectRejection(() -> heUniformBound(-4), "fanIn", "heUniformBound(-4)");
    }

    @Test
    @Tag("ex09.compromise")
    void kaimingCompromiseScalesRejectNonPositiveFans() {
        expectRejection(() -> kaimingCompromiseStd(0, 3), "fanIn", "kaimingCompromiseStd(0, 3)");
        expectRejection(() -> kaimingCompromiseStd(3, 0), "fanOut", "kaimingCompromiseStd(3, 0)");
        expectRejection(() -> kaimingCompromiseBound(0, 3), "fanIn", "kaimingCompromiseBound(0, 3)");
        expectRejection(() -> kaimingCompromiseBound(3, -7), "fanOut", "kaimingCompromiseBound(3, -7)");
    }

    // ---- helpers ----

    private static void expectRejection(ThrowingCallable call, String argument, String what) {
        assertThatIllegalArgumentException()
                .as("%s should throw an IllegalArgumentException whose message names %s (a fan must be at least 1; "
                        + "a generator must be given)", what, argument)
                .isThrownBy(call)
                .withMessageContaining(argument);
    }

    private static double mean(double[][] w) {
        double sum = 0;
        int n = 0;
        for (double[] row : w) {
            for (double x : row) {
                sum += x;
                n++;
            }
        }
        return sum / n;
    }

    private static double sampleVariance(double[][] w, double mean) {
        double squares = 0;
        int n = 0;
        for (double[] row : w) {
            for (double x : row) {
                squares += (x - mean) * (x - mean);
                n++;
            }
        }
        return squares / (n - 1);
    }
}
