package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks of nothing, run once by a test JVM that waits for the watch mode's next save ({@link CheckRunner}): what
 * JUnit and AssertJ load and compile the first time a check runs is then ready before the learner saves.
 */
@Tag("warm-up")
@DisplayName("warm-up")
class WarmUpChecks {
    @Test
    @Tag("warm-up.a")
    void aCheck() {
        assertThat(Math.exp(0)).as("a check").isCloseTo(1.0, within(1e-12));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1, 0, 1})
    @Tag("warm-up.a")
    void aCaseOfACheck(double x) {
        assertThat(Math.abs(x)).isGreaterThanOrEqualTo(0.0).isEqualTo(Math.abs(-x));
    }
}
