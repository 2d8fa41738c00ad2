package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.grading.Grades.check;
import static workbook.grading.Grades.exercise;
import static workbook.grading.Grades.task;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.grading.Check.Verdict;

class ScoreboardTest {
    private static final String LONG_MESSAGE = "tanh should be odd\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\n"
            + "line 8\nline 9\nline 10\nline 11\nline 12";
    private static final List<ExerciseGrade> GRADES = List.of(
            exercise("Ex01", "Sigmoid", task("ex01.a", 5), task("ex01.b", 1)),
            exercise("Ex02", "Tanh", task("ex02.tanh", 1, check("ex02.tanh", Verdict.FAILED, LONG_MESSAGE)),
                    task("ex02.b", 2)),
            exercise("Ex03", "ReLU family", task("ex03.relu", 0, check("ex03.relu", Verdict.STUB,
                    "Ex03ReluFamily.relu is not implemented yet"))));

    @Test
    void showsOneLinePerExerciseWithStatusTasksAndPoints() {
        String board = Scoreboard.render(GRADES, false, Path.of("results.json"));
        assertThat(board).containsPattern("Ex01 +Sigmoid +done +2/2 tasks +10 / 10")
                .containsPattern("Ex02 +Tanh +in progress +1/2 tasks +5 / 10")
                .containsPattern("Ex03 +ReLU family +not started +0/1 tasks +0 / 10")
                .contains("Total 15 / 30 points; 1 of 3 exercises done.");
    }

    @Test
    void detailsTheFirstUnfinishedTaskOfTheExerciseInProgressInAtMostTenLines() {
        String board = Scoreboard.render(GRADES, false, Path.of("results.json"));
        String detail = Scoreboard.detail(GRADES.get(1));
        assertThat(detail.lines().count()).isLessThanOrEqualTo(Scoreboard.DETAIL_LINES);
        assertThat(board).contains("Next: Ex02, task tanh", "first failed check: tanh works [x = 1]",
                "tanh should be odd", "-Dgroups=ex02", "java exercises/hints/Hint.java ex02")
                .doesNotContain("line 12", "Ex03ReluFamily.relu is not implemented yet");
    }

    @Test
    void anExerciseWhoseSuiteReportedNoCheckSaysSoAndIsNotDone() {
        String board = Scoreboard.render(List.of(exercise("Ex04", "Softmax")), false, Path.of("results.json"));
        assertThat(board).containsPattern("Ex04 +Softmax +not started").contains("Next: Ex04 not started:",
                "no check of Ex04 reported a result", "Total 0 / 10 points");
    }

    @Test
    void aPassingGradeFitsOnOneScreen() {
        List<ExerciseGrade> done = List.of(GRADES.get(0), GRADES.get(0), GRADES.get(0), GRADES.get(0),
                GRADES.get(0), GRADES.get(0), GRADES.get(0), GRADES.get(0), GRADES.get(0), GRADES.get(0));
        assertThat(Scoreboard.render(done, false, Path.of("r.json")).lines().count()).isLessThanOrEqualTo(24);
    }

    @Test
    void verboseListsEveryFailedCheck() {
        assertThat(Scoreboard.render(GRADES, true, Path.of("r.json"))).contains("line 12",
                "Ex03ReluFamily.relu is not implemented yet");
    }

    @Test
    void aCompileErrorComesFirstWithJavacsDiagnostics() {
        ExerciseGrade broken = new ExerciseGrade(ExerciseId.parse("Ex04"), "Collapse", List.of(),
                "Ex04.java:3: error: ';' expected\n    int x = 1\n             ^");
        String board = Scoreboard.render(List.of(GRADES.get(1), broken), false, Path.of("r.json"));
        assertThat(board).contains("Next: Ex04 does not compile", "Ex04.java:3: error: ';' expected", "^");
    }

