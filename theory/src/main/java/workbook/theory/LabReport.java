package workbook.theory;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The short lab report a write-up's {@code main} prints: a title line, optional tables of the numbers
 * behind the story, then every check with PASS or FAIL, what was observed and what was expected.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     LabReport.of(VanishingGradients.class)
 *             .table("slope products over depth", List.of("depth", "sigmoid'(0)^depth"), rows)
 *             .checks(checks())
 *             .print();
 * }
 * }</pre>
 */
public final class LabReport {
    private final StringBuilder text = new StringBuilder();

    private LabReport(String heading) {
        text.append(heading).append(System.lineSeparator());
    }

    /** Starts the report of a registered write-up: its number, title and exercises come from {@link Demos}. */
    public static LabReport of(Class<?> writeUp) {
        Demos.Demo demo = Demos.of(writeUp);
        return new LabReport(String.format(Locale.ROOT, "== %d. %s  (demo '%s'; exercises %s) ==",
                demo.number(), demo.title(), demo.name(), String.join(", ", demo.exercises())));
    }

    /** Adds a sentence or two of context (keep it short: the write-up itself is the Javadoc). */
    public LabReport note(String sentence) {
        text.append(System.lineSeparator()).append(sentence).append(System.lineSeparator());
        return this;
    }

    /** Adds a table of numbers: one caption, column names, one array of values per row. */
    public LabReport table(String caption, List<String> columns, double[][] rows) {
        int width = 12;
        for (String column : columns) {
            width = Math.max(width, column.length() + 2);
        }
        String cell = "%" + width + "s";
        text.append(System.lineSeparator()).append(caption).append(System.lineSeparator());
        for (String column : columns) {
            text.append(String.format(Locale.ROOT, cell, column));
        }
        text.append(System.lineSeparator());
        for (double[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("every row must have " + columns.size()
                        + " values, got " + row.length);
            }
            for (double value : row) {
                text.append(String.format(Locale.ROOT, cell, format(value)));
            }
            text.append(System.lineSeparator());
        }
        return this;
    }

    /** Adds every check, then a one-line verdict. */
    public LabReport checks(List<Check> checks) {
        String newline = System.lineSeparator();
        text.append(newline).append("Checks").append(newline);
        long holding = 0;
        for (Check check : checks) {
            boolean holds = check.holds();
            holding += holds ? 1 : 0;
            text.append(holds ? "  PASS  " : "  FAIL  ").append(check.claim()).append(newline)
                    .append("        observed ").append(format(check.observed()))
                    .append(", expected ").append(format(check.expected()))
                    .append(" \u00b1 ").append(format(check.tolerance())).append(newline);
        }
        text.append(newline).append(String.format(Locale.ROOT, "%d of %d checks hold.%s", holding, checks.size(),
                holding == checks.size() ? "" : "  A FAILED check means the derivation and the code disagree."))
                .append(newline);
        return this;
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
        return String.format(Locale.ROOT, "%.4e", value).replaceAll("\\.?0+e", "e");
    }
}
