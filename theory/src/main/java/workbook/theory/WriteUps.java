package workbook.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import workbook.theory.tools.Claim;
import workbook.theory.tools.LearnerCode;
import workbook.theory.tools.MonteCarlo;
import workbook.theory.tools.WriteUpReport;

/**
 * The lesson index: lists the theory write-ups in learning order and runs one of them.
 *
 * <p>From the repository root:
 * <pre>
 * ./mvnw -q -pl theory -am compile exec:java -Dwriteup=list     lists the write-ups
 * ./mvnw -q -pl theory -am compile exec:java -Dwriteup=xavier   prints one's lab report (name, number or unique prefix)
 * ./mvnw -q -pl theory -am compile exec:java -Dwriteup=all      runs the checks of every write-up, one line each
 * </pre>
 *
 * <p>The table below is the workbook's lesson index, its single source: the list of write-ups, the lab reports'
 * headings, the front page's contents (the {@code {@lessons}} tag), each page's number, title and neighbours
 * (the {@code {@writeup}} tag), the figures a page shows (the {@code {@figure N}} tag) and the README's
 * theory table all come from it or are checked against it by the module's tests.
 *
 * <p>Every write-up is a final class with a private constructor, a Javadoc write-up, a pure
 * {@code public static List<Claim> checks()} and a {@code main} that prints its lab report.
 *
 * <h2>Adding a write-up</h2>
 * <ol>
 *   <li>Copy the shape of {@link VanishingGradients}: class Javadoc that opens with {@code {@writeup}} and
 *       then has the four headings, a {@code SEED} constant, {@code checks()} and {@code checks(long seed)}, a
 *       {@code main} that starts its {@link WriteUpReport} with {@code WriteUps.of(ItsClass.class).report()}.
 *       Claims about an exercise call the reference solution; the evidence is independent of it (closed forms,
 *       central differences, Commons Math, Monte Carlo within k standard errors via {@link MonteCarlo}, with the
 *       standard-error formula in a comment): the shared tools are in {@link workbook.theory.tools}.</li>
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
public final class WriteUps {
    private static final List<WriteUp> WRITE_UPS = new ArrayList<>();

    static {
        // The lesson index: write-up number, name, class, its checks and its report (direct calls, in lambdas:
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

    private WriteUps() {}

    /**
     * One registered write-up.
     *
     * @param number    its place in learning order, from 1 (numbers increase down the list)
     * @param name      the short name a reader types after {@code -Dwriteup=}
     * @param type      the class whose Javadoc is the write-up
     * @param checkList its {@code checks()}
     * @param main      its {@code main}, which prints its lab report
     * @param title     its title: of the write-up page, of its row in the contents and of its lab report
     * @param question  the question it answers, one sentence of HTML with TeX for the front page
     * @param exercises the exercises it explains, such as {@code Ex01}
     * @param figures   the numbers of the figures (of the charts module's set) that illustrate it
     */
    public record WriteUp(int number, String name, Class<?> type, Supplier<List<Claim>> checkList,
                          Consumer<String[]> main, String title, String question, List<String> exercises,
                          List<Integer> figures) {

        /** The write-up's checks ({@code checks()}). */
        public List<Claim> checks() {
            return checkList.get();
        }

        /** Prints the write-up's lab report ({@code main}). */
        public void run(String... args) {
            main.accept(args);
        }

        /** Starts the write-up's lab report, under a heading with its number, title, name and exercises. */
        public WriteUpReport report() {
            return WriteUpReport.headed(String.format(Locale.ROOT, "== %d. %s  (write-up '%s'; exercises %s) ==",
                    number, title, name, String.join(", ", exercises)));
        }
    }

    /** Registers a write-up: its class (for the site), and calls of its checks and its report. */
    private static void add(int number, String name, Class<?> type, Supplier<List<Claim>> checks,
                            Consumer<String[]> main, String title, String question, List<String> exercises,
                            List<Integer> figures) {
        WRITE_UPS.add(new WriteUp(number, name, type, checks, main, title, question, exercises, figures));
    }

    /**
     * Returns the write-ups that figure {@code figure} of the charts module's set illustrates, in learning order:
     * the figure index can link each figure to the pages that show it.
     */
    public static List<WriteUp> illustratedBy(int figure) {
        return WRITE_UPS.stream().filter(d -> d.figures().contains(figure)).toList();
    }

    /** Returns the write-up with this number. */
    public static WriteUp number(int number) {
        return WRITE_UPS.stream().filter(d -> d.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("number must be a write-up's number, 1 to "
                        + WRITE_UPS.size() + ", got " + number));
    }

    /** Returns every write-up in learning order. */
    public static List<WriteUp> all() {
        return Collections.unmodifiableList(WRITE_UPS);
    }

    /** Returns the registration of a write-up class. */
    public static WriteUp of(Class<?> type) {
        return WRITE_UPS.stream().filter(w -> w.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName()
                        + " is not registered in the lesson index (WriteUps): add it in learning order"));
    }

    /** Finds a write-up by name (any case), by number, or by a prefix that only one name starts with. */
    public static Optional<WriteUp> find(String query) {
        String key = query.strip().toLowerCase(Locale.ROOT);
        for (WriteUp writeUp : WRITE_UPS) {
            if (writeUp.name().equals(key) || String.valueOf(writeUp.number()).equals(key)) {
                return Optional.of(writeUp);
            }
        }
        List<WriteUp> prefixed = WRITE_UPS.stream().filter(w -> !key.isEmpty() && w.name().startsWith(key)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /**
     * With no argument lists the write-ups; with a name prints that one's lab report; with {@code all} runs the
     * checks of every write-up.
     */
    public static void main(String[] args) {
        Optional<String> renamed = renamedSwitch(args);
        if (renamed.isPresent()) {
            System.err.println(renamed.get());
            System.exit(2);
            return;
        }
        String query = args.length == 0 ? "" : args[0].strip();
        // -Dwriteup alone arrives as "true"
        if (query.isEmpty() || query.equalsIgnoreCase("list") || query.equalsIgnoreCase("true")) {
            System.out.print(listing());
            return;
        }
        if (query.equalsIgnoreCase("all")) {
            runAll();
            return;
        }
        Optional<WriteUp> found = find(query);
        if (found.isEmpty()) { // a typo deserves the list and one line, not a stack trace
            System.out.print(listing());
            System.err.println("No write-up is called '" + query + "': pick a name or number from the list above.");
            System.exit(2);
            return;
        }
        WriteUp writeUp = found.get();
        try {
            writeUp.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (RuntimeException | Error e) { // -Plearner: a stub, or code that throws; one line, no stack trace
            System.out.println(writeUp.name() + " waits for your code: " + learnerFailure(e));
        }
    }

    /**
     * The line for the old switch ({@code -Ddemo=NAME}, which the theory pom's profile {@code renamed-demo-switch}
     * hands over as {@code --renamed-demo NAME}): the command with {@code -Dwriteup} instead. Empty for any other
     * arguments.
     */
    static Optional<String> renamedSwitch(String[] args) {
        if (args.length == 0 || !args[0].equals("--renamed-demo")) {
            return Optional.empty();
        }
        String name = args.length > 1 && !args[1].isBlank() && !args[1].equals("true") ? args[1].strip() : "list";
        return Optional.of("-Ddemo is now -Dwriteup: ./mvnw -q -pl theory -am compile exec:java -Dwriteup=" + name);
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
        StringBuilder text = new StringBuilder("Theory write-ups, in learning order. Print one's lab report from the "
                + "repository root with\n"
                + "  ./mvnw -q -pl theory -am compile exec:java -Dwriteup=NAME\n\n");
        int nameWidth = WRITE_UPS.stream().mapToInt(w -> w.name().length()).max().orElse(0);
        int titleWidth = WRITE_UPS.stream().mapToInt(w -> w.title().length()).max().orElse(0);
        String row = "  %2d  %-" + nameWidth + "s  %-" + titleWidth + "s  %s%n";
        for (WriteUp writeUp : WRITE_UPS) {
            text.append(String.format(Locale.ROOT, row, writeUp.number(), writeUp.name(), writeUp.title(),
                    String.join(" ", writeUp.exercises())));
        }
        return text.append("\n  all: run the checks of every write-up.\n").toString();
    }

    private static void runAll() {
        int failing = 0;
        int waiting = 0;
        for (WriteUp writeUp : WRITE_UPS) {
            List<Claim> checks;
            try {
                checks = writeUp.checks();
            } catch (RuntimeException | Error e) { // -Plearner: a stub, or code that throws; one line, no stack trace
                System.out.printf(Locale.ROOT, "  %2d  %-18s waits for your code: %s%n", writeUp.number(),
                        writeUp.name(), learnerFailure(e));
                waiting++;
                continue;
            }
            long holding = checks.stream().filter(Claim::holds).count();
            failing += checks.size() - holding;
            System.out.printf(Locale.ROOT, "  %2d  %-18s %3d of %3d checks hold%s%n", writeUp.number(), writeUp.name(),
                    holding, checks.size(), holding == checks.size() ? "" : "  <- FAIL");
        }
        if (waiting > 0) {
            System.out.println(waiting + " write-ups wait for exercises you have not finished.");
        }
        System.out.println(failing == 0 ? (waiting == 0 ? "Every check holds." : "The other checks hold.")
                : failing + " checks FAIL: run those write-ups for details.");
    }
}
