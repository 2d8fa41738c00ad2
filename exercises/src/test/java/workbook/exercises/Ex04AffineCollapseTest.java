package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex04AffineCollapse.collapse;
import static workbook.exercises.Ex04AffineCollapse.minimaxLineForSquare;
import static workbook.exercises.Ex04AffineCollapse.reluApproximationOfSquare;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import workbook.exercises.Ex04AffineCollapse.Affine;
import workbook.exercises.Ex04AffineCollapse.Line;
import workbook.exercises.Ex04AffineCollapse.ReluNet;

@Tag("ex04")
@DisplayName("Ex04 · Affine collapse and ReLU expressiveness")
class Ex04AffineCollapseTest {
    /**
     * Entries in [-2, 2] and sizes up to 6: each result is a sum of at most 42 products below 4, so two summation
     * orders differ by far less than 42 * 4 * 2^-52 = 4e-14.
     */
    private static final double SUMS = 1e-12;
    /** The error of a line or a ReLU net against x^2 is a handful of operations on numbers near 1. */
    private static final double ROUNDING = 1e-14;
    /** The sup error is measured at 10^4 + 1 equally spaced points of [0, 1] (plus the net's own knots). */
    private static final int GRID_STEPS = 10_000;
    /**
     * How far the true sup of |x^2 - net(x)| can exceed its largest value on the grid. Between two neighbouring
     * points of the grid and the knots the net is affine, so e(x) = x^2 - net(x) has e'' = 2 there: its maximum
     * sits at an end point, and its minimum lies below the chord by at most (step)^2 / 4 = 2.5e-9.
     */
    private static final double GRID_SLACK = 0.25 / ((double) GRID_STEPS * GRID_STEPS) + ROUNDING;

    // ---------------------------------------------------------------- collapse

    @Test
    @Tag("ex04.collapse")
    void collapseReproducesTheCourseExample() {
        double[][] w1 = {{1, 2}, {0, 1}};
        double[][] w2 = {{2, 0}, {1, 1}};
        Affine affine = collapse(w1, new double[] {1, -1}, w2, new double[] {0.5, 0.5});
        // by hand: W2 W1 = [[2*1 + 0*0, 2*2 + 0*1], [1*1 + 1*0, 1*2 + 1*1]] = [[2, 4], [1, 3]],
        // W2 b1 + b2 = [2*1 + 0*(-1), 1*1 + 1*(-1)] + [0.5, 0.5] = [2.5, 0.5]
        assertThat(affine.a()).as("A should be W2 W1; W1 W2 = [[4, 2], [1, 1]] here, a common mix-up")
                .isDeepEqualTo(new double[][] {{2, 4}, {1, 3}});
        assertThat(affine.c()).as("c should be W2 b1 + b2; forgetting b2 or multiplying b1 by W1 are common slips")
                .containsExactly(2.5, 0.5);
    }

    @Test
    @Tag("ex04.collapse")
    void collapseMatchesTheTwoLayerComputationOnRandomShapes() {
        SplittableRandom random = new SplittableRandom(404);
        for (int trial = 0; trial < 60; trial++) {
            int in = random.nextInt(1, 7);
            int hidden = random.nextInt(1, 7);
            int out = random.nextInt(1, 7);
            double[][] w1 = randomMatrix(random, hidden, in);
            double[] b1 = randomVector(random, hidden);
            double[][] w2 = randomMatrix(random, out, hidden);
            double[] b2 = randomVector(random, out);
            double[][] w1Copy = deepCopy(w1);
            double[][] w2Copy = deepCopy(w2);
            double[] b1Copy = b1.clone();
            double[] b2Copy = b2.clone();

            Affine affine = collapse(w1, b1, w2, b2);

            String shapes = String.format("in = %d, hidden = %d, out = %d", in, hidden, out);
            assertThat(affine.a().length).as("A should have one row per output (%s)", shapes).isEqualTo(out);
            assertThat(affine.a()[0].length).as("A should have one column per input (%s)", shapes).isEqualTo(in);
            assertThat(affine.c()).as("c should have one entry per output (%s)", shapes).hasSize(out);
            for (int probe = 0; probe < 3; probe++) {
                double[] x = randomVector(random, in);
                double[] expected = layer(w2, layer(w1, x, b1), b2);
                double[] byComponents = layer(affine.a(), x, affine.c());
                for (int i = 0; i < out; i++) {
                    assertThat(byComponents[i])
                            .as("(A x + c)[%d] should equal (W2 (W1 x + b1) + b2)[%d] for %s; a mismatch usually "
                                    + "means a transposed index or a missing bias term", i, i, shapes)
                            .isCloseTo(expected[i], within(SUMS));
                }
                assertThat(affine.apply(x)).as("Affine.apply should agree with A x + c").containsExactly(
                        byComponents, within(SUMS));
            }
            assertThat(w1).as("collapse should not modify w1").isDeepEqualTo(w1Copy);
            assertThat(w2).as("collapse should not modify w2").isDeepEqualTo(w2Copy);
            assertThat(b1).as("collapse should not modify b1").containsExactly(b1Copy);
            assertThat(b2).as("collapse should not modify b2").containsExactly(b2Copy);
        }
    }

