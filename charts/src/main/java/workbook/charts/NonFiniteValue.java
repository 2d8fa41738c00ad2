package workbook.charts;

/**
 * A sampled curve came out NaN or infinite: the figure is skipped with this note rather than drawn with a
 * silent gap.
 */
public final class NonFiniteValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param curve the curve's name, e.g. {@code ReLU}
     * @param x     the input
     * @param y     what the function returned there
     */
    public NonFiniteValue(String curve, double x, double y) {
        super(curve + "(" + x + ") = " + y + ", not a finite number");
    }
}
