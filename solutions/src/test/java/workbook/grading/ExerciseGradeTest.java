package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import workbook.grading.ExerciseGrade.Status;

class ExerciseGradeTest {

    @Test
    void allChecksPassedIsDoneWithFullPoints() {
        ExerciseGrade grade = new ExerciseGrade("Ex01", "Sigmoid", 12, 12, true, "");
        assertThat(grade.status()).isEqualTo(Status.DONE);
        assertThat(grade.points()).isEqualTo(10.0);
    }

    @Test
    void onlyStubFailuresAndNothingPassedIsNotStarted() {
        assertThat(new ExerciseGrade("Ex02", "Tanh", 0, 9, true, "x").status()).isEqualTo(Status.NOT_STARTED);
    }

    @Test
    void anyPassOrAnyRealFailureIsInProgress() {
        assertThat(new ExerciseGrade("Ex02", "Tanh", 1, 9, true, "x").status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(new ExerciseGrade("Ex02", "Tanh", 0, 9, false, "x").status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void pointsAreProportionalAndRoundedToOneDecimal() {
        // 10 * 2/3 = 6.666..., shown as 6.7
        assertThat(new ExerciseGrade("Ex03", "ReLU", 2, 3, false, "x").points()).isEqualTo(6.7);
        assertThat(new ExerciseGrade("Ex03", "ReLU", 0, 0, true, "").points()).isZero();
    }

    @Test
    void rejectsMorePassedThanRan() {
        assertThatThrownBy(() -> new ExerciseGrade("Ex03", "ReLU", 4, 3, false, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passed");
    }
}
