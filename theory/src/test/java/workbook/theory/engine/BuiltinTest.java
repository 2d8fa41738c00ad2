package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.exercises.Ex07SmoothActivations;
import workbook.exercises.Ex10Propagation.Activation;

/** The engine's built-in activations are the reference solutions' functions, in double and in float. */
class BuiltinTest {
    /** The solutions behind each built-in activation. */
    private static Activation solution(Builtin kind) {
        return switch (kind) {
            case RELU -> Activations.RELU;
            case LEAKY_RELU -> Activations.LEAKY_RELU;
            case SIGMOID -> Activations.SIGMOID;
            case TANH -> Activations.TANH;
            case SWISH -> Activations.SILU;
            case MISH -> Activations.MISH;
        };
    }

    /** Every quarter from -40 to 40, the kinks at 0 and just beside it, and inputs far out in both tails. */
    private static List<Double> inputs() {
        List<Double> z = new ArrayList<>();
        for (int k = -160; k <= 160; k++) {
            z.add(k / 4.0);
        }
        z.addAll(List.of(1e-3, -1e-3, 1e-7, -1e-7, 87.0, -87.0, 100.0, -100.0));
        return z;
    }

    @Test
    void theScalarFormsAreTheSolutionsInDouble() {
        for (Builtin kind : Builtin.values()) {
            Activation reference = solution(kind);
            for (double z : inputs()) {
                // different but stable formulas of the same function: a few ulps apart, so 1e-13 relative to
                // max(1, |value|) (the slopes' differences of O(1) terms are absolute, not relative)
                double value = reference.f().applyAsDouble(z);
                assertThat(kind.value(z)).as("%s(%s)", kind, z).isCloseTo(value, within(1e-13 * Math.max(1, Math.abs(value))));
                double slope = reference.derivative().applyAsDouble(z);
                assertThat(kind.slope(z)).as("%s'(%s)", kind, z).isCloseTo(slope, within(1e-13 * Math.max(1, Math.abs(slope))));
            }
        }
    }

    @Test
    void everyKernelComputesThemToFloatPrecisionAndLeavesThePaddingZero() {
        List<Double> inputs = inputs();
        int n = inputs.size();
        int stride = Gemm.padded(n);
        for (Gemm kernel : List.of(Gemm.plain(), Gemm.best())) {
            for (Builtin kind : Builtin.values()) {
                float[] z = new float[stride];
                float[] bias = new float[stride];
                for (int j = 0; j < n; j++) { // half of each input in z, half in the bias: the kernel adds them
                    z[j] = (float) (inputs.get(j) / 2);
                    bias[j] = (float) (inputs.get(j) - z[j]);
                }
                float[] a = new float[stride];
                float[] slopes = new float[stride];
                java.util.Arrays.fill(a, n, stride, 7f); // the padding must come back 0
                java.util.Arrays.fill(slopes, n, stride, 7f);
                kernel.activate(kind, 1f, z, bias, a, slopes, 0, 1, n, stride);
                for (int j = 0; j < n; j++) {
                    double x = z[j]; // the float input the kernel saw
                    // float's unit roundoff is 6e-8; each activation is a handful of float operations (exp, tanh,
                    // log1p within a few ulps each), so 2e-6 relative to max(1, |ref|) bounds the rounding with room
                    double value = kind.value(x);
                    double slope = kind.slope(x);
                    assertThat((double) a[j]).as("%s %s(%s)", kernel, kind, x)
                            .isCloseTo(value, within(2e-6 * Math.max(1, Math.abs(value))));
                    assertThat((double) slopes[j]).as("%s %s'(%s)", kernel, kind, x)
                            .isCloseTo(slope, within(2e-6 * Math.max(1, Math.abs(slope))));
                }
                for (int j = n; j < stride; j++) {
                    assertThat(a[j]).as("%s %s: padding of a", kernel, kind).isZero();
                    assertThat(slopes[j]).as("%s %s: padding of the slopes", kernel, kind).isZero();
                }
            }
        }
    }

    private static final double[] BETAS = {0.25, 1, 1.7, 3};

