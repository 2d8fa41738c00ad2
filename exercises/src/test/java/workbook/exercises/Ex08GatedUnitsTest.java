package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex08GatedUnits.geglu;
import static workbook.exercises.Ex08GatedUnits.glu;
import static workbook.exercises.Ex08GatedUnits.gluBackward;
import static workbook.exercises.Ex08GatedUnits.swiglu;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erfc;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.exercises.Ex08GatedUnits.GateGradients;

@Tag("ex08")
@DisplayName("Ex08 · Gated units")
class Ex08GatedUnitsTest {
    /** Products of a few numbers of size up to 5: two correct formulas differ by a few ulps of 5. */
    private static final double ULPS = 1e-14;
    /** Central difference, h = 1e-5: truncation h^2 |L'''| / 6 below 1e-10, rounding eps |L| / h below 1e-10. */
    private static final double FD = 1e-8;
    private static final double H = 1e-5;

    /** The logistic sigmoid in the plain form, exact enough for |z| <= 700. */
    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double exactGelu(double x) {
        return x * 0.5 * Erfc.value(-x / Math.sqrt(2));
    }

    private static double[] random(long seed, int n) {
        return new SplittableRandom(seed).doubles(n, -4, 4).toArray();
    }

    private static void assertElementwise(String what, double[] actual, double[] a, double[] b,
            DoubleUnaryOperator gate) {
        assertThat(actual).as("%s should return one value per entry of a", what).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            double expected = a[i] * gate.applyAsDouble(b[i]);
            assertThat(actual[i]).as("%s at index %d: content a = %s times the gate of b = %s", what, i, a[i], b[i])
                    .isCloseTo(expected, within(ULPS));
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of(new double[] {2, -1}, new double[] {0, 2}), // the notebook's example
                Arguments.of(new double[] {0.5}, new double[] {-3}),
                Arguments.of(random(81, 7), random(82, 7)));
    }

    @ParameterizedTest(name = "a = {0}, b = {1}")
    @MethodSource("pairs")
    @Tag("ex08.glu")
    void gluIsContentTimesSigmoidOfTheGate(double[] a, double[] b) {
        assertElementwise("glu(a, b) = a * sigmoid(b), the gate being b", glu(a, b), a, b,
                Ex08GatedUnitsTest::sigma);
    }

    @ParameterizedTest(name = "a = {0}, b = {1}")
    @MethodSource("pairs")
    @Tag("ex08.geglu")
    void gegluIsContentTimesGeluOfTheGate(double[] a, double[] b) {
        assertElementwise("geglu(a, b) = a * gelu(b), with the exact gelu(x) = x Phi(x)", geglu(a, b), a, b,
                Ex08GatedUnitsTest::exactGelu);
    }

    @ParameterizedTest(name = "a = {0}, b = {1}")
    @MethodSource("pairs")
    @Tag("ex08.swiglu")
    void swigluIsContentTimesSiluOfTheGate(double[] a, double[] b) {
        assertElementwise("swiglu(a, b) = a * silu(b), with silu(x) = x sigmoid(x)", swiglu(a, b), a, b,
                x -> x * sigma(x));
    }

    @Test
    @Tag("ex08.glu")
    void gluOfOneVectorUsesTheFirstHalfAsContentAndTheSecondAsGate() {
        double[] x = {2, -1, 0, 2};
        // halves a = (2, -1), b = (0, 2): (2 sigmoid(0), -sigmoid(2))
        assertThat(glu(x)).as("glu(x) for x = (2, -1, 0, 2) should be glu(a = (2, -1), b = (0, 2)); swapped halves "
                + "give (0, 2 sigmoid(-1)) instead").containsExactly(new double[] {1, -sigma(2)}, within(ULPS));
        double[] longer = random(83, 10);
        double[] a = Arrays.copyOfRange(longer, 0, 5);
        double[] b = Arrays.copyOfRange(longer, 5, 10);
        assertElementwise("glu(x) for x of length 10", glu(longer), a, b, Ex08GatedUnitsTest::sigma);
    }

    @Test
    @Tag("ex08.glu")
    void theGateLiesStrictlyBetweenZeroAndOne() {
        int n = 121;
        double[] ones = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            ones[i] = 1;
            b[i] = -30 + 0.5 * i;
        }
        double[] gate = glu(ones, b);
        for (int i = 0; i < n; i++) {
            assertThat(gate[i]).as("with content 1 the output is the gate sigmoid(%s): strictly between 0 and 1", b[i])
                    .isStrictlyBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(gate[i]).as("the gate should open further as b grows: b = %s vs %s", b[i], b[i - 1])
                        .isGreaterThan(gate[i - 1]);
            }
        }
        assertThat(glu(new double[] {1, 1}, new double[] {-1000, 1000}))
                .as("the gate at b = -1000 and 1000 should be shut (0) and open (1), never NaN")
                .containsExactly(new double[] {0, 1}, within(1e-300));
    }

    /** The loss L = sum_i upstream_i a_i sigmoid(b_i), whose gradients gluBackward returns. */
    private static double loss(double[] a, double[] b, double[] upstream) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += upstream[i] * a[i] * sigma(b[i]);
        }
        return sum;
    }

    static Stream<Arguments> backwardCases() {
        return Stream.of(Arguments.of(new double[] {2, -1}, new double[] {0, 2}, new double[] {1, 1}),
                Arguments.of(random(84, 6), random(85, 6), random(86, 6)));
    }

    @ParameterizedTest(name = "a = {0}, b = {1}, upstream = {2}")
    @MethodSource("backwardCases")
    @Tag("ex08.gluBackward")
    void gluBackwardMatchesCentralDifferencesOfTheLoss(double[] a, double[] b, double[] upstream) {
        GateGradients gradients = gluBackward(a, b, upstream);
        assertThat(gradients.dA()).as("dA should have one entry per content value").hasSameSizeAs(a);
        assertThat(gradients.dB()).as("dB should have one entry per gate value").hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            double[] up = a.clone();
            double[] down = a.clone();
            up[i] += H;
            down[i] -= H;
            assertThat(gradients.dA()[i])
                    .as("dA[%d] = dL/da_%d should match the slope of L = sum upstream * a * sigmoid(b); the content "
                            + "receives upstream times the gate", i, i)
                    .isCloseTo((loss(up, b, upstream) - loss(down, b, upstream)) / (2 * H), within(FD));
            up = b.clone();
            down = b.clone();
            up[i] += H;
            down[i] -= H;
            assertThat(gradients.dB()[i])
                    .as("dB[%d] = dL/db_%d should match the slope of L in b; the gate receives upstream times a times "
                            + "the sigmoid's slope sigmoid(b) (1 - sigmoid(b))", i, i)
                    .isCloseTo((loss(a, up, upstream) - loss(a, down, upstream)) / (2 * H), within(FD));
        }
    }

    @Test
    @Tag("ex08.gluBackward")
    void gluBackwardClosesBothPathsWhenTheGateIsShut() {
        GateGradients gradients = gluBackward(new double[] {3, 3, 3}, new double[] {-1000, 1000, 40},
                new double[] {1, 1, 1});
        assertThat(gradients.dA()).as("dA for gates b = (-1000, 1000, 40): the gate's value, (0, 1, 1), never NaN")
                .containsExactly(new double[] {0, 1, 1}, within(ULPS));
        assertThat(gradients.dB()[0]).as("dB at b = -1000: a shut gate passes no gradient")
                .isCloseTo(0, within(1e-300));
        assertThat(gradients.dB()[1]).as("dB at b = 1000: a wide-open gate is flat").isCloseTo(0, within(1e-300));
        double expected = 3 * Math.exp(-40); // a sigmoid(40) sigmoid(-40), and (1 + e^-40)^2 rounds to 1
        assertThat(gradients.dB()[2])
                .as("dB at a = 3, b = 40 should be about 3 e^-40 = 1.3e-17, not 0: 1 - sigmoid(40) rounds to 0, "
                        + "sigmoid(-40) does not").isCloseTo(expected, within(1e-10 * expected));
    }

    @Test
    @Tag("ex08.glu")
    void gluLeavesItsArgumentsUntouched() {
        double[] a = random(87, 4);
        double[] b = random(88, 4);
        double[] upstream = random(89, 4);
        double[] x = random(90, 8);
        double[][] originals = {a.clone(), b.clone(), upstream.clone(), x.clone()};
        glu(a, b);
        glu(x);
        assertThat(new double[][] {a, b, upstream, x})
                .as("glu(a, b) and glu(x) should return new arrays and leave their arguments as they were")
                .isDeepEqualTo(originals);
    }

    @Test
    @Tag("ex08.geglu")
    void gegluLeavesItsArgumentsUntouched() {
        double[] a = random(87, 4);
        double[] b = random(88, 4);
        double[] upstream = random(89, 4);
        double[] x = random(90, 8);
        double[][] originals = {a.clone(), b.clone(), upstream.clone(), x.clone()};
        geglu(a, b);
        assertThat(new double[][] {a, b, upstream, x})
                .as("geglu should return new arrays and leave their arguments as they were")
                .isDeepEqualTo(originals);
    }

    @Test
    @Tag("ex08.swiglu")
    void swigluLeavesItsArgumentsUntouched() {
        double[] a = random(87, 4);
        double[] b = random(88, 4);
        double[] upstream = random(89, 4);
        double[] x = random(90, 8);
        double[][] originals = {a.clone(), b.clone(), upstream.clone(), x.clone()};
        swiglu(a, b);
        assertThat(new double[][] {a, b, upstream, x})
                .as("swiglu should return new arrays and leave their arguments as they were")
                .isDeepEqualTo(originals);
    }

    @Test
    @Tag("ex08.gluBackward")
    void gluBackwardLeavesItsArgumentsUntouched() {
        double[] a = random(87, 4);
        double[] b = random(88, 4);
        double[] upstream = random(89, 4);
        double[] x = random(90, 8);
        double[][] originals = {a.clone(), b.clone(), upstream.clone(), x.clone()};
        gluBackward(a, b, upstream);
        assertThat(new double[][] {a, b, upstream, x})
                .as("gluBackward should return new arrays and leave their arguments as they were")
                .isDeepEqualTo(originals);
    }

    static Stream<Arguments> badArguments() {
        double[] two = {1, 2};
        double[] three = {1, 2, 3};
        double[] none = {};
        return Stream.of(
                Arguments.of("glu(a, b) with lengths 2 and 3", (ThrowingCallable) () -> glu(two, three), "length"),
                Arguments.of("glu(a, b) with b null", (ThrowingCallable) () -> glu(two, null), "null"),
                Arguments.of("glu(a, b) with a null", (ThrowingCallable) () -> glu(null, two), "null"),
                Arguments.of("glu(a, b) with empty arrays", (ThrowingCallable) () -> glu(none, none), "empty"),
                Arguments.of("geglu(a, b) with lengths 3 and 2", (ThrowingCallable) () -> geglu(three, two), "length"),
                Arguments.of("swiglu(a, b) with lengths 2 and 3", (ThrowingCallable) () -> swiglu(two, three),
                        "length"),
                Arguments.of("glu(x) with an odd length", (ThrowingCallable) () -> glu(three), "even"),
                Arguments.of("glu(x) with an empty x", (ThrowingCallable) () -> glu(none), "even"),
                Arguments.of("glu(x) with x null", (ThrowingCallable) () -> glu((double[]) null), "null"),
                Arguments.of("gluBackward with a short upstream",
                        (ThrowingCallable) () -> gluBackward(three, three, two), "upstream"),
                Arguments.of("gluBackward with upstream null",
                        (ThrowingCallable) () -> gluBackward(two, two, null), "null"),
                Arguments.of("gluBackward with lengths 2 and 3 for a and b",
                        (ThrowingCallable) () -> gluBackward(two, three, two), "length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgumentsOfGlu")
    @Tag("ex08.glu")
    void gluBadArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(String what, ThrowingCallable call, String word) {
        badArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(what, call, word);
    }

    static Stream<Arguments> badArgumentsOfGlu() {
        return badArguments().filter(a -> String.valueOf(a.get()[0]).startsWith("glu("));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgumentsOfGeglu")
    @Tag("ex08.geglu")
    void gegluBadArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(String what, ThrowingCallable call, String word) {
        badArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(what, call, word);
    }

    static Stream<Arguments> badArgumentsOfGeglu() {
        return badArguments().filter(a -> String.valueOf(a.get()[0]).startsWith("geglu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgumentsOfSwiglu")
    @Tag("ex08.swiglu")
    void swigluBadArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(String what, ThrowingCallable call, String word) {
        badArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(what, call, word);
    }

    static Stream<Arguments> badArgumentsOfSwiglu() {
        return badArguments().filter(a -> String.valueOf(a.get()[0]).startsWith("swiglu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgumentsOfGluBackward")
    @Tag("ex08.gluBackward")
    void gluBackwardBadArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(String what, ThrowingCallable call,
                       String word) {
        badArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(what, call, word);
    }

    static Stream<Arguments> badArgumentsOfGluBackward() {
        return badArguments().filter(a -> String.valueOf(a.get()[0]).startsWith("gluBackward"));
    }

    private void badArgumentsGetAnIllegalArgumentExceptionThatSaysWhy(String what, ThrowingCallable call, String word) {
        assertThatIllegalArgumentException()
                .as("%s should throw an IllegalArgumentException whose message mentions '%s', not a silently "
                        + "truncated result or an ArrayIndexOutOfBoundsException", what, word)
                .isThrownBy(call).withMessageContaining(word);
    }
}
