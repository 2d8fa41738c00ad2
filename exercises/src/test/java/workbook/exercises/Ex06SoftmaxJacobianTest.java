package workbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static workbook.exercises.Ex06SoftmaxJacobian.crossEntropyGradient;
import static workbook.exercises.Ex06SoftmaxJacobian.crossEntropyLoss;
import static workbook.exercises.Ex06SoftmaxJacobian.jacobian;
import static workbook.exercises.Ex06SoftmaxJacobian.jacobianVectorProduct;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ex06")
@DisplayName("Ex06 · Softmax Jacobian")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // only to run the O(n) check last, see there
class Ex06SoftmaxJacobianTest {
    /** Entries are sums of a few products of numbers in [0, 1]: two correct formulas differ by a few ulps of 1. */
    private static final double ULPS = 1e-15;
    /** Central difference, h = 1e-5: truncation h^2 |s'''| / 6 below 1e-10, rounding eps / h about 2e-11. */
    private static final double FD = 1e-8;
    private static final double H = 1e-5;
    /** Per term of a dot product with |v| <= 10: each of the n rounded terms may be off by a few ulps of 10. */
    private static final double PRODUCT_ULPS = 1e-14;

    /** A stable softmax, independent of the code under test. */
    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = Arrays.stream(z).map(v -> Math.exp(v - max)).toArray();
        double sum = Arrays.stream(p).sum();
        return Arrays.stream(p).map(v -> v / sum).toArray();
    }

    /** The cross-entropy {@code logsumexp(z) - z[label]}, independent of the code under test. */
    private static double loss(double[] z, int label) {
        double max = Arrays.stream(z).max().orElseThrow();
        return max + Math.log(Arrays.stream(z).map(v -> Math.exp(v - max)).sum()) - z[label];
    }

    private static double[] randomLogits(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.doubles(n, -3, 3).toArray();
    }

    static Stream<double[]> logits() {
        return Stream.of(new double[] {0.1, -1.2, 2.3}, new double[] {2, 1, 0.5, -3, 0}, new double[] {0, 0, 0, 0},
                new double[] {4.5}, randomLogits(6, 7));
    }

    /** Strictly positive probability vectors: the softmax of random logits. */
    static Stream<double[]> probabilities() {
        return Stream.of(softmax(new double[] {0.1, -1.2, 2.3}), softmax(randomLogits(61, 4)),
                softmax(randomLogits(62, 9)), softmax(new double[] {0, 0}));
    }

    @ParameterizedTest(name = "z = {0}")
    @MethodSource("logits")
    @Tag("ex06.jacobian")
    void jacobianMatchesCentralDifferencesOfSoftmax(double[] z) {
        int n = z.length;
        double[][] j = jacobian(softmax(z));
        assertThat(j).as("J should be n x n for n = %d classes", n).hasDimensions(n, n);
        for (int col = 0; col < n; col++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[col] += H;
            down[col] -= H;
            double[] sUp = softmax(up);
            double[] sDown = softmax(down);
            for (int row = 0; row < n; row++) {
                assertThat(j[row][col])
                        .as("J[%d][%d] should be d s_%d / d z_%d, the slope of softmax; s_i (1 - s_i) on the diagonal "
                                + "and -s_i s_j off it. A wrong diagonal or a lost minus sign shows here",
                                row, col, row, col)
                        .isCloseTo((sUp[row] - sDown[row]) / (2 * H), within(FD));
            }
        }
    }

    @Test
    @Tag("ex06.jacobian")
    void jacobianOfTheNotebookExample() {
        // by hand: diagonal 0.2 * 0.8, 0.3 * 0.7, 0.5 * 0.5; off the diagonal -0.2 * 0.3, -0.2 * 0.5, -0.3 * 0.5
        double[][] expected = {{0.16, -0.06, -0.10}, {-0.06, 0.21, -0.15}, {-0.10, -0.15, 0.25}};
        double[][] j = jacobian(new double[] {0.2, 0.3, 0.5});
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                assertThat(j[row][col]).as("J[%d][%d] for s = (0.2, 0.3, 0.5)", row, col)
                        .isCloseTo(expected[row][col], within(ULPS));
            }
        }
    }

    @ParameterizedTest(name = "s = {0}")
    @MethodSource("probabilities")
    @Tag("ex06.jacobian")
    void jacobianRowsSumToZeroAndItIsSymmetric(double[] s) {
        double[][] j = jacobian(s);
        for (int row = 0; row < s.length; row++) {
            assertThat(Arrays.stream(j[row]).sum())
                    .as("row %d of J should sum to 0: nudging the logits cannot change the total probability 1", row)
                    .isCloseTo(0.0, within(s.length * ULPS));
            for (int col = 0; col < row; col++) {
                assertThat(j[row][col]).as("J should be symmetric: J[%d][%d] = J[%d][%d] = -s_%d s_%d",
                        row, col, col, row, row, col).isCloseTo(j[col][row], within(ULPS));
            }
        }
    }

    @ParameterizedTest(name = "s = {0}")
    @MethodSource("probabilities")
    @Tag("ex06.jacobian")
    void jacobianIsPositiveSemiDefiniteWithRankNMinusOne(double[] s) {
        double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(jacobian(s))).getRealEigenvalues();
        Arrays.sort(eigenvalues);
        double smallestProbability = Arrays.stream(s).min().orElseThrow();
        assertThat(eigenvalues[0])
                .as("J = diag(s) - s s^T should be positive semi-definite with exactly one zero eigenvalue (the "
                        + "all-ones direction); eigenvalues %s", Arrays.toString(eigenvalues))
                .isCloseTo(0.0, within(1e-14));
        for (int k = 1; k < eigenvalues.length; k++) {
            // interlacing (a rank-one update of diag(s)): the other eigenvalues are at least min(s)
            assertThat(eigenvalues[k])
                    .as("J should have rank n - 1 = %d for a strictly positive s, so its other eigenvalues are "
                            + "at least min(s) = %s; eigenvalues %s", s.length - 1, smallestProbability,
                            Arrays.toString(eigenvalues))
                    .isGreaterThanOrEqualTo(smallestProbability * (1 - 1e-12));
        }
    }

    @Test
    @Tag("ex06.jacobian")
    void jacobianOfASaturatedSoftmaxIsZero() {
        double[][] j = jacobian(new double[] {0, 1, 0});
        for (double[] row : j) {
            assertThat(row).as("for s = (0, 1, 0) every entry of J should be 0: a saturated softmax passes "
                    + "no gradient back").containsExactly(new double[3], within(ULPS));
        }
    }

    @Test
    @Tag("ex06.jacobian")
    void jacobianAcceptsSumsWithinTheStatedTolerance() {
        double nearlyOne = 0.5 * Ex06SoftmaxJacobian.SUM_TOLERANCE;
        double[][] j = jacobian(new double[] {0.25, 0.75 + nearlyOne});
        assertThat(j[0][0]).as("a probability vector that sums to 1 within SUM_TOLERANCE should be accepted")
                .isCloseTo(0.25 * 0.75, within(1e-9));
    }

    static Stream<Arguments> notProbabilityVectors() {
        return Stream.of(Arguments.of("null", null), Arguments.of("empty", new double[0]),
                Arguments.of("negative entry", new double[] {-0.1, 1.1}),
                Arguments.of("entry above 1", new double[] {1.5, -0.25, -0.25}),
                Arguments.of("sums to 0.9", new double[] {0.4, 0.5}),
                Arguments.of("sums to 1 + 1e-6", new double[] {0.5, 0.5 + 1e-6}),
                Arguments.of("NaN entry", new double[] {Double.NaN, 1}),
                Arguments.of("infinite entry", new double[] {Double.POSITIVE_INFINITY, 0.5}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notProbabilityVectors")
    @Tag("ex06.jacobian")
    void jacobianRejectsAVectorThatIsNotAProbabilityVector(String what, double[] s) {
        assertThatIllegalArgumentException()
                .as("jacobian(s) with s %s should throw an IllegalArgumentException that says why", what)
                .isThrownBy(() -> jacobian(s)).withMessageContaining("s must");
        assertThatIllegalArgumentException()
                .as("jacobianVectorProduct(s, v) with s %s should throw an IllegalArgumentException", what)
                .isThrownBy(() -> jacobianVectorProduct(s, new double[] {1, 2})).withMessageContaining("s must");
    }

    @Test
    @Tag("ex06.jacobian")
    void jacobianNamesAnEmptyOrNullArgument() {
        assertThatIllegalArgumentException().as("jacobian(null)")
                .isThrownBy(() -> jacobian(null)).withMessageContaining("null");
        assertThatIllegalArgumentException().as("jacobian of an empty array")
                .isThrownBy(() -> jacobian(new double[0])).withMessageContaining("empty");
    }

    @Test
    @Tag("ex06.jacobianVectorProduct")
    void jacobianVectorProductNamesANullArgument() {
        assertThatIllegalArgumentException().as("jacobianVectorProduct(s, null)")
                .isThrownBy(() -> jacobianVectorProduct(new double[] {1}, null)).withMessageContaining("v must")
                .withMessageContaining("null");
    }

    @Test
    @Tag("ex06.crossEntropyLoss")
    void crossEntropyLossNamesANullArgument() {
        assertThatIllegalArgumentException().as("crossEntropyLoss(null, 0)")
                .isThrownBy(() -> crossEntropyLoss(null, 0)).withMessageContaining("null");
    }

    @Test
    @Tag("ex06.crossEntropyGradient")
    void crossEntropyGradientNamesAnEmptyArgument() {
        assertThatIllegalArgumentException().as("crossEntropyGradient of empty logits")
                .isThrownBy(() -> crossEntropyGradient(new double[0], 0)).withMessageContaining("empty");
    }

    static Stream<Arguments> vectorProducts() {
        SplittableRandom random = new SplittableRandom(66);
        return Stream.of(2, 3, 8, 20).map(n -> Arguments.of(softmax(random.doubles(n, -4, 4).toArray()),
                random.doubles(n, -10, 10).toArray()));
    }

    @ParameterizedTest(name = "s = {0}, v = {1}")
    @MethodSource("vectorProducts")
    @Tag("ex06.jacobianVectorProduct")
    void jacobianVectorProductEqualsTheDenseProduct(double[] s, double[] v) {
        int n = s.length;
        double[] product = jacobianVectorProduct(s, v);
        assertThat(product).as("J v should have n = %d entries", n).hasSize(n);
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int k = 0; k < n; k++) {
                expected += ((i == k ? s[i] : 0) - s[i] * s[k]) * v[k];
            }
            assertThat(product[i])
                    .as("(J v)[%d] should equal row %d of diag(s) - s s^T times v, that is s_i (v_i - s . v)", i, i)
                    .isCloseTo(expected, within(n * PRODUCT_ULPS));
        }
    }

    @Test
    @Tag("ex06.jacobianVectorProduct")
    void jacobianVectorProductRejectsAVectorOfAnotherLength() {
        assertThatIllegalArgumentException()
                .as("v with 3 entries against s with 2 should throw an IllegalArgumentException naming v")
                .isThrownBy(() -> jacobianVectorProduct(new double[] {0.5, 0.5}, new double[] {1, 2, 3})).withMessageContaining("v must");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: a quadratic product times out here, and a timeout skips the checks after it
    @Tag("ex06.jacobianVectorProduct")
    void jacobianVectorProductNeverFormsTheMatrix() {
        int n = 100_000;
        double[] s = new double[n];
        double[] v = new double[n];
        double total = n * (n + 1.0) / 2;
        for (int i = 0; i < n; i++) {
            s[i] = (i + 1) / total;
            v[i] = Math.sin(i);
        }
        double[] product;
        try {
            product = jacobianVectorProduct(s, v);
        } catch (OutOfMemoryError e) {
            product = fail("J v for n = 100,000 should not build the 100,000 x 100,000 Jacobian (80 GB): one dot "
                    + "product s . v is all it takes");
        }
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += s[i] * v[i];
        }
        for (int i = 0; i < n; i += 997) {
            assertThat(product[i]).as("(J v)[%d] for n = 100,000 should be s_i (v_i - s . v)", i)
                    .isCloseTo(s[i] * (v[i] - dot), within(1e-15));
        }
    }

    @ParameterizedTest(name = "z = {0}")
    @MethodSource("logits")
    @Tag("ex06.crossEntropyLoss")
    void crossEntropyLossIsMinusLogSoftmaxOfTheLabel(double[] z) {
        double[] p = softmax(z);
        for (int label = 0; label < z.length; label++) {
            assertThat(crossEntropyLoss(z, label))
                    .as("the loss for label %d should be -log(softmax(z)[%d])", label, label)
                    .isCloseTo(-Math.log(p[label]), within(1e-14 * Math.max(1, -Math.log(p[label]))));
        }
    }

    @Test
    @Tag("ex06.crossEntropyLoss")
    void crossEntropyLossStaysFiniteAtPlusMinus1000() {
        double[] z = {1000, -1000, 0};
        // logsumexp(z) = 1000 + log(1 + e^-2000 + e^-1000), which is 1000 in double
        assertThat(crossEntropyLoss(z, 0)).as("loss(z = (1000, -1000, 0), label 0) should be 0: the right class wins "
                + "by a mile; NaN or Infinity means exp(1000) overflowed: subtract max(z) first")
                .isCloseTo(0.0, within(ULPS));
        assertThat(crossEntropyLoss(z, 1)).as("loss(z = (1000, -1000, 0), label 1) should be 1000 - (-1000) = 2000, "
                + "not Infinity: log(softmax) underflowed to log(0); use logsumexp(z) - z[label]")
                .isCloseTo(2000.0, within(1e-12));
        assertThat(crossEntropyLoss(z, 2)).as("loss(z = (1000, -1000, 0), label 2) should be 1000")
                .isCloseTo(1000.0, within(1e-12));
        assertThat(crossEntropyLoss(new double[] {-1000, -1000}, 1))
                .as("loss(z = (-1000, -1000), label 1) should be log 2; NaN means exp(-1000) underflowed to 0 / 0")
                .isCloseTo(Math.log(2), within(ULPS));
    }

    @ParameterizedTest(name = "shift = {0}")
    @ValueSource(doubles = {-700, -1, 1, 700})
    @Tag("ex06.crossEntropyLoss")
    void crossEntropyLossIgnoresACommonShiftOfTheLogits(double shift) {
        double[] z = {0.3, -2, 1.7, 0.9};
        double[] shifted = Arrays.stream(z).map(v -> v + shift).toArray();
        for (int label = 0; label < z.length; label++) {
            assertThat(crossEntropyLoss(shifted, label))
                    .as("adding %s to every logit should not change the loss for label %d", shift, label)
                    .isCloseTo(loss(z, label), within(1e-12));
        }
    }

    @ParameterizedTest(name = "z = {0}")
    @MethodSource("logits")
    @Tag("ex06.crossEntropyGradient")
    void crossEntropyGradientMatchesCentralDifferencesOfTheLoss(double[] z) {
        int label = z.length - 1;
        double[] gradient = crossEntropyGradient(z, label);
        assertThat(gradient).as("the gradient should have one entry per logit").hasSize(z.length);
        for (int i = 0; i < z.length; i++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[i] += H;
            down[i] -= H;
            assertThat(gradient[i])
                    .as("d loss / d z_%d should match the slope of the loss; it is softmax(z)_%d - [%d == label]",
                            i, i, i)
                    .isCloseTo((loss(up, label) - loss(down, label)) / (2 * H), within(FD));
        }
    }

    @ParameterizedTest(name = "z = {0}")
    @MethodSource("logits")
    @Tag("ex06.crossEntropyGradient")
    void crossEntropyGradientMatchesItsClosedForm(double[] z) {
        double[] p = softmax(z);
        for (int label = 0; label < z.length; label++) {
            double[] gradient = crossEntropyGradient(z, label);
            for (int i = 0; i < z.length; i++) {
                assertThat(gradient[i]).as("for label %d, entry %d of the gradient does not match its closed form (write-up "
                        + "4; java exercises/hints/Hint.java ex06.crossEntropyGradient)", label, i).isCloseTo(p[i] - (i == label ? 1 : 0), within(ULPS));
            }
            assertThat(Arrays.stream(gradient).sum()).as("the gradient's entries should sum to 0 (label %d)", label)
                    .isCloseTo(0.0, within(z.length * ULPS));
        }
    }

    @Test
    @Tag("ex06.crossEntropyGradient")
    void crossEntropyGradientStaysFiniteAtPlusMinus1000() {
        double[] z = {1000, -1000, 0};
        assertThat(crossEntropyGradient(z, 1)).as("gradient for z = (1000, -1000, 0), label 1: softmax = (1, 0, 0), "
                + "so (1, -1, 0); NaN means exp(1000) overflowed")
                .containsExactly(new double[] {1, -1, 0}, within(ULPS));
        assertThat(crossEntropyGradient(z, 0)).as("gradient for z = (1000, -1000, 0), label 0: nothing left to learn")
                .containsExactly(new double[] {0, 0, 0}, within(ULPS));
    }

    static Stream<Arguments> badLogits() {
        return Stream.of(Arguments.of("label -1", new double[] {1, 2}, -1, "label"),
                Arguments.of("label = length", new double[] {1, 2}, 2, "label"),
                Arguments.of("empty logits", new double[0], 0, "logits"),
                Arguments.of("a NaN logit", new double[] {1, Double.NaN}, 0, "logits"),
                Arguments.of("an infinite logit", new double[] {Double.NEGATIVE_INFINITY, 0}, 1, "logits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogits")
    @Tag("ex06.crossEntropyLoss")
    void crossEntropyLossRejectsBadArgumentsNamingThem(String what, double[] z, int label, String name) {
        assertThatIllegalArgumentException()
                .as("crossEntropyLoss with %s should throw an IllegalArgumentException naming %s", what, name)
                .isThrownBy(() -> crossEntropyLoss(z, label)).withMessageContaining(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLogits")
    @Tag("ex06.crossEntropyGradient")
    void crossEntropyGradientRejectsBadArgumentsNamingThem(String what, double[] z, int label, String name) {
        assertThatIllegalArgumentException()
                .as("crossEntropyGradient with %s should throw an IllegalArgumentException naming %s", what, name)
                .isThrownBy(() -> crossEntropyGradient(z, label)).withMessageContaining(name);
    }
}
