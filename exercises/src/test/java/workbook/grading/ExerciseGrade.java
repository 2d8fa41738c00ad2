package workbook.grading;

import java.util.List;

/**
 * What one exercise scored in one grading run.
 *
 * @param id           the exercise id, e.g. {@code Ex03}
 * @param title        what the exercise is about, e.g. {@code ReLU family}
 * @param tasks        its tasks in the lesson's order
 * @param compileError javac's diagnostics when the exercise does not compile, otherwise empty
 */
public record ExerciseGrade(String id, String title, List<TaskGrade> tasks, String compileError) {

    /** Points an exercise is worth when every task is done; each task is worth an equal share. */
    public static final int MAX_POINTS = 10;

    /** Where a learner stands on one exercise. */
    public enum Status {
        DONE("done"), IN_PROGRESS("in progress"), NOT_STARTED("not started"), DOES_NOT_COMPILE("does not compile");

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
        compileError = compileError == null ? "" : compileError;
    }

    /** Tasks whose checks all passed. */
    public int tasksDone() {
        return (int) tasks.stream().filter(TaskGrade::done).count();
    }

    public Status status() {
        if (!compileError.isEmpty()) {
            return Status.DOES_NOT_COMPILE;
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

    /** Points earned: an equal share of {@link #MAX_POINTS} per task done, rounded to one decimal. */
    public double points() {
        return tasks.isEmpty() ? 0 : Math.round(10.0 * MAX_POINTS * tasksDone() / tasks.size()) / 10.0;
    }
}
