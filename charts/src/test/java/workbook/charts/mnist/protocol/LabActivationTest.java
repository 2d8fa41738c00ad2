package workbook.charts.mnist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import workbook.theory.engine.Nonlinearity;

class LabActivationTest {
    /** The built-in twins are the engine's own float-friendly code: equal to the solutions up to rounding. */
    private static final double TWIN = 1e-12;

    @ParameterizedTest(name = "{0}")
    @EnumSource(LabActivation.class)
    void theEnginesUnitOnTheSolutionsComputesWhatTheExerciseCodeComputes(LabActivation activation) {
        Nonlinearity reference = activation.unit(false), exercise = activation.unit(true);
        for (double z : new double[] {-3, -0.5, 0.25, 2}) {
            assertThat(reference.value(z)).as("%s(%s): the unit of the reference runs against the exercise code's",
                    activation.key(), z).isCloseTo(exercise.value(z), within(TWIN));
            assertThat(reference.slope(z)).as("%s'(%s): the unit of the reference runs against the exercise code's",
                    activation.key(), z).isCloseTo(exercise.slope(z), within(TWIN));
        }
    }

    @Test
    void keysAreTheCommandLineNamesInTheSeedsOrder() {
        assertThat(LabActivation.seedsSix()).isEqualTo("relu,sigmoid,leaky-relu,tanh,mish,swish");
        assertThat(LabActivation.of("Leaky-ReLU")).isEqualTo(LabActivation.LEAKY_RELU);
        assertThat(LabActivation.keys()).endsWith(", custom");
    }
}
