package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.grading.Grades.check;
import static workbook.grading.Grades.exercise;
import static workbook.grading.Grades.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.grading.Check.Verdict;

class GradeFilesTest {
    private static final List<ExerciseGrade> GRADES = List.of(
            exercise("Ex01", "Sigmoid", task("ex01.a", 5)),
            exercise("Ex02", "Tanh · \"quoted\"", task("ex02.a", 1), task("ex02.b", 0,
                    check("ex02.b", Verdict.FAILED, "expected: 1\n but was: 2\t!"))));

    @Test
    void resultsJsonHasGradescopeFields(@TempDir Path dir) throws Exception {
        GradeFiles.write(dir, GRADES);
        String json = Files.readString(dir.resolve(GradeFiles.RESULTS_JSON));
        assertThat(json).contains("\"score\": 15,", "\"max_score\": 10,", "\"score\": 5,",
                "\"status\": \"passed\"", "\"status\": \"failed\"", "\"name\": \"Ex01 Sigmoid\"",
                "\"name\": \"Ex02 Tanh · \\\"quoted\\\"\"", "b: not done: 0 of 1 checks passed",
                "first failed check: b works [x = 1]\\nexpected: 1\\n but was: 2\\t!");
        assertThat(json.split("\"max_score\"", -1)).hasSize(3); // one test per exercise
        assertThat(Files.readString(dir.resolve(GradeFiles.CHECKS))).contains("FAILED  b works [x = 1]");
    }

    @Test
    void gradePropertiesIsFlatPerExerciseAndPerTaskAndReadsBackWithJavaUtilProperties(@TempDir Path dir)
            throws Exception {
        GradeFiles.write(dir, GRADES);
        java.util.Properties grade = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve(GradeFiles.PROPERTIES))) {
            grade.load(in);
        }
        assertThat(grade).containsEntry("total.points", "15").containsEntry("total.max", "20")
                .containsEntry("exercises", "Ex01,Ex02").containsEntry("Ex02.status", "in progress")
                .containsEntry("Ex02.points", "5").containsEntry("Ex02.tasks", "ex02.a,ex02.b")
                .containsEntry("Ex02.title", "Tanh · \"quoted\"").containsEntry("ex02.b.status", "not done")
                .containsEntry("ex02.b.checks", "1").containsEntry("ex02.b.passed", "0")
                .containsEntry("ex02.b.feedback",
                        "not done: 0 of 1 checks passed\nfirst failed check: b works [x = 1]\nexpected: 1\n but was: 2\t!");
        assertThat(Files.readString(dir.resolve(GradeFiles.CHECKS))).contains("FAILED  b works [x = 1]");
    }

    @Test
    void clearRemovesTheLastRun(@TempDir Path dir) {
        GradeFiles.write(dir, GRADES);
        GradeFiles.clear(dir);
        assertThat(dir.resolve(GradeFiles.RESULTS_JSON)).doesNotExist();
        assertThat(dir.resolve(GradeFiles.PROPERTIES)).doesNotExist();
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(GradeFiles.string("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }

    @Test
    void aCheckSurvivesItsLineFormat() {
        Check c = new Check(ExerciseId.parse("Ex02"), "ex02.b", "m", "b [x = 1]", Verdict.TIMEOUT, "a\tb\\n\nc");
        assertThat(Check.fromLine(c.toLine())).isEqualTo(c);
    }
}