    @Test
    void whatTheLearnersCodePrintedDuringTheFirstFailureIsShownUnderItTwoLinesAtMost() {
        Check failed = new Check(ExerciseId.parse("Ex01"), "ex01.a", "m", "a works [x = 1]", Verdict.FAILED,
                "expected: 1.0\n but was: 2.0", "step 1\nstep 2\nstep 3");
        String detail = Scoreboard.detail(exercise("Ex01", "First", task("ex01.a", 2, failed)));
        assertThat(detail).contains("   your code printed (2 of 3 lines; all: checks.txt):\n     | step 1\n     | step 2\n")
                .doesNotContain("step 3").contains("but was: 2.0");
        assertThat(detail.lines().count()).isLessThanOrEqualTo(Scoreboard.DETAIL_LINES);
        Check quiet = new Check(ExerciseId.parse("Ex01"), "ex01.a", "m", "a works [x = 1]", Verdict.FAILED, "wrong");
        assertThat(Scoreboard.detail(exercise("Ex01", "First", task("ex01.a", 0, quiet)))).doesNotContain("printed");
    }

    @Test
    void aLongMessageKeepsWhatCameBackAndWhatWasExpected() {
        String nan = "[sigma'(x) should stay finite]\nlesson line 2\nlesson line 3\nlesson line 4\nlesson line 5\n"
                + "Expecting actual:\n  NaN\nto be close to:\n  0.25\nby less than 1.0E-9 but difference was NaN.";
        String detail = Scoreboard.detail(exercise("Ex01", "Sigmoid",
                task("ex01.sigmoidDerivative", 3, check("ex01.sigmoidDerivative", Verdict.FAILED, nan))));
        assertThat(detail.lines().count()).isLessThanOrEqualTo(Scoreboard.DETAIL_LINES);
        assertThat(detail).contains("should stay finite", "Expecting actual:", "NaN", "to be close to:", "0.25",
                "... (the whole message: -Dverbose)");
    }

    @Test
    void aTimeOutIsShownBeforeTheChecksItKeptFromRunningAndThoseAreCountedInOneLine() {
        Check notRun = check("ex02.tanh", Verdict.NOT_RUN, "not run: an earlier check of this task ran past its "
                + "time limit, which usually means an endless loop; fix that first, then grade again");
        TaskGrade tanh = new TaskGrade("ex02.tanh", List.of(check("ex02.tanh", Verdict.PASSED, ""), notRun,
                check("ex02.tanh", Verdict.TIMEOUT, "ran past its time limit (2 s)"), notRun, notRun));
        ExerciseGrade g = new ExerciseGrade(ExerciseId.parse("Ex02"), "Tanh", List.of(tanh), "");
        assertThat(tanh.firstFailure().verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(Scoreboard.detail(g)).contains("ran past its time limit (2 s)",
                "(3 more checks of this task were not run after it)");
        String verbose = Scoreboard.render(List.of(g), true, Path.of("r.json"));
        assertThat(verbose).contains("tanh: 3 checks not run").doesNotContain("not run: an earlier check");
    }

    @Test
    void anExerciseGradedAloneAndDonePointsToTheNextOne() {
        List<ExerciseGrade> done = List.of(GRADES.get(0));
        assertThat(Scoreboard.render(done, false, Path.of("r.json"), java.util.Optional.of(ExerciseId.parse("ex02"))))
                .contains(" Next: Ex02. Grade it alone: ./mvnw test -Dgroups=ex02");
        assertThat(Scoreboard.render(GRADES, false, Path.of("r.json"), java.util.Optional.of(ExerciseId.parse("ex04"))))
                .as("while one is unfinished, that one is next").doesNotContain("Next: Ex04");
    }

    @Test
    void strictNamesWhatIsNotDoneInOneLine() {
        assertThat(Scoreboard.strictFailure(GRADES)).isEqualTo(
                "Strict grading failed: not done yet: Ex02, Ex03");
        assertThat(Scoreboard.strictFailure(List.of(GRADES.get(0)))).isNull();
        assertThat(Scoreboard.strictFailure(List.of())).contains("no exercise");
    }
}
