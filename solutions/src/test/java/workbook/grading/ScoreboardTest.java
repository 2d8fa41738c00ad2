package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreboardTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final List<ExerciseGrade> GRADES = List.of(
            new ExerciseGrade("Ex01", "Sigmoid", 5, 5, false, ""),
            new ExerciseGrade("Ex02", "Tanh", 1, 4, false, "tanhIsOdd [x = 2.0]\n[tanh should be odd]\nexpected: -0.96"),
            new ExerciseGrade("Ex03", "ReLU family", 0, 7, true, "relu [x = 1]\nEx03ReluFamily.relu is not implemented yet"));

    @Test
    void showsOneLinePerExerciseWithStatusChecksAndPoints() {
        String board = Scoreboard.render(GRADES, Path.of("results.json"));
        assertThat(board).containsPattern("Ex01 +Sigmoid +done +5/5 +10.0 / 10")
                .containsPattern("Ex02 +Tanh +in progress +1/4 +2.5 / 10")
                .containsPattern("Ex03 +ReLU family +not started +0/7 +0.0 / 10")
                .contains("Total 12.5 / 30 points; 1 of 3 exercises done.");
    }

    @Test
    void showsTheFirstFailedCheckOnlyForAnExerciseInProgress() {
        String board = Scoreboard.render(GRADES, Path.of("results.json"));
        assertThat(board).contains("first failed check: tanhIsOdd [x = 2.0]", "[tanh should be odd]")
                .doesNotContain("Ex03ReluFamily.relu is not implemented yet");
    }

    @Test
    void pointsToTheNextUnfinishedExerciseAndHowToGradeItAlone() {
        assertThat(Scoreboard.render(GRADES, Path.of("r.json"))).contains("Next: Ex02", "-Dgroups=ex02");
    }

    @Test
    void explainsAnEmptyRun() {
        assertThat(Scoreboard.render(List.of(), Path.of("r.json"))).contains("No check ran", "ex01 ... ex10");
    }

    @Test
    void strictModeFailsOnAnUnfinishedExerciseAndNamesIt(@TempDir Path dir) {
        GradeFiles.write(dir, GRADES);
        assertThatThrownBy(() -> Scoreboard.print(dir, true, QUIET))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ex02, Ex03");
        assertThatCode(() -> Scoreboard.print(dir, false, QUIET)).doesNotThrowAnyException();
    }

    @Test
    void strictModePassesWhenEverythingIsDone(@TempDir Path dir) {
        GradeFiles.write(dir, List.of(GRADES.get(0)));
        assertThatCode(() -> Scoreboard.print(dir, true, QUIET)).doesNotThrowAnyException();
    }
}
