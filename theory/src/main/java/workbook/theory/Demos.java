package workbook.theory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lists the theory write-ups in learning order and runs one of them.
 *
 * <p>From the repository root:
 * <pre>
 * ./mvnw -q -pl theory -am compile exec:java                 lists the demos
 * ./mvnw -q -pl theory -am compile exec:java -Ddemo=xavier   runs one (name, number or unique prefix)
 * ./mvnw -q -pl theory -am compile exec:java -Ddemo=all      runs the checks of every demo, one line each
 * </pre>
 *
 * <p>Every write-up is a final class with a private constructor, a Javadoc write-up, a pure
 * {@code public static List<Check> checks()} and a {@code main} that prints its lab report. Registering
 * one here is one {@code add(...)} line in learning order, with the write-up's number from the issue; the
 * module's test fails if a write-up in this package is not registered, if the numbers do not increase, or if
 * the overview page lists the write-ups with other numbers or in another order.
 *
 * <h2>Adding a write-up</h2>
 * <ol>
 *   <li>Copy the shape of {@link VanishingGradients}: class Javadoc with the four headings, a {@code SEED}
 *       constant, {@code checks()} and {@code checks(long seed)}, a {@code main} built on {@link LabReport}.
 *       Claims about an exercise call the reference solution; the evidence is independent of it (closed
 *       forms, central differences, Commons Math, Monte Carlo within k standard errors via
 *       {@link MonteCarlo}, with the standard-error formula in a comment).</li>
 *   <li>TeX goes between \( and \) or \[ and \]. In Javadoc write {@code &lt;} for a less-than sign,
 *       {@code &amp;} for an ampersand, and never a backslash followed by the letter u (Java reads it as a
 *       unicode escape even inside a comment): so no TeX command may start with that letter.</li>
 *   <li>Register it below with its number from the issue, and add its row to
 *       {@code src/main/javadoc/overview.html} ({@code <tr><td>N</td><td>{@linkplain ...}}).</li>
 * </ol>
 */
public final class Demos {
    private static final List<Demo> DEMOS = new ArrayList<>();

    static {
        // Write-ups 1-8: activations, their gradients, and the variance argument up to Xavier.
        add(1, "derivatives", "Activation derivatives, by hand and by finite differences", ActivationDerivatives.class,
                "Ex01", "Ex02", "Ex03", "Ex07");
        add(2, "vanishing", "Why sigmoid-like units vanish", VanishingGradients.class, "Ex01", "Ex02", "Ex03");
        add(3, "collapse", "Linear collapse and what one hidden ReLU layer can do", LinearCollapse.class, "Ex04");
        add(4, "softmax", "Softmax: stable forms, temperature, Jacobian, cross-entropy", SoftmaxCalculus.class,
                "Ex05", "Ex06");
        add(5, "floats", "Floating point for deep learning", FloatingPoint.class, "Ex01", "Ex02", "Ex05");
        add(6, "weight-gradient", "The gradient of a weight under independence", WeightGradient.class, "Ex09", "Ex10");
        add(7, "products", "Products of random matrices: scale and depth", RandomMatrixProducts.class, "Ex03", "Ex09");
        add(8, "xavier", "Xavier initialization", XavierInitialization.class, "Ex09", "Ex10");

        // Write-ups 9-16 go below this line, in learning order.
        add(9, "affine-sigmoid", "Making the sigmoid Xavier-ready", AffineSigmoid.class, "Ex01", "Ex02", "Ex09");
        add(10, "kaiming", "Kaiming: twice the variance for ReLU", KaimingInitialization.class, "Ex03", "Ex09");
        add(11, "signal-depth", "Signal propagation across 50 layers", SignalPropagation.class, "Ex09", "Ex10");
        add(12, "gradient-depth", "Gradient propagation across depth", GradientPropagation.class, "Ex09", "Ex10");
        add(13, "activation-stats", "Activation statistics on N(0, 1) input", ActivationStatistics.class, "Ex02",
                "Ex03", "Ex07");
        add(14, "gated-units", "Gated units and their two gradient paths", GatedUnits.class, "Ex07", "Ex08");
        add(15, "dead-relus", "Dead ReLUs: cause, detection, cure", DeadRelus.class, "Ex03", "Ex09", "Ex10");
        add(16, "choosing", "Choosing an activation, and its loss", ChoosingActivations.class, "Ex01", "Ex03",
                "Ex05", "Ex06", "Ex07");

    }

    private Demos() {}

