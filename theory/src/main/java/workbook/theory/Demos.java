package workbook.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Lists the theory write-ups in learning order and runs one of them.
 *
 * <p>From the repository root:
 * <pre>
 * ./mvnw -q -pl theory -am compile exec:java -Ddemo=list     lists the demos
 * ./mvnw -q -pl theory -am compile exec:java -Ddemo=xavier   runs one (name, number or unique prefix)
 * ./mvnw -q -pl theory -am compile exec:java -Ddemo=all      runs the checks of every demo, one line each
 * </pre>
 *
 * <p>The table below is the workbook's lesson index, its single source: the demo list, the lab reports'
 * headings, the front page's contents (the {@code {@lessons}} tag), each page's number, title and neighbours
 * (the {@code {@writeup}} tag), the figures a page shows (the {@code {@figure N}} tag) and the README's
 * theory table all come from it or are checked against it by the module's tests.
 *
 * <p>Every write-up is a final class with a private constructor, a Javadoc write-up, a pure
 * {@code public static List<Check> checks()} and a {@code main} that prints its lab report.
 *
 * <h2>Adding a write-up</h2>
 * <ol>
 *   <li>Copy the shape of {@link VanishingGradients}: class Javadoc that opens with {@code {@writeup}} and
 *       then has the four headings, a {@code SEED} constant, {@code checks()} and {@code checks(long seed)}, a
 *       {@code main} built on {@link LabReport}. Claims about an exercise call the reference solution; the
 *       evidence is independent of it (closed forms, central differences, Commons Math, Monte Carlo within
 *       k standard errors via {@link MonteCarlo}, with the standard-error formula in a comment).</li>
 *   <li>TeX goes between {@code \(} and {@code \)} or {@code \[} and {@code \]}. In Javadoc write
 *       {@code &lt;} for a less-than sign, {@code &amp;} for an ampersand, and never a backslash followed by
 *       the letter u (Java reads it as a unicode escape even inside a comment): so no TeX command may start
 *       with that letter. Refer to another write-up as {@code {@writeup N}}, never as plain text. Number a key
 *       equation as {@code {@eq label TeX}} and refer to it as {@code {@eqref label}} (or {@code {@eqref N label}} on
 *       write-up N); cite a work of {@link Bibliography} as {@code {@cite key}} or {@code {@citet key}}.</li>
 *   <li>End the comment with a summary, {@code <h2>In short</h2>} and a short list, then {@code {@references}}
 *       (the works the page cites) and {@code {@writeup end}} (the links to its neighbours).</li>
 *   <li>Add its row to the table below in learning order (the class, and lambdas that call its {@code checks()}
 *       and {@code main}), and to the README's theory table.</li>
 * </ol>
 */
public final class Demos {
    private static final List<Demo> DEMOS = new ArrayList<>();

