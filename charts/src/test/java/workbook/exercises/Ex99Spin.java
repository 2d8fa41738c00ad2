package workbook.exercises;

/** A learner's method gone wrong, for the figure set's tests: it never returns, or it throws. */
public final class Ex99Spin {
    private Ex99Spin() {}

    /** Loops until the thread is stopped. */
    public static void spin() {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1_000_000;
        }
    }

    /** Throws, as a learner's method might. */
    public static void fail() {
        throw new ArithmeticException("/ by zero");
    }
}
