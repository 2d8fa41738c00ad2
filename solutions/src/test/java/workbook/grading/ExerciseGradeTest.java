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
    void pointsAreTenTimesTheFractionOfTasksDoneRoundedHalfUpToHundredths() {
        Check loops = check("ex03.c", Verdict.TIMEOUT, "loops");
        // 10 * 2/3 = 6.666..., 10 * 1/3 = 3.333..., 10 * 1/6 = 1.666..., 10 * 5/6 = 8.333...
        assertThat(exercise("Ex03", "ReLU", task("ex03.a", 1), task("ex03.b", 1), task("ex03.c", 0, loops)).earned())
                .isEqualTo(667);
        assertThat(exercise("Ex03", "ReLU", task("ex03.a", 1), task("ex03.b", 0, loops), task("ex03.c", 0, loops))
                .earned()).isEqualTo(333);
        TaskGrade done = task("ex07.x", 1);
        TaskGrade not = task("ex07.y", 0, loops);
        assertThat(exercise("Ex07", "Smooth", done, not, not, not, not, not).earned()).isEqualTo(167);
        assertThat(exercise("Ex07", "Smooth", done, done, done, done, done, not).earned()).isEqualTo(833);
        // an exact half rounds up: 1 of 8 is 1.25 exactly; 1 of 16 would be 0.625 -> 0.63
        assertThat(exercise("Ex08", "Gated", done, not, not, not, not, not, not, not).earned()).isEqualTo(125);
        List<TaskGrade> sixteen = new java.util.ArrayList<>(java.util.Collections.nCopies(15, not));
        sixteen.add(0, done);
        assertThat(new ExerciseGrade(ExerciseId.parse("Ex09"), "Init", sixteen, "").earned()).isEqualTo(63);
    }

    @Test
    void pointsPrintInTheShortestFormThatKeepsTheirHundredths() {
        assertThat(ExerciseGrade.format(667)).isEqualTo("6.67");
        assertThat(ExerciseGrade.format(750)).isEqualTo("7.5");
        assertThat(ExerciseGrade.format(1000)).isEqualTo("10");
        assertThat(ExerciseGrade.format(0)).isEqualTo("0");
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
        ExerciseGrade grade = new ExerciseGrade(ExerciseId.parse("Ex07"), "Smooth", List.of(new TaskGrade("ex07.a", List.of())),
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
