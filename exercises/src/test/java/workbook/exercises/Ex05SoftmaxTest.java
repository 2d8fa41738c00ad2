package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex05Softmax.entropy;
import static workbook.exercises.Ex05Softmax.logSoftmax;
import static workbook.exercises.Ex05Softmax.logSumExp;
import static workbook.exercises.Ex05Softmax.softmax;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex05")
@DisplayName("Ex05 · Softmax")
class Ex05SoftmaxTest {
    /**
     * Relative tolerance between exp(z_i) / sum exp(z_j) and the shifted form: each exp is correctly rounded to
     * about 1 ulp, and a shift of entries below 20 adds at most 20 ulps of argument error, so a few 1e-15.
     */
    private static final double RELATIVE = 1e-13;
    /** A sum of at most a few hundred numbers below 1, each with an ulp of rounding. */
    private static final double SUM = 1e-13;
    private static final double INF = Double.POSITIVE_INFINITY;

    // ---------------------------------------------------------------- softmax

    @Test
    @Tag("ex05.softmax")
    void softmaxMatchesExpOverSumOfExpInASafeRange() {
        SplittableRandom random = new SplittableRandom(505);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = randomLogits(random, random.nextInt(1, 9), 20);
            double[] p = softmax(z);
            double[] expected = naiveSoftmax(z, 1); // safe: e^20 is far from overflow
            assertThat(p).as("softmax(%s) should have one entry per logit", Arrays.toString(z)).hasSize(z.length);
            for (int i = 0; i < z.length; i++) {
                assertThat(p[i]).as("softmax(%s)[%d] should be exp(z_i) / sum_j exp(z_j)", Arrays.toString(z), i)
                        .isCloseTo(expected[i], within(RELATIVE * expected[i]));
            }
        }
    }

    @Test
    @Tag("ex05.softmax")
    void softmaxIsANonNegativeVectorThatSumsToOne() {
        SplittableRandom random = new SplittableRandom(506);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = randomLogits(random, random.nextInt(1, 200), 1000);
            double[] p = softmax(z);
            for (double pi : p) {
                assertThat(pi).as("softmax should give probabilities in [0, 1]; NaN usually means exp overflowed")
                        .isBetween(0.0, 1.0);
            }
            assertThat(Arrays.stream(p).sum()).as("the entries of softmax(z) should sum to 1 (n = %d)", z.length)
                    .isCloseTo(1.0, within(SUM));
        }
    }

    @ParameterizedTest(name = "shift = {0}")
    @ValueSource(doubles = {1000, -1000, 1e5})
    @Tag("ex05.softmax")
    void softmaxIsUnchangedByAddingTheSameConstantToEveryLogit(double shift) {
        double[] z = {2, 1, -1, 0.5}; // small binary fractions: z + shift is exact in double
        double[] shifted = Arrays.stream(z).map(zi -> zi + shift).toArray();
        double[] expected = naiveSoftmax(z, 1);
        assertThat(softmax(shifted))
                .as("softmax(z + %s) should equal softmax(z); NaN or zeros mean exp(z_i) overflowed or underflowed: "
                        + "subtract max(z) first", shift)
                .containsExactly(expected, within(SUM));
    }

    @Test
    @Tag("ex05.softmax")
    void softmaxHandlesTheCourseExampleAtOneThousand() {
        double[] expected = naiveSoftmax(new double[] {0, -1, -2}, 1);
        assertThat(softmax(new double[] {1000, 999, 998}))
                .as("softmax([1000, 999, 998]) should equal softmax([0, -1, -2]) = [0.665, 0.245, 0.090]")
                .containsExactly(expected, within(SUM));
    }

    @Test
    @Tag("ex05.softmax")
    void softmaxSaturatesInsteadOfOverflowing() {
        assertThat(softmax(new double[] {1000, -1000, 0})).as("softmax([1000, -1000, 0]) should be [1, 0, 0]")
                .containsExactly(new double[] {1, 0, 0}, within(SUM));
        assertThat(softmax(new double[] {1000, 1000})).as("softmax([1000, 1000]) should be [1/2, 1/2]")
                .containsExactly(new double[] {0.5, 0.5}, within(SUM));
        assertThat(softmax(new double[] {-1000, -1000})).as("softmax([-1000, -1000]) should be [1/2, 1/2]; "
                + "NaN means every exp underflowed to 0 and 0 / 0 was taken").containsExactly(
                        new double[] {0.5, 0.5}, within(SUM));
        assertThat(softmax(new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}))
                .as("softmax([-MAX_VALUE, MAX_VALUE]) should be [0, 1]")
                .containsExactly(new double[] {0, 1}, within(SUM));
    }

    @ParameterizedTest(name = "z = {0}")
    @ValueSource(doubles = {-1000, 0, 3.5, 1000})
    @Tag("ex05.softmax")
    void softmaxOfASingleLogitIsOne(double z) {
        assertThat(softmax(new double[] {z})).as("a single class gets all the probability").containsExactly(1.0);
    }

    @Test
    @Tag("ex05.softmax")
    void negativeInfinityLogitGetsProbabilityZero() {
        double[] z = {0, Double.NEGATIVE_INFINITY, Math.log(3)};
        assertThat(softmax(z)).as("a -Infinity logit is masked out: softmax([0, -Infinity, ln 3]) should be "
                + "[1/4, 0, 3/4]").containsExactly(new double[] {0.25, 0, 0.75}, within(SUM));
        assertThat(softmax(z, 0.5)).as("masking should survive a temperature: softmax([0, -Infinity, ln 3], 1/2) "
                + "should be [1/10, 0, 9/10]").containsExactly(new double[] {0.1, 0, 0.9}, within(SUM));
    }

    @Test
    @Tag("ex05.softmax")
    void softmaxLeavesItsInputUntouched() {
        double[] z = {3, -1, 2};
        softmax(z);
        softmax(z, 0.1);
        logSoftmax(z);
        assertThat(z).as("softmax and logSoftmax should return a new array and leave z as it was")
                .containsExactly(3, -1, 2);
    }

    // ---------------------------------------------------------------- temperature

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(doubles = {0.25, 0.5, 1, 2, 10})
    @Tag("ex05.temperature")
    void temperatureDividesTheLogits(double temperature) {
        double[] z = {2, 1, -1};
        double[] expected = naiveSoftmax(z, temperature); // safe: 2 / 0.25 = 8
        double[] p = softmax(z, temperature);
        for (int i = 0; i < z.length; i++) {
            assertThat(p[i]).as("softmax(z, %s)[%d] should be softmax(z / T)[%d]", temperature, i, i)
                    .isCloseTo(expected[i], within(RELATIVE * expected[i]));
        }
    }

    @ParameterizedTest(name = "argmax at index {0}")
    @ValueSource(ints = {0, 2, 3})
    @Tag("ex05.temperature")
    void smallTemperatureTendsToOneHotOnTheLargestLogit(int argmax) {
        double[] z = {1, -1, 1.5, 0.75};
        z[argmax] = 1.6; // the gap to the runner-up is at most 0.1
        double gap = 0.1;
        for (double temperature : new double[] {0.1, 0.01, 1e-3}) {
            double[] p = softmax(z, temperature);
            // every other entry is at most exp(-gap / T) times the largest one
            double floor = 1 - (z.length - 1) * Math.exp(-gap / temperature);
            assertThat(p[argmax]).as("at T = %s the largest logit (index %d) should get at least %s", temperature,
                    argmax, floor).isGreaterThanOrEqualTo(floor - SUM);
        }
        double[] oneHot = new double[z.length];
        oneHot[argmax] = 1;
        assertThat(softmax(z, 1e-300))
                .as("at T = 1e-300 softmax should be exactly one-hot on index %d; NaN means z / T overflowed: "
                        + "subtract max(z) before dividing by T", argmax)
                .containsExactly(oneHot, within(0.0));
    }

    @Test
    @Tag("ex05.temperature")
    void tiedLargestLogitsShareAtSmallTemperature() {
        assertThat(softmax(new double[] {5, -3, 5}, 1e-300)).as("two tied largest logits split the probability")
                .containsExactly(new double[] {0.5, 0, 0.5}, within(SUM));
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(doubles = {1e6, 1e300, Double.MAX_VALUE})
    @Tag("ex05.temperature")
    void largeTemperatureTendsToUniform(double temperature) {
        double[] z = {2, 1, -1, 1000};
        // (z_i - max z) / T is at most 1001 / 1e6 in size, so each p_i is within about 1e-3 / n of 1/n
        double tolerance = 1002 / temperature;
        assertThat(softmax(z, temperature)).as("at T = %s softmax should be nearly uniform, 1/4 each", temperature)
                .containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(tolerance));
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(doubles = {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    @Tag("ex05.temperature")
    void temperatureMustBePositiveAndFinite(double temperature) {
        assertThatIllegalArgumentException()
                .as("temperature %s should be rejected with an IllegalArgumentException naming the temperature",
                        temperature)
                .isThrownBy(() -> softmax(new double[] {1, 2}, temperature))
                .withMessageContaining("temperature");
    }

    // ---------------------------------------------------------------- logSumExp and logSoftmax

    @Test
    @Tag("ex05.logSumExp")
    void logSumExpMatchesLogOfSumOfExpInASafeRange() {
        SplittableRandom random = new SplittableRandom(507);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = randomLogits(random, random.nextInt(1, 9), 20);
            double expected = Math.log(Arrays.stream(z).map(Math::exp).sum());
            assertThat(logSumExp(z)).as("logSumExp(%s) should be log(sum exp(z_j))", Arrays.toString(z))
                    .isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @Tag("ex05.logSumExp")
    void logSumExpOfHugeLogitsStaysFinite() {
        // log(e^1000 + e^1000) = 1000 + log 2, and the same with -1000
        assertThat(logSumExp(new double[] {1000, 1000})).as("logSumExp([1000, 1000]) should be 1000 + ln 2; "
                + "Infinity means e^1000 overflowed").isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(logSumExp(new double[] {-1000, -1000})).as("logSumExp([-1000, -1000]) should be -1000 + ln 2; "
                + "-Infinity means e^-1000 underflowed").isCloseTo(-1000 + Math.log(2), within(1e-12));
        assertThat(logSumExp(new double[] {1000, -1000})).as("logSumExp([1000, -1000]) should be 1000")
                .isCloseTo(1000, within(1e-12));
        assertThat(logSumExp(new double[] {-5, Double.NEGATIVE_INFINITY}))
                .as("a -Infinity logit adds nothing: logSumExp([-5, -Infinity]) should be -5")
                .isCloseTo(-5, within(1e-15));
    }

    @Test
    @Tag("ex05.logSumExp")
    void logSumExpLiesBetweenTheMaxAndTheMaxPlusLogN() {
        SplittableRandom random = new SplittableRandom(508);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = randomLogits(random, random.nextInt(1, 50), 1000);
            double max = Arrays.stream(z).max().getAsDouble();
            assertThat(logSumExp(z)).as("logSumExp is a smooth maximum: max(z) <= logSumExp(z) <= max(z) + ln n")
                    .isBetween(max - 1e-12, max + Math.log(z.length) + 1e-12);
        }
    }

    @Test
    @Tag("ex05.logSoftmax")
    void logSoftmaxIsZMinusLogSumExpAndTheLogOfSoftmax() {
        SplittableRandom random = new SplittableRandom(509);
        for (int trial = 0; trial < 40; trial++) {
            double[] z = randomLogits(random, random.nextInt(1, 9), 20);
            double[] expected = naiveSoftmax(z, 1);
            double[] logP = logSoftmax(z);
            double lse = logSumExp(z);
            // the identity below uses your logSumExp: check it first, so that its mistake is blamed on it
            // safe here (|z_i| <= 20): a sum of at most 8 exponentials below e^20 and its log are accurate to a few
            // ulps, well inside the identity's own 1e-13 relative tolerance used again below
            double naiveLse = Math.log(Arrays.stream(z).map(Math::exp).sum());
            assertThat(lse).as("this check compares logSoftmax with your logSumExp(%s), which is off: fix task "
                    + "logSumExp first", Arrays.toString(z)).isCloseTo(naiveLse, within(1e-13 * Math.max(1,
                    Math.abs(naiveLse))));
            for (int i = 0; i < z.length; i++) {
                assertThat(logP[i]).as("logSoftmax(%s)[%d] should be z_i - logSumExp(z)", Arrays.toString(z), i)
                        .isCloseTo(z[i] - lse, within(1e-13 * Math.max(1, Math.abs(z[i]))));
                assertThat(logP[i]).as("logSoftmax(%s)[%d] should be log(softmax(z)_i)", Arrays.toString(z), i)
                        .isCloseTo(Math.log(expected[i]), within(1e-13 * Math.max(1, Math.abs(z[i]))));
            }
        }
    }

    @Test
    @Tag("ex05.logSoftmax")
    void logSoftmaxStaysFiniteWhereSoftmaxUnderflows() {
        // exact: logSumExp([0, -1000]) = log(1 + e^-1000) rounds to 0, and similarly for the others
        assertThat(logSoftmax(new double[] {0, -1000})).as("logSoftmax([0, -1000]) should be [0, -1000]; "
                + "-Infinity means the log of an underflowed probability was taken")
                .containsExactly(new double[] {0, -1000}, within(1e-12));
        assertThat(logSoftmax(new double[] {-1000, 1000})).as("logSoftmax([-1000, 1000]) should be [-2000, 0]")
                .containsExactly(new double[] {-2000, 0}, within(1e-12));
        assertThat(logSoftmax(new double[] {1000, 1000})).as("logSoftmax([1000, 1000]) should be [-ln 2, -ln 2]")
                .containsExactly(new double[] {-Math.log(2), -Math.log(2)}, within(1e-12));
        assertThat(logSoftmax(new double[] {0, Double.NEGATIVE_INFINITY}))
                .as("a masked logit has log-probability -Infinity: logSoftmax([0, -Infinity]) = [0, -Infinity]")
                .containsExactly(0.0, Double.NEGATIVE_INFINITY);
    }

    // ---------------------------------------------------------------- entropy

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 10, 1000})
    @Tag("ex05.entropy")
    void entropyOfTheUniformVectorIsLogN(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        assertThat(entropy(p)).as("the entropy of the uniform vector on %d classes should be ln %d", n, n)
                .isCloseTo(Math.log(n), within(1e-12));
    }

    @Test
    @Tag("ex05.entropy")
    void entropyOfAOneHotVectorIsZero() {
        assertThat(entropy(new double[] {0, 1, 0})).as("entropy([0, 1, 0]) should be 0; NaN means 0 * log(0) was "
                + "computed: in Java it is NaN, but its limit is 0").isCloseTo(0.0, within(0.0));
    }

    @Test
    @Tag("ex05.entropy")
    void entropyMatchesMinusSumOfPLogP() {
        SplittableRandom random = new SplittableRandom(510);
        for (int trial = 0; trial < 40; trial++) {
            double[] p = randomProbabilities(random, random.nextInt(1, 12));
            double expected = 0;
            for (double pi : p) {
                expected -= pi * Math.log(pi);
            }
            assertThat(entropy(p)).as("entropy(%s) should be -sum p_i ln p_i (natural log)", Arrays.toString(p))
                    .isCloseTo(expected, within(1e-13));
        }
    }

    @Test
    @Tag("ex05.entropy")
    void entropyOfSoftmaxGrowsWithTemperature() {
        double[] z = {2, 1, -1};
        double previous = -1;
        for (double temperature = 0.1; temperature < 50; temperature *= 1.25) {
            double[] p = softmax(z, temperature);
            // this check uses your softmax(z, T): check it first, so that its mistake is blamed on it; |z / T| <= 20
            // keeps the naive formula accurate to a few ulps, far inside 1e-12
            assertThat(p).as("this check takes the entropy of your softmax(z, T = %s), which is off: fix task "
                    + "temperature first", temperature).containsExactly(naiveSoftmax(z, temperature), within(1e-12));
            double h = entropy(p);
            assertThat(h).as("the entropy of softmax(z, T) should grow with T (T = %s): a hotter softmax is less "
                    + "decided", temperature).isGreaterThan(previous);
            assertThat(h).as("an entropy on 3 classes lies in [0, ln 3]").isBetween(0.0, Math.log(3));
            previous = h;
        }
    }

    @Test
    @Tag("ex05.entropy")
    void entropyAcceptsRoundingInTheSum() {
        double slack = Ex05Softmax.SUM_TOLERANCE / 10;
        double expected = -(0.5 * Math.log(0.5) + (0.5 + slack) * Math.log(0.5 + slack));
        assertThat(entropy(new double[] {0.5, 0.5 + slack}))
                .as("a vector that sums to 1 within SUM_TOLERANCE is a probability vector")
                .isCloseTo(expected, within(1e-15));
    }

    static Stream<Arguments> notProbabilityVectors() {
        double over = 1 + 10 * Ex05Softmax.SUM_TOLERANCE;
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", new double[0]),
                Arguments.of("sum 0.9", new double[] {0.5, 0.4}),
                Arguments.of("sum just above 1 + SUM_TOLERANCE", new double[] {0.5, over - 0.5}),
                Arguments.of("sum 1 with a negative entry", new double[] {1.5, -0.5}),
                Arguments.of("NaN entry", new double[] {Double.NaN, 1}),
                Arguments.of("infinite entry", new double[] {INF, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notProbabilityVectors")
    @Tag("ex05.entropy")
    void entropyRejectsWhatIsNotAProbabilityVector(String label, double[] p) {
        assertThatIllegalArgumentException()
                .as("entropy should reject a p that is not a probability vector (%s) with an "
                        + "IllegalArgumentException", label)
                .isThrownBy(() -> entropy(p));
    }

    // ---------------------------------------------------------------- bad logits

    static Stream<Arguments> badLogits() {
        double[][] inputs = {null, {}, {1, Double.NaN}, {INF, 0}, {Double.NEGATIVE_INFINITY}};
        String[] labels = {"null", "empty", "a NaN", "+Infinity", "only -Infinity"};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int i = 0; i < inputs.length; i++) {
            double[] z = inputs[i];
            cases.add(Arguments.of("softmax, " + labels[i], (Consumer<double[]>) Ex05Softmax::softmax, z));
            cases.add(Arguments.of("softmax with T = 2, " + labels[i], (Consumer<double[]>) v -> softmax(v, 2), z));
            cases.add(Arguments.of("logSumExp, " + labels[i], (Consumer<double[]>) Ex05Softmax::logSumExp, z));
            cases.add(Arguments.of("logSoftmax, " + labels[i], (Consumer<double[]>) Ex05Softmax::logSoftmax, z));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogitsOfSoftmax")
    @Tag("ex05.softmax")
    void softmaxLogitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(String label, Consumer<double[]> method,
                       double[] z) {
        logitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(label, method, z);
    }

    static Stream<Arguments> badLogitsOfSoftmax() {
        return badLogits().filter(a -> String.valueOf(a.get()[0]).startsWith("softmax, "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogitsOfTemperature")
    @Tag("ex05.temperature")
    void temperatureLogitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(String label, Consumer<double[]> method,
                       double[] z) {
        logitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(label, method, z);
    }

    static Stream<Arguments> badLogitsOfTemperature() {
        return badLogits().filter(a -> String.valueOf(a.get()[0]).startsWith("softmax with T"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogitsOfLogSumExp")
    @Tag("ex05.logSumExp")
    void logSumExpLogitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(String label, Consumer<double[]> method,
                       double[] z) {
        logitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(label, method, z);
    }

    static Stream<Arguments> badLogitsOfLogSumExp() {
        return badLogits().filter(a -> String.valueOf(a.get()[0]).startsWith("logSumExp, "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogitsOfLogSoftmax")
    @Tag("ex05.logSoftmax")
    void logSoftmaxLogitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(String label, Consumer<double[]> method,
                       double[] z) {
        logitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(label, method, z);
    }

    static Stream<Arguments> badLogitsOfLogSoftmax() {
        return badLogits().filter(a -> String.valueOf(a.get()[0]).startsWith("logSoftmax, "));
    }

    private void logitsMustBeANonEmptyArrayWithoutNaNOrPlusInfinity(String label, Consumer<double[]> method,
                       double[] z) {
        assertThatIllegalArgumentException()
                .as("%s should be rejected with an IllegalArgumentException, not a NaN result", label)
                .isThrownBy(() -> method.accept(z));
    }

    // ---------------------------------------------------------------- helpers (independent of the exercise)

    /** exp(z_i / T) / sum_j exp(z_j / T) taken literally: only safe while every |z_i / T| is well below 700. */
    private static double[] naiveSoftmax(double[] z, double temperature) {
        double[] e = Arrays.stream(z).map(zi -> Math.exp(zi / temperature)).toArray();
        double sum = Arrays.stream(e).sum();
        return Arrays.stream(e).map(ei -> ei / sum).toArray();
    }

    private static double[] randomLogits(SplittableRandom random, int n, double bound) {
        return random.doubles(n, -bound, bound).toArray();
    }

    private static double[] randomProbabilities(SplittableRandom random, int n) {
        double[] w = random.doubles(n, 0.01, 1).toArray();
        double sum = Arrays.stream(w).sum();
        return Arrays.stream(w).map(wi -> wi / sum).toArray();
    }
}
