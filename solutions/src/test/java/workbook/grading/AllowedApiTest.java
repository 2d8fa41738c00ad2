package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles small exercises with javac, as the grader does, and checks what {@link AllowedApi} refuses. The
 * reference solutions and the stubs are found from the working directory, {@code ..} by default (the module
 * folder), or from the folder named by the system property {@code workbook.root}.
 */
class AllowedApiTest {
    private static final String RULE = AllowedApi.RULE;
    private static final Pattern TYPE_NAME = Pattern.compile("(?:class|record|enum|interface)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");
    private static final Pattern EXERCISE = Pattern.compile("Ex(\\d\\d)");
    private static final Path ROOT = Path.of(System.getProperty("workbook.root", ".."));

    private static final String GIVEN_EX01 = """
            package workbook.given;

            public final class Ex01Given {
                private Ex01Given() {}

                public static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }
            }
            """;

    @TempDir
    Path temp;

    // ---------------------------------------------------------------- refused

    @Test
    void reflectionIsRefusedNamingClassMethodLineWhatAndRule() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex03Spy {
                    static Object peek(Object target) throws Exception {
                        Class<?> type = Class.forName("workbook.grading.Grader");
                        java.lang.reflect.Field field = type.getDeclaredField("secret");
                        field.setAccessible(true);
                        return field.get(target);
                    }
                }
                """)).containsExactly(
                "Ex03Spy.peek, line 5, uses Class.forName: " + RULE,
                "Ex03Spy.peek, line 6, uses Class.getDeclaredField: " + RULE,
                "Ex03Spy.peek, line 7, uses java.lang.reflect.Field: " + RULE,
                "Ex03Spy.peek, line 8, uses java.lang.reflect.Field: " + RULE);
    }

    @Test
    void unsafeIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex02Unsafe {
                    static long address() {
                        sun.misc.Unsafe unsafe = sun.misc.Unsafe.getUnsafe();
                        return unsafe.allocateMemory(8);
                    }
                }
                """)).containsExactly(
                "Ex02Unsafe.address, line 5, uses sun.misc.Unsafe: " + RULE,
                "Ex02Unsafe.address, line 6, uses sun.misc.Unsafe: " + RULE);
    }

    @Test
    void systemExitIsRefusedNamingTheMember() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Quit {
                    static void quit() {
                        System.exit(0);
                    }
                }
                """)).containsExactly("Ex01Quit.quit, line 5, uses System.exit: " + RULE);
    }

    @Test
    void otherMembersOfSystemAreRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Env {
                    static String secrets() throws java.io.IOException {
                        System.setOut(System.err);
                        return System.getenv("HOME") + System.in.read();
                    }
                }
                """)).containsExactly(
                "Ex01Env.secrets, line 5, uses System.setOut: " + RULE,
                "Ex01Env.secrets, line 6, uses System.getenv: " + RULE,
                "Ex01Env.secrets, line 6, uses System.in: " + RULE,
                "Ex01Env.secrets, line 6, uses java.io.InputStream: " + RULE);
    }

    @Test
    void runtimeExecIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Shell {
                    static void run() throws java.io.IOException {
                        Runtime.getRuntime().exec("touch pwned");
                    }
                }
                """)).containsExactly("Ex01Shell.run, line 5, uses java.lang.Runtime: " + RULE);
    }

    @Test
    void processBuilderIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Spawn {
                    static void run() throws java.io.IOException {
                        new ProcessBuilder("touch", "pwned").start();
                    }
                }
                """)).containsExactly("Ex01Spawn.run, line 5, uses java.lang.ProcessBuilder: " + RULE);
    }

    @Test
    void startingAThreadIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Late {
                    static void start() {
                        new Thread(() -> System.out.println("still running")).start();
                    }
                }
                """)).containsExactly("Ex01Late.start, line 5, uses java.lang.Thread: " + RULE);
    }

    @Test
    void extendingThreadIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Worker {
                    static final class Sneaky extends Thread {
                        @Override
                        public void run() {
                            System.out.println("still running");
                        }
                    }
                }
                """)).containsExactly(
                "Ex01Worker.Sneaky uses java.lang.Thread: " + RULE,
                "Ex01Worker.Sneaky's constructor, line 4, uses java.lang.Thread: " + RULE);
    }

    @Test
    void writingFilesIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Write {
                    static void write() throws java.io.IOException {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("grade.txt"), "10/10");
                    }
                }
                """)).contains(
                "Ex01Write.write, line 5, uses java.nio.file.Files: " + RULE,
                "Ex01Write.write, line 5, uses java.nio.file.Path: " + RULE);
    }

    @Test
    void aNewPrintStreamIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Log {
                    static void log() throws java.io.IOException {
                        new java.io.PrintStream("grade.txt").println("10/10");
                    }
                }
                """)).containsExactly("Ex01Log.log, line 5, uses new java.io.PrintStream: " + RULE);
    }

    @Test
    void printingToSystemOutAndSystemErrIsAllowed() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Print {
                    static void print(double x) {
                        System.out.println("x = " + x);
                        System.err.printf("%.3f%n", x);
                        java.io.PrintStream out = System.out;
                        out.flush();
                    }
                }
                """)).isEmpty();
    }

    @Test
    void methodReferencesToRefusedMethodsAreRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                import java.util.function.IntConsumer;
                import java.util.function.Supplier;

                public final class Ex01Refs {
                    static Supplier<Runtime> runtime() {
                        return Runtime::getRuntime;
                    }

                    static IntConsumer exit() {
                        return System::exit;
                    }
                }
                """)).containsExactly(
                "Ex01Refs.runtime, line 8, uses java.lang.Runtime: " + RULE,
                "Ex01Refs.exit, line 12, uses System.exit: " + RULE);
    }

    @Test
    void reflectionInALambdaIsRefusedAndNamedAsALambda() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Probe {
                    static Runnable probe() {
                        return () -> {
                            try {
                                Class.forName("workbook.grading.Grader").getDeclaredFields();
                            } catch (ClassNotFoundException e) {
                                throw new IllegalStateException(e);
                            }
                        };
                    }
                }
                """)).containsExactly(
                "Ex01Probe.probe (in a lambda), line 7, uses Class.forName: " + RULE,
                "Ex01Probe.probe (in a lambda), line 7, uses Class.getDeclaredFields: " + RULE);
    }

    @Test
    void methodHandlesLookupIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Handles {
                    static Object lookup() {
                        return java.lang.invoke.MethodHandles.lookup();
                    }
                }
                """)).containsExactly("Ex01Handles.lookup, line 5, uses java.lang.invoke.MethodHandles: " + RULE);
    }

    @Test
    void catchingARefusedTypeIsRefusedOnTheCatchLine() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Survive {
                    static void survive(Runnable task) {
                        try {
                            task.run();
                        } catch (ThreadDeath death) {
                            System.err.println("survived");
                        }
                    }
                }
                """)).containsExactly("Ex01Survive.survive, line 7, uses java.lang.ThreadDeath: " + RULE);
    }

    @Test
    void aRefusedAnnotationIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Bean {
                    @java.beans.Transient
                    public double getValue() {
                        return 1;
                    }
                }
                """)).containsExactly("Ex01Bean.getValue uses java.beans.Transient: " + RULE);
    }

    @Test
    void anInvokedynamicWithAnotherBootstrapIsRefusedAndItsArgumentsChecked() throws IOException {
        String name = "workbook/exercises/Ex01Indy";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        run.visitCode();
        Label start = new Label();
        run.visitLabel(start);
        run.visitLineNumber(3, start);
        Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, name, "link", "(Ljava/lang/invoke/MethodHandles$Lookup;"
                + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)"
                + "Ljava/lang/invoke/CallSite;", false);
        run.visitInvokeDynamicInsn("run", "()V", bootstrap,
                new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        Path file = temp.resolve("Ex01Indy.class");
        Files.write(file, writer.toByteArray());

        assertThat(AllowedApi.refusals(1, List.of(file))).containsExactly(
                "Ex01Indy.run, line 3, uses an invokedynamic bootstrapped by workbook.exercises.Ex01Indy.link: "
                        + RULE,
                "Ex01Indy.run, line 3, uses System.exit: " + RULE);
    }

    // ---------------------------------------------------------------- workbook classes

    @Test
    void aGivenClassOfAnEarlierExerciseIsAllowed() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                import workbook.given.Ex01Given;

                public final class Ex07Uses {
                    static double silu(double x) {
                        return x * Ex01Given.sigmoid(x);
                    }
                }
                """, GIVEN_EX01)).isEmpty();
    }

    @Test
    void theGivenClassOfTheSameExerciseIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Copy {
                    static double sigmoid(double x) {
                        return workbook.given.Ex01Given.sigmoid(x);
                    }
                }
                """, GIVEN_EX01)).containsExactly("Ex01Copy.sigmoid, line 5, uses workbook.given.Ex01Given: "
                + "an exercise may use the given classes of earlier exercises only (Ex01Given holds Ex01's answer)");
    }

    @Test
    void anotherExercisesClassIsRefused() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex02Borrow {
                    static double sigmoid(double x) {
                        return Ex01Sigmoid.sigmoid(x);
                    }
                }
                """, """
                package workbook.exercises;

                public final class Ex01Sigmoid {
                    public static double sigmoid(double x) {
                        return 1 / (1 + Math.exp(-x));
                    }
                }
                """)).containsExactly("Ex02Borrow.sigmoid, line 5, uses workbook.exercises.Ex01Sigmoid: "
                + AllowedApi.OWN_CLASSES_RULE);
    }

    // ---------------------------------------------------------------- allowed

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedFeatures")
    void allowedLanguageFeaturesProduceNoRefusal(String feature, String source) throws IOException {
        assertThat(refusals(source)).as(feature).isEmpty();
    }

    static Stream<Arguments> allowedFeatures() {
        return Stream.of(
                Arguments.of("a record, its toString, equals and hashCode", """
                        package workbook.exercises;

                        public final class Ex09Records {
                            record Point(double x, double y) {
                                Point {
                                    if (Double.isNaN(x)) {
                                        throw new IllegalArgumentException("x is NaN");
                                    }
                                }
                            }

                            static String show() {
                                Point p = new Point(1, 2);
                                return p + " " + p.equals(new Point(1, 2)) + " " + p.hashCode() + " " + p.x();
                            }
                        }
                        """),
                Arguments.of("an enum and switches over it", """
                        package workbook.exercises;

                        public final class Ex09Enums {
                            enum Kind { RELU, TANH }

                            static double apply(Kind kind, double x) {
                                switch (kind) {
                                    case RELU: return Math.max(0, x);
                                    case TANH: return Math.tanh(x);
                                    default: throw new AssertionError(kind);
                                }
                            }

                            static int code(Kind kind) {
                                return switch (kind) {
                                    case RELU -> 1;
                                    case TANH -> 2;
                                };
                            }

                            static Kind parse(String name) {
                                return Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                            }

                            static java.util.EnumMap<Kind, Integer> all() {
                                java.util.EnumMap<Kind, Integer> codes = new java.util.EnumMap<>(Kind.class);
                                for (Kind kind : Kind.values()) {
                                    codes.put(kind, kind.ordinal() + kind.name().length());
                                }
                                return codes;
                            }
                        }
                        """),
                Arguments.of("a switch over strings", """
                        package workbook.exercises;

                        public final class Ex09Strings {
                            static int arity(String name) {
                                switch (name) {
                                    case "relu": return 1;
                                    case "glu": return 2;
                                    default: return name.length();
                                }
                            }

                            static int yielded(String name) {
                                return switch (name) {
                                    case "a", "b" -> 1;
                                    default -> {
                                        yield name.hashCode();
                                    }
                                };
                            }
                        }
                        """),
                Arguments.of("assert and string concatenation", """
                        package workbook.exercises;

                        public final class Ex09Assert {
                            static double checked(double x, int n) {
                                assert x >= 0 : "x = " + x + ", n = " + n;
                                String s = "value " + x + '/' + n + " " + (Object) null;
                                return s.length();
                            }
                        }
                        """),
                Arguments.of("lambdas and method references to Math", """
                        package workbook.exercises;

                        import java.util.function.DoubleBinaryOperator;
                        import java.util.function.DoubleUnaryOperator;
                        import java.util.function.Function;

                        public final class Ex09Lambdas {
                            static final DoubleUnaryOperator TANH = Math::tanh;

                            static double apply(double x, double k) {
                                DoubleUnaryOperator scaled = v -> k * Math.exp(-v);
                                DoubleBinaryOperator max = Math::max;
                                Function<Double, String> show = String::valueOf;
                                return TANH.andThen(scaled).applyAsDouble(x) + max.applyAsDouble(x, k)
                                        + show.apply(x).length();
                            }
                        }
                        """),
                Arguments.of("streams", """
                        package workbook.exercises;

                        import java.util.Arrays;
                        import java.util.List;
                        import java.util.stream.Collectors;
                        import java.util.stream.DoubleStream;
                        import java.util.stream.IntStream;

                        public final class Ex09Streams {
                            static double sum(double[] xs) {
                                double total = Arrays.stream(xs).map(Math::abs).sum();
                                List<Integer> evens = IntStream.range(0, 10).filter(i -> i % 2 == 0).boxed()
                                        .collect(Collectors.toList());
                                return total + evens.size() + DoubleStream.of(1, 2).max().orElse(0)
                                        + evens.stream().mapToInt(Integer::intValue).sum();
                            }
                        }
                        """),
                Arguments.of("collections and arrays", """
                        package workbook.exercises;

                        import java.util.ArrayList;
                        import java.util.Arrays;
                        import java.util.Collections;
                        import java.util.Comparator;
                        import java.util.HashMap;
                        import java.util.List;
                        import java.util.Map;
                        import java.util.Objects;
                        import java.util.Optional;

                        public final class Ex09Collections {
                            static double[][] grid(int rows, int columns) {
                                double[][] g = new double[rows][columns];
                                double[] row = new double[columns];
                                Arrays.fill(row, 1.5);
                                System.arraycopy(row, 0, g[0], 0, columns);
                                g[1] = row.clone();
                                Arrays.sort(g[1]);
                                return Arrays.copyOf(g, rows);
                            }

                            static int count(List<String> words) {
                                List<String> copy = new ArrayList<>(Objects.requireNonNull(words));
                                Collections.sort(copy);
                                copy.sort(Comparator.comparingInt(String::length).reversed());
                                Map<String, Integer> counts = new HashMap<>();
                                for (String w : copy) {
                                    counts.merge(w, 1, Integer::sum);
                                }
                                int total = 0;
                                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                                    total += e.getValue();
                                }
                                return total + Optional.ofNullable(words.get(0)).map(String::length).orElse(0)
                                        + List.of(1, 2).size() + Map.of("a", 1).size();
                            }
                        }
                        """),
                Arguments.of("random generators", """
                        package workbook.exercises;

                        import java.util.Random;
                        import java.util.SplittableRandom;
                        import java.util.random.RandomGenerator;

                        public final class Ex09Random {
                            static double draw(RandomGenerator rng) {
                                RandomGenerator other = RandomGenerator.of("L64X128MixRandom");
                                return rng.nextGaussian() + other.nextDouble() + new Random(42).nextInt(3)
                                        + new SplittableRandom(7).nextLong();
                            }
                        }
                        """),
                Arguments.of("exceptions thrown and caught", """
                        package workbook.exercises;

                        public final class Ex09Exceptions {
                            static final class ShapeException extends RuntimeException {
                                ShapeException(String message, Throwable cause) {
                                    super(message, cause);
                                }
                            }

                            static final class Resource implements AutoCloseable {
                                @Override
                                public void close() {
                                    System.out.println("closed");
                                }
                            }

                            static int parse(String s) {
                                try (Resource r = new Resource()) {
                                    return Integer.parseInt(s);
                                } catch (NumberFormatException | ArithmeticException e) {
                                    throw new ShapeException("not a number: " + s, e);
                                } catch (RuntimeException e) {
                                    throw new IllegalStateException(e.getMessage(), e);
                                } catch (Throwable t) {
                                    throw new Error(t);
                                } finally {
                                    System.err.println("parsed");
                                }
                            }

                            static void check(double[] v) {
                                if (v.length == 0) {
                                    throw new IllegalArgumentException("empty");
                                }
                                if (Double.isNaN(v[0])) {
                                    throw new ArithmeticException("NaN");
                                }
                                throw new UnsupportedOperationException("todo");
                            }
                        }
                        """),
                Arguments.of("BigDecimal and BigInteger", """
                        package workbook.exercises;

                        import java.math.BigDecimal;
                        import java.math.BigInteger;
                        import java.math.MathContext;
                        import java.math.RoundingMode;

                        public final class Ex09Decimals {
                            static double exact(double x) {
                                BigDecimal d = BigDecimal.valueOf(x).multiply(new BigDecimal("1.5"), MathContext.DECIMAL64)
                                        .setScale(3, RoundingMode.HALF_EVEN);
                                return d.doubleValue() + BigInteger.TWO.pow(10).doubleValue();
                            }
                        }
                        """),
                Arguments.of("nested, inner, local and anonymous classes and interfaces", """
                        package workbook.exercises;

                        import java.util.function.DoubleUnaryOperator;

                        public final class Ex09Nested {
                            interface Activation {
                                double apply(double x);

                                default Activation twice() {
                                    return x -> apply(apply(x));
                                }
                            }

                            static final class Relu implements Activation {
                                @Override
                                public double apply(double x) {
                                    return Math.max(0, x);
                                }
                            }

                            final class Inner {
                                double value() {
                                    return scale;
                                }
                            }

                            private final double scale = 2;

                            static double run(double x) {
                                class Local implements Activation {
                                    @Override
                                    public double apply(double v) {
                                        return -v;
                                    }
                                }
                                DoubleUnaryOperator anonymous = new DoubleUnaryOperator() {
                                    @Override
                                    public double applyAsDouble(double v) {
                                        return v * 3;
                                    }
                                };
                                return new Relu().twice().apply(x) + new Local().apply(x)
                                        + anonymous.applyAsDouble(x) + new Ex09Nested().new Inner().value();
                            }
                        }
                        """),
                Arguments.of("a static initializer of constants", """
                        package workbook.exercises;

                        public final class Ex09Constants {
                            private static final double[] TABLE = new double[8];
                            private static final double LN2 = Math.log(2);
                            static final String NAME = "table";

                            static {
                                for (int i = 0; i < TABLE.length; i++) {
                                    TABLE[i] = Math.exp(-i * LN2);
                                }
                            }

                            @Deprecated
                            @SuppressWarnings("unused")
                            static double at(int i) {
                                return TABLE[i];
                            }
                        }
                        """),
                Arguments.of("printing, strings, characters, numbers and timing", """
                        package workbook.exercises;

                        public final class Ex09Printing {
                            static String report(double x) {
                                long start = System.nanoTime() + System.currentTimeMillis();
                                StringBuilder out = new StringBuilder(String.format("%.3f", x));
                                out.append(System.lineSeparator()).append(Character.isDigit('7'))
                                        .append(Integer.toHexString(System.identityHashCode(out)))
                                        .append(Double.compare(x, 0)).append(Long.MAX_VALUE)
                                        .append(String.join(",", "a", "b"));
                                System.out.println(out);
                                System.err.printf("took %d ns%n", System.nanoTime() - start);
                                return out.toString().strip();
                            }
                        }
                        """),
                Arguments.of("commons-math special functions", """
                        package workbook.exercises;

                        import org.apache.commons.math3.special.Erf;
                        import org.apache.commons.math3.special.Gamma;
                        import org.apache.commons.math3.util.FastMath;
                        import org.apache.commons.math3.util.Precision;

                        public final class Ex09Special {
                            static double phi(double x) {
                                double p = 0.5 * Erf.erfc(-x / FastMath.sqrt(2)) + Gamma.logGamma(3);
                                return Precision.equals(p, 0, 1e-12) ? 0 : p;
                            }
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSolutions")
    void everyReferenceSolutionIsAllowed(Path source) throws IOException {
        assertThat(refusalsOfWorkbookFile(source)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stubs")
    void everyStubIsAllowed(Path source) throws IOException {
        assertThat(refusalsOfWorkbookFile(source)).isEmpty();
    }

    static Stream<Path> referenceSolutions() throws IOException {
        return exerciseSources(ROOT.resolve("solutions/src/main/java/workbook/exercises"));
    }

    static Stream<Path> stubs() throws IOException {
        return exerciseSources(ROOT.resolve("exercises/src/main/java/workbook/exercises"));
    }

    // ---------------------------------------------------------------- naming and report

    @Test
    void initializersConstructorsLambdasAndAnonymousClassesAreNamedForTheLearner() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Init {
                    static { System.exit(1); }
                    Ex01Init() { System.exit(2); }
                    static final Runnable LATER = () -> System.exit(3);

                    static Object anonymous() {
                        return new Object() {
                            @Override public String toString() { System.exit(4); return ""; }
                        };
                    }
                }
                """)).containsExactlyInAnyOrder(
                "Ex01Init's static initializer, line 4, uses System.exit: " + RULE,
                "Ex01Init's constructor, line 5, uses System.exit: " + RULE,
                "Ex01Init's static initializer (in a lambda), line 6, uses System.exit: " + RULE,
                "Ex01Init.anonymous (in an anonymous class), line 10, uses System.exit: " + RULE);
    }

    @Test
    void identicalRefusalsAreListedOnce() throws IOException {
        assertThat(refusals("""
                package workbook.exercises;

                public final class Ex01Twice {
                    static void quit(boolean now) {
                        if (now) System.exit(0); else System.exit(1);
                        System.exit(2);
                    }
                }
                """)).containsExactly(
                "Ex01Twice.quit, line 5, uses System.exit: " + RULE,
                "Ex01Twice.quit, line 6, uses System.exit: " + RULE);
    }

    @Test
    void refusalsAreCappedWithACountOfTheRest() throws IOException {
        int calls = AllowedApi.MAX_LINES + 3;
        String body = Stream.generate(() -> "        System.exit(0);\n").limit(calls).collect(Collectors.joining());
        List<String> refusals = refusals("""
                package workbook.exercises;

                public final class Ex01Many {
                    static void quit() {
                %s    }
                }
                """.formatted(body));

        assertThat(refusals).hasSize(AllowedApi.MAX_LINES + 1);
        assertThat(refusals.get(0)).isEqualTo("Ex01Many.quit, line 5, uses System.exit: " + RULE);
        assertThat(refusals.get(AllowedApi.MAX_LINES - 1))
                .isEqualTo("Ex01Many.quit, line " + (4 + AllowedApi.MAX_LINES) + ", uses System.exit: " + RULE);
        assertThat(refusals.get(AllowedApi.MAX_LINES)).isEqualTo("... and 3 more");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Writes the sources to a source folder, compiles them together and returns the refusals for the classes of
     * the first one, whose class name says its exercise.
     */
    private List<String> refusals(String exercise, String... others) throws IOException {
        Path sources = temp.resolve("src");
        List<Path> files = new ArrayList<>();
        files.add(write(sources, exercise));
        for (String other : others) {
            files.add(write(sources, other));
        }
        Path classes = temp.resolve("classes");
        compile(files, sources, classes);
        int number = exerciseNumber(firstMatch(TYPE_NAME, exercise));
        return AllowedApi.refusals(number, exerciseClasses(classes, number));
    }

    /** Compiles one workbook exercise on its own, with the given classes, and returns its refusals. */
    private List<String> refusalsOfWorkbookFile(Path source) throws IOException {
        Path classes = temp.resolve("classes");
        compile(List.of(source), ROOT.resolve("exercises/src/given/java"), classes);
        int number = exerciseNumber(source.getFileName().toString());
        return AllowedApi.refusals(number, exerciseClasses(classes, number));
    }

    private static Stream<Path> exerciseSources(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sources = files.filter(p -> p.getFileName().toString().matches("Ex\\d\\d\\w*\\.java"))
                    .sorted().collect(Collectors.toList());
            assertThat(sources).as("exercises in %s", folder.toAbsolutePath().normalize()).hasSize(10);
            return sources.stream();
        }
    }

    private static Path write(Path root, String source) throws IOException {
        Path file = root.resolve(firstMatch(PACKAGE, source).replace('.', '/'))
                .resolve(firstMatch(TYPE_NAME, source) + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static int exerciseNumber(String name) {
        return Integer.parseInt(firstMatch(EXERCISE, name));
    }

    /** As the grader compiles an exercise: on its own, with the given classes on the source path. */
    private static void compile(List<Path> sources, Path sourcePath, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-d", classes.toString(), "-sourcepath", sourcePath.toString(), "-cp", mathLibraries());
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean compiled = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!compiled) {
                fail(diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
        }
    }

    /** Only the exercise's own class files: javac also writes the given and other classes it compiled. */
    private static List<Path> exerciseClasses(Path classes, int exercise) throws IOException {
        String prefix = String.format(Locale.ROOT, "Ex%02d", exercise);
        try (Stream<Path> files = Files.list(classes.resolve("workbook/exercises"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".class"))
                    .sorted().collect(Collectors.toList());
            assertThat(found).as("class files of %s", prefix).isNotEmpty();
            return found;
        }
    }

    /** The jars of commons-math3 and commons-numbers-gamma, the math libraries a stub may point to. */
    private static String mathLibraries() {
        try {
            return Path.of(Erf.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + java.io.File.pathSeparator
                    + Path.of(org.apache.commons.numbers.gamma.Erfc.class.getProtectionDomain().getCodeSource()
                            .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
