package workbook.charts;

/**
 * One entry of the figure set: the PNG file it writes, the caption the index page shows under it, and
 * the figure class's {@code main}, called with the output folder as its only argument.
 *
 * @param file    the PNG file name, e.g. {@code fig01-activations.png}
 * @param main    the figure class's {@code main(String[])}
 * @param caption one sentence that says what to look at
 */
public record Figure(String file, Main main, String caption) {
    /** A figure class's {@code main}; may throw the stubs' UnsupportedOperationException. */
    @FunctionalInterface
    public interface Main {
        void run(String[] args) throws Exception;
    }
}
