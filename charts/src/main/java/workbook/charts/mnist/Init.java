package workbook.charts.mnist;

import java.util.Arrays;
import java.util.stream.Collectors;

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
public enum Init {
    PYTORCH("pytorch", "PyTorch default"),
    NAIVE("naive", "naive N(0, 1)"),
    SMALL("small", "small N(0, 0.01²)"),
    XAVIER("xavier", "Xavier"),
    HE("he", "He");

    private final String key;
    private final String label;

    Init(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The command-line and file name, e.g. {@code xavier}. */
    public String key() {
        return key;
    }

    /** The name in figures and tables. */
    public String label() {
        return label;
    }

    /** The scheme named {@code key} (as {@link #key()}, case-insensitive). */
    public static Init of(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("init must be one of " + keys() + ", got '" + key + "'"));
    }

    /** All keys, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(Init::key).collect(Collectors.joining(", "));
    }
}
