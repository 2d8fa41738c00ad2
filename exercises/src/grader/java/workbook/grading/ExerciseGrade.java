package workbook.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one exercise scored in one grading run.
 *
 * @param id          the exercise
 * @param title       what the exercise is about, e.g. {@code ReLU family}
 * @param tasks       its tasks in the lesson's order
 * @param problem     why the exercise could not run (javac's diagnostics, what it may not use), otherwise empty
 * @param problemKind the status that {@code problem} gives the exercise: {@link Status#DOES_NOT_COMPILE},
 *                    {@link Status#NOT_ALLOWED} or {@link Status#SUITE_MISSING}
 */
public record ExerciseGrade(ExerciseId id, String title, List<TaskGrade> tasks, String problem, Status problemKind) {

    /** Points an exercise is worth when every task is done; each task is worth an equal share. */
    public static final int MAX_POINTS = 10;

    /** Where a learner stands on one exercise. */
    public enum Status {
        DONE("done"), IN_PROGRESS("in progress"), NOT_STARTED("not started"), DOES_NOT_COMPILE("does not compile"),
        /** It declares a class outside its own, or uses what graded code may not. */
        NOT_ALLOWED("not allowed"),
        /** Its hidden-suite file is missing. */
        SUITE_MISSING("suite missing");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The words the scoreboard prints. */
        public String label() {
            return label;
        }
    }

    public ExerciseGrade {
        tasks = List.copyOf(tasks);
        problem = problem == null ? "" : problem;
    }

    /** An exercise that ran, or, with a problem, one that does not compile. */
    public ExerciseGrade(ExerciseId id, String title, List<TaskGrade> tasks, String problem) {
        this(id, title, tasks, problem, Status.DOES_NOT_COMPILE);
    }

    /** Tasks whose checks all passed. */
    public int tasksDone() {
        return (int) tasks.stream().filter(TaskGrade::done).count();
    }

    public Status status() {
        if (!problem.isEmpty()) {
            return problemKind;
        }
        if (!tasks.isEmpty() && tasksDone() == tasks.size()) {
            return Status.DONE;
        }
        return tasks.stream().allMatch(TaskGrade::notStarted) ? Status.NOT_STARTED : Status.IN_PROGRESS;
    }

    /** The first task that is not done, in the lesson's order, or {@code null}. */
    public TaskGrade firstUnfinished() {
        return tasks.stream().filter(t -> !t.done()).findFirst().orElse(null);
    }

    /**
     * The points rule, the one the scoreboard, {@code grade.properties}, Gradescope and GitHub Classroom all record:
     * k of an exercise's n tasks done earn {@code 10 k / n} points, rounded half up to hundredths (1 of 3: 3.33,
     * 2 of 3: 6.67). It depends on the count alone, which is also how GitHub Classroom's reporter prints a runner's
     * points, so its console, its recorded points and the scoreboard agree.
     *
     * @return hundredths of a point earned
     */
    public int earned() {
        if (!problem.isEmpty() || tasks.isEmpty()) {
            return 0;
        }
        int n = tasks.size();
        return (2 * 100 * MAX_POINTS * tasksDone() + n) / (2 * n);
    }

    /** Points earned (the hundredths of {@link #earned()}). */
    public double points() {
        return earned() / 100.0;
    }

    /** Hundredths of a point as the grade prints them everywhere: {@code 3.34}, {@code 7.5}, {@code 10}, {@code 0}. */
    public static String format(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }
}
