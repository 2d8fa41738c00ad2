package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex07SmoothActivations.customActivation;
import static workbook.exercises.Ex07SmoothActivations.customActivationDerivative;
import static workbook.exercises.Ex07SmoothActivations.gelu;
import static workbook.exercises.Ex07SmoothActivations.geluDerivative;
import static workbook.exercises.Ex07SmoothActivations.geluTanh;
import static workbook.exercises.Ex07SmoothActivations.mish;
import static workbook.exercises.Ex07SmoothActivations.mishDerivative;
import static workbook.exercises.Ex07SmoothActivations.silu;
import static workbook.exercises.Ex07SmoothActivations.swish;
import static workbook.exercises.Ex07SmoothActivations.swishBetaGradient;
import static workbook.exercises.Ex07SmoothActivations.swishDerivative;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex07")
@DisplayName("Ex07 · Smooth activations")
class Ex07SmoothActivationsTest {
    /** Values of size |x|: two correct formulas differ by a few ulps, 1e-14 relative leaves room for ~50. */
    private static final double REL = 1e-14;
    /** Central difference, h = 1e-5: truncation h^2 |f'''| / 6 below 1e-10 here, rounding eps |f| / h below 1e-9. */
    private static final double FD = 1e-8;
    private static final double H = 1e-5;

    /** The standard normal CDF; erfc keeps the lower tail that 1 + erf would cancel. */
    private static double phiCdf(double x) {
        return 0.5 * Erfc.value(-x / Math.sqrt(2));
    }

    private static double exactGelu(double x) {
        return x * phiCdf(x);
    }

    /** The logistic sigmoid in the plain form, exact enough for |z| <= 700. */
    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double plainSwish(double x, double beta) {
        return x * sigma(beta * x);
    }

    private static double plainMish(double x) {
        return x * Math.tanh(Math.log1p(Math.exp(x))); // fine for |x| <= 30
    }

