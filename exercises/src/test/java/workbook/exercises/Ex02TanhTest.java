package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex02Tanh.centeredSigmoid;
import static workbook.exercises.Ex02Tanh.saturationFraction;
import static workbook.exercises.Ex02Tanh.tanh;
import static workbook.exercises.Ex02Tanh.tanhDerivative;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex02")
@DisplayName("Ex02 · Tanh")
class Ex02TanhTest {
    /**
     * Relative tolerance in ulps of the reference. Math.tanh is within 2.5 ulps of the exact value (its
     * contract); -t / (2 + t) with t = expm1(-2|x|) is within about 2 more (expm1 1 ulp, add and divide half an
     * ulp each). A formula that cancels near 0 is off by millions of ulps at 1e-8 and by thousands at 1e-3.
     */
    private static final double ULPS = 6;
    /** Absolute tolerance for quantities of size about 1 computed along two correctly rounded routes. */
    private static final double ABS = 4e-16;
    /** Central difference, h = 1e-5: truncation h^2 |f'''| / 6 below 1e-10, rounding eps / h about 2e-11. */
    private static final double FD = 1e-8;
    private static final double H = 1e-5;

    /** The logistic sigmoid, computed here so that this exercise is graded without Ex01. */
    private static double sigma(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double ulpsTolerance(double reference) {
        return ULPS * Math.ulp(reference);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -19, -5, -1.23, -0.7, -0.1, -1e-3, 1e-5, 1e-3, 0.01, 0.3, 0.55,
            1, 2.5, 7, 18.5, 25})
    @Tag("ex02.tanh")
    void tanhIsAccurateToAFewUlpsEverywhere(double x) {
        double expected = Math.tanh(x);
        assertThat(tanh(x))
                .as("tanh(%s) should agree with the exact value to a few ulps; an error only for small |x| usually "
                        + "means a difference of nearly equal numbers (e^x - e^-x, 2 sigma(2x) - 1): see the Traps", x)
                .isCloseTo(expected, within(ulpsTolerance(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {1e-8, -1e-8, 3e-7, 1e-300})
    @Tag("ex02.tanh")
    void tanhKeepsAllDigitsNearZero(double x) {
        // Taylor: tanh(x) = x - x^3/3 + 2x^5/15 - ..., and 2x^5/15 is far below an ulp of x here
        double expected = x - x * x * x / 3;
        assertThat(tanh(x))
                .as("tanh(%s) should be x - x^3/3 to a few ulps; 2 sigma(2x) - 1 or (e^x - e^-x) / (e^x + e^-x) "
                        + "keep only about 8 correct digits here (see the Traps)",
                        x)
                .isCloseTo(expected, within(ulpsTolerance(expected)));
    }

    @Test
    @Tag("ex02.tanh")
    void tanhOfZeroIsZero() {
        assertThat(tanh(0.0)).as("tanh(0) should be 0").isEqualTo(0.0);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {1000, 710, 355, Double.MAX_VALUE, Double.POSITIVE_INFINITY})
    @Tag("ex02.tanh")
    void tanhSaturatesToPlusMinusOneWithoutNaN(double x) {
        assertThat(tanh(x)).as("tanh(%s) should be exactly 1; NaN usually means e^x overflowed to Infinity and "
                + "Infinity / Infinity was taken: only ever pass exp a non-positive argument", x).isEqualTo(1.0);
        assertThat(tanh(-x)).as("tanh(%s) should be exactly -1; NaN usually means e^-x overflowed", -x)
                .isEqualTo(-1.0);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {1e-8, 0.2, 1, 3.3, 12, 40})
    @Tag("ex02.tanh")
    void tanhIsOdd(double x) {
        assertThat(tanh(-x)).as("tanh(-x) should be -tanh(x) for x = %s: tanh is an odd function. Near 0 a "
                + "mismatch usually means a formula that subtracts nearly equal numbers (see the Traps)", x)
                .isCloseTo(-tanh(x), within(ulpsTolerance(tanh(x))));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -1.5, -0.5, 0.5, 1, 2, 4.5})
    @Tag("ex02.tanh")
    void tanhIsTwiceSigmoidOfTwoXMinusOne(double x) {
        // away from 0 the subtraction loses at most about one ulp of 1, far below ABS
        assertThat(tanh(x)).as("tanh(%s) should equal 2 sigma(2x) - 1 (the tanh is a rescaled sigmoid)", x)
                .isCloseTo(2 * sigma(2 * x) - 1, within(ABS));
    }

    @Test
    @Tag("ex02.tanh")
    void tanhIsIncreasingAndBounded() {
        double previous = tanh(-4);
        for (double x = -3.875; x <= 4; x += 0.125) {
            double current = tanh(x);
            assertThat(current).as("tanh should increase: tanh(%s) did not come out above tanh(%s)", x, x - 0.125)
                    .isGreaterThan(previous);
            assertThat(Math.abs(current)).as("|tanh(%s)| should stay below 1", x).isLessThan(1.0);
            previous = current;
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-8, -2, -0.6, 0, 0.6, 2, 8})
    @Tag("ex02.tanhDerivative")
    void derivativeMatchesCentralDifference(double x) {
        double numeric = (Math.tanh(x + H) - Math.tanh(x - H)) / (2 * H);
        assertThat(tanhDerivative(x))
                .as("tanh'(%s) should equal the slope of tanh; a mismatch usually means 1 - tanh(x)^2 was mistyped "
                        + "(for instance 1 - tanh(x^2))", x)
                .isCloseTo(numeric, within(FD));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-9, -3, -0.8, -0.1, 1e-8, 0.25, 1.7, 6})
    @Tag("ex02.tanhDerivative")
    void derivativeMatchesItsClosedFormInTermsOfTanh(double x) {
        double t = Math.tanh(x);
        assertThat(tanhDerivative(x)).as("tanh'(%s) does not match the derivative of tanh (write-up 1; java exercises/hints/Hint.java "
                + "ex02.tanhDerivative)", x)
                .isCloseTo(1 - t * t, within(ABS));
    }

    @Test
    @Tag("ex02.tanhDerivative")
    void derivativeIsOneAtZero() {
        assertThat(tanhDerivative(0)).as("tanh'(0) should be 1: tanh leaves the origin with slope 1, four times "
                + "as steep as the sigmoid").isCloseTo(1.0, within(ABS));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.4, 2, 7})
    @Tag("ex02.tanhDerivative")
    void derivativeIsEven(double x) {
        assertThat(tanhDerivative(-x)).as("tanh'(-x) should equal tanh'(x)")
                .isCloseTo(tanhDerivative(x), within(ABS));
    }

