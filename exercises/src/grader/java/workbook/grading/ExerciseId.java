package workbook.grading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one name of an exercise in the grader: {@code Ex03} in class names, on the scoreboard and in the grade files;
 * {@code ex03} as the tag of its checks and the prefix of its tasks' tags ({@code ex03.relu}).
 *
 * @param number 3 for {@code Ex03}
 */
public record ExerciseId(int number) implements Comparable<ExerciseId> {
    /** {@code Ex03}, {@code ex03}, {@code ex03.relu}, {@code Ex03ReluFamily}, {@code Ex03ReluFamilyTest}. */
    private static final Pattern NAMED = Pattern.compile("(?i)ex(\\d\\d)(?:\\.\\w+|[A-Z]\\w*)?");

    public ExerciseId {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("number must be between 1 and 99, got " + number);
        }
    }

    /** The exercise a tag, a task id or a class name names, if it names one. */
    public static Optional<ExerciseId> find(String text) {
        Matcher m = NAMED.matcher(text);
        return m.matches() ? Optional.of(new ExerciseId(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /** As {@link #find}, for text that must name an exercise. */
    public static ExerciseId parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "text must name an exercise (ex03, Ex03, ex03.relu or Ex03ReluFamily), got '" + text + "'"));
    }

    /** The tag of its checks, {@code ex03}. */
    public String tag() {
        return toString().toLowerCase(Locale.ROOT);
    }

    /** {@code Ex03}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Ex%02d", number);
    }

    @Override
    public int compareTo(ExerciseId other) {
        return Integer.compare(number, other.number);
    }
}
