package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.grading.Grades.check;
import static workbook.grading.Grades.exercise;
import static workbook.grading.Grades.task;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.grading.Check.Verdict;
import workbook.grading.ExerciseGrade.Status;

class ExerciseGradeTest {

    @Test
    void aTaskEarnsItsShareOnlyWhenAllItsChecksPass() {
        ExerciseGrade grade = exercise("Ex01", "Sigmoid", task("ex01.a", 5),
                task("ex01.b", 30, check("ex01.b", Verdict.FAILED, "wrong")), task("ex01.c", 2), task("ex01.d", 0,
                        check("ex01.d", Verdict.STUB, "not implemented yet")));
        assertThat(grade.tasksDone()).isEqualTo(2);
        assertThat(grade.points()).isEqualTo(5.0);
        assertThat(grade.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(grade.firstUnfinished().id()).isEqualTo("ex01.b");
    }

    @Test
    void pointsAreRoundedToOneDecimal() {
        // 10 * 2/3 = 6.666..., shown as 6.7
        ExerciseGrade grade = exercise("Ex03", "ReLU", task("ex03.a", 1), task("ex03.b", 1),
                task("ex03.c", 0, check("ex03.c", Verdict.TIMEOUT, "loops")));
        assertThat(grade.points()).isEqualTo(6.7);
    }

    @Test
    void allTasksDoneIsDoneWithFullPoints() {
        ExerciseGrade grade = exercise("Ex01", "Sigmoid", task("ex01.a", 3), task("ex01.b", 1));
        assertThat(grade.status()).isEqualTo(Status.DONE);
        assertThat(grade.points()).isEqualTo(10.0);
    }

    @Test
    void onlyStubFailuresIsNotStartedAndAnyPassIsInProgress() {
        Check stub = check("ex02.a", Verdict.STUB, "Ex02.a is not implemented yet");
        assertThat(exercise("Ex02", "Tanh", task("ex02.a", 0, stub)).status()).isEqualTo(Status.NOT_STARTED);
        assertThat(exercise("Ex02", "Tanh", task("ex02.a", 1, stub)).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aCompileErrorMeansDoesNotCompileAndNoPoints() {
        ExerciseGrade grade = new ExerciseGrade("Ex07", "Smooth", List.of(new TaskGrade("ex07.a", List.of())),
                "Ex07.java:3: error: ';' expected");
        assertThat(grade.status()).isEqualTo(Status.DOES_NOT_COMPILE);
        assertThat(grade.points()).isZero();
    }

    @Test
    void theFirstFailureShownPrefersAWrongAnswerToAStub() {
        TaskGrade t = task("ex05.a", 1, check("ex05.a", Verdict.STUB, "stub"), check("ex05.a", Verdict.FAILED, "bad"));
        assertThat(t.firstFailure().message()).isEqualTo("bad");
        assertThat(t.done()).isFalse();
        assertThat(new TaskGrade("ex05.b", List.of()).done()).as("a task none of whose checks ran").isFalse();
    }
}