    /**
     * One registered write-up.
     *
     * @param number    its place in learning order, from 1 (numbers increase down the list)
     * @param name      the short name a reader types after {@code -Ddemo=}
     * @param title     the title of its lab report
     * @param writeUp   the class whose Javadoc is the write-up
     * @param exercises the exercises it explains, such as {@code Ex01}
     */
    public record Demo(int number, String name, String title, Class<?> writeUp, List<String> exercises) {

        /** Calls the write-up's {@code checks()}. */
        @SuppressWarnings("unchecked")
        public List<Check> checks() {
            try {
                Method checks = writeUp.getMethod("checks");
                return (List<Check>) checks.invoke(null);
            } catch (InvocationTargetException e) {
                throw rethrow(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(writeUp.getName() + " must declare public static List<Check> checks()", e);
            }
        }

        /** Calls the write-up's {@code main}, which prints its lab report. */
        public void run(String... args) {
            try {
                writeUp.getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw rethrow(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(writeUp.getName() + " must declare public static void main(String[])", e);
            }
        }

        private static RuntimeException rethrow(InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException(cause);
        }
    }

    private static void add(int number, String name, String title, Class<?> writeUp, String... exercises) {
        DEMOS.add(new Demo(number, name, title, writeUp, List.of(exercises)));
    }

    /** Returns every write-up in learning order. */
    public static List<Demo> all() {
        return Collections.unmodifiableList(DEMOS);
    }

    /** Returns the registration of a write-up class. */
    public static Demo of(Class<?> writeUp) {
        return DEMOS.stream().filter(d -> d.writeUp() == writeUp).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(writeUp.getName()
                        + " is not registered in Demos: add it in learning order"));
    }

    /** Finds a demo by name (any case), by number, or by a prefix that only one name starts with. */
    public static Optional<Demo> find(String query) {
        String key = query.strip().toLowerCase(Locale.ROOT);
        for (Demo demo : DEMOS) {
            if (demo.name().equals(key) || String.valueOf(demo.number()).equals(key)) {
                return Optional.of(demo);
            }
        }
        List<Demo> prefixed = DEMOS.stream().filter(d -> !key.isEmpty() && d.name().startsWith(key)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** With no argument lists the demos; with a name runs that demo; with {@code all} checks every demo. */
    public static void main(String[] args) {
        String query = args.length == 0 ? "" : args[0].strip();
        if (query.isEmpty()) {
            System.out.print(listing());
            return;
        }
        if (query.equalsIgnoreCase("all")) {
            runAll();
            return;
        }
        Demo demo = find(query).orElseThrow(() -> {
            System.out.print(listing());
            return new IllegalArgumentException("no demo is called '" + query + "': pick a name or number from the list above");
        });
        try {
            demo.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (UnsupportedOperationException unfinished) { // -Plearner with a stub: one line, no stack trace
            System.out.println(demo.name() + " waits for your code: " + unfinished.getMessage());
        }
    }

    private static String listing() {
        StringBuilder text = new StringBuilder("Theory demos, in learning order. Run one from the repository root with\n"
                + "  ./mvnw -q -pl theory -am compile exec:java -Ddemo=NAME\n\n");
        int nameWidth = DEMOS.stream().mapToInt(d -> d.name().length()).max().orElse(0);
        int titleWidth = DEMOS.stream().mapToInt(d -> d.title().length()).max().orElse(0);
        String row = "  %2d  %-" + nameWidth + "s  %-" + titleWidth + "s  %s%n";
        for (Demo demo : DEMOS) {
            text.append(String.format(Locale.ROOT, row, demo.number(), demo.name(), demo.title(),
                    String.join(" ", demo.exercises())));
        }
        return text.append("\n  all: run the checks of every demo.\n").toString();
    }

    private static void runAll() {
        int failing = 0;
        int waiting = 0;
        for (Demo demo : DEMOS) {
            List<Check> checks;
            try {
                checks = demo.checks();
            } catch (UnsupportedOperationException unfinished) { // -Plearner with a stub: one line, no stack trace
                System.out.printf(Locale.ROOT, "  %2d  %-18s waits for your code: %s%n", demo.number(), demo.name(),
                        unfinished.getMessage());
                waiting++;
                continue;
            }
            long holding = checks.stream().filter(Check::holds).count();
            failing += checks.size() - holding;
            System.out.printf(Locale.ROOT, "  %2d  %-18s %3d of %3d checks hold%s%n", demo.number(), demo.name(), holding,
                    checks.size(), holding == checks.size() ? "" : "  <- FAIL");
        }
        if (waiting > 0) {
            System.out.println(waiting + " demos wait for exercises you have not finished.");
        }
        System.out.println(failing == 0 ? (waiting == 0 ? "Every check holds." : "The other checks hold.")
                : failing + " checks FAIL: run those demos for details.");
    }
}