    static {
        // The lesson index: write-up number, demo name, class, its checks and its report (direct calls, in lambdas:
        // a method reference would load the write-up, and everything it uses, when the index is built, and the
        // site's taglets read this index with theory's own classes only), title, the question it answers (HTML with
        // TeX for the front page), the exercises it explains, the figures (charts' numbers) that illustrate it.
        add(1, "derivatives", ActivationDerivatives.class, () -> ActivationDerivatives.checks(),
                args -> ActivationDerivatives.main(args),
                "Activation derivatives, by hand and by finite differences",
                "What are the slopes of sigmoid, tanh, ReLU, swish, GELU, Mish and SELU, and what happens at a kink?",
                List.of("Ex01", "Ex02", "Ex03", "Ex07"), List.of(1, 2, 3));
        add(2, "vanishing", VanishingGradients.class, () -> VanishingGradients.checks(),
                args -> VanishingGradients.main(args),
                "Why sigmoid-like units vanish",
                "Why does a product of sigmoid slopes die with depth, and why does ReLU fail differently?",
                List.of("Ex01", "Ex02", "Ex03"), List.of(2));
        add(3, "collapse", LinearCollapse.class, () -> LinearCollapse.checks(),
                args -> LinearCollapse.main(args),
                "Linear collapse and what one hidden ReLU layer can do",
                "Why do stacked linear layers stay one line, and how many ReLUs does it take to follow \\( x^2 \\)?",
                List.of("Ex04"), List.of(4));
        add(4, "softmax", SoftmaxCalculus.class, () -> SoftmaxCalculus.checks(),
                args -> SoftmaxCalculus.main(args),
                "Softmax: stable forms, temperature, Jacobian, cross-entropy",
                "Why subtract the max, what temperature does to entropy, and why \\( J = \\mathrm{diag}(s) - s s^T \\) "
                        + "has rank \\( n - 1 \\) and \\( \\nabla_z \\mathcal{L} = s - e_y \\)?",
                List.of("Ex05", "Ex06"), List.of(5));
        add(5, "floats", FloatingPoint.class, () -> FloatingPoint.checks(),
                args -> FloatingPoint.main(args),
                "Floating point for deep learning",
                "How many digits does a double keep, where does \\( e^x \\) overflow (709.8, or 88.7 in float), and "
                        + "why <code>log1p</code>, <code>expm1</code> and the max-shift?",
                List.of("Ex01", "Ex02", "Ex05"), List.of());
        add(6, "weight-gradient", WeightGradient.class, () -> WeightGradient.checks(),
                args -> WeightGradient.main(args),
                "The gradient of a weight under independence",
                "Why is \\( \\nabla_W \\mathcal{L} = X^T \\Delta \\), and what are its mean and variance when "
                        + "everything is independent?",
                List.of("Ex09", "Ex10"), List.of());
        add(7, "products", RandomMatrixProducts.class, () -> RandomMatrixProducts.checks(),
                args -> RandomMatrixProducts.main(args),
                "Products of random matrices: scale and depth",
                "How does the norm of \\( x W_1 \\cdots W_L \\) grow or shrink with the scale of the factors and "
                        + "with depth, and why is its typical size not its mean?",
                List.of("Ex03", "Ex09"), List.of());
        add(8, "xavier", XavierInitialization.class, () -> XavierInitialization.checks(),
                args -> XavierInitialization.main(args),
                "Xavier initialization",
                "Why \\( \\mathrm{Var}[W] = 2/(n_{\\text{in}} + n_{\\text{out}}) \\), and what it means for a "
                        + "normal and a uniform draw?",
                List.of("Ex09", "Ex10"), List.of(7, 10));
        add(9, "affine-sigmoid", AffineSigmoid.class, () -> AffineSigmoid.checks(),
                args -> AffineSigmoid.main(args),
                "Making the sigmoid Xavier-ready",
                "Which affine map makes the sigmoid odd with slope 1 at 0, and what does it do to the next layer's "
                        + "weights and biases?",
                List.of("Ex01", "Ex02", "Ex09"), List.of());
        add(10, "kaiming", KaimingInitialization.class, () -> KaimingInitialization.checks(),
                args -> KaimingInitialization.main(args),
                "Kaiming: twice the variance for ReLU",
                "Why does ReLU need \\( \\mathrm{Var}[W] = 2/n_{\\text{in}} \\) (or "
                        + "\\( 4/(n_{\\text{in}} + n_{\\text{out}}) \\)), and why can no affine map make it symmetric?",
                List.of("Ex03", "Ex09"), List.of(6, 10));
        add(11, "signal-depth", SignalPropagation.class, () -> SignalPropagation.checks(),
                args -> SignalPropagation.main(args),
                "Signal propagation across 50 layers",
                "Why does the naive initialization explode (ReLU) or saturate (tanh) across 50 layers, and how exactly "
                        + "does one layer predict the next?",
                List.of("Ex09", "Ex10"), List.of(6, 9));
        add(12, "gradient-depth", GradientPropagation.class, () -> GradientPropagation.checks(),
                args -> GradientPropagation.main(args),
                "Gradient propagation across depth",
                "How do the weight gradients change from the output to the input, and why is ReLU's profile flat at "
                        + "every scale?",
                List.of("Ex09", "Ex10"), List.of(8));
        add(13, "activation-stats", ActivationStatistics.class, () -> ActivationStatistics.checks(),
                args -> ActivationStatistics.main(args),
                "Activation statistics on N(0, 1) input",
                "What mean and variance do tanh, ReLU, GELU and SiLU produce, and why does SELU come back to "
                        + "variance 1?",
                List.of("Ex02", "Ex03", "Ex07"), List.of());
        add(14, "gated-units", GatedUnits.class, () -> GatedUnits.checks(),
                args -> GatedUnits.main(args),
                "Gated units and their two gradient paths",
                "How does a gradient split between the content and the gate of GLU, GEGLU and SwiGLU?",
                List.of("Ex07", "Ex08"), List.of());
        add(15, "dead-relus", DeadRelus.class, () -> DeadRelus.checks(),
                args -> DeadRelus.main(args),
                "Dead ReLUs: cause, detection, cure",
                "How does a ReLU unit die, how is it detected, and what brings it back?",
                List.of("Ex03", "Ex09", "Ex10"), List.of(11));
        add(16, "choosing", ChoosingActivations.class, () -> ChoosingActivations.checks(),
                args -> ChoosingActivations.main(args),
                "Choosing an activation, and its loss",
                "Which activation for hidden layers and which for the output, with which loss?",
                List.of("Ex01", "Ex03", "Ex05", "Ex06", "Ex07"), List.of(12));
        add(17, "claims", ActivationClaims.class, () -> ActivationClaims.checks(),
                args -> ActivationClaims.main(args),
                "Three claims about activations, checked",
                "Why did GELU replace ReLU in transformers, what did ReLU's \"six times faster\" compare, and when is "
                        + "each activation best avoided?",
                List.of("Ex01", "Ex02", "Ex03", "Ex05", "Ex07"), List.of(3));
        add(18, "mnist-lab", MnistLabExpectations.class, () -> MnistLabExpectations.checks(),
                args -> MnistLabExpectations.main(args),
                "What to expect from the MNIST lab",
                "Why does no activation converge at rate 0.005, why is sigmoid slowest, why do ReLUs die at large "
                        + "rates, and what can a learned Swish \\( \\beta \\) do?",
                List.of("Ex01", "Ex03", "Ex07"), List.of());
    }

