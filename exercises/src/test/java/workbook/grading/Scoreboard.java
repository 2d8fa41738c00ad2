package workbook.grading;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the grade of the last run, after Surefire's own report, so it is the last thing a learner reads.
 * With {@code strict = true} an unfinished exercise fails the build.
 */
public final class Scoreboard {
    private static final int MESSAGE_LINES = 6;

    private Scoreboard() {}

    /**
     * Prints the scoreboard.
     *
     * @param args the grade folder, then {@code true} for strict mode
     * @throws IllegalStateException in strict mode, when an exercise that ran is not done
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Scoreboard <grade folder> <strict: true|false>");
        }
        // a bare -Dstrict arrives as "true"; an empty value also means strict
        print(Path.of(args[0]), Boolean.parseBoolean(args[1]) || args[1].isEmpty(), System.out);
    }

    /** Prints the scoreboard of the grades in {@code dir} to {@code out}; see {@link #main}. */
    static void print(Path dir, boolean strict, PrintStream out) {
        List<ExerciseGrade> grades = GradeFiles.read(dir);
        out.println(render(grades, dir.resolve(GradeFiles.RESULTS_JSON)));
        List<String> unfinished = grades.stream()
                .filter(g -> g.status() != ExerciseGrade.Status.DONE)
                .map(ExerciseGrade::id).collect(Collectors.toList());
        if (strict && (grades.isEmpty() || !unfinished.isEmpty())) {
            throw new IllegalStateException(grades.isEmpty() ? "Strict grading: no check ran."
                    : "Strict grading: not done yet: " + String.join(", ", unfinished));
        }
    }

    /** The scoreboard text: a line per exercise, the first failed check of an unfinished one, a total. */
    static String render(List<ExerciseGrade> grades, Path resultsJson) {
        String rule = "-".repeat(72);
        StringBuilder out = new StringBuilder("\n").append(rule).append("\n WORKBOOK GRADE\n").append(rule).append('\n');
        if (grades.isEmpty()) {
            return out.append(" No check ran. If you selected exercises with -Dgroups, the ids are ex01 ... ex10;\n")
                      .append(" if the test JVM was stopped (a crash, or the whole-run time limit), see the messages above.\n")
                      .append(rule).toString();
        }
        int titleWidth = grades.stream().mapToInt(g -> g.title().length()).max().orElse(0);
        for (ExerciseGrade g : grades) {
            out.append(String.format(Locale.ROOT, " %s  %-" + titleWidth + "s  %-11s  %3d/%-3d  %4.1f / %d%n",
                    g.id(), g.title(), g.status().label(), g.passed(), g.total(), g.points(),
                    ExerciseGrade.MAX_POINTS));
            if (g.status() == ExerciseGrade.Status.IN_PROGRESS && !g.firstFailure().isEmpty()) {
                out.append(indent(g.firstFailure()));
            }
        }
        double points = grades.stream().mapToDouble(ExerciseGrade::points).sum();
        long done = grades.stream().filter(g -> g.status() == ExerciseGrade.Status.DONE).count();
        out.append(rule).append('\n').append(String.format(Locale.ROOT,
                " Total %.1f / %d points; %d of %d exercises done.%n",
                points, ExerciseGrade.MAX_POINTS * grades.size(), done, grades.size()));
        grades.stream().filter(g -> g.status() != ExerciseGrade.Status.DONE).findFirst().ifPresent(next ->
                out.append(" Next: ").append(next.id()).append(" (grade it alone: ./mvnw test -Dgroups=")
                   .append(next.id().toLowerCase(Locale.ROOT)).append(")\n"));
        return out.append(" Results for tools: ").append(resultsJson).append('\n').append(rule).toString();
    }

    private static String indent(String failure) {
        String[] lines = failure.split("\\R");
        StringBuilder out = new StringBuilder();
        out.append("       first failed check: ").append(lines[0]).append('\n');
        for (int i = 1; i < Math.min(lines.length, MESSAGE_LINES + 1); i++) {
            out.append("         ").append(lines[i].stripTrailing()).append('\n');
        }
        if (lines.length > MESSAGE_LINES + 1) {
            out.append("         ... (the full message is in Surefire's list above)\n");
        }
        return out.toString();
    }
}
