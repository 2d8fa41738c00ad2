package workbook.charts.mnist.protocol;

/**
 * How a run draws its initial weights and biases (part 4), named as on the command line. Weight matrices are
 * {@code fanIn x fanOut}.
 * <ul>
 * <li>{@link #PYTORCH}: PyTorch's {@code nn.Linear} default, weights and biases uniform in
 *     {@code +-1/sqrt(fanIn)} (variance {@code 1/(3 fanIn)}); the default of part 3.
 * <li>{@link #NAIVE}: weights N(0, 1), biases 0.
 * <li>{@link #SMALL}: weights N(0, 0.01^2), biases 0.
 * <li>{@link #XAVIER}: weights normal with variance {@code 2/(fanIn + fanOut)}, biases 0.
 * <li>{@link #HE}: weights normal with variance {@code 2/fanIn}, biases 0.
 * </ul>
 */
public enum Init implements Keyed {
    PYTORCH("PyTorch default"),
    NAIVE("naive N(0, 1)"),
    SMALL("small N(0, 0.01²)"),
    XAVIER("Xavier"),
    HE("He");

    private final String label;

    Init(String label) {
        this.label = label;
    }

    /** The name in figures and tables. */
    public String label() {
        return label;
    }

    /** The constant named {@code key} (as {@link #key()}, case-insensitive). */
    public static Init of(String key) {
        return Keyed.of(Init.class, "init", key);
    }

    /** All keys, comma-separated. */
    static String keys() {
        return Keyed.keys(Init.class);
    }
}