    @Test
    void theTrainableSwishFormsAreEx07sSolutionInDouble() {
        for (double beta : BETAS) {
            for (double z : inputs()) {
                // as above: a few ulps apart, 1e-13 relative to max(1, |value|)
                double value = Ex07SmoothActivations.swish(z, beta);
                assertThat(Builtin.swish(z, beta)).as("swish(%s, %s)", z, beta)
                        .isCloseTo(value, within(1e-13 * Math.max(1, Math.abs(value))));
                double slope = Ex07SmoothActivations.swishDerivative(z, beta);
                assertThat(Builtin.swishSlope(z, beta)).as("swish'(%s, %s)", z, beta)
                        .isCloseTo(slope, within(1e-13 * Math.max(1, Math.abs(slope))));
                double betaSlope = Ex07SmoothActivations.swishBetaGradient(z, beta);
                assertThat(Builtin.swishBetaSlope(z, beta)).as("d swish / d beta (%s, %s)", z, beta)
                        .isCloseTo(betaSlope, within(1e-13 * Math.max(1, Math.abs(betaSlope))));
                Nonlinearity builtin = Nonlinearity.builtinTrainableSwish(beta);
                Nonlinearity perEntry = Nonlinearity.trainableSwish(beta);
                assertThat(builtin.betaSlope(z)).isCloseTo(perEntry.betaSlope(z),
                        within(1e-13 * Math.max(1, Math.abs(betaSlope))));
            }
        }
    }

    @Test
    void everyKernelComputesATrainableSwishAndItsBetaGradientToFloatPrecision() {
        List<Double> inputs = inputs();
        int n = inputs.size();
        int stride = Gemm.padded(n);
        for (Gemm kernel : List.of(Gemm.plain(), Gemm.best())) {
            for (double beta : BETAS) {
                float[] z = new float[2 * stride];
                float[] dA = new float[2 * stride];
                for (int j = 0; j < n; j++) { // two rows: the inputs, and the inputs reversed
                    z[j] = (float) (double) inputs.get(j);
                    z[stride + j] = (float) (double) inputs.get(n - 1 - j);
                    dA[j] = (float) Math.cos(j);
                    dA[stride + j] = (float) Math.sin(j);
                }
                float[] pre = z.clone();
                float[] a = new float[2 * stride];
                float[] slopes = new float[2 * stride];
                kernel.activate(Builtin.SWISH, (float) beta, z, new float[stride], a, slopes, 0, 2, n, stride);
                double[] rows = new double[2];
                kernel.swishBetaRows((float) beta, z, dA, rows, 0, 2, n, stride);
                for (int i = 0; i < 2; i++) {
                    double sum = 0;
                    double size = 0;
                    for (int at = i * stride; at < i * stride + n; at++) {
                        double x = pre[at];
                        // one value and one slope: a few float operations each, as for the fixed activations
                        assertThat((double) a[at]).as("%s swish(%s, %s)", kernel, x, beta).isCloseTo(Builtin.swish(x,
                                beta), within(2e-6 * Math.max(1, Math.abs(Builtin.swish(x, beta)))));
                        assertThat((double) slopes[at]).as("%s swish'(%s, %s)", kernel, x, beta).isCloseTo(
                                Builtin.swishSlope(x, beta), within(2e-6 * Math.max(1, Math.abs(Builtin.swishSlope(x,
                                beta)))));
                        double term = dA[at] * Builtin.swishBetaSlope(x, beta);
                        sum += term;
                        size += Math.abs(term);
                    }
                    // each term is a few float operations (about 1e-6 relative), and a float sum of n terms errs by
                    // at most about n * 6e-8 of the sum of their sizes: 4e-5 of that sum covers both for n = 329
                    assertThat(rows[i]).as("%s: row %d's share of dL/dbeta at beta %s", kernel, i, beta)
                            .isCloseTo(sum, within(4e-5 * size));
                }
            }
        }
    }

    @Test
    void aBuiltinNonlinearityIsTheSameFunctionInTheDoubleNetwork() {
        for (Builtin kind : Builtin.values()) {
            Nonlinearity unit = Nonlinearity.builtin(kind);
            assertThat(unit.value(1.5)).isEqualTo(kind.value(1.5));
            assertThat(unit.slope(-2.5)).isEqualTo(kind.slope(-2.5));
            assertThat(unit.name()).isEqualTo(kind.label());
        }
    }
}
