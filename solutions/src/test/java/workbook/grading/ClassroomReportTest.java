package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.grading.Grades.check;
import static workbook.grading.Grades.exercise;
import static workbook.grading.Grades.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.grading.Check.Verdict;

/**
 * {@code PlatformReport classroom} gives GitHub Classroom's reporter one runner per exercise whose two
 * numbers both equal the scoreboard's: the console's (tests passed / tests x max score, printed with two decimals)
 * and the recorded points (the sum of the tests' scores).
 */
class ClassroomReportTest {
    private static final Pattern TEST = Pattern.compile("\"status\": \"(pass|fail)\", \"score\": ([0-9.]+)");
    private static final Pattern MAX = Pattern.compile("\"max_score\": ([0-9]+)");

    @Test
    void eachExercisesRunnerPrintsAndRecordsTheScoreboardsPoints(@TempDir Path workbook) throws Exception {
        Check wrong = check("ex02.c", Verdict.FAILED, "wrong");
        List<ExerciseGrade> grades = List.of(
                exercise("Ex01", "Sigmoid", task("ex01.a", 2), task("ex01.b", 1), task("ex01.c", 0, wrong)),
                exercise("Ex02", "Tanh", task("ex02.a", 1), task("ex02.b", 0, wrong), task("ex02.c", 0, wrong)),
                exercise("Ex03", "Six", task("ex03.a", 1), task("ex03.b", 1), task("ex03.c", 1), task("ex03.d", 1),
                        task("ex03.e", 1), task("ex03.f", 0, wrong)),
                exercise("Ex04", "Done", task("ex04.a", 3)));
        GradeFiles.write(workbook.resolve("exercises/target/grade"), grades);
        Files.createDirectories(workbook.resolve("exercises/src/test"));
        Files.writeString(workbook.resolve(SuiteChecksums.FILE), "");
        Path outputs = workbook.resolve("github-output");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PlatformReport.classroom(workbook, outputs.toString(), new java.io.PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        Map<String, String> runners = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputs)) {
            String[] kv = line.split("=", 2);
            runners.put(kv[0], new String(Base64.getDecoder().decode(kv[1]), StandardCharsets.UTF_8));
        }
        assertThat(runners).containsOnlyKeys("ex01", "ex02", "ex03", "ex04", "suite");
        for (ExerciseGrade g : grades) {
            String payload = runners.get(g.id().tag());
            Matcher max = MAX.matcher(payload);
            assertThat(max.find()).isTrue();
            List<Double> scores = new ArrayList<>();
            int passed = 0;
            for (Matcher m = TEST.matcher(payload); m.find(); ) {
                passed += m.group(1).equals("pass") ? 1 : 0;
                scores.add(Double.parseDouble(m.group(2)));
            }
            String scoreboard = ExerciseGrade.format(g.earned());
            assertThat(scores).as(g.id() + ": a test per task").hasSize(g.tasks().size());
            // the reporter's console: (score / tests.length) * max_score, then toFixed(2)
            double console = (double) passed / scores.size() * Integer.parseInt(max.group(1));
            assertThat(String.format(Locale.ROOT, "%.2f", console)).as(g.id() + " console")
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", g.points()));
            // the recorded points: the sum of the tests' scores
            long recorded = Math.round(100 * scores.stream().mapToDouble(Double::doubleValue).sum());
            assertThat(ExerciseGrade.format((int) recorded)).as(g.id() + " recorded").isEqualTo(scoreboard);
        }
        assertThat(printed).contains("Points 28.33/40"); // 6.67 + 3.33 + 8.33 + 10, the scoreboard's total
        assertThat(runners.get("suite")).contains("\"max_score\": 0", "\"status\": \"pass\"");
    }
}
