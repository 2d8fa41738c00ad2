package workbook.charts.mnist;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The activations of the lab (part 3 (d): ReLU, Sigmoid, LeakyReLU, Tanh, Mish, Swish), named as on the
 * command line. Leaky ReLU has slope 0.01 below 0; Swish is {@code x sigmoid(beta x)} with {@code beta = 1}
 * unless the run trains beta (part 3 (g)).
 */
public enum Activation {
    RELU("relu", "ReLU"),
    SIGMOID("sigmoid", "Sigmoid"),
    LEAKY_RELU("leaky-relu", "LeakyReLU"),
    TANH("tanh", "Tanh"),
    MISH("mish", "Mish"),
    SWISH("swish", "Swish");

    private final String key;
    private final String label;

    Activation(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The command-line and file name, e.g. {@code leaky-relu}. */
    public String key() {
        return key;
    }

    /** The name in figures and tables, e.g. {@code LeakyReLU}. */
    public String label() {
        return label;
    }

    /** The activation named {@code key} (as {@link #key()}, case-insensitive). */
    public static Activation of(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("activation must be one of " + keys() + ", got '"
                        + key + "'"));
    }

    /** All keys, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(Activation::key).collect(Collectors.joining(", "));
    }
}
