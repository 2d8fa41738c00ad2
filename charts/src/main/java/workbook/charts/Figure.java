package workbook.charts;

import java.util.List;

/**
 * One entry of the figure set: the PNG file it writes, its caption (for the set: FigureCaptions in theory), the
 * figure class's {@code main}, called with the output folder as its only argument, and the exercises whose
 * methods it draws from (the one place that says so: the README's table is checked against it).
 *
 * @param file      the PNG file name, e.g. {@code fig01-activations.png}
 * @param main      the figure class's {@code main(String[])}
 * @param caption   one sentence that says what to look at
 * @param exercises the exercises a learner must finish before {@code -Plearner} can draw it, e.g. {@code Ex04}
 */
public record Figure(String file, Main main, String caption, List<String> exercises) {
    /** A figure class's {@code main}; may throw the stubs' UnsupportedOperationException. */
    @FunctionalInterface
    public interface Main {
        void run(String[] args) throws Exception;
    }

    public Figure {
        exercises = List.copyOf(exercises);
        for (String e : exercises) {
            if (!e.matches("Ex\\d\\d")) {
                throw new IllegalArgumentException("exercises must be ids like Ex04, got " + e);
            }
        }
    }

    /** A figure that draws from no exercise. */
    public Figure(String file, Main main, String caption) {
        this(file, main, caption, List.of());
    }
}
