package workbook.grading;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scoreboard text: a line per exercise (tasks done of total, points), then, for the exercise to work on
 * next, its first unfinished task's first failed check in at most ten lines, then the total.
 */
public final class Scoreboard {
    /** Lines the first unfinished task may add, its check name and the hint line included. */
    static final int DETAIL_LINES = 10;
    /** Message lines are wrapped to fit a 100-column terminal with the indentation. */
    private static final int WIDTH = 94;
    private static final String RULE = "-".repeat(72);

    private Scoreboard() {}

    /** The scoreboard of {@code grades}; verbose adds every check that did not pass. */
    static String render(List<ExerciseGrade> grades, boolean verbose, Path resultsJson) {
        StringBuilder out = new StringBuilder(RULE).append("\n WORKBOOK GRADE\n").append(RULE).append('\n');
        if (grades.isEmpty()) {
            return out.append(" No exercise to grade.\n").append(RULE).toString();
        }
        int titleWidth = grades.stream().mapToInt(g -> g.title().length()).max().orElse(0);
        for (ExerciseGrade g : grades) {
            String tasks = g.tasks().isEmpty() ? "-" : g.tasksDone() + "/" + g.tasks().size();
            out.append(String.format(Locale.ROOT, " %s  %-" + titleWidth + "s  %-16s  %3s tasks  %5s / %d%n",
                    g.id(), g.title(), g.status().label(), tasks, ExerciseGrade.format(g.earned()),
                    ExerciseGrade.MAX_POINTS));
            if (verbose) {
                out.append(allFailures(g));
            }
        }
        out.append(RULE).append('\n');
        next(grades).ifPresent(g -> out.append(detail(g)).append(RULE).append('\n'));
        int earned = grades.stream().mapToInt(ExerciseGrade::earned).sum();
        long done = grades.stream().filter(g -> g.status() == ExerciseGrade.Status.DONE).count();
        out.append(String.format(Locale.ROOT, " Total %s / %d points; %d of %d exercises done.%n",
                ExerciseGrade.format(earned), ExerciseGrade.MAX_POINTS * grades.size(), done, grades.size()));
        out.append(" Every check: ").append(display(resultsJson.resolveSibling(GradeFiles.CHECKS)))
           .append(" (or -Dverbose)\n");
        return out.append(RULE).toString();
    }

    /** The exercise to work on: one that does not compile, else one in progress, else the first not started. */
    static Optional<ExerciseGrade> next(List<ExerciseGrade> grades) {
        return grades.stream().filter(g -> g.status() != ExerciseGrade.Status.DONE)
                .min(Comparator.comparingInt(g -> switch (g.status()) {
                    case DOES_NOT_COMPILE -> 0;
                    case IN_PROGRESS -> 1;
                    default -> 2;
                }));
    }

    /** At most {@value #DETAIL_LINES} lines: what to fix first, and how to grade it alone and get a hint. */
    static String detail(ExerciseGrade g) {
        String id = g.id().tag();
        StringBuilder out = new StringBuilder();
        List<String> body;
        if (g.status() == ExerciseGrade.Status.DOES_NOT_COMPILE) {
            out.append(" Next: ").append(g.id()).append(" does not compile:\n");
            body = g.compileError().lines().collect(Collectors.toList());
        } else {
            TaskGrade task = g.firstUnfinished();
            Check check = task.firstFailure();
            out.append(" Next: ").append(g.id()).append(", task ").append(task.name()).append(" (")
               .append(task.passed()).append(" of ").append(task.checks().size()).append(" checks pass)\n");
            body = check == null ? List.of("no check of this task ran")
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("first failed check: " + check.name()),
                            check.message().lines().filter(l -> !l.startsWith("(a difference of exactly"))
                                    .flatMap(l -> wrap(l, WIDTH).stream()).map(l -> "  " + l))
                            .collect(Collectors.toList());
        }
        int room = DETAIL_LINES - 2;
        for (int i = 0; i < Math.min(body.size(), room); i++) {
            String line = body.get(i).stripTrailing();
            out.append("   ").append(i == room - 1 && body.size() > room ? "... (the rest: -Dverbose)" : line)
               .append('\n');
        }
        return out.append(" Grade it alone: ./mvnw test -Dgroups=").append(id)
                  .append("    A hint: java exercises/hints/Hint.java ").append(id).append('\n').toString();
    }

    /** {@code line} cut at spaces into pieces of at most {@code width} characters (a longer word stays whole). */
    static List<String> wrap(String line, int width) {
        List<String> pieces = new java.util.ArrayList<>();
        String rest = line.stripTrailing();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                break;
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        pieces.add(rest);
        return pieces;
    }

    private static String allFailures(ExerciseGrade g) {
        StringBuilder out = new StringBuilder();
        g.compileError().lines().forEach(l -> out.append("       ").append(l).append('\n'));
        for (TaskGrade t : g.tasks()) {
            for (Check c : t.checks()) {
                if (!c.passed()) {
                    out.append("       ").append(t.name()).append(": ").append(c.verdict().name().toLowerCase(Locale.ROOT))
                       .append(": ").append(c.name()).append('\n');
                    c.message().lines().forEach(l -> out.append("           ").append(l).append('\n'));
                }
            }
        }
        return out.toString();
    }

    /** The one line that {@code -Dstrict} prints before failing, or {@code null} when everything graded is done. */
    static String strictFailure(List<ExerciseGrade> grades) {
        if (grades.isEmpty()) {
            return "Strict grading failed: no exercise was graded.";
        }
        List<String> unfinished = grades.stream().filter(g -> g.status() != ExerciseGrade.Status.DONE)
                .map(g -> g.id().toString()).collect(Collectors.toList());
        return unfinished.isEmpty() ? null : "Strict grading failed: not done yet: " + String.join(", ", unfinished);
    }

    /** A path relative to the working folder when it lies below it. */
    static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.toAbsolutePath().startsWith(here) ? here.relativize(path.toAbsolutePath()).toString()
                : path.toString();
    }
}