    @Test
    @Tag("ex02.tanhDerivative")
    void derivativeKeepsItsTailInsteadOfRoundingToZero() {
        double e = Math.exp(-40);
        double expected = 4 * e; // 1 - tanh^2 = 4e / (1 + e)^2 with e = exp(-2x), and (1 + e^-40)^2 rounds to 1
        assertThat(tanhDerivative(20))
                .as("tanh'(20) should be about 4 e^-40 = 1.7e-17, not 0: tanh(20) rounds to 1 in double, so "
                        + "1 - tanh(20)^2 cancels to 0 (see the Traps)")
                .isCloseTo(expected, within(1e-12 * expected));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, 1000, -Double.MAX_VALUE, Double.MAX_VALUE})
    @Tag("ex02.tanhDerivative")
    void derivativeVanishesForHugeInputs(double x) {
        assertThat(tanhDerivative(x)).as("tanh'(%s) should be 0, not NaN: the curve is flat out there", x)
                .isBetween(0.0, Double.MIN_NORMAL);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex02.tanh")
    void tanhNeverReturnsNaNOrInfinityForHostileInputs(double x) {
        assertThat(tanh(x)).as("tanh(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex02.tanhDerivative")
    void tanhDerivativeNeverReturnsNaNOrInfinityForHostileInputs(double x) {
        assertThat(tanhDerivative(x)).as("tanh'(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidNeverReturnsNaNOrInfinityForHostileInputs(double x) {
        assertThat(centeredSigmoid(x)).as("centeredSigmoid(%s) should be a finite number", x).isFinite();
    }

    @Test
    @Tag("ex02.saturationFraction")
    void saturationFractionCountsStrictlyAboveTheThreshold() {
        // 0.99, -0.97 and -1.0 are beyond 0.95 in absolute value; +-0.95 sit exactly on it and do not count
        double[] activations = {0.99, -0.97, 0.95, -0.95, 0.5, 0.0, -1.0, 0.949};
        double[] copy = activations.clone();
        assertThat(saturationFraction(activations, 0.95))
                .as("3 of these 8 activations have |a| > 0.95 (a value exactly at the threshold is not "
                        + "saturated, and a negative one is judged by its absolute value)")
                .isCloseTo(3.0 / 8, within(ABS));
        assertThat(activations).as("saturationFraction should leave its input array unchanged").isEqualTo(copy);
    }

    @Test
    @Tag("ex02.saturationFraction")
    void saturationFractionOfHandCheckableArrays() {
        assertThat(saturationFraction(new double[] {0.1, -0.2, 0.3}, 0.95))
                .as("no |a| exceeds 0.95 in {0.1, -0.2, 0.3}: the fraction should be 0").isEqualTo(0.0);
        assertThat(saturationFraction(new double[] {-0.999, 0.999}, 0.95))
                .as("both entries of {-0.999, 0.999} are saturated: the fraction should be 1").isEqualTo(1.0);
        assertThat(saturationFraction(new double[] {0.0, 0.0, 0.1}, 0.0))
                .as("with threshold 0, only nonzero entries count: 1 of 3").isCloseTo(1.0 / 3, within(ABS));
        assertThat(saturationFraction(new double[] {Double.NEGATIVE_INFINITY, 2.0, 0.5, -0.5}, 1.0))
                .as("-Infinity and 2.0 exceed 1 in absolute value: 2 of 4").isCloseTo(0.5, within(ABS));
    }

    @Test
    @Tag("ex02.saturationFraction")
    void saturationFractionOfSaturatedTanhUnits() {
        // the course's diagnostic: how many units of a tanh layer sit in a flat tail
        double[] preactivations = {-4, -2.5, -1, -0.2, 0, 0.3, 1.5, 1.9, 2, 6};
        double[] activations = Arrays.stream(preactivations).map(Math::tanh).toArray();
        long expected = Arrays.stream(preactivations).filter(z -> Math.abs(Math.tanh(z)) > 0.95).count();
        assertThat(saturationFraction(activations, 0.95))
                .as("the fraction of tanh units with |a| > 0.95 (tanh(z) passes 0.95 near |z| = 1.83)")
                .isCloseTo(expected / 10.0, within(ABS));
    }

    @Test
    @Tag("ex02.saturationFraction")
    void saturationFractionRejectsAnEmptyOrMissingArray() {
        assertThatIllegalArgumentException()
                .as("an empty array has no fraction: expected an IllegalArgumentException naming 'activations'")
                .isThrownBy(() -> saturationFraction(new double[0], 0.95)).withMessageContaining("activations");
        assertThatIllegalArgumentException()
                .as("a null array should be rejected with an IllegalArgumentException naming 'activations'")
                .isThrownBy(() -> saturationFraction(null, 0.95)).withMessageContaining("activations");
    }

    @Test
    @Tag("ex02.saturationFraction")
    void saturationFractionRejectsNaNEntries() {
        assertThatIllegalArgumentException()
                .as("a NaN activation is a bug upstream, not a saturated unit: expected an "
                        + "IllegalArgumentException naming 'activations'")
                .isThrownBy(() -> saturationFraction(new double[] {0.2, Double.NaN, 0.99}, 0.95))
                .withMessageContaining("activations");
    }

    @ParameterizedTest(name = "threshold = {0}")
    @ValueSource(doubles = {-0.5, -Double.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY})
    @Tag("ex02.saturationFraction")
    void saturationFractionRejectsANegativeOrNaNThreshold(double threshold) {
        assertThatIllegalArgumentException()
                .as("threshold %s should be rejected with an IllegalArgumentException naming 'threshold'; note that "
                        + "every comparison with NaN is false, so test for it explicitly", threshold)
                .isThrownBy(() -> saturationFraction(new double[] {0.5, 0.99}, threshold))
                .withMessageContaining("threshold");
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-9, -2, -0.5, 0.25, 1, 3, 14})
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidIsFourSigmoidMinusTwo(double x) {
        assertThat(centeredSigmoid(x)).as("centeredSigmoid(%s) should be 4 sigma(x) - 2", x)
                .isCloseTo(4 * sigma(x) - 2, within(4 * ABS));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-40, -3, -1e-3, 1e-8, 0.125, 1.5, 5, 30})
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidMatchesAnEquivalentTanhForm(double x) {
        double expected = 2 * Math.tanh(x / 2);
        assertThat(centeredSigmoid(x))
                .as("centeredSigmoid(%s) should be exact to a few ulps; a large relative error for small |x| "
                        + "means 4 sigma(x) - 2 cancelled (see the Traps)", x)
                .isCloseTo(expected, within(ulpsTolerance(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {1e-8, 0.5, 2, 11})
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidIsOdd(double x) {
        assertThat(centeredSigmoid(-x))
                .as("centeredSigmoid(-x) should be -centeredSigmoid(x): Xavier's derivation assumes an odd "
                        + "activation")
                .isCloseTo(-centeredSigmoid(x), within(ulpsTolerance(centeredSigmoid(x))));
    }

    @Test
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidPassesThroughTheOriginWithSlopeOne() {
        assertThat(centeredSigmoid(0)).as("centeredSigmoid(0) should be 0").isCloseTo(0.0, within(ABS));
        double slope = (centeredSigmoid(H) - centeredSigmoid(-H)) / (2 * H);
        assertThat(slope).as("the slope of centeredSigmoid at 0 should be 1 (4 * sigma'(0) = 4 * 1/4): Xavier's "
                + "derivation assumes the activation looks like the identity near 0").isCloseTo(1.0, within(FD));
    }

    @Test
    @Tag("ex02.centeredSigmoid")
    void centeredSigmoidTendsToPlusMinusTwo() {
        assertThat(centeredSigmoid(1000)).as("centeredSigmoid(1000) should be 2").isCloseTo(2.0, within(ABS));
        assertThat(centeredSigmoid(-1000)).as("centeredSigmoid(-1000) should be -2").isCloseTo(-2.0, within(ABS));
    }
}
