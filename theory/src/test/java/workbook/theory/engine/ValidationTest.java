package workbook.theory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Engine: bad input gets an IllegalArgumentException that names the argument and the rule")
class ValidationTest {
    private final Network net = Network.classifier(new int[] {3, 4, 2}, Activations.RELU, Scheme.HE,
            new SplittableRandom(1));
    private final FastNetwork fast = FastNetwork.of(net);

    @Test
    void shapeMismatches() {
        assertThatThrownBy(() -> net.forward(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must have 3 columns");
        assertThatThrownBy(() -> net.forward(new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> fast.trainStep(new float[5], new int[] {0, 1}, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must hold rows x inputs");
        assertThatThrownBy(() -> Matrices.multiply(new double[2][3], new double[2][3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not chain");
        assertThatThrownBy(() -> Network.classifier(new int[] {3}, Activations.RELU, Scheme.HE, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widths");
    }

    @Test
    void activationsAreFoundByNameInAnyCaseAndAnUnknownNameListsTheKnownOnes() {
        assertThat(Activations.named("relu")).isSameAs(Activations.RELU);
        assertThat(Activations.named("Leaky ReLU")).isSameAs(Activations.LEAKY_RELU);
        assertThat(Activations.named("identity")).isSameAs(Activations.IDENTITY);
        assertThatThrownBy(() -> Activations.named("softmax")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must be one of identity, sigmoid, tanh, ReLU").hasMessageEndingWith("got softmax");
    }

    @Test
    void emptyBatches() {
        assertThatThrownBy(() -> net.forward(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must have at least one row");
        assertThatThrownBy(() -> fast.evaluate(new float[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels must not be empty");
        assertThatThrownBy(() -> new Dataset(new float[0], new int[0], 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels must not be empty");
    }

    @ParameterizedTest(name = "label {0}")
    @ValueSource(ints = {-1, 2, 10})
    void labelsOutOfRange(int label) {
        assertThatThrownBy(() -> net.loss(new double[][] {{1, 2, 3}}, new int[] {label}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels must lie in [0, 2)");
        assertThatThrownBy(() -> fast.trainStep(new float[3], new int[] {label}, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels must lie in [0, 2)");
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void learningRatesThatAreNotPositiveAndFinite(double rate) {
        assertThatThrownBy(() -> fast.trainStep(new float[3], new int[] {0}, rate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate must be positive and finite");
        assertThatThrownBy(() -> net.step(net.gradient(new double[][] {{1, 2, 3}}, new int[] {0}), rate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new Trainer.Settings(1, 0, rate, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
    }

    @Test
    void notANumberInputs() {
        assertThatThrownBy(() -> net.forward(new double[][] {{1, Double.NaN, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must hold finite numbers");
        assertThatThrownBy(() -> fast.trainStep(new float[] {1, Float.NaN, 3}, new int[] {0}, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must hold finite numbers");
        assertThatThrownBy(() -> new Dataset(new float[] {Float.NaN, 0, 0}, new int[] {0}, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must hold finite numbers");
    }
}
