package workbook.grading;

/**
 * What one exercise scored in one grading run.
 *
 * @param id           the exercise id, e.g. {@code Ex03}
 * @param title        what the exercise is about, e.g. {@code ReLU family}
 * @param passed       checks that passed
 * @param total        checks that ran
 * @param stubOnly     every failed check failed because a method still throws "is not implemented yet"
 * @param firstFailure the first failed check and its message (preferring a wrong answer or a time-out to a
 *                     method that is not implemented yet), or an empty string when all passed
 */
public record ExerciseGrade(String id, String title, int passed, int total, boolean stubOnly,
                            String firstFailure) {

    /** Points an exercise is worth when every check passes. */
    public static final int MAX_POINTS = 10;

    /** Where a learner stands on one exercise. */
    public enum Status {
        DONE("done"), IN_PROGRESS("in progress"), NOT_STARTED("not started");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word the scoreboard prints. */
        public String label() {
            return label;
        }
    }

    public ExerciseGrade {
        if (total < 0 || passed < 0 || passed > total) {
            throw new IllegalArgumentException(
                    "passed must lie in [0, total], got passed=" + passed + " total=" + total);
        }
    }

    /** Done when every check passed; not started when nothing passed and only stubs failed. */
    public Status status() {
        if (total > 0 && passed == total) {
            return Status.DONE;
        }
        return passed == 0 && stubOnly ? Status.NOT_STARTED : Status.IN_PROGRESS;
    }

    /** Points earned, proportional to the checks passed, rounded to one decimal. */
    public double points() {
        return total == 0 ? 0 : Math.round(10.0 * MAX_POINTS * passed / total) / 10.0;
    }
}
