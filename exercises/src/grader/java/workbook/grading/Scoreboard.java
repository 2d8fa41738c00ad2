package workbook.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scoreboard text: a line per exercise (tasks done of total, points), then, for the exercise to work on
 * next, its first unfinished task's first failed check in at most ten lines, then the total.
 */
public final class Scoreboard {
    /** Lines the first unfinished task may add, its check name and the hint line included. */
    static final int DETAIL_LINES = 10;
    /** How many lines of what the learner's code printed the scoreboard shows under the first failure. */
    static final int PRINTED_LINES = 2;
    /** Message lines are wrapped to fit a 100-column terminal with the indentation. */
    private static final int WIDTH = 94;
    private static final String RULE = "-".repeat(72);

    private Scoreboard() {}

    /** The scoreboard of {@code grades}; verbose adds every check that did not pass. */
    static String render(List<ExerciseGrade> grades, boolean verbose, Path resultsJson) {
        return render(grades, verbose, resultsJson, Optional.empty());
    }

    /**
     * As {@link #render(List, boolean, Path)}, for a grade of some exercises only: when all of them are done, it
     * points to {@code following}, the exercise after them.
     */
    static String render(List<ExerciseGrade> grades, boolean verbose, Path resultsJson,
                         Optional<ExerciseId> following) {
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
        if (next(grades).isEmpty()) {
            following.ifPresent(f -> out.append(" Next: ").append(f).append(". Grade it alone: ./mvnw test -Dgroups=")
                    .append(f.tag()).append('\n').append(RULE).append('\n'));
        }
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
                .min(Comparator.comparingInt(g -> !g.problem().isEmpty() ? 0
                        : g.status() == ExerciseGrade.Status.IN_PROGRESS ? 1 : 2));
    }

    /** At most {@value #DETAIL_LINES} lines: what to fix first, and how to grade it alone and get a hint. */
    static String detail(ExerciseGrade g) {
        String id = g.id().tag();
        StringBuilder out = new StringBuilder();
        List<String> body;
        TaskGrade task = g.firstUnfinished();
        Check check = task == null ? null : task.firstFailure();
        if (!g.problem().isEmpty()) {
            out.append(" Next: ").append(g.id()).append(" ").append(g.status().label()).append(":\n");
            body = g.problem().lines().collect(Collectors.toList());
        } else if (task == null) { // its suite reported no check at all
            out.append(" Next: ").append(g.id()).append(" ").append(g.status().label()).append(":\n");
            body = List.of("no check of " + g.id() + " reported a result: grade it again; if this stays, see "
                    + "target/grade/test-jvm-*.log");
        } else {
            out.append(" Next: ").append(g.id()).append(", task ").append(task.name()).append(" (")
               .append(task.passed()).append(" of ").append(task.checks().size()).append(" checks pass)\n");
            body = check == null ? List.of("no check of this task ran")
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("first failed check: " + check.name()),
                            check.message().lines().filter(l -> !l.startsWith("(a difference of exactly"))
                                    .flatMap(l -> wrap(l, WIDTH).stream()).map(l -> "  " + l))
                            .collect(Collectors.toList());
            if (check != null && check.verdict() != Check.Verdict.NOT_RUN && task.notRun() > 0) {
                body = new ArrayList<>(body);
                body.add(1, "(" + task.notRun() + " more checks of this task were not run after it)");
            }
        }
        List<String> printed = g.problem().isEmpty() && check != null ? printed(check) : List.of();
        for (String line : fit(body, DETAIL_LINES - 2 - printed.size())) {
            out.append("   ").append(line.stripTrailing()).append('\n');
        }
        printed.forEach(line -> out.append("   ").append(line).append('\n'));
        return out.append(" Grade it alone: ./mvnw test -Dgroups=").append(id)
                  .append("    A hint: java exercises/hints/Hint.java ").append(id).append('\n').toString();
    }

    /**
     * Under the first failure, what the learner's code printed during that check: its first {@value
     * #PRINTED_LINES} lines under a header that says where the rest is, or nothing when it printed nothing.
     */
    static List<String> printed(Check check) {
        List<String> lines = check.printed().lines().collect(Collectors.toList());
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> shown = new ArrayList<>();
        shown.add(lines.size() <= PRINTED_LINES ? "your code printed:"
                : "your code printed (" + PRINTED_LINES + " of " + lines.size() + " lines; all: checks.txt):");
        lines.stream().limit(PRINTED_LINES).map(l -> "  | " + (l.length() > WIDTH ? l.substring(0, WIDTH) + " ..." : l))
                .forEach(shown::add);
        return shown;
    }

    /** The start of a line where AssertJ shows a value: what came back, what was expected. */
    private static final Pattern VALUE_HEADER = Pattern.compile(
            "\\s*(Expecting|Expected|expected|to be|to contain|but was|but found|but had|but could).*");

    /**
     * At most {@code room} lines of {@code body}: when it is longer, lines are left out from the end of the
     * explanation first, never the first line (the check's name) nor the lines that show what came back and what
     * was expected (AssertJ's headers and the value under each); "..." marks where the first lines were left out.
     */
    static List<String> fit(List<String> body, int room) {
        if (body.size() <= room) {
            return body;
        }
        boolean[] keep = new boolean[body.size()];
        keep[0] = true;
        int kept = 1;
        for (int i = 1; i < body.size() && kept < room - 1; i++) {
            if (VALUE_HEADER.matcher(body.get(i).strip()).matches()) {
                for (int j = i; j < Math.min(i + 2, body.size()) && kept < room - 1; j++) {
                    kept += keep[j] ? 0 : 1;
                    keep[j] = true;
                }
            }
        }
        for (int i = 1; i < body.size() && kept < room - 1; i++) {
            kept += keep[i] ? 0 : 1;
            keep[i] = true;
        }
        List<String> fitted = new ArrayList<>();
        boolean marked = false;
        for (int i = 0; i < body.size(); i++) {
            if (keep[i]) {
                fitted.add(body.get(i));
            } else if (!marked) { // one mark, so that the lines fit: later gaps are left out silently
                fitted.add("  ... (the whole message: -Dverbose)");
                marked = true;
            }
        }
        return fitted;
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
        g.problem().lines().forEach(l -> out.append("       ").append(l).append('\n'));
        for (TaskGrade t : g.tasks()) {
            if (t.notRun() > 0) {
                out.append("       ").append(t.name()).append(": ").append(t.notRun())
                   .append(" checks not run (an earlier check of this task ran away, listed here)\n");
            }
            for (Check c : t.checks()) {
                if (!c.passed() && c.verdict() != Check.Verdict.NOT_RUN) {
                    out.append("       ").append(t.name()).append(": ").append(c.verdict().name().toLowerCase(Locale.ROOT))
                       .append(": ").append(c.name()).append('\n');
                    c.message().lines().forEach(l -> out.append("           ").append(l).append('\n'));
                    c.printed().lines().forEach(l -> out.append("           | ").append(l).append('\n'));
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