    private Demos() {}

    /**
     * One registered write-up.
     *
     * @param number    its place in learning order, from 1 (numbers increase down the list)
     * @param name      the short name a reader types after {@code -Ddemo=}
     * @param writeUp   the class whose Javadoc is the write-up
     * @param checkList its {@code checks()}
     * @param report    its {@code main}, which prints its lab report
     * @param title     its title: of the write-up page, of its row in the contents and of its lab report
     * @param question  the question it answers, one sentence of HTML with TeX for the front page
     * @param exercises the exercises it explains, such as {@code Ex01}
     * @param figures   the numbers of the figures (of the charts module's set) that illustrate it
     */
    public record Demo(int number, String name, Class<?> writeUp, Supplier<List<Check>> checkList,
                       Consumer<String[]> report, String title, String question, List<String> exercises,
                       List<Integer> figures) {

        /** The write-up's checks ({@code checks()}). */
        public List<Check> checks() {
            return checkList.get();
        }

        /** Prints the write-up's lab report ({@code main}). */
        public void run(String... args) {
            report.accept(args);
        }
    }

    /** Registers a write-up: its class (for the site), and calls of its checks and its report. */
    private static void add(int number, String name, Class<?> writeUp, Supplier<List<Check>> checks,
                            Consumer<String[]> report, String title, String question, List<String> exercises,
                            List<Integer> figures) {
        DEMOS.add(new Demo(number, name, writeUp, checks, report, title, question, exercises, figures));
    }

    /**
     * Returns the write-ups that figure {@code figure} of the charts module's set illustrates, in learning order:
     * the figure index can link each figure to the pages that show it.
     */
    public static List<Demo> illustratedBy(int figure) {
        return DEMOS.stream().filter(d -> d.figures().contains(figure)).toList();
    }

    /** Returns the write-up with this number. */
    public static Demo number(int number) {
        return DEMOS.stream().filter(d -> d.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("number must be a write-up's number, 1 to "
                        + DEMOS.size() + ", got " + number));
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
        // -Ddemo alone arrives as "true"
        if (query.isEmpty() || query.equalsIgnoreCase("list") || query.equalsIgnoreCase("true")) {
            System.out.print(listing());
            return;
        }
        if (query.equalsIgnoreCase("all")) {
            runAll();
            return;
        }
        Optional<Demo> found = find(query);
        if (found.isEmpty()) { // a typo deserves the list and one line, not a stack trace
            System.out.print(listing());
            System.err.println("No demo is called '" + query + "': pick a name or number from the list above.");
            System.exit(2);
            return;
        }
        Demo demo = found.get();
        try {
            demo.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (RuntimeException | Error e) { // -Plearner: a stub, or code that throws; one line, no stack trace
            System.out.println(demo.name() + " waits for your code: " + learnerFailure(e));
        }
    }

    /** The line that says what the exercises' code did wrong; a failure of the write-up's own is thrown again. */
    private static String learnerFailure(Throwable e) {
        Optional<String> failure = LearnerCode.failure(e);
        if (failure.isPresent()) {
            return failure.get();
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) e;
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
            } catch (RuntimeException | Error e) { // -Plearner: a stub, or code that throws; one line, no stack trace
                System.out.printf(Locale.ROOT, "  %2d  %-18s waits for your code: %s%n", demo.number(), demo.name(),
                        learnerFailure(e));
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
