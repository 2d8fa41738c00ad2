package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex01Sigmoid.logSigmoid;
import static workbook.exercises.Ex01Sigmoid.sigmoid;
import static workbook.exercises.Ex01Sigmoid.sigmoidDerivative;
import static workbook.exercises.Ex01Sigmoid.softplus;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex01")
@DisplayName("Ex01 · Sigmoid")
class Ex01SigmoidTest {
    /** A few ulps of a number near 1: two correctly rounded formulas for sigma differ by less. */
    private static final double ULPS = 1e-15;
    /** Central difference, h = 1e-5: truncation h^2 |f'''| / 6 below 1e-11, rounding eps / h about 2e-11. */
    private static final double FD = 1e-8;
    private static final double H = 1e-5;

    private static double centralDifference(java.util.function.DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -5, -1, -0.25, 0, 0.25, 1, 5, 30})
    @Tag("ex01.sigmoid")
    void sigmoidMatchesTheLogisticFormula(double x) {
        double expected = 1 / (1 + Math.exp(-x)); // safe here: exp(30) is far from overflow
        assertThat(sigmoid(x))
                .as("sigma(%s) should be 1 / (1 + e^-x)", x)
                .isCloseTo(expected, within(ULPS));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.1, 1, 2.5, 7, 20})
    @Tag("ex01.sigmoid")
    void sigmoidOfMinusXIsOneMinusSigmoidOfX(double x) {
        assertThat(sigmoid(-x) + sigmoid(x))
                .as("sigma(-x) + sigma(x) should be 1 (the curve is point-symmetric about (0, 1/2))")
                .isCloseTo(1.0, within(2 * ULPS));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -745, -710, 710, 1000, Double.MAX_VALUE, -Double.MAX_VALUE})
    @Tag("ex01.sigmoid")
    void sigmoidStaysInTheUnitIntervalForHugeInputs(double x) {
        assertThat(sigmoid(x))
                .as("sigma(%s) should be a number in [0, 1]; NaN usually means e^-x overflowed to Infinity and "
                        + "Infinity / Infinity was taken: branch on the sign of x", x)
                .isBetween(0.0, 1.0);
    }

    @Test
    @Tag("ex01.sigmoid")
    void sigmoidSaturatesToZeroAndOne() {
        assertThat(sigmoid(1000)).as("sigma(1000) should be 1").isEqualTo(1.0);
        assertThat(sigmoid(-1000)).as("sigma(-1000) = e^-1000 underflows: it should be 0 (or a subnormal)")
                .isBetween(0.0, Double.MIN_NORMAL);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1e-8, 0, 1e-8})
    @Tag("ex01.sigmoid")
    void sigmoidIsOneHalfPlusXOverFourNearZero(double x) {
        // Taylor: sigma(x) = 1/2 + x/4 - x^3/48 + ..., and x^3/48 is far below an ulp here
        assertThat(sigmoid(x)).as("sigma(%s) should be 1/2 + x/4", x).isCloseTo(0.5 + x / 4, within(ULPS));
    }

    @Test
    @Tag("ex01.sigmoid")
    void sigmoidIsIncreasing() {
        double previous = sigmoid(-20);
        for (double x = -19.75; x <= 20; x += 0.25) {
            double current = sigmoid(x);
            assertThat(current).as("sigma should increase: sigma(%s) came out below sigma(%s)", x, x - 0.25)
                    .isGreaterThan(previous);
            previous = current;
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-8, -2, -0.5, 0, 0.5, 2, 8})
    @Tag("ex01.sigmoidDerivative")
    void derivativeMatchesCentralDifference(double x) {
        double numeric = (1 / (1 + Math.exp(-(x + H))) - 1 / (1 + Math.exp(-(x - H)))) / (2 * H);
        assertThat(sigmoidDerivative(x))
                .as("sigma'(%s) should equal the slope of sigma; a mismatch everywhere usually means the "
                        + "derivative was mistyped (java exercises/hints/Hint.java ex01.sigmoidDerivative)", x)
                .isCloseTo(numeric, within(FD));
    }

    @Test
    @Tag("ex01.sigmoidDerivative")
    void derivativePeaksAtOneQuarterAtZero() {
        assertThat(sigmoidDerivative(0)).as("sigma'(0) should be exactly 1/4").isCloseTo(0.25, within(ULPS));
        for (double x = -10; x <= 10; x += 0.125) {
            assertThat(sigmoidDerivative(x)).as("sigma'(%s) should not exceed sigma'(0) = 1/4", x)
                    .isLessThanOrEqualTo(0.25);
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.3, 1, 4, 12})
    @Tag("ex01.sigmoidDerivative")
    void derivativeIsEven(double x) {
        assertThat(sigmoidDerivative(-x)).as("sigma'(-x) should equal sigma'(x)")
                .isCloseTo(sigmoidDerivative(x), within(ULPS));
    }

    @Test
    @Tag("ex01.sigmoidDerivative")
    void derivativeKeepsItsTailInsteadOfCancellingToZero() {
        double expected = Math.exp(-40); // sigma'(x) = e^-x / (1 + e^-x)^2, and (1 + e^-40)^2 rounds to 1
        assertThat(sigmoidDerivative(40))
                .as("sigma'(40) should be about e^-40 = 4.25e-18, not 0: in double, sigma(40) rounds to 1, so "
                        + "1 - sigma(40) cancels to 0 (see the Traps)")
                .isCloseTo(expected, within(1e-12 * expected));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, 1000})
    @Tag("ex01.sigmoidDerivative")
    void derivativeVanishesForHugeInputs(double x) {
        assertThat(sigmoidDerivative(x)).as("sigma'(%s) should be 0 (not NaN): the curve is flat out there", x)
                .isBetween(0.0, Double.MIN_NORMAL);
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -3, -0.5, 0, 0.5, 3, 30})
    @Tag("ex01.softplus")
    void softplusMatchesLogOfOnePlusExp(double x) {
        double expected = Math.log1p(Math.exp(x)); // safe for |x| <= 30, and log1p keeps the tiny tail
        assertThat(softplus(x)).as("softplus(%s) should be log(1 + e^x)", x)
                .isCloseTo(expected, within(1e-14 * Math.max(1, expected)));
    }

    @Test
    @Tag("ex01.softplus")
    void softplusOfZeroIsLogTwo() {
        assertThat(softplus(0)).as("softplus(0) should be ln 2").isCloseTo(Math.log(2), within(ULPS));
    }

    @Test
    @Tag("ex01.softplus")
    void softplusBehavesLikeReluFarFromZero() {
        assertThat(softplus(1000)).as("softplus(1000) should be 1000; Infinity means e^1000 overflowed")
                .isCloseTo(1000.0, within(1e-12));
        assertThat(softplus(-1000)).as("softplus(-1000) = log(1 + e^-1000) should be 0")
                .isBetween(0.0, Double.MIN_NORMAL);
        assertThat(softplus(-40)).as("softplus(-40) should be about e^-40, not 0: 1 + e^-40 rounds to 1 (see the Traps)")
                .isCloseTo(Math.exp(-40), within(1e-12 * Math.exp(-40)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.2, 1.5, 6, 25, 300})
    @Tag("ex01.softplus")
    void softplusOfXMinusSoftplusOfMinusXIsX(double x) {
        assertThat(softplus(x) - softplus(-x)).as("softplus(x) - softplus(-x) should be x")
                .isCloseTo(x, within(1e-13 * Math.max(1, x)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -1, 0, 1, 6})
    @Tag("ex01.softplus")
    void softplusSlopeIsSigmoid(double x) {
        double expected = 1 / (1 + Math.exp(-x));
        assertThat(centralDifference(Ex01Sigmoid::softplus, x))
                .as("the slope of softplus at %s should be sigma(x)", x)
                .isCloseTo(expected, within(FD));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -2, 0, 2, 30})
    @Tag("ex01.logSigmoid")
    void logSigmoidMatchesLogOfSigmoid(double x) {
        double expected = -Math.log1p(Math.exp(-x)); // log(1 / (1 + e^-x)), safe for |x| <= 30
        assertThat(logSigmoid(x)).as("logSigmoid(%s) should be log(sigma(x))", x)
                .isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
    }

    @Test
    @Tag("ex01.logSigmoid")
    void logSigmoidStaysFiniteAndAccurateInBothTails() {
        assertThat(logSigmoid(-1000)).as("logSigmoid(-1000) should be -1000; -Infinity means log(0) was taken")
                .isCloseTo(-1000.0, within(1e-12));
        assertThat(logSigmoid(1000)).as("logSigmoid(1000) should be 0").isCloseTo(0.0, within(Double.MIN_NORMAL));
        assertThat(logSigmoid(40)).as("logSigmoid(40) should be about -e^-40, not 0: log(sigma(40)) = log(1) "
                + "loses it (see the Traps)").isCloseTo(-Math.exp(-40), within(1e-12 * Math.exp(-40)));
    }

    @Test
    @Tag("ex01.logSigmoid")
    void logSigmoidIsNeverPositive() {
        for (double x = -50; x <= 50; x += 0.5) {
            assertThat(logSigmoid(x)).as("logSigmoid(%s) is the log of a probability: it should be <= 0", x)
                    .isLessThanOrEqualTo(0.0);
        }
    }
}
