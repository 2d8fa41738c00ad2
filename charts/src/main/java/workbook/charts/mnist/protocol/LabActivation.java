package workbook.charts.mnist.protocol;

/**
 * The activations of the lab (part 3 (d): ReLU, Sigmoid, LeakyReLU, Tanh, Mish, Swish, in the seed's order), named
 * as on the command line, and a seventh that runs only when asked for ({@code --activations ...,custom}): Ex07's
 * {@code customActivation}, the learner's own design under {@code -Plearner} (the reference design otherwise).
 * Leaky ReLU has slope 0.01 below 0; Swish is {@code x sigmoid(beta x)} with {@code beta = 1} unless the run
 * trains beta (part 3 (g)).
 */
public enum LabActivation implements Keyed {
    RELU("ReLU"),
    SIGMOID("Sigmoid"),
    LEAKY_RELU("LeakyReLU"),
    TANH("Tanh"),
    MISH("Mish"),
    SWISH("Swish"),
    CUSTOM("Custom");

    /** The seed's six, what {@code --activations} means when it is not given. */
    public static final java.util.List<LabActivation> SEEDS_SIX = java.util.List.of(RELU, SIGMOID, LEAKY_RELU, TANH, MISH,
            SWISH);

    private final String label;

    LabActivation(String label) {
        this.label = label;
    }

    /** The name in figures and tables. */
    public String label() {
        return label;
    }

    /** The constant named {@code key} (as {@link #key()}, case-insensitive). */
    public static LabActivation of(String key) {
        return Keyed.of(LabActivation.class, "activation", key);
    }

    /** All keys, comma-separated. */
    public static String keys() {
        return Keyed.keys(LabActivation.class);
    }

    /** The keys of the seed's six, comma-separated. */
    public static String seedsSix() {
        return String.join(",", SEEDS_SIX.stream().map(LabActivation::key).toList());
    }
}