    static Stream<Arguments> badShapes() {
        double[][] w1 = {{1, 2, 3}, {4, 5, 6}}; // hidden = 2, in = 3
        double[] b1 = {1, 2};
        double[][] w2 = {{1, 1}}; // out = 1
        double[] b2 = {0};
        return Stream.of(
                Arguments.of("b1 shorter than the rows of w1", w1, new double[] {1}, w2, b2, "b1"),
                Arguments.of("b1 null", w1, null, w2, b2, "b1"),
                Arguments.of("w2 with 3 columns for 2 hidden units", w1, b1, new double[][] {{1, 1, 1}}, b2, "w2"),
                Arguments.of("w2 as [hidden][out] instead of [out][hidden]", w1, b1, new double[][] {{1}, {1}}, b2,
                        "w2"),
                Arguments.of("b2 longer than the rows of w2", w1, b1, w2, new double[] {0, 0}, "b2"),
                Arguments.of("b2 null", w1, b1, w2, null, "b2"),
                Arguments.of("ragged w1", new double[][] {{1, 2, 3}, {4, 5}}, b1, w2, b2, "w1"),
                Arguments.of("ragged w2", w1, b1, new double[][] {{1, 1}, {1}}, new double[] {0, 0}, "w2"),
                Arguments.of("w1 without rows", new double[0][], new double[0], w2, b2, "w1"),
                Arguments.of("w1 without columns", new double[2][0], b1, w2, b2, "w1"),
                Arguments.of("w1 with a null row", new double[][] {{1, 2, 3}, null}, b1, w2, b2, "w1"),
                Arguments.of("w1 null", null, b1, w2, b2, "w1"),
                Arguments.of("w2 without rows", w1, b1, new double[0][], new double[0], "w2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShapes")
    @Tag("ex04.collapse")
    void collapseRejectsShapesThatDoNotChain(String label, double[][] w1, double[] b1, double[][] w2, double[] b2,
            String culprit) {
        assertThatIllegalArgumentException()
                .as("collapse should reject %s with an IllegalArgumentException naming %s; an "
                        + "ArrayIndexOutOfBoundsException means the shapes were not checked before the loops",
                        label, culprit)
                .isThrownBy(() -> collapse(w1, b1, w2, b2))
                .withMessageContaining(culprit);
    }

    @Test
    @Tag("ex04.collapse")
    void collapsedMapRejectsAnInputOfTheWrongLengthAndTheRecordChecksItsShape() {
        Affine affine = collapse(new double[][] {{1, 2, 3}}, new double[] {0}, new double[][] {{2}, {3}},
                new double[] {1, 1});
        assertThatIllegalArgumentException()
                .as("a map with 3 inputs should reject x of length 2").isThrownBy(() -> affine.apply(new double[2]));
        assertThatIllegalArgumentException()
                .as("a map should reject a null x").isThrownBy(() -> affine.apply(null));
        assertThatIllegalArgumentException()
                .as("Affine should reject c whose length differs from the rows of a")
                .isThrownBy(() -> new Affine(affine.a(), new double[3]));
        assertThatIllegalArgumentException()
                .as("Affine should reject a ragged a").isThrownBy(() -> new Affine(new double[][] {{1, 2}, {3}}, new double[2]));
        assertThatIllegalArgumentException()
                .as("Affine should reject a null row").isThrownBy(() -> new Affine(new double[][] {{1, 2}, null}, new double[2]));
        assertThatIllegalArgumentException()
                .as("Affine should reject an empty a").isThrownBy(() -> new Affine(new double[0][], new double[0]));
        assertThatIllegalArgumentException()
                .as("Affine should reject a null a").isThrownBy(() -> new Affine(null, new double[0]));
        assertThatIllegalArgumentException()
                .as("Affine should reject a null c").isThrownBy(() -> new Affine(affine.a(), null));
    }

    // ---------------------------------------------------------------- ReLU approximation of x^2

    @ParameterizedTest(name = "tolerance = {0}")
    @ValueSource(doubles = {0.04, 0.01, 1e-3, 1e-4})
    @Tag("ex04.reluApproximation")
    void reluNetStaysWithinTheToleranceOfTheSquareOnTheUnitInterval(double tolerance) {
        ReluNet net = reluApproximationOfSquare(tolerance);
        assertThat(supErrorAgainstSquare(net))
                .as("max |net(x) - x^2| over [0, 1] should be at most %s; the error of a polyline through "
                        + "points of x^2 is largest in the middle of each piece, not at the knots", tolerance)
                .isLessThanOrEqualTo(tolerance + GRID_SLACK);
    }

    @ParameterizedTest(name = "tolerance = {0}")
    @ValueSource(doubles = {0.04, 0.01, 1e-3, 1e-4})
    @Tag("ex04.reluApproximation")
    void reluNetUsesNoMoreUnitsThanTheInterpolatingPolyline(double tolerance) {
        // the polyline through k + 1 equally spaced points of x^2 is off by 1/(4k^2) at most: k = ceil(1/(2 sqrt tol))
        int bound = (int) Math.ceil(1 / (2 * Math.sqrt(tolerance)));
        assertThat(reluApproximationOfSquare(tolerance).hiddenUnits())
                .as("for tolerance %s a net with k equal pieces needs at most %d hidden units; more means pieces "
                        + "that are narrower than needed, fewer than 1 is no network", tolerance, bound)
                .isBetween(1, bound);
    }

    @ParameterizedTest(name = "tolerance = {0}")
    @ValueSource(doubles = {0.125, 0.5, 3, 1e6})
    @Tag("ex04.reluApproximation")
    void generousToleranceStillGetsOneSmallNet(double tolerance) {
        ReluNet net = reluApproximationOfSquare(tolerance);
        assertThat(net.hiddenUnits()).as("tolerance %s should get between 1 and ceil(1/(2 sqrt(tol))) units",
                tolerance).isBetween(1, (int) Math.ceil(1 / (2 * Math.sqrt(tolerance))));
        assertThat(supErrorAgainstSquare(net)).as("max |net(x) - x^2| over [0, 1] should be within %s", tolerance)
                .isLessThanOrEqualTo(tolerance + GRID_SLACK);
    }

    @Test
    @Tag("ex04.reluApproximation")
    void smallestAcceptedToleranceStillGetsABoundedNet() {
        double tolerance = Ex04AffineCollapse.MIN_TOLERANCE;
        // only the size is checked here: evaluating 10^4 points through some 3.5e5 units would be too slow
        assertThat(reluApproximationOfSquare(tolerance).hiddenUnits())
                .as("tolerance MIN_TOLERANCE = %s should be accepted with at most ceil(1/(2 sqrt(tol))) units",
                        tolerance)
                .isBetween(1, (int) Math.ceil(1 / (2 * Math.sqrt(tolerance))));
    }

    @ParameterizedTest(name = "tolerance = {0}")
    @ValueSource(doubles = {0, -0.0, -0.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-13,
            Double.MIN_VALUE})
    @Tag("ex04.reluApproximation")
    void reluApproximationRejectsToleranceThatIsNotPositiveFiniteAndAchievable(double tolerance) {
        assertThatIllegalArgumentException()
                .as("tolerance %s should be rejected with an IllegalArgumentException that names the tolerance "
                        + "(it must be positive, finite and at least MIN_TOLERANCE)", tolerance)
                .isThrownBy(() -> reluApproximationOfSquare(tolerance))
                .withMessageContaining("tolerance");
    }

    @Test
    @Tag("ex04.reluApproximation")
    void reluNetRecordChecksThatItsArraysHaveOneEntryPerUnit() {
        ReluNet net = reluApproximationOfSquare(0.01);
        int units = net.hiddenUnits();
        assertThat(net.w1()).as("w1 should have one entry per hidden unit").hasSize(units);
        assertThatIllegalArgumentException()
                .as("ReluNet should reject b1 of another length").isThrownBy(() -> new ReluNet(net.w1(), new double[units + 1], net.w2(), 0));
        assertThatIllegalArgumentException()
                .as("ReluNet should reject w2 of another length").isThrownBy(() -> new ReluNet(net.w1(), net.b1(), new double[units + 1], 0));
        assertThatIllegalArgumentException()
                .as("ReluNet should reject a null w1").isThrownBy(() -> new ReluNet(null, net.b1(), net.w2(), 0));
        assertThatIllegalArgumentException()
                .as("ReluNet should reject a null b1").isThrownBy(() -> new ReluNet(net.w1(), null, net.w2(), 0));
        assertThatIllegalArgumentException()
                .as("ReluNet should reject a null w2").isThrownBy(() -> new ReluNet(net.w1(), net.b1(), null, 0));
    }

    // ---------------------------------------------------------------- the best line

    @Test
    @Tag("ex04.minimaxLine")
    void minimaxLineErrorEquioscillatesAtZeroHalfAndOne() {
        Line line = minimaxLineForSquare();
        double[] points = {0, 0.5, 1};
        double[] signs = {+1, -1, +1};
        for (int i = 0; i < points.length; i++) {
            double x = points[i];
            assertThat(x * x - line.evaluate(x))
                    .as("x^2 - line(x) at x = %s should be %s1/8: the best line touches the worst error three times "
                            + "with alternating signs", x, signs[i] > 0 ? "+" : "-")
                    .isCloseTo(signs[i] / 8, within(ROUNDING));
        }
    }

    @Test
    @Tag("ex04.minimaxLine")
    void minimaxLineIsOffByExactlyOneEighthAtWorst() {
        assertThat(supErrorAgainstSquare(minimaxLineForSquare()))
                .as("the best line is off by 1/8 at worst on [0, 1], far above 0.04: a net with identity "
                        + "activations is one affine map and cannot do better")
                .isCloseTo(0.125, within(GRID_SLACK));
    }

    @Test
    @Tag("ex04.minimaxLine")
    void noNearbyLineDoesBetter() {
        Line best = minimaxLineForSquare();
        double bestWorst = supErrorAgainstSquare(best);
        double[] moves = {-0.05, -0.01, -1e-4, 0, 1e-4, 0.01, 0.05};
        for (double ds : moves) {
            for (double di : moves) {
                if (ds == 0 && di == 0) {
                    continue;
                }
                Line other = new Line(best.slope() + ds, best.intercept() + di);
                // the worst error of a line is a convex function of (slope, intercept) with a unique minimum, and
                // it grows at least linearly away from it: a move of 1e-4 already costs more than 2e-5
                assertThat(supErrorAgainstSquare(other))
                        .as("moving the slope by %s and the intercept by %s should make the worst error on [0, 1] "
                                + "larger than that of the returned line (%s); if it does not, the returned line "
                                + "is not the best one", ds, di, bestWorst)
                        .isGreaterThan(bestWorst);
            }
        }
    }

    // ---------------------------------------------------------------- helpers (independent of the exercise)

    /** Largest |x^2 - line(x)| over the grid; see {@link #GRID_SLACK}. */
    private static double supErrorAgainstSquare(Line line) {
        double worst = 0;
        for (int s = 0; s <= GRID_STEPS; s++) {
            double x = (double) s / GRID_STEPS;
            worst = Math.max(worst, Math.abs(x * x - line.evaluate(x)));
        }
        return worst;
    }

    /** Largest |net(x) - x^2| over the grid and the net's knots in [0, 1]; see {@link #GRID_SLACK}. */
    private static double supErrorAgainstSquare(ReluNet net) {
        double worst = 0;
        for (int s = 0; s <= GRID_STEPS; s++) {
            double x = (double) s / GRID_STEPS;
            worst = Math.max(worst, Math.abs(net.evaluate(x) - x * x));
        }
        for (int j = 0; j < net.hiddenUnits(); j++) {
            double knot = -net.b1()[j] / net.w1()[j];
            if (knot >= 0 && knot <= 1) {
                worst = Math.max(worst, Math.abs(net.evaluate(knot) - knot * knot));
            }
        }
        return worst;
    }

    private static double[] layer(double[][] w, double[] x, double[] b) {
        double[] y = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double sum = b[i];
            for (int j = 0; j < x.length; j++) {
                sum += w[i][j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }

    private static double[][] randomMatrix(SplittableRandom random, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = randomVector(random, cols);
        }
        return m;
    }

    private static double[] randomVector(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            copy[r] = m[r].clone();
        }
        return copy;
    }
}
