package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a run's grade. {@code grade.properties} is the machine-readable grade that everything else reads (the hint
 * tool, CI, the Gradescope and GitHub Classroom reports): flat keys, one block per exercise ({@code Ex03.points},
 * by {@link ExerciseGrade#earned()}) and one per task ({@code ex03.relu.status}). Beside it,
 * {@code results.json}, Gradescope's results as {@link PlatformReport} makes them (for instructors who grade by
 * hand), and {@code checks.txt}, every check with its verdict and message.
 */
public final class GradeFiles {
    /** The grade as flat properties, e.g. {@code Ex01.points=7.5}, {@code ex01.sigmoid.status=done}. */
    public static final String PROPERTIES = "grade.properties";
    /** The grade in Gradescope's {@code results.json} shape. */
    public static final String RESULTS_JSON = "results.json";
    /** Every check of the run, for {@code -Dverbose} readers and instructors. */
    public static final String CHECKS = "checks.txt";
    /** JUnit's XML reports of the run (one test case per check), for IDEs and CI report viewers. */
    public static final String JUNIT = "junit";

    private GradeFiles() {}

    /** Removes the previous run's files, so that a run that dies leaves no stale grade behind. */
    public static void clear(Path dir) {
        for (String name : List.of(PROPERTIES, RESULTS_JSON, CHECKS)) {
            Grader.deleteQuietly(dir.resolve(name));
        }
        ExerciseCompiler.deleteTree(dir.resolve(JUNIT));
    }

    /**
     * Moves the XML reports the test JVMs wrote ({@code jvm/junit-a1/TEST-junit-jupiter.xml}) to
     * {@code junit/TEST-a1.xml}: one file per test JVM of the run, in the folder viewers read.
     */
    static void collectJUnitXml(Path jvmDir, Path gradeDir) {
        try (Stream<Path> reports = Files.exists(jvmDir) ? Files.walk(jvmDir) : Stream.empty()) {
            for (Path report : reports.filter(p -> p.getFileName().toString().startsWith("TEST-"))
                    .collect(Collectors.toList())) {
                String run = report.getParent().getFileName().toString().replaceFirst("^junit-", "");
                Path target = Files.createDirectories(gradeDir.resolve(JUNIT)).resolve("TEST-" + run + ".xml");
                Files.move(report, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files into {@code dir}, creating it if needed. */
    public static void write(Path dir, List<ExerciseGrade> grades) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(PROPERTIES), toProperties(grades), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CHECKS), toChecks(grades), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RESULTS_JSON), PlatformReport.gradescope(grades.stream()
                    .map(PlatformReport.Exercise::of).collect(Collectors.toList()), "", ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flat grade: totals, then a block per exercise, each followed by a block per task. */
    static String toProperties(List<ExerciseGrade> grades) {
        StringBuilder out = new StringBuilder("# The grade of the last run: an exercise's keys start with its id "
                + "(Ex01.), a task's with its id (ex01.sigmoid.); points as the scoreboard prints them\n");
        int earned = grades.stream().mapToInt(ExerciseGrade::earned).sum();
        property(out, "total.points", ExerciseGrade.format(earned));
        property(out, "total.max", ExerciseGrade.format(100 * ExerciseGrade.MAX_POINTS * grades.size()));
        property(out, "exercises", grades.stream().map(g -> g.id().toString()).collect(Collectors.joining(",")));
        for (ExerciseGrade g : grades) {
            String key = g.id() + ".";
            property(out, key + "title", g.title());
            property(out, key + "status", g.status().label());
            property(out, key + "tasksDone", Integer.toString(g.tasksDone()));
            property(out, key + "tasks", g.tasks().stream().map(TaskGrade::id).collect(Collectors.joining(",")));
            property(out, key + "points", ExerciseGrade.format(g.earned()));
            property(out, key + "max", Integer.toString(ExerciseGrade.MAX_POINTS));
            property(out, key + "problem", g.problem());
            property(out, key + "feedback", feedback(g));
            for (TaskGrade t : g.tasks()) {
                String task = t.id() + ".";
                property(out, task + "status", t.done() && g.problem().isEmpty() ? "done" : "not done");
                property(out, task + "checks", Integer.toString(t.checks().size()));
                property(out, task + "passed", Integer.toString(t.passed()));
                Check first = t.firstFailure();
                property(out, task + "firstFailedCheck", first == null ? "" : first.method());
                property(out, task + "feedback", feedback(g, t));
            }
        }
        return out.toString();
    }

    /** What a platform shows for an exercise: its compile problem, or a line per task with its first failure. */
    static String feedback(ExerciseGrade g) {
        if (!g.problem().isEmpty()) {
            return g.id() + " " + g.status().label() + ":\n" + g.problem();
        }
        return g.tasks().stream().map(t -> t.name() + ": " + feedback(g, t)).collect(Collectors.joining("\n"));
    }

    /** What a platform shows for one task: done, or its first failed check, or that the exercise cannot run. */
    static String feedback(ExerciseGrade g, TaskGrade t) {
        if (!g.problem().isEmpty()) {
            return g.id() + " " + g.status().label();
        }
        if (t.done()) {
            return "done: " + t.passed() + " of " + t.checks().size() + " checks passed";
        }
        Check first = t.firstFailure();
        return "not done: " + t.passed() + " of " + t.checks().size() + " checks passed"
                + (first == null ? "" : "\nfirst failed check: " + first.name() + "\n" + first.message());
    }

    /** One {@code key=value} line in the format {@link java.util.Properties#load} reads. */
    private static void property(StringBuilder out, String key, String value) {
        out.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        out.append('\n');
    }

    private static String toChecks(List<ExerciseGrade> grades) {
        StringBuilder checks = new StringBuilder();
        for (ExerciseGrade g : grades) {
            checks.append(g.id()).append("  ").append(g.title()).append(": ").append(g.status().label()).append('\n');
            if (!g.problem().isEmpty()) {
                checks.append(g.problem().indent(4));
            }
            for (TaskGrade t : g.tasks()) {
                checks.append("  task ").append(t.name()).append(t.done() ? ": done" : ": not done").append('\n');
                for (Check c : t.checks()) {
                    checks.append("    ").append(String.format(Locale.ROOT, "%-8s", c.verdict())).append(c.name())
                          .append('\n');
                    if (!c.message().isEmpty()) {
                        checks.append(c.message().indent(14));
                    }
                    if (!c.printed().isEmpty()) {
                        checks.append(" ".repeat(14)).append("your code printed:\n")
                              .append(c.printed().lines().map(l -> "| " + l).collect(Collectors.joining("\n")).indent(14));
                    }
                }
            }
        }
        return checks.toString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
