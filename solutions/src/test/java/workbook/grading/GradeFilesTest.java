package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeFilesTest {
    private static final List<ExerciseGrade> GRADES = List.of(
            new ExerciseGrade("Ex01", "Sigmoid", 5, 5, true, ""),
            new ExerciseGrade("Ex02", "Tanh · \"quoted\"", 1, 4, false, "check [x = 1]\nexpected: 1\n but was: 2\t!"));

    @Test
    void gradesSurviveARoundTrip(@TempDir Path dir) {
        GradeFiles.write(dir, GRADES);
        assertThat(GradeFiles.read(dir)).isEqualTo(GRADES);
    }

    @Test
    void readingAFolderWithoutGradesGivesNone(@TempDir Path dir) {
        assertThat(GradeFiles.read(dir)).isEmpty();
    }

    @Test
    void clearRemovesTheLastRun(@TempDir Path dir) {
        GradeFiles.write(dir, GRADES);
        GradeFiles.clear(dir);
        assertThat(GradeFiles.read(dir)).isEmpty();
        assertThat(dir.resolve(GradeFiles.RESULTS_JSON)).doesNotExist();
    }

    @Test
    void resultsJsonHasGradescopeFields(@TempDir Path dir) throws Exception {
        GradeFiles.write(dir, GRADES);
        String json = Files.readString(dir.resolve(GradeFiles.RESULTS_JSON));
        assertThat(json).contains("\"score\": 12.5", "\"max_score\": 10", "\"status\": \"passed\"",
                "\"status\": \"failed\"", "\"name\": \"Ex01 Sigmoid\"", "\"output\": \"1 of 4 checks passed");
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(GradeFiles.string("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }
}
