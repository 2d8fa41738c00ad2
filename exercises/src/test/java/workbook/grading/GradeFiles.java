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

    /**
     * Gradescope's shape: a total {@code score} and one {@code tests[]} entry per task, named
     * {@code "Ex03 ReLU family: ex03.relu"}; a task is worth its share of {@link ExerciseGrade#MAX_POINTS} (in
     * hundredths, the shares of an exercise add up to exactly that), earned only when all its checks pass.
     */
    static String toGradescopeJson(List<ExerciseGrade> grades) {
        StringBuilder tests = new StringBuilder();
        double total = 0;
        for (ExerciseGrade g : grades) {
            double[] shares = shares(g.tasks().size());
            for (int i = 0; i < g.tasks().size(); i++) {
                TaskGrade t = g.tasks().get(i);
                double score = t.done() && g.compileError().isEmpty() ? shares[i] : 0;
                total += score;
                String output;
                if (!g.compileError().isEmpty()) {
                    output = g.id() + " does not compile" + (i == 0 ? ":\n" + g.compileError() : "");
                } else if (t.done()) {
                    output = "done: " + t.passed() + " of " + t.checks().size() + " checks passed";
                } else {
                    Check first = t.firstFailure();
                    output = "not done: " + t.passed() + " of " + t.checks().size() + " checks passed"
                            + (first == null ? "" : "\nfirst failed check: " + first.name() + "\n" + first.message());
                }
                tests.append(tests.length() == 0 ? "\n" : ",\n")
                     .append("    {\"name\": ").append(string(g.id() + " " + g.title() + ": " + t.id()))
                     .append(", \"score\": ").append(hundredths(score))
                     .append(", \"max_score\": ").append(hundredths(shares[i]))
                     .append(", \"status\": ").append(string(score > 0 ? "passed" : "failed"))
                     .append(", \"output\": ").append(string(output)).append('}');
            }
        }
        return "{\n  \"score\": " + hundredths(total) + ",\n  \"tests\": [" + tests
                + (tests.length() == 0 ? "]\n}\n" : "\n  ]\n}\n");
    }

    /** {@link ExerciseGrade#MAX_POINTS} split into n shares of whole hundredths that add up to it exactly. */
    static double[] shares(int n) {
        double[] shares = new double[n];
        int cents = ExerciseGrade.MAX_POINTS * 100;
        for (int i = 0; i < n; i++) {
            shares[i] = (cents / n + (i < cents % n ? 1 : 0)) / 100.0;
        }
        return shares;
    }

    private static String hundredths(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
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
