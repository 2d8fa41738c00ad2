package workbook.theory.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The short lab report a write-up's {@code main} prints: a title line, optional tables of the numbers
 * behind the story, then every claim with PASS or FAIL, what was observed and what was expected.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     WriteUps.of(VanishingGradients.class).report()
 *             .table("slope products over depth", List.of("depth", "sigmoid'(0)^depth"), rows)
 *             .checks(checks())
 *             .print();
 * }
 * }</pre>
 */
public final class WriteUpReport {
    private final StringBuilder text = new StringBuilder();

    private WriteUpReport(String heading) {
        text.append(heading).append(System.lineSeparator());
    }

    /**
     * Starts a report under a heading. A write-up starts its own with {@code WriteUps.of(ItsClass.class).report()},
     * whose heading (number, title, name and exercises) comes from the lesson index.
     */
    public static WriteUpReport headed(String heading) {
        if (heading == null || heading.isBlank()) {
            throw new IllegalArgumentException("heading must be a non-blank line, got " + heading);
        }
        return new WriteUpReport(heading);
    }

    /** Adds a sentence or two of context (keep it short: the write-up itself is the Javadoc). */
    public WriteUpReport note(String sentence) {
        text.append(System.lineSeparator()).append(sentence).append(System.lineSeparator());
        return this;
    }

    /** Adds a table of numbers: one caption, column names, one array of values per row. */
    public WriteUpReport table(String caption, List<String> columns, double[][] rows) {
        return table(caption, columns, null, rows);
    }

    /**
     * Adds a table whose rows are named: the first column holds {@code rowNames}, the other columns the values
     * ({@code columns} names all of them, the first included).
     */
    public WriteUpReport table(String caption, List<String> columns, List<String> rowNames, double[][] rows) {
        int offset = rowNames == null ? 0 : 1;
        int nameWidth = 0;
        if (rowNames != null) {
            if (rowNames.size() != rows.length) {
                throw new IllegalArgumentException("need one row name per row, got " + rowNames.size()
                        + " names for " + rows.length + " rows");
            }
            nameWidth = columns.get(0).length();
            for (String name : rowNames) {
                nameWidth = Math.max(nameWidth, name.length());
            }
        }
        int width = 12;
        for (String column : columns.subList(offset, columns.size())) {
            width = Math.max(width, column.length() + 2);
        }
        String cell = "%" + width + "s";
        String nameCell = "  %-" + nameWidth + "s";
        String newline = System.lineSeparator();
        text.append(newline).append(caption).append(newline);
        if (rowNames != null) {
            text.append(String.format(Locale.ROOT, nameCell, columns.get(0)));
        }
        for (String column : columns.subList(offset, columns.size())) {
            text.append(String.format(Locale.ROOT, cell, column));
        }
        text.append(newline);
        for (double[] row : rows) {
            if (row.length != columns.size() - offset) {
                throw new IllegalArgumentException("every row must have " + (columns.size() - offset)
                        + " values, got " + row.length);
            }
        }
        List<DoubleFunction<String>> formats = new ArrayList<>();
        for (int c = 0; c < columns.size() - offset; c++) {
            final int column = c;
            formats.add(columnFormat(Arrays.stream(rows).mapToDouble(row -> row[column]).toArray()));
        }
        for (int r = 0; r < rows.length; r++) {
            if (rowNames != null) {
                text.append(String.format(Locale.ROOT, nameCell, rowNames.get(r)));
            }
            for (int c = 0; c < rows[r].length; c++) {
                text.append(String.format(Locale.ROOT, cell, formats.get(c).apply(rows[r][c])));
            }
            text.append(newline);
        }
        return this;
    }

    /**
     * One format for a whole column: integers plainly; numbers between 1e-3 and 1e6 with the same number of
     * decimals (enough for 4 significant digits of the smallest); otherwise all in E notation with 4 digits.
     */
    static DoubleFunction<String> columnFormat(double[] values) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        boolean integers = true;
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            double magnitude = Math.abs(v);
            integers &= v == Math.rint(v) && magnitude < 1e9;
            if (magnitude > 0) {
                smallest = Math.min(smallest, magnitude);
                largest = Math.max(largest, magnitude);
            }
        }
        if (integers) {
            return v -> special(v, String.format(Locale.ROOT, "%.0f", v));
        }
        if (smallest >= 1e-3 && largest < 1e6) {
            int decimals = Math.max(0, Math.min(6, 3 - (int) Math.floor(Math.log10(smallest))));
            String pattern = "%." + decimals + "f";
            return v -> special(v, String.format(Locale.ROOT, pattern, v));
        }
        return v -> special(v, String.format(Locale.ROOT, "%.3e", v));
    }

    private static String special(double value, String formatted) {
        return Double.isNaN(value) || Double.isInfinite(value) ? Double.toString(value) : formatted;
    }

    /** Adds every claim with PASS or FAIL, then a one-line verdict. */
    public WriteUpReport checks(List<Claim> checks) {
        String newline = System.lineSeparator();
        text.append(newline).append("Checks").append(newline);
        long holding = 0;
        for (Claim claim : checks) {
            boolean holds = claim.holds();
            holding += holds ? 1 : 0;
            text.append(holds ? "  PASS  " : "  FAIL  ").append(claim.statement()).append(newline)
                    .append("        observed ").append(format(claim.observed()))
                    .append(", expected ").append(expectation(claim)).append(newline);
        }
        text.append(newline).append(String.format(Locale.ROOT, "%d of %d checks hold.%s", holding, checks.size(),
                holding == checks.size() ? "" : "  A FAILED check means the derivation and the code disagree."))
                .append(newline);
        return this;
    }

    /**
     * What was expected, and how close the observation came. A wide tolerance around a non-zero value reads best as
     * an interval (that is how inRange builds it); a tolerance finer than the 6 digits {@link #format} prints shows
     * the difference itself against the tolerance, since both numbers would print the same.
     */
    static String expectation(Claim claim) {
        double expected = claim.expected();
        double observed = claim.observed();
        double tolerance = claim.tolerance();
        if (expected != 0 && tolerance > 0 && tolerance >= Math.abs(expected) / 2) {
            return "in [" + format(expected - tolerance) + ", " + format(expected + tolerance) + "]";
        }
        if (Double.compare(expected, observed) == 0 && (tolerance == 0 || Double.isInfinite(expected))) {
            return format(expected) + " exactly";
        }
        double scale = Math.max(Math.abs(expected), Math.abs(observed));
        if (tolerance < 1e-5 * scale && Double.isFinite(observed)) {
            return format(expected) + ": |observed - expected| = " + format(Math.abs(observed - expected))
                    + (claim.holds() ? " \u2264 " : " > ") + format(tolerance);
        }
        return format(expected) + " \u00b1 " + format(tolerance);
    }

    /** Returns the report as text. */
    public String render() {
        return text.toString();
    }

    /** Prints the report to standard output. */
    public void print() {
        print(System.out);
    }

    /** Prints the report to the given stream. */
    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    /**
     * Formats a number compactly for reports and claims: integers plainly ({@code 40}), moderate numbers with
     * up to 6 significant digits ({@code 0.364739}), others in E notation ({@code 8.2718e-25}, {@code 1e-15}).
     */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e9) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", value);
            return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.4e", value).replaceAll("\\.?0+e", "e")
                .replaceAll("e([+-])0+(\\d)", "e$1$2");
    }
}
