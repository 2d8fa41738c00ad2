package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex03ReluFamily.elu;
import static workbook.exercises.Ex03ReluFamily.eluDerivative;
import static workbook.exercises.Ex03ReluFamily.hardswish;
import static workbook.exercises.Ex03ReluFamily.hardswishDerivative;
import static workbook.exercises.Ex03ReluFamily.leakyRelu;
import static workbook.exercises.Ex03ReluFamily.leakyReluDerivative;
import static workbook.exercises.Ex03ReluFamily.relu;
import static workbook.exercises.Ex03ReluFamily.reluDerivative;
import static workbook.exercises.Ex03ReluFamily.selu;
import static workbook.exercises.Ex03ReluFamily.seluDerivative;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex03")
@DisplayName("Ex03 · ReLU family")
class Ex03ReluFamilyTest {
    /** Klambauer et al., "Self-Normalizing Neural Networks" (2017), copied here so the test is its own oracle. */
    private static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double LAMBDA = 1.0507009873554804934193349852946;
    /** Relative tolerance for one formula computed along two correctly rounded routes (a few ulps). */
    private static final double REL = 1e-15;
    /** The reference below rounds about 2.5 times (exp - 1, two products), a learner's formula as often: 8 ulps
     *  leave room for both, while a formula that cancels near 0 is off by millions of ulps at x = -1e-8. */
    private static final double SELU_ULPS = 8;
    /** Central difference, h = 1e-5, at least 0.1 away from every kink: the pieces are smooth there, so the
     *  truncation h^2 |f'''| / 6 is below 1e-10 and rounding eps |f| / h below 1e-9 for |x| up to 10. */
    private static final double FD = 1e-7;
    private static final double H = 1e-5;
    /** A 64-point Gauss-Legendre rule on each side of the kink integrates these smooth, Gaussian-weighted pieces
     *  to about 1e-15; 1e-11 leaves a wide margin, while a SELU constant rounded to 5 digits moves the mean by
     *  about 1e-5. */
    private static final double QUADRATURE = 1e-11;

    private static double centralDifference(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    private static double relTolerance(double expected) {
        return REL * Math.max(1, Math.abs(expected));
    }

    /** alpha (e^x - 1) for x <= 0, by the Taylor series where exp(x) - 1 would cancel. */
    private static double eluReference(double x, double alpha) {
        if (x > 0) {
            return x;
        }
        double em1 = x > -1e-3 ? x * (1 + x / 2 * (1 + x / 3 * (1 + x / 4 * (1 + x / 5)))) : Math.exp(x) - 1;
        return alpha * em1;
    }

    // ReLU ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -3, -1e-8, 0, 1e-8, 0.5, 7, 1000})
    @Tag("ex03.relu")
    void reluIsMaxOfXAndZero(double x) {
        assertThat(relu(x)).as("relu(%s) should be max(x, 0)", x).isEqualTo(Math.max(x, 0));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-4, -0.5, 0.5, 4})
    @Tag("ex03.relu")
    void reluDerivativeMatchesCentralDifference(double x) {
        assertThat(reluDerivative(x)).as("relu'(%s) should equal the slope of relu (0 left of 0, 1 right of 0)", x)
                .isCloseTo(centralDifference(Ex03ReluFamily::relu, x), within(FD));
    }

    @Test
    @Tag("ex03.relu")
    void reluDerivativeAtTheKinkIsZero() {
        assertThat(reluDerivative(0)).as("relu'(0) should be 0: at the kink the x <= 0 branch wins (the mainstream "
                + "frameworks' convention); 1 usually means the comparison was x >= 0").isEqualTo(0.0);
        assertThat(reluDerivative(1e-8)).as("relu'(1e-8) should be 1").isEqualTo(1.0);
        assertThat(reluDerivative(-1e-8)).as("relu'(-1e-8) should be 0").isEqualTo(0.0);
    }