    private static double slope(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    private static double tolerance(double expected) {
        return REL * Math.max(1, Math.abs(expected));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-8, -3, -1, -0.5, -1e-8, 0, 1e-8, 0.5, 1, 3, 8})
    @Tag("ex07.gelu")
    void geluIsXTimesTheNormalCdf(double x) {
        assertThat(gelu(x)).as("gelu(%s) should be x Phi(x), Phi the standard normal CDF", x)
                .isCloseTo(exactGelu(x), within(tolerance(x)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-10, -20, -30})
    @Tag("ex07.gelu")
    void geluKeepsItsLowerTail(double x) {
        double expected = exactGelu(x); // -7.6e-23 at -10, -5.5e-88 at -20
        assertThat(gelu(x))
                .as("gelu(%s) should be x Phi(x) = %s to 10 digits; 0 means Phi was computed as (1 + erf(x / sqrt 2)) "
                        + "/ 2, which cancels in the tail: use Erfc.value", x, expected)
                .isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.1, 0.7, 2, 5, 12})
    @Tag("ex07.gelu")
    void geluOfXMinusGeluOfMinusXIsX(double x) {
        assertThat(gelu(x) - gelu(-x)).as("gelu(x) - gelu(-x) should be x, because Phi(-x) = 1 - Phi(x); x = %s", x)
                .isCloseTo(x, within(tolerance(x)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -2, -0.75, 0, 0.3, 1, 4})
    @Tag("ex07.gelu")
    void geluDerivativeMatchesCentralDifference(double x) {
        assertThat(geluDerivative(x))
                .as("gelu'(%s) should equal the slope of x Phi(x): Phi(x) + x phi(x), phi the normal density", x)
                .isCloseTo(slope(Ex07SmoothActivationsTest::exactGelu, x), within(FD));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0, 0.4, 1.3, 3, 9})
    @Tag("ex07.gelu")
    void geluDerivativesAtXAndMinusXAddUpToOne(double x) {
        assertThat(geluDerivative(x) + geluDerivative(-x))
                .as("gelu'(x) + gelu'(-x) should be 1 (differentiate gelu(x) - gelu(-x) = x); x = %s", x)
                .isCloseTo(1.0, within(2 * REL));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-6, -2, -0.5, 0, 0.5, 2, 6, 40})
    @Tag("ex07.geluTanh")
    void geluTanhIsTheTanhFormula(double x) {
        double expected = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        assertThat(geluTanh(x)).as("geluTanh(%s) should be 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))", x)
                .isCloseTo(expected, within(tolerance(expected)));
    }

    @Test
    @Tag("ex07.geluTanh")
    void geluTanhStaysWithin5e4OfTheExactGelu() {
        // the largest gap on this grid is 4.73e-4, near x = -2.7
        for (int k = -2000; k <= 2000; k++) {
            double x = k * 0.005;
            assertThat(geluTanh(x)).as("geluTanh(%s) should be within 5e-4 of the exact x Phi(x)", x)
                    .isCloseTo(exactGelu(x), within(5e-4));
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -4, -1, -1e-8, 0, 1e-8, 1, 4, 30})
    @Tag("ex07.swish")
    void siluIsXTimesSigmoid(double x) {
        double expected = x * sigma(x);
        assertThat(silu(x)).as("silu(%s) should be x sigmoid(x)", x).isCloseTo(expected, within(tolerance(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0, 0.3, 1.2785, 4, 15})
    @Tag("ex07.swish")
    void siluSatisfiesTheOddPartIdentities(double x) {
        assertThat(silu(x) - silu(-x)).as("silu(x) - silu(-x) should be x, because sigmoid(-x) = 1 - sigmoid(x); "
                + "x = %s", x).isCloseTo(x, within(tolerance(x)));
        assertThat(swishDerivative(x, 1) + swishDerivative(-x, 1))
                .as("silu'(x) + silu'(-x) should be 1; x = %s", x).isCloseTo(1.0, within(2 * REL));
    }

    /** The minimum of a unimodal f on [lo, hi] by golden-section search, to about 1e-9 in x. */
    private static double argmin(DoubleUnaryOperator f, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-9) {
            double left = hi - ratio * (hi - lo);
            double right = lo + ratio * (hi - lo);
            if (f.applyAsDouble(left) < f.applyAsDouble(right)) {
                hi = right;
            } else {
                lo = left;
            }
        }
        return (lo + hi) / 2;
    }

    /** The point of the grid lo, lo + step, ..., hi where f is smallest. */
    private static double gridArgmin(DoubleUnaryOperator f, double lo, double hi, double step) {
        double best = lo;
        double bestValue = f.applyAsDouble(lo);
        for (int k = 1; lo + k * step <= hi; k++) {
            double value = f.applyAsDouble(lo + k * step);
            if (value < bestValue) {
                best = lo + k * step;
                bestValue = value;
            }
        }
        return best;
    }

    static Stream<Arguments> dips() {
        // minima found by the search in the test: SiLU -0.2785 at -1.2785, GELU -0.1700 at -0.7518,
        // Mish -0.3088 at -1.1924
        return Stream.of(
                Arguments.of("SiLU", (DoubleUnaryOperator) Ex07SmoothActivations::silu,
                        (DoubleUnaryOperator) x -> x * sigma(x)),
                Arguments.of("GELU", (DoubleUnaryOperator) Ex07SmoothActivations::gelu,
                        (DoubleUnaryOperator) Ex07SmoothActivationsTest::exactGelu),
                Arguments.of("Mish", (DoubleUnaryOperator) Ex07SmoothActivations::mish,
                        (DoubleUnaryOperator) Ex07SmoothActivationsTest::plainMish));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dipsOfGelu")
    @Tag("ex07.gelu")
    void geluDipsBelowZeroToItsKnownMinimum(String name, DoubleUnaryOperator f, DoubleUnaryOperator reference) {
        dipsBelowZeroToItsKnownMinimum(name, f, reference);
    }

    static Stream<Arguments> dipsOfGelu() {
        return dips().filter(a -> String.valueOf(a.get()[0]).equals("GELU"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dipsOfSwish")
    @Tag("ex07.swish")
    void swishDipsBelowZeroToItsKnownMinimum(String name, DoubleUnaryOperator f, DoubleUnaryOperator reference) {
        dipsBelowZeroToItsKnownMinimum(name, f, reference);
    }

    static Stream<Arguments> dipsOfSwish() {
        return dips().filter(a -> String.valueOf(a.get()[0]).equals("SiLU"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dipsOfMish")
    @Tag("ex07.mish")
    void mishDipsBelowZeroToItsKnownMinimum(String name, DoubleUnaryOperator f, DoubleUnaryOperator reference) {
        dipsBelowZeroToItsKnownMinimum(name, f, reference);
    }

    static Stream<Arguments> dipsOfMish() {
        return dips().filter(a -> String.valueOf(a.get()[0]).equals("Mish"));
    }

    private void dipsBelowZeroToItsKnownMinimum(String name, DoubleUnaryOperator f, DoubleUnaryOperator reference) {
        double xStar = argmin(reference, -3, 0);
        double fStar = reference.applyAsDouble(xStar);
        double coarse = gridArgmin(f, -3, 0, 5e-3);
        double fine = gridArgmin(f, coarse - 5e-3, coarse + 5e-3, 1e-4);
        // a grid of step 1e-4 misses the minimum by at most f'' (5e-5)^2 / 2, about 1e-9 here
        assertThat(f.applyAsDouble(fine)).as("%s should dip to a minimum of %s on [-3, 0]", name, fStar)
                .isCloseTo(fStar, within(1e-7));
        assertThat(fine).as("%s should reach its minimum near x = %s", name, xStar)
                .isCloseTo(xStar, within(1e-3));
        assertThat(f.applyAsDouble(-40)).as("%s(-40) should be negative and tiny: the dip closes again", name)
                .isBetween(-1e-6, 0.0);
    }

    @ParameterizedTest(name = "x = {0}, beta = {1}")
    @CsvSource({"-3, 0.5", "-1, 1", "0.5, 1", "2, 1.7", "2, -1", "-0.3, 4", "7, 0.1"})
    @Tag("ex07.swish")
    void swishIsXTimesSigmoidOfBetaX(double x, double beta) {
        double expected = plainSwish(x, beta);
        assertThat(swish(x, beta)).as("swish(%s, beta = %s) should be x sigmoid(beta x)", x, beta)
                .isCloseTo(expected, within(tolerance(expected)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-5, -1, 0, 0.5, 3})
    @Tag("ex07.swish")
    void swishIsHalfXAtBetaZeroAndSiluAtBetaOne(double x) {
        assertThat(swish(x, 0)).as("swish(%s, beta = 0) should be x / 2: sigmoid(0) = 1/2", x)
                .isCloseTo(x / 2, within(tolerance(x)));
        assertThat(swish(x, 1)).as("swish(%s, beta = 1) should equal silu(%s)", x, x)
                .isCloseTo(x * sigma(x), within(tolerance(x)));
    }

    @ParameterizedTest(name = "beta = {0}")
    @ValueSource(doubles = {10, 100, 1e4})
    @Tag("ex07.swish")
    void swishApproachesReluAsBetaGrows(double beta) {
        // swish(x, beta) = silu(beta x) / beta, and |silu(t) - relu(t)| peaks at the dip depth 0.27846...
        double bound = 0.278465 / beta;
        for (int k = -1000; k <= 1000; k++) {
            double x = k * 0.005;
            assertThat(swish(x, beta)).as("swish(%s, beta = %s) should be within 0.2785 / beta of relu(x)", x, beta)
                    .isCloseTo(Math.max(x, 0), within(bound));
        }
    }

    @ParameterizedTest(name = "x = {0}, beta = {1}")
    @CsvSource({"-3, 0.5", "-1, 1", "0, 1", "0.5, 1", "2, 1.7", "2, -1", "-0.3, 4", "1, 0"})
    @Tag("ex07.swish")
    void swishDerivativeMatchesCentralDifferenceInX(double x, double beta) {
        assertThat(swishDerivative(x, beta))
                .as("d swish / dx at x = %s, beta = %s should equal the slope in x: s + beta x s (1 - s)", x, beta)
                .isCloseTo(slope(t -> plainSwish(t, beta), x), within(FD));
    }

    @ParameterizedTest(name = "x = {0}, beta = {1}")
    @CsvSource({"-3, 0.5", "-1, 1", "0, 1", "0.5, 1", "2, 1.7", "2, -1", "-0.3, 4", "1, 0"})
    @Tag("ex07.swishBeta")
    void swishBetaGradientMatchesCentralDifferenceInBeta(double x, double beta) {
        assertThat(swishBetaGradient(x, beta))
                .as("d swish / d beta at x = %s, beta = %s should equal the slope in beta: x^2 s (1 - s), the chain "
                        + "rule brings in x, not beta", x, beta)
                .isCloseTo(slope(b -> plainSwish(x, b), beta), within(FD));
    }

    @Test
    @Tag("ex07.swishBeta")
    void swishBetaGradientKeepsItsTail() {
        double expected = 1600 * Math.exp(-40); // x^2 s (1 - s) at x = 40, beta = 1; (1 + e^-40)^2 rounds to 1
        assertThat(swishBetaGradient(40, 1))
                .as("d swish / d beta at x = 40, beta = 1 should be about 1600 e^-40 = 6.8e-15, not 0: 1 - sigmoid(40) "
                        + "rounds to 0, sigmoid(-40) does not")
                .isCloseTo(expected, within(1e-10 * expected));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-30, -4, -1.2, -1e-8, 0, 1e-8, 0.6, 3, 30})
    @Tag("ex07.mish")
    void mishIsXTimesTanhOfSoftplus(double x) {
        double expected = plainMish(x);
        assertThat(mish(x)).as("mish(%s) should be x tanh(softplus(x))", x).isCloseTo(expected, within(tolerance(x)));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-8, -2, -1.2, 0, 0.6, 2, 8})
    @Tag("ex07.mish")
    void mishDerivativeMatchesCentralDifference(double x) {
        assertThat(mishDerivative(x)).as("mish'(%s) should equal the slope of x tanh(softplus(x))", x)
                .isCloseTo(slope(Ex07SmoothActivationsTest::plainMish, x), within(FD));
    }

    static Stream<Arguments> atPlusMinus1000() {
        // the far left of every curve here is 0 (the activations gate x off, the slopes flatten), the far right
        // is x for the activations, 1 for their slopes and 0 for the slope in beta (x^2 e^-1000 underflows)
        return Stream.of(
                Arguments.of("gelu", (DoubleUnaryOperator) Ex07SmoothActivations::gelu, 0.0, 1000.0),
                Arguments.of("geluTanh", (DoubleUnaryOperator) Ex07SmoothActivations::geluTanh, 0.0, 1000.0),
                Arguments.of("geluDerivative", (DoubleUnaryOperator) Ex07SmoothActivations::geluDerivative, 0.0, 1.0),
                Arguments.of("silu", (DoubleUnaryOperator) Ex07SmoothActivations::silu, 0.0, 1000.0),
                Arguments.of("swish, beta = 1000", (DoubleUnaryOperator) x -> swish(x, 1000), 0.0, 1000.0),
                Arguments.of("swishDerivative, beta = 1", (DoubleUnaryOperator) x -> swishDerivative(x, 1), 0.0, 1.0),
                Arguments.of("swishDerivative, beta = 1000", (DoubleUnaryOperator) x -> swishDerivative(x, 1000),
                        0.0, 1.0),
                Arguments.of("swishBetaGradient, beta = 1", (DoubleUnaryOperator) x -> swishBetaGradient(x, 1),
                        0.0, 0.0),
                Arguments.of("mish", (DoubleUnaryOperator) Ex07SmoothActivations::mish, 0.0, 1000.0),
                Arguments.of("mishDerivative", (DoubleUnaryOperator) Ex07SmoothActivations::mishDerivative, 0.0, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atPlusMinus1000OfGelu")
    @Tag("ex07.gelu")
    void geluStaysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000, double atPlus1000) {
        staysFiniteAtPlusMinus1000(name, f, atMinus1000, atPlus1000);
    }

    static Stream<Arguments> atPlusMinus1000OfGelu() {
        return atPlusMinus1000().filter(a -> String.valueOf(a.get()[0]).matches("gelu|geluDerivative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atPlusMinus1000OfGeluTanh")
    @Tag("ex07.geluTanh")
    void geluTanhStaysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000, double atPlus1000) {
        staysFiniteAtPlusMinus1000(name, f, atMinus1000, atPlus1000);
    }

    static Stream<Arguments> atPlusMinus1000OfGeluTanh() {
        return atPlusMinus1000().filter(a -> String.valueOf(a.get()[0]).equals("geluTanh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atPlusMinus1000OfSwish")
    @Tag("ex07.swish")
    void swishStaysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000, double atPlus1000) {
        staysFiniteAtPlusMinus1000(name, f, atMinus1000, atPlus1000);
    }

    static Stream<Arguments> atPlusMinus1000OfSwish() {
        return atPlusMinus1000().filter(a -> String.valueOf(a.get()[0]).matches("silu|swish,.*|swishDerivative,.*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atPlusMinus1000OfSwishBeta")
    @Tag("ex07.swishBeta")
    void swishBetaStaysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000,
                       double atPlus1000) {
        staysFiniteAtPlusMinus1000(name, f, atMinus1000, atPlus1000);
    }

    static Stream<Arguments> atPlusMinus1000OfSwishBeta() {
        return atPlusMinus1000().filter(a -> String.valueOf(a.get()[0]).startsWith("swishBetaGradient"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atPlusMinus1000OfMish")
    @Tag("ex07.mish")
    void mishStaysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000, double atPlus1000) {
        staysFiniteAtPlusMinus1000(name, f, atMinus1000, atPlus1000);
    }

    static Stream<Arguments> atPlusMinus1000OfMish() {
        return atPlusMinus1000().filter(a -> String.valueOf(a.get()[0]).startsWith("mish"));
    }

    private void staysFiniteAtPlusMinus1000(String name, DoubleUnaryOperator f, double atMinus1000, double atPlus1000) {
        assertThat(f.applyAsDouble(-1000)).as("%s(-1000) should be %s; NaN usually means exp(1000) overflowed and "
                + "met a 0 or another Infinity", name, atMinus1000).isCloseTo(atMinus1000, within(1e-12));
        assertThat(f.applyAsDouble(1000)).as("%s(1000) should be %s; NaN usually means exp(1000) overflowed and "
                + "met a 0 or another Infinity", name, atPlus1000).isCloseTo(atPlus1000, within(1e-12));
    }

    // ---- your own activation: the four properties of the class comment ----

    @Test
    @Tag("ex07.custom")
    void customActivationIsNonLinear() {
        double f0 = customActivation(0);
        double f1 = customActivation(1);
        double largestGap = 0;
        for (int k = -500; k <= 500; k++) {
            double x = k * 0.01;
            largestGap = Math.max(largestGap, Math.abs(customActivation(x) - (f0 + x * (f1 - f0))));
        }
        assertThat(largestGap).as("on [-5, 5] your activation should stray by more than 0.01 from the straight line "
                + "through (0, f(0)) and (1, f(1)); a straight line cannot make a deep network more than linear")
                .isGreaterThan(0.01);
    }

    /** Where hand-made kinks hide: a grid over [-20, 20] plus points hugging 0, +-1 and +-2; and the far tails. */
    private static DoubleStream differentiabilityGrid() {
        DoubleStream grid = DoubleStream.iterate(-20, x -> x <= 20, x -> x + 0.25);
        DoubleStream hugging = DoubleStream.of(0, 1, -1, 2, -2)
                .flatMap(c -> DoubleStream.of(1e-7, 1e-4, 1e-2).flatMap(d -> DoubleStream.of(c - d, c + d)));
        return DoubleStream.concat(DoubleStream.concat(grid, hugging), DoubleStream.of(50, -50, 1e3, -1e3, 1e6, -1e6));
    }

    @Test
    @Tag("ex07.custom")
    void customActivationIsDifferentiableWithTheGivenDerivative() {
        // generous on purpose: a design may bend sharply (h^2 |f'''| / 6 stays below 1e-4 for |f'''| up to 6e6),
        // and a join of matching slopes (C1, a jump in f'') costs only about h |jump| / 4; a kink costs 0.1 or more.
        // Far out the step grows with |x| (h = 1e-5 |x|) so that rounding, eps |f| / h, stays near 1e-11.
        double tolerance = 1e-4;
        differentiabilityGrid().forEach(x -> {
            double h = H * Math.max(1, Math.abs(x));
            double numeric = (customActivation(x + h) - customActivation(x - h)) / (2 * h);
            double derivative = customActivationDerivative(x);
            assertThat(customActivation(x)).as("your activation at %s should be a finite number", x).isFinite();
            assertThat(derivative)
                    .as("your derivative at %s should match the slope of your activation there (central difference, "
                            + "h = %s); a mismatch means a kink at or near %s, a derivative that does not belong to "
                            + "the function, or values that lose their digits far out", x, h, x)
                    .isCloseTo(numeric, within(tolerance * Math.max(1, Math.abs(derivative))));
        });
    }

    @Test
    @Tag("ex07.custom")
    void customActivationHasNoVanishingGradientForNonNegativeInputs() {
        DoubleStream near = DoubleStream.iterate(0, x -> x <= 20, x -> x + 0.125);
        DoubleStream far = DoubleStream.iterate(20, x -> x <= 1e6, x -> x * 1.5);
        DoubleStream.concat(DoubleStream.concat(DoubleStream.of(1e-8, 1e6), near), far).forEach(x ->
                assertThat(customActivationDerivative(x))
                        .as("your derivative at x = %s should be at least 0.01 (no vanishing gradient for x >= 0); "
                                + "sigmoid- or tanh-like curves flatten out on the right", x)
                        .isFinite().isGreaterThanOrEqualTo(0.01));
        assertThat(customActivation(1e6)).as("your activation at 1e6 should be a finite number").isFinite();
    }

    @Test
    @Tag("ex07.custom")
    void customActivationIsBoundedBelow() {
        double nearMin = DoubleStream.iterate(0, x -> x >= -1000, x -> x - 0.5)
                .map(Ex07SmoothActivations::customActivation).min().orElseThrow();
        double farMin = Double.POSITIVE_INFINITY;
        for (double x : DoubleStream.concat(DoubleStream.iterate(-1000, x -> x > -1e6, x -> x * 1.25),
                DoubleStream.of(-1e6)).toArray()) {
            double value = customActivation(x);
            assertThat(value).as("your activation at %s should be a finite number", x).isFinite();
            farMin = Math.min(farMin, value);
        }
        assertThat(nearMin).as("your activation should be a finite number on [-1000, 0]").isFinite();
        assertThat(farMin)
                .as("your activation should level off on the left: its lowest value on [-1e6, -1000] should be within "
                        + "0.01 of its lowest value on [-1000, 0], which is %s; a leaky slope, however small, keeps "
                        + "falling", nearMin)
                .isGreaterThanOrEqualTo(nearMin - 0.01);
    }
}
