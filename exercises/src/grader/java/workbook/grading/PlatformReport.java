package workbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a grade into what a course platform reads, after the grade, in a JVM of its own: it reads the grader's
 * {@code exercises/target/grade/grade.properties}, never grades, and records exactly the points the scoreboard
 * printed. Run from the compiled grader ({@code exercises/target/test-classes}); where the build failed before the
 * grader was compiled, the autograder and the Classroom workflow fall back to a few lines of shell.
 *
 * <pre>
 * PlatformReport gradescope WORKBOOK RESULTS_JSON [BUILD_LOG [INTAKE]]  Gradescope's results.json, a test per exercise
 * PlatformReport classroom WORKBOOK                                     GitHub Classroom: a runner per exercise
 * PlatformReport verify WORKBOOK                                        exit 1 if the hidden suite was changed
 * </pre>
 */
public final class PlatformReport {
    static final String GRADE = "exercises/target/grade/" + GradeFiles.PROPERTIES;

    private PlatformReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !List.of("gradescope", "classroom", "verify").contains(args[0])) {
            System.err.println("usage: PlatformReport gradescope|classroom|verify WORKBOOK [...]");
            System.exit(2);
        }
        Path workbook = Path.of(args[1]);
        switch (args[0]) {
            case "gradescope" -> {
                Path out = Path.of(args[2]);
                String intake = text(args.length > 4 ? Path.of(args[4]) : null).strip();
                String json = gradescope(readGrade(workbook), text(args.length > 3 ? Path.of(args[3]) : null),
                        "Graded with the course's own copy of the workbook."
                                + (intake.isEmpty() ? "" : "\n\n```text\n" + intake + "\n```"));
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, json);
                System.out.println("Gradescope results -> " + out);
            }
            case "classroom" -> classroom(workbook, System.getenv("GITHUB_OUTPUT"), System.out);
            default -> {
                String warning = SuiteChecksums.warning(workbook);
                System.out.println(warning.isEmpty() ? "The hidden suite matches the release." : warning);
                System.exit(warning.isEmpty() ? 0 : 1);
            }
        }
    }

    /**
     * One exercise of the grade, as the grader wrote it (in its own JVM, never the submission's).
     *
     * @param earned hundredths of a point, as {@link ExerciseGrade#earned()}
     */
    record Exercise(ExerciseId id, String title, boolean done, int earned, List<Task> tasks, String feedback) {
        /** The same exercise, straight from the grader's grade (the local {@code results.json}). */
        static Exercise of(ExerciseGrade g) {
            return new Exercise(g.id(), g.title(), g.status() == ExerciseGrade.Status.DONE, g.earned(),
                    g.tasks().stream().map(t -> new Task(t.id(), t.done() && g.problem().isEmpty(),
                            GradeFiles.feedback(g, t))).collect(Collectors.toList()), GradeFiles.feedback(g));
        }

        String points() {
            return ExerciseGrade.format(earned);
        }
    }

    /** One task: done or not, and what to show for it. */
    record Task(String id, boolean done, String feedback) {}

    /** The grade, or {@code null} when the build failed before the grader wrote one. */
    static List<Exercise> readGrade(Path workbook) throws IOException {
        Path file = workbook.resolve(GRADE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties grade = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            grade.load(in);
        }
        List<Exercise> exercises = new ArrayList<>();
        for (String id : list(grade.getProperty("exercises", ""))) {
            List<Task> tasks = new ArrayList<>();
            for (String task : list(grade.getProperty(id + ".tasks", ""))) {
                tasks.add(new Task(task, "done".equals(grade.getProperty(task + ".status")),
                        grade.getProperty(task + ".feedback", "")));
            }
            exercises.add(new Exercise(ExerciseId.parse(id), grade.getProperty(id + ".title", ""),
                    ExerciseGrade.Status.DONE.label().equals(grade.getProperty(id + ".status")),
                    hundredths(grade.getProperty(id + ".points", "0")), tasks, grade.getProperty(id + ".feedback", "")));
        }
        return exercises;
    }

    private static List<String> list(String commaSeparated) {
        return Stream.of(commaSeparated.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    /** Hundredths of a point from the grade's text ("3.33"). */
    private static int hundredths(String points) {
        return new BigDecimal(points).movePointRight(2).intValueExact();
    }

    private static String text(Path file) throws IOException {
        return file != null && Files.exists(file) ? Files.readString(file) : "";
    }

    /**
     * Gradescope's results.json: a test per exercise, worth 10.
     *
     * @param note what the summary adds (on Gradescope: whose workbook graded it, and the intake's lines)
     */
    static String gradescope(List<Exercise> exercises, String buildLog, String note) {
        List<String> tests = new ArrayList<>();
        String summary;
        int score = 0;
        if (exercises == null) {
            summary = "**Your code was not graded: the build failed before the tests ran.** The build's "
                    + "messages:\n\n```text\n" + errors(buildLog) + "\n```\n";
        } else {
            for (Exercise e : exercises) {
                score += e.earned();
                tests.add(String.format(Locale.ROOT, "    {\"name\": %s, \"number\": \"%d\", \"score\": %s, "
                        + "\"max_score\": %d, \"status\": \"%s\", \"output\": %s, \"output_format\": \"md\", "
                        + "\"visibility\": \"visible\"}", GradeFiles.string(e.id() + " " + e.title()), tests.size() + 1,
                        e.points(), ExerciseGrade.MAX_POINTS, e.done() ? "passed" : "failed",
                        GradeFiles.string("```text\n" + e.feedback() + "\n```")));
            }
            long done = exercises.stream().filter(Exercise::done).count();
            summary = String.format(Locale.ROOT, "**%s of %d points**; %d of %d exercises done.",
                    ExerciseGrade.format(score),
                    ExerciseGrade.MAX_POINTS * exercises.size(), done, exercises.size());
        }
        if (!note.isBlank()) {
            summary += " " + note;
        }
        return "{\n  \"score\": " + ExerciseGrade.format(score) + ",\n  \"output\": " + GradeFiles.string(summary)
                + ",\n  \"output_format\": \"md\",\n  \"test_output_format\": \"md\",\n"
                + "  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n"
                + "  \"tests\": [\n" + String.join(",\n", tests) + "\n  ]\n}\n";
    }

    /** The build's own error lines, without Maven's advice. */
    private static String errors(String buildLog) {
        List<String> lines = buildLog.lines()
                .filter(l -> l.startsWith("[ERROR]") && l.length() > 8 && !l.contains("re-run Maven")
                        && !l.contains("Re-run Maven") && !l.contains("[Help 1]") && !l.contains("please read"))
                .map(l -> l.replace(" -> [Help 1]", "")).limit(40).collect(Collectors.toList());
        return lines.isEmpty() ? "(no [ERROR] lines in the build log)" : String.join("\n", lines);
    }

    /**
     * GitHub Classroom: writes one runner per exercise ({@code exNN=<base64 payload>}, each worth 10) and a runner
     * {@code suite}, worth nothing, that fails when the hidden suite was changed, to {@code githubOutput}; prints a
     * line per exercise and "Points X/Y". The reporter prints a runner's points as (tests passed / tests) x max and
     * records the sum of the tests' scores: with a test per task, and the exercise's points split over its tasks
     * that are done, both equal the scoreboard's.
     */
    static void classroom(Path workbook, String githubOutput, PrintStream out) throws IOException {
        List<Exercise> exercises = readGrade(workbook);
        if (exercises == null) {
            out.println("Not graded: the build failed before the grader wrote " + GRADE);
            exercises = List.of();
        }
        Map<String, String> runners = new LinkedHashMap<>();
        int score = 0;
        for (Exercise e : exercises) {
            score += e.earned();
            runners.put(e.id().tag(), runner(e));
            out.printf(Locale.ROOT, "%s %-40s %5s / %d%n", e.id(), e.title(), e.points(), ExerciseGrade.MAX_POINTS);
        }
        String warning = SuiteChecksums.warning(workbook);
        runners.put("suite", "{\"version\": 1, \"status\": \"" + (warning.isEmpty() ? "pass" : "fail")
                + "\", \"max_score\": 0, \"tests\": [" + test("The hidden suite is unchanged", warning.isEmpty(), 0,
                warning) + "]}");
        if (!warning.isEmpty()) {
            out.println(warning);
        }
        if (githubOutput != null && !githubOutput.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            runners.forEach((name, json) -> lines.append(name).append('=').append(Base64.getEncoder()
                    .encodeToString(json.getBytes(StandardCharsets.UTF_8))).append('\n'));
            Files.writeString(Path.of(githubOutput), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        out.printf(Locale.ROOT, "Points %s/%d%n", ExerciseGrade.format(score),
                ExerciseGrade.MAX_POINTS * exercises.size());
    }

    /** An exercise's runner: a test per task; the points go to the tasks done, split in hundredths. */
    private static String runner(Exercise e) {
        int earned = e.earned();
        List<String> tests = new ArrayList<>();
        long done = e.tasks().stream().filter(Task::done).count();
        int index = 0;
        for (Task t : e.tasks()) {
            int share = 0;
            if (t.done()) {
                share = (int) (earned / done + (index < earned % done ? 1 : 0));
                index++;
            }
            tests.add(test(t.id(), t.done(), share, t.feedback()));
        }
        if (tests.isEmpty()) {
            tests.add(test(e.id().tag(), false, 0, e.feedback()));
        }
        return "{\"version\": 1, \"status\": \"" + (e.done() ? "pass" : "fail") + "\", \"max_score\": "
                + ExerciseGrade.MAX_POINTS + ", \"tests\": [" + String.join(", ", tests) + "]}";
    }

    private static String test(String name, boolean passed, int hundredths, String message) {
        return "{\"name\": " + GradeFiles.string(name) + ", \"status\": \"" + (passed ? "pass" : "fail")
                + "\", \"score\": " + ExerciseGrade.format(hundredths) + ", \"message\": " + GradeFiles.string(message)
                + ", \"line_no\": 0, \"execution_time\": \"0s\"}";
    }
}