    // Leaky ReLU ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x = {0}, slope = {1}")
    @CsvSource({"-1000, 0.01", "-2, 0.01", "-1e-8, 0.01", "0, 0.01", "3, 0.01", "1000, 0.01",
            "-2, 0.3", "5, 0.3", "-2, 0", "-2, -0.25", "4, -0.25"})
    @Tag("ex03.leakyRelu")
    void leakyReluKeepsAScaledNegativeSignal(double x, double slope) {
        double expected = Math.max(x, 0) + slope * Math.min(x, 0);
        assertThat(leakyRelu(x, slope))
                .as("leakyRelu(%s, %s) should be x for x > 0 and slope * x otherwise", x, slope)
                .isCloseTo(expected, within(relTolerance(expected)));
    }

    @Test
    @Tag("ex03.leakyRelu")
    void leakyReluDefaultSlopeKeepsNegativeInputsAlive() {
        double slope = Ex03ReluFamily.DEFAULT_LEAKY_SLOPE;
        assertThat(leakyRelu(-2, slope)).as("leakyRelu(-2, 0.01) should be -0.02: a negative input keeps a small "
                + "negative signal instead of being zeroed").isCloseTo(-0.02, within(REL));
        assertThat(leakyReluDerivative(-2, slope)).as("leakyRelu'(-2, 0.01) should be 0.01, not 0: this gradient is "
                + "what lets a unit with negative inputs recover").isCloseTo(0.01, within(REL));
    }

    @ParameterizedTest(name = "x = {0}, slope = {1}")
    @CsvSource({"-3, 0.01", "-0.5, 0.01", "0.5, 0.01", "3, 0.01", "-1, 0.2", "1, 0.2", "-1, -0.25"})
    @Tag("ex03.leakyRelu")
    void leakyReluDerivativeMatchesCentralDifference(double x, double slope) {
        assertThat(leakyReluDerivative(x, slope))
                .as("leakyRelu'(%s, %s) should equal the slope of leakyRelu", x, slope)
                .isCloseTo(centralDifference(z -> leakyRelu(z, slope), x), within(FD));
    }

    @ParameterizedTest(name = "slope = {0}")
    @ValueSource(doubles = {0.01, 0.2, -0.25})
    @Tag("ex03.leakyRelu")
    void leakyReluDerivativeAtTheKinkIsTheSlope(double slope) {
        assertThat(leakyReluDerivative(0, slope)).as("leakyRelu'(0, %s) should be the slope: at the kink the x <= 0 "
                + "branch wins; 1 usually means the comparison was x >= 0", slope).isEqualTo(slope);
        assertThat(leakyRelu(0, slope)).as("leakyRelu(0, %s) should be 0", slope).isCloseTo(0.0, within(0.0));
    }

