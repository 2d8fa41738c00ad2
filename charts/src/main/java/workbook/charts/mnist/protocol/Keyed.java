package workbook.charts.mnist.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum constant named on the command line and in run names by its lower-case, hyphenated name. */
interface Keyed {
    /** The constant's Java name, e.g. {@code LEAKY_RELU}. */
    String name();

    /** The command-line and file name, e.g. {@code leaky-relu}. */
    default String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose key is {@code key} (case-insensitive); {@code what} names it in errors. */
    static <E extends Enum<E> & Keyed> E of(Class<E> type, String what, String key) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.key().equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + " must be one of " + keys(type) + ", got '"
                        + key + "'"));
    }

    /** All keys of {@code type}, comma-separated. */
    static <E extends Enum<E> & Keyed> String keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "));
    }
}
