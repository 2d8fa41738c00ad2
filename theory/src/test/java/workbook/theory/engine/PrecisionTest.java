package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Engine: the float path agrees with the double path")
class PrecisionTest {
    /**
     * Each gradient entry is a sum of at most rows x width = 37 x 33 products. Float rounding gives each product
     * a relative error of a few eps = 6e-8, and the sum an error of at most about n eps = 1e3 x 6e-8 = 7e-5 of
     * the sum of absolute values; in practice errors partly cancel. We require every entry to lie within 1e-4 of
     * the largest entry of its layer: a padding column leaking in, a wrong stride or a lost row is off by O(1).
     */
    private static final double TOLERANCE = 1e-4;

    static Stream<Gemm> kernels() {
        return Stream.of(Gemm.plain(), Gemm.best());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void forwardAndBackwardAgreeWithTheDoubleNetwork(Gemm kernel) {
        for (Nonlinearity hidden : new Nonlinearity[] {Nonlinearity.of(Activations.TANH), Nonlinearity.trainableSwish(0.7),
                Nonlinearity.builtinRelu(), Nonlinearity.of(Activations.RELU)}) {
            SplittableRandom random = new SplittableRandom(7);
            // widths that are not multiples of 16, so every padded row is exercised
            Network exact = Network.classifier(new int[] {20, 33, 17, 5}, hidden, Scheme.HE, random);
            double[][] x = Matrices.gaussian(37, 20, random);
            int[] labels = new int[37];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = random.nextInt(5);
            }
            Dataset data = Dataset.of(x, labels, 5);
            FastNetwork fast = FastNetwork.of(exact, kernel);

            assertThat(fast.evaluate(data.x(), labels).loss())
                    .as("float loss vs double loss (%s)", kernel.name())
                    .isCloseTo(exact.loss(x, labels), org.assertj.core.data.Offset.offset(1e-5));
            Network.Gradients g64 = exact.gradient(x, labels);
            Network.Gradients g32 = fast.gradient(data.x(), labels);
            for (int l = 0; l < exact.depth(); l++) {
                assertClose(g32.dW()[l], g64.dW()[l], "dW layer " + l + ", " + hidden.name() + ", " + kernel.name());
                assertClose(new double[][] {g32.db()[l]}, new double[][] {g64.db()[l]}, "db layer " + l);
                assertThat(g32.dBeta()[l]).as("dL/dbeta layer %s", l)
                        .isCloseTo(g64.dBeta()[l], org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(g64.dBeta()[l]))));
            }
        }
    }

    @Test
    void theKernelsComputeTheProductAndTheTransposedProduct() {
        SplittableRandom random = new SplittableRandom(3);
        int m = 13;
        int k = 300; // more than one slice of the shared dimension
        int n = 64;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        for (Gemm kernel : kernels().toList()) {
            float[] c = new float[m * n];
            kernel.multiply(a, k, 1, b, n, c, n, m, n, k);
            // A^T read in place: A^T is k x m, and (A^T)^T B' needs B' of m rows: use C as B'
            float[] t = new float[k * n];
            kernel.multiply(a, 1, k, c, n, t, n, k, n, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double exact = 0;
                    for (int p = 0; p < k; p++) {
                        exact += (double) a[i * k + p] * b[p * n + j];
                    }
                    // |error| of a float dot product of length 300 with N(0,1) terms: about sqrt(300) x eps x 1
                    assertThat((double) c[i * n + j]).as("%s C[%s][%s]", kernel.name(), i, j)
                            .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-3));
                }
            }
            for (int p = 0; p < k; p += 37) {
                for (int j = 0; j < n; j += 5) {
                    double exact = 0;
                    for (int i = 0; i < m; i++) {
                        exact += (double) a[i * k + p] * c[i * n + j];
                    }
                    assertThat((double) t[p * n + j]).as("%s (A^T C)[%s][%s]", kernel.name(), p, j)
                            .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(exact))));
                }
            }
        }
    }

    private static void assertClose(double[][] actual, double[][] expected, String what) {
        double largest = 0;
        for (double[] row : expected) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("%s [%s][%s] in float vs double", what, i, j)
                        .isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(TOLERANCE * largest));
            }
        }
    }
}