    @ParameterizedTest(name = "slope = {0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    @Tag("ex03.leakyRelu")
    void leakyReluRejectsANonFiniteSlope(double slope) {
        for (double x : new double[] {-1, 2}) {
            assertThatIllegalArgumentException()
                    .as("leakyRelu(%s, %s) should throw an IllegalArgumentException naming 'slope' (whatever "
                            + "the sign of x): a non-finite slope is a bug in the caller", x, slope)
                    .isThrownBy(() -> leakyRelu(x, slope)).withMessageContaining("slope");
            assertThatIllegalArgumentException()
                    .as("leakyReluDerivative(%s, %s) should throw an IllegalArgumentException naming 'slope'",
                            x, slope)
                    .isThrownBy(() -> leakyReluDerivative(x, slope)).withMessageContaining("slope");
        }
    }

    // ELU ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x = {0}, alpha = {1}")
    @CsvSource({"-1000, 1", "-30, 1", "-4, 1", "-0.7, 1", "-0.01, 1", "0, 1", "0.3, 1", "6, 1", "1000, 1",
            "-2, 0.5", "-0.5, 2.5", "3, 2.5", "-2, 0"})
    @Tag("ex03.elu")
    void eluMatchesAlphaTimesExpMinusOne(double x, double alpha) {
        double expected = eluReference(x, alpha);
        assertThat(elu(x, alpha)).as("elu(%s, %s) should be x for x > 0 and alpha (e^x - 1) otherwise", x, alpha)
                .isCloseTo(expected, within(relTolerance(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1e-8, -3e-6, -Double.MIN_NORMAL})
    @Tag("ex03.elu")
    void eluKeepsAllDigitsNearZero(double x) {
        double expected = eluReference(x, 1.5);
        assertThat(elu(x, 1.5))
                .as("elu(%s, 1.5) should be 1.5 (x + x^2/2 + ...) to a few ulps; alpha (Math.exp(x) - 1) keeps only "
                        + "about 8 correct digits here (see the Traps)", x)
                .isCloseTo(expected, within(4 * Math.ulp(expected)));
    }

    @ParameterizedTest(name = "alpha = {0}")
    @ValueSource(doubles = {0.5, 1, 2.5})
    @Tag("ex03.elu")
    void eluLevelsOffAtMinusAlpha(double alpha) {
        assertThat(elu(-1000, alpha)).as("elu(-1000, %s) should be -alpha: e^-1000 underflows to 0", alpha)
                .isCloseTo(-alpha, within(REL));
        assertThat(eluDerivative(-1000, alpha)).as("elu'(-1000, %s) should be 0, not NaN", alpha)
                .isBetween(0.0, Double.MIN_NORMAL);
    }

    @ParameterizedTest(name = "x = {0}, alpha = {1}")
    @CsvSource({"-5, 1", "-1, 1", "-0.2, 1", "0.2, 1", "2, 1", "-1, 0.5", "-0.3, 2.5", "1.5, 2.5"})
    @Tag("ex03.elu")
    void eluDerivativeMatchesCentralDifference(double x, double alpha) {
        assertThat(eluDerivative(x, alpha)).as("elu'(%s, %s) should equal the slope of elu: alpha e^x on the left, "
                + "1 on the right", x, alpha)
                .isCloseTo(centralDifference(z -> eluReference(z, alpha), x), within(FD));
    }

    @ParameterizedTest(name = "alpha = {0}")
    @ValueSource(doubles = {0.5, 1, 2.5})
    @Tag("ex03.elu")
    void eluDerivativeAtTheKinkIsAlpha(double alpha) {
        assertThat(eluDerivative(0, alpha)).as("elu'(0, %s) should be alpha (the x <= 0 branch: alpha e^0); 1 "
                + "usually means the comparison was x >= 0", alpha).isCloseTo(alpha, within(REL));
        assertThat(elu(0, alpha)).as("elu(0, %s) should be 0", alpha).isCloseTo(0.0, within(0.0));
    }

    @Test
    @Tag("ex03.elu")
    void eluWithAlphaZeroIsRelu() {
        assertThat(elu(-3, 0)).as("alpha = 0 is allowed and turns ELU into ReLU: elu(-3, 0) should be 0")
                .isCloseTo(0.0, within(0.0));
        assertThat(eluDerivative(-3, 0)).as("elu'(-3, 0) should be 0").isCloseTo(0.0, within(0.0));
    }

    @ParameterizedTest(name = "alpha = {0}")
    @ValueSource(doubles = {-0.1, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    @Tag("ex03.elu")
    void eluRejectsANegativeOrNonFiniteAlpha(double alpha) {
        for (double x : new double[] {-1, 2}) {
            assertThatIllegalArgumentException()
                    .as("elu(%s, %s) should throw an IllegalArgumentException naming 'alpha' (alpha must be finite "
                            + "and non-negative, whatever the sign of x)", x, alpha)
                    .isThrownBy(() -> elu(x, alpha)).withMessageContaining("alpha");
            assertThatIllegalArgumentException()
                    .as("eluDerivative(%s, %s) should throw an IllegalArgumentException naming 'alpha'", x, alpha)
                    .isThrownBy(() -> eluDerivative(x, alpha)).withMessageContaining("alpha");
        }
    }

    // SELU --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -20, -2, -0.4, -1e-8, 0, 1e-8, 0.4, 2, 20, 1000})
    @Tag("ex03.selu")
    void seluIsLambdaTimesEluWithAlpha(double x) {
        double expected = LAMBDA * eluReference(x, ALPHA);
        assertThat(selu(x)).as("selu(%s) should be lambda * elu(x, alpha) with the constants of the paper; an error "
                + "only for x <= 0 usually means lambda was left off the negative branch", x)
                .isCloseTo(expected, within(SELU_ULPS * Math.ulp(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -1, -0.2, 0.2, 1, 6})
    @Tag("ex03.selu")
    void seluDerivativeMatchesCentralDifference(double x) {
        assertThat(seluDerivative(x)).as("selu'(%s) should equal the slope of selu", x)
                .isCloseTo(centralDifference(z -> LAMBDA * eluReference(z, ALPHA), x), within(FD));
    }

    @Test
    @Tag("ex03.selu")
    void seluDerivativeAtTheKinkIsLambdaTimesAlpha() {
        assertThat(seluDerivative(0)).as("selu'(0) should be lambda * alpha = 1.7581 (the x <= 0 branch); lambda "
                + "usually means the comparison was x >= 0").isCloseTo(LAMBDA * ALPHA, within(2 * REL));
        assertThat(seluDerivative(1e-8)).as("selu'(1e-8) should be lambda").isCloseTo(LAMBDA, within(REL));
        assertThat(seluDerivative(-1000)).as("selu'(-1000) should be 0, not NaN").isBetween(0.0, Double.MIN_NORMAL);
    }

    @Test
    @Tag("ex03.selu")
    void seluMapsAStandardNormalInputToMeanZeroAndVarianceOne() {
        // E[f(Z)] = integral of f(z) phi(z) dz over the real line, split at the kink so each piece is smooth;
        // beyond |z| = 12 the Gaussian weight is below 1e-31 and adds nothing visible.
        GaussIntegratorFactory rules = new GaussIntegratorFactory();
        GaussIntegrator left = rules.legendre(64, -12, 0);
        GaussIntegrator right = rules.legendre(64, 0, 12);
        DoubleUnaryOperator phi = z -> Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double m = left.integrate(z -> selu(z) * phi.applyAsDouble(z))
                + right.integrate(z -> selu(z) * phi.applyAsDouble(z));
        double second = left.integrate(z -> selu(z) * selu(z) * phi.applyAsDouble(z))
                + right.integrate(z -> selu(z) * selu(z) * phi.applyAsDouble(z));
        assertThat(m).as("E[selu(Z)] for Z ~ N(0, 1) should be 0: that is what alpha and lambda were solved for. "
                + "A rounded constant or a lambda missing on one branch moves the mean")
                .isCloseTo(0.0, within(QUADRATURE));
        assertThat(second - m * m).as("Var[selu(Z)] for Z ~ N(0, 1) should be 1 (the self-normalizing fixed point)")
                .isCloseTo(1.0, within(QUADRATURE));
    }

    // Hardswish ---------------------------------------------------------------------------------------------

    private static double hardswishReference(double x) {
        return x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -5, -3, -2.5, -1.5, -1e-8, 0, 1e-8, 0.7, 2.9, 3, 4, 1000})
    @Tag("ex03.hardswish")
    void hardswishIsZeroThenAParabolaThenTheIdentity(double x) {
        double expected = hardswishReference(x);
        assertThat(hardswish(x)).as("hardswish(%s) should be x * min(max(x + 3, 0), 6) / 6: 0 for x <= -3, "
                + "x (x + 3) / 6 in between, x for x >= 3", x)
                .isCloseTo(expected, within(4 * Math.ulp(expected)));
    }

    @Test
    @Tag("ex03.hardswish")
    void hardswishDipsToMinusThreeEighthsAtMinusOneAndAHalf() {
        // d/dx x (x + 3) / 6 = (2x + 3) / 6 vanishes at x = -3/2, where the value is -1.5 * 1.5 / 6 = -3/8
        assertThat(hardswish(-1.5)).as("hardswish(-1.5) should be its minimum, -0.375: like swish it dips below 0")
                .isCloseTo(-0.375, within(REL));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -3.5, -2.5, -1.5, 0, 1, 2.5, 3.5, 8})
    @Tag("ex03.hardswish")
    void hardswishDerivativeMatchesCentralDifference(double x) {
        assertThat(hardswishDerivative(x)).as("hardswish'(%s) should equal the slope of hardswish: 0, (2x + 3) / 6, "
                + "or 1 depending on the piece", x)
                .isCloseTo(centralDifference(Ex03ReluFamilyTest::hardswishReference, x), within(FD));
    }

    @Test
    @Tag("ex03.hardswish")
    void hardswishDerivativeAtTheKinksTakesTheOuterPieces() {
        assertThat(hardswishDerivative(-3)).as("hardswish'(-3) should be 0: the middle piece owns only the open "
                + "interval (-3, 3); -0.5 means the comparison was x < -3 instead of x <= -3").isEqualTo(0.0);
        assertThat(hardswishDerivative(3)).as("hardswish'(3) should be 1: the middle piece owns only the open "
                + "interval (-3, 3); 1.5 means the comparison was x > 3 instead of x >= 3").isEqualTo(1.0);
        assertThat(hardswishDerivative(-3 + 1e-9)).as("just right of -3 the slope should be (2x + 3) / 6, about -0.5")
                .isCloseTo(-0.5, within(1e-9));
        assertThat(hardswishDerivative(3 - 1e-9)).as("just left of 3 the slope should be (2x + 3) / 6, about 1.5")
                .isCloseTo(1.5, within(1e-9));
    }

    // Every function ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex03.relu")
    void reluAndItsDerivativeNeverReturnNaNOrInfinityForHostileInputs(double x) {
        assertThat(relu(x)).as("relu(%s) should be a finite number", x).isFinite();
        assertThat(reluDerivative(x)).as("relu'(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex03.leakyRelu")
    void leakyReluAndItsDerivativeNeverReturnNaNOrInfinityForHostileInputs(double x) {
        assertThat(leakyRelu(x, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE))
                .as("leakyRelu(%s) should be a finite number", x).isFinite();
        assertThat(leakyReluDerivative(x, Ex03ReluFamily.DEFAULT_LEAKY_SLOPE))
                .as("leakyRelu'(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex03.elu")
    void eluAndItsDerivativeNeverReturnNaNOrInfinityForHostileInputs(double x) {
        assertThat(elu(x, 1)).as("elu(%s) should be a finite number", x).isFinite();
        assertThat(eluDerivative(x, 1)).as("elu'(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex03.selu")
    void seluAndItsDerivativeNeverReturnNaNOrInfinityForHostileInputs(double x) {
        assertThat(selu(x)).as("selu(%s) should be a finite number", x).isFinite();
        assertThat(seluDerivative(x)).as("selu'(%s) should be a finite number", x).isFinite();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -1e-8, -0.0, 0, 1e-8, 1000})
    @Tag("ex03.hardswish")
    void hardswishAndItsDerivativeNeverReturnNaNOrInfinityForHostileInputs(double x) {
        assertThat(hardswish(x)).as("hardswish(%s) should be a finite number", x).isFinite();
        assertThat(hardswishDerivative(x)).as("hardswish'(%s) should be a finite number", x).isFinite();
    }
}
