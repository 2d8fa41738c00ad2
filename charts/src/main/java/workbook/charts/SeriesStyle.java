package workbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one colour and dash of every activation and initializer, the same in every figure (the README's style
 * table lists them). A series is matched by its legend key: a key that starts with one of a style's names, in
 * any case, followed by the end or a character that is not a letter ("ELU' (α = 1)", "He prediction 1", the MNIST
 * lab's "Tanh"), wears that style; the longest matching name wins, so "SELU" is never taken for "ELU".
 *
 * <p>Colours are Paul Tol's colour-blind-safe schemes (vibrant for the classic activations, muted for the
 * modern ones, high-contrast for the initializers); the dash tells curves apart in grey-scale print too. The
 * curves a figure is usually about (sigmoid, tanh, ReLU, GELU, He) are solid. Series that are neither an
 * activation nor an initializer (x², a temperature's probabilities, an error curve) take {@link #other}.
 */
public enum SeriesStyle {
    SIGMOID(0x0077BB, "blue", Dash.SOLID, "sigmoid", "σ"),
    TANH(0xEE7733, "orange", Dash.SOLID, "tanh"),
    RELU(0xCC3311, "red", Dash.SOLID, "ReLU"),
    LEAKY_RELU(0x009988, "teal", Dash.DASHED, "LeakyReLU", "Leaky ReLU"),
    ELU(0xEE3377, "magenta", Dash.DASH_DOT, "ELU"),
    SELU(0x555555, "dark grey", Dash.LONG_DASH, "SELU"),
    SOFTPLUS(0x33BBEE, "cyan", Dash.SHORT_DASH, "softplus"),
    GELU(0x332288, "indigo", Dash.SOLID, "GELU"),
    GELU_TANH(0x88CCEE, "light cyan", Dash.DASHED, "GELU (tanh form)", "GELU, tanh"),
    SILU(0x117733, "green", Dash.DASHED, "SiLU", "swish"),
    MISH(0x882255, "wine", Dash.DOTTED, "Mish"),
    HARDSWISH(0x999933, "olive", Dash.DASH_DOT, "hardswish"),
    NAIVE(0xAA4499, "purple", Dash.DOTTED, "naive N(0, 1)", "naive"),
    XAVIER(0xDDAA33, "yellow", Dash.DASHED, "Xavier"),
    HE(0x004488, "dark blue", Dash.SOLID, "He"),
    /** The learner's own activation (Ex07's customActivation), in the MNIST lab's race. */
    CUSTOM(0x000000, "black", Dash.DASH_DOT, "custom");

    /** Line width in logical pixels (the PNG doubles it). */
    public static final float LINE_WIDTH = 2.4f;

    /** Colours for curves that are no activation or initializer, in order: Tol's medium-contrast scheme. */
    private static final List<Color> OTHER_COLOURS = List.of(new Color(0x222222), new Color(0x6699CC),
            new Color(0x997700), new Color(0xEE99AA), new Color(0x994455), new Color(0xBBBBBB));
    private static final List<Dash> OTHER_DASHES = List.of(Dash.SOLID, Dash.DASHED, Dash.DASH_DOT, Dash.SHORT_DASH,
            Dash.LONG_DASH, Dash.DOTTED);

    /** Dash patterns in logical pixels; {@code SOLID} has none. */
    public enum Dash {
        SOLID(), DASHED(9, 5), DOTTED(2, 4), DASH_DOT(12, 4, 2, 4), SHORT_DASH(5, 3), LONG_DASH(16, 6);

        private final float[] pattern;

        Dash(float... pattern) {
            this.pattern = pattern;
        }

        /** The stroke of this dash at {@code width} logical pixels. */
        public Stroke stroke(float width) {
            return pattern.length == 0
                    ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern.clone(), 0f);
        }
    }

    private final Color colour;
    private final String colourName;
    private final Dash dash;
    private final List<String> names;

    SeriesStyle(int rgb, String colourName, Dash dash, String... names) {
        this.colour = new Color(rgb);
        this.colourName = colourName;
        this.dash = dash;
        this.names = List.of(names);
    }

    public Color colour() {
        return colour;
    }

    /** The colour's name in the style table, e.g. "blue". */
    public String colourName() {
        return colourName;
    }

    /** The style table's row: name, colour (name and hex), dash, as in the README. */
    public String tableRow() {
        return String.format("| %s | %s #%06X | %s |", names.get(0), colourName, colour.getRGB() & 0xFFFFFF,
                dash.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    public Dash dash() {
        return dash;
    }

    /** The line stroke of this style. */
    public Stroke stroke() {
        return dash.stroke(LINE_WIDTH);
    }

    /** The names a legend key may start with, the first being the one the style table shows. */
    public List<String> names() {
        return names;
    }

    /** The style of the activation or initializer a legend key names, if it names one. */
    public static Optional<SeriesStyle> of(Comparable<?> key) {
        String text = String.valueOf(key);
        return Arrays.stream(values())
                .flatMap(style -> style.names.stream().filter(name -> startsWithWord(text, name)).map(name -> style))
                .max(Comparator.comparingInt(style -> longestMatch(style, text)));
    }

    private static int longestMatch(SeriesStyle style, String text) {
        return style.names.stream().filter(name -> startsWithWord(text, name)).mapToInt(String::length).max()
                .orElse(0);
    }

    private static boolean startsWithWord(String text, String name) {
        return text.regionMatches(true, 0, name, 0, name.length()) && (text.length() == name.length()
                || !Character.isLetter(text.charAt(name.length())));
    }

    /** The colour of the {@code index}-th series of a plot that is no activation or initializer. */
    public static Color otherColour(int index) {
        return OTHER_COLOURS.get(index % OTHER_COLOURS.size());
    }

    /** The stroke of the {@code index}-th series of a plot that is no activation or initializer. */
    public static Stroke otherStroke(int index) {
        return OTHER_DASHES.get(index % OTHER_DASHES.size()).stroke(LINE_WIDTH);
    }
}
