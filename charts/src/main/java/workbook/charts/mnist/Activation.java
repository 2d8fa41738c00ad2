package workbook.charts.mnist;

/**
 * The activations of the lab (part 3 (d): ReLU, Sigmoid, LeakyReLU, Tanh, Mish, Swish), named as on the
 * command line. Leaky ReLU has slope 0.01 below 0; Swish is {@code x sigmoid(beta x)} with {@code beta = 1}
 * unless the run trains beta (part 3 (g)).
 */
public enum Activation implements Keyed {
    RELU("ReLU"),
    SIGMOID("Sigmoid"),
    LEAKY_RELU("LeakyReLU"),
    TANH("Tanh"),
    MISH("Mish"),
    SWISH("Swish");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** The name in figures and tables. */
    public String label() {
        return label;
    }

    /** The constant named {@code key} (as {@link #key()}, case-insensitive). */
    public static Activation of(String key) {
        return Keyed.of(Activation.class, "activation", key);
    }

    /** All keys, comma-separated. */
    public static String keys() {
        return Keyed.keys(Activation.class);
    }
}
