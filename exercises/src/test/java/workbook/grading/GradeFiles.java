package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's grade: {@code results.json} in the shape Gradescope's autograder reads, {@code grade.properties}
 * (one block per exercise, for scripts) and {@code checks.txt} (every check with its verdict and message).
 */
public final class GradeFiles {
    /** The grade as properties, e.g. {@code Ex01.status=done}. */
    public static final String PROPERTIES = "grade.properties";
    /** The grade in Gradescope's {@code results.json} shape. */
    public static final String RESULTS_JSON = "results.json";
    /** Every check of the run, for {@code -Dverbose} readers and instructors. */
    public static final String CHECKS = "checks.txt";

    private GradeFiles() {}

    /** Removes the previous run's files, so that a run that dies leaves no stale grade behind. */
    public static void clear(Path dir) {
        for (String name : List.of(PROPERTIES, RESULTS_JSON, CHECKS)) {
            Grader.deleteQuietly(dir.resolve(name));
        }
    }

    /** Writes the files into {@code dir}, creating it if needed. */
    public static void write(Path dir, List<ExerciseGrade> grades) {
        try {
            Files.createDirectories(dir);
            StringBuilder properties = new StringBuilder("# The grade of the last run; results.json has the same in "
                    + "Gradescope's shape, checks.txt every check\n");
            StringBuilder checks = new StringBuilder();
            for (ExerciseGrade g : grades) {
                String key = g.id() + ".";
                properties.append(key).append("title=").append(g.title()).append('\n')
                          .append(key).append("status=").append(g.status().label()).append('\n')
                          .append(key).append("tasksDone=").append(g.tasksDone()).append('\n')
                          .append(key).append("tasks=").append(g.tasks().size()).append('\n')
                          .append(key).append("points=").append(number(g.points())).append('\n');
                checks.append(g.id()).append("  ").append(g.title()).append(": ").append(g.status().label())
                      .append('\n');
                if (!g.compileError().isEmpty()) {
                    checks.append(g.compileError().indent(4));
                }
                for (TaskGrade t : g.tasks()) {
                    checks.append("  task ").append(t.name()).append(t.done() ? ": done" : ": not done").append('\n');
                    for (Check c : t.checks()) {
                        checks.append("    ").append(String.format(Locale.ROOT, "%-8s", c.verdict()))
                              .append(c.name()).append('\n');
                        if (!c.message().isEmpty()) {
                            checks.append(c.message().indent(14));
                        }
                    }
                }
            }
            Files.writeString(dir.resolve(PROPERTIES), properties, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CHECKS), checks, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RESULTS_JSON), toGradescopeJson(grades), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gradescope's shape: a total {@code score} and one {@code tests[]} entry per exercise. */
    static String toGradescopeJson(List<ExerciseGrade> grades) {
        StringBuilder json = new StringBuilder("{\n");
        double total = grades.stream().mapToDouble(ExerciseGrade::points).sum();
        json.append("  \"score\": ").append(number(total)).append(",\n  \"tests\": [");
        for (int i = 0; i < grades.size(); i++) {
            ExerciseGrade g = grades.get(i);
            boolean done = g.status() == ExerciseGrade.Status.DONE;
            StringBuilder output = new StringBuilder(g.tasksDone() + " of " + g.tasks().size() + " tasks done ("
                    + g.status().label() + ")");
            if (!g.compileError().isEmpty()) {
                output.append('\n').append(g.compileError());
            }
            for (TaskGrade t : g.tasks()) {
                output.append("\n").append(t.done() ? "[done] " : "[not done] ").append(t.name());
                Check first = t.firstFailure();
                if (first != null) {
                    output.append(": ").append(first.name()).append(": ").append(first.message());
                }
            }
            json.append(i == 0 ? "\n" : ",\n")
                .append("    {\"name\": ").append(string(g.id() + " " + g.title()))
                .append(", \"score\": ").append(number(g.points()))
                .append(", \"max_score\": ").append(ExerciseGrade.MAX_POINTS)
                .append(", \"status\": ").append(string(done ? "passed" : "failed"))
                .append(", \"output\": ").append(string(output.toString())).append('}');
        }
        return json.append(grades.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
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
