package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Engine: the whole network's gradient equals central differences of its loss")
class GradientCheckTest {
    /** Central-difference step. */
    private static final double H = 1e-5;
    /**
     * The central difference has a truncation error of about h^2 |L'''| / 6 (1e-10 for third derivatives of order
     * 1) and a rounding error of about eps |L| / h (1e-11 at eps = 1.1e-16 and a loss of order 1), so a correct
     * gradient agrees to about 1e-9 absolute. We allow 1e-6 relative plus 1e-8 absolute (for entries near 0):
     * a wrong sign, a missing factor or a transposed product are off by far more than that.
     */
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-8;

    static Stream<Nonlinearity> activations() {
        List<Nonlinearity> all = new ArrayList<>();
        for (var a : Activations.all()) {
            all.add(Nonlinearity.of(a));
        }
        all.add(Nonlinearity.trainableSwish(1.3));
        all.add(Nonlinearity.builtinRelu());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyWeightBiasAndBetaMatchesCentralDifferences(Nonlinearity hidden) {
        SplittableRandom random = new SplittableRandom(42);
        check(Network.classifier(new int[] {4, 5, 3, 3}, hidden, Scheme.XAVIER, random), Matrices.gaussian(6, 4, random),
                new int[] {0, 1, 2, 2, 1, 0}, hidden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void aSingleLogisticOutputToo(Nonlinearity hidden) {
        SplittableRandom random = new SplittableRandom(43);
        check(Network.classifier(new int[] {2, 4, 1}, hidden, Scheme.HE, random), Matrices.gaussian(5, 2, random),
                new int[] {0, 1, 1, 0, 1}, hidden);
    }

    private static void check(Network net, double[][] x, int[] labels, Nonlinearity hidden) {
        Network.Gradients g = net.gradient(x, labels);
        for (int l = 0; l < net.depth(); l++) {
            double[][] w = net.weights(l);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    double[] row = w[i];
                    int col = j;
                    expectClose(g.dW()[l][i][j], numeric(net, x, labels, v -> row[col] = v, row[col]),
                            hidden.name() + " dW layer " + l + " [" + i + "][" + j + "]");
                }
            }
            double[] b = net.bias(l);
            for (int j = 0; j < b.length; j++) {
                int col = j;
                expectClose(g.db()[l][j], numeric(net, x, labels, v -> b[col] = v, b[col]),
                        hidden.name() + " db layer " + l + " [" + j + "]");
            }
            Nonlinearity act = net.activation(l);
            if (act.trainable()) {
                expectClose(g.dBeta()[l], numeric(net, x, labels, act::beta, act.beta()),
                        "dL/dbeta of layer " + l);
            }
        }
    }

    private interface Setter {
        void set(double value);
    }

    private static double numeric(Network net, double[][] x, int[] labels, Setter setter, double saved) {
        setter.set(saved + H);
        double up = net.loss(x, labels);
        setter.set(saved - H);
        double down = net.loss(x, labels);
        setter.set(saved);
        return (up - down) / (2 * H);
    }

    private static void expectClose(double analytic, double numeric, String what) {
        assertThat(Math.abs(analytic - numeric))
                .as("%s: backward pass gives %s, central differences %s; a gap this large usually means one of "
                        + "dZ = act'(Z) * dA, dW = X^T dZ, dX = dZ W^T is mistyped", what, analytic, numeric)
                .isLessThanOrEqualTo(RELATIVE * (Math.abs(analytic) + Math.abs(numeric)) + ABSOLUTE);
    }
}
