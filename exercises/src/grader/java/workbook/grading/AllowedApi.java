package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Decides, before an exercise runs, whether its class files use only what a graded exercise may use.
 *
 * <h2>Why the grader reads class files</h2>
 * A learner's exercise runs in the same JVM as the tests that grade it. Whatever the JVM lets that code do, it can
 * do to the grader: reflection reaches the tests' private fields, and reflection plus {@code sun.misc.Unsafe}
 * reaches any object at all; {@code System.exit} ends the run before a failure is recorded; a thread keeps working
 * after its test has finished; a file write can change a grade file. No check made while the code runs can stop
 * code that already runs beside it, so the decision is made before it runs. Every class, method and field a class
 * refers to is written in its class file; this class reads them with ASM and compares each with an allow-list.
 * The class file also shows what the source hides: a fully qualified name, a method reference, a lambda's body,
 * an inherited method called on {@code this}, the code {@code javac} adds for {@code assert} or a record.
 *
 * <h2>What counts as a use</h2>
 * Every class named by an instruction (a call, a field access, {@code new}, a cast, {@code instanceof}, a class
 * literal, a {@code catch}), the superclass and interfaces (a call on {@code this} names the learner's own class,
 * so {@code extends Thread} would otherwise smuggle in all of {@code Thread}), annotation types, and the
 * bootstrap method and constant arguments of every {@code invokedynamic} (a method reference such as
 * {@code Runtime::getRuntime} is such an argument, never a call instruction). An array type counts as its
 * element type; primitives are always allowed. A method's descriptor alone is no use: a parameter of some type
 * gives nothing until a method of that type is called, and that call is checked.
 *
 * <h2>What is allowed</h2>
 * <ul>
 *   <li>the exercise's own class and the classes nested in it; of the given classes, {@code ExMMGiven} only when
 *       MM is below the exercise's number (a given class holds an earlier exercise's answer, so using it in that
 *       exercise would hand in the answer);</li>
 *   <li>from {@code java.lang}: {@code Object}, {@code Math}, {@code StrictMath}, {@code Number} and the boxes,
 *       {@code String}, {@code StringBuilder}, {@code StringBuffer}, {@code CharSequence}, {@code Iterable},
 *       {@code Comparable}, {@code Runnable}, {@code AutoCloseable}, {@code Cloneable}, {@code Record},
 *       {@code Enum}, {@code Void}, {@code Throwable} and the annotations javac knows; of {@code System} only
 *       {@code out}, {@code err}, {@code arraycopy}, {@code nanoTime}, {@code currentTimeMillis},
 *       {@code lineSeparator} and {@code identityHashCode}; of {@code Class} only {@code desiredAssertionStatus}
 *       (what {@code assert} calls; a class literal {@code Foo.class} counts as a use of {@code Foo});</li>
 *   <li>any class of a {@code java.} package whose name ends in {@code Exception} or {@code Error};</li>
 *   <li>of {@code java.io} only {@code Serializable} and the methods of {@code PrintStream}, not its
 *       constructors (a new one can write a file);</li>
 *   <li>{@code java.math}'s {@code BigDecimal}, {@code BigInteger}, {@code MathContext}, {@code RoundingMode};
 *       every class directly in {@code java.util} except {@code ServiceLoader}, {@code Timer},
 *       {@code TimerTask}, {@code Scanner}, {@code Formatter}, {@code Properties} and the resource bundles
 *       (they load code, start threads, read input or write files); the packages {@code java.util.function},
 *       {@code java.util.stream}, {@code java.util.random} and {@code java.util.regex};</li>
 *   <li>commons-math's {@code special} package, {@code util.FastMath}, {@code util.Precision} and its
 *       {@code exception} package;</li>
 *   <li>{@code invokedynamic} only with the bootstraps javac uses for lambdas, string concatenation, records and
 *       switches ({@code LambdaMetafactory}, {@code StringConcatFactory}, {@code ObjectMethods},
 *       {@code SwitchBootstraps}).</li>
 * </ul>
 * Everything else is refused: among others reflection, {@code java.lang.invoke}, {@code sun.*}, {@code jdk.*},
 * class loaders, threads, processes, {@code Runtime}, files and the network, {@code java.util.concurrent}, and
 * the test libraries.
 */
final class AllowedApi {
    /** The rule a refusal ends with, unless it is about another workbook class. */
    static final String RULE = "graded exercises may use only java.lang.Math, numbers, strings, arrays, collections, "
            + "streams, java.util.function, java.util.random, exceptions, System.out/System.err, "
            + "the special functions of commons-numbers-gamma and commons-math3, and the given classes of earlier "
            + "exercises";

    /** The rule for a class of {@code workbook.exercises} that is not the exercise's own. */
    static final String OWN_CLASSES_RULE = "an exercise may use only its own class and the classes nested in it";

    /** The rule for a given class of this or a later exercise; filled with the given class and its exercise. */
    private static final String GIVEN_RULE =
            "an exercise may use the given classes of earlier exercises only (%s holds %s's answer)";

    /** At most this many refusals are listed; the rest are counted. */
    static final int MAX_LINES = 10;

    private static final String EXERCISES_PACKAGE = "workbook/exercises/";
    private static final String GIVEN_PACKAGE = "workbook/given/";
    private static final Pattern GIVEN_CLASS = Pattern.compile("workbook/given/Ex(\\d\\d)Given");
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");
    private static final String CONSTRUCTOR = "<init>";
    private static final String STATIC_INITIALIZER = "<clinit>";

    private static final String SYSTEM = "java/lang/System";
    private static final String CLASS = "java/lang/Class";
    private static final String PRINT_STREAM = "java/io/PrintStream";

    private static final Set<String> SYSTEM_FIELDS = Set.of("out", "err");
    private static final Set<String> SYSTEM_METHODS =
            Set.of("arraycopy", "nanoTime", "currentTimeMillis", "lineSeparator", "identityHashCode");
    private static final Set<String> CLASS_METHODS = Set.of("desiredAssertionStatus");

    /** Simple names of the allowed top-level classes of {@code java.lang} (their nested classes come along). */
    private static final Set<String> JAVA_LANG = Set.of("Object", "Math", "StrictMath", "Number", "Integer", "Long",
            "Double", "Float", "Short", "Byte", "Boolean", "Character", "String", "StringBuilder", "StringBuffer",
            "CharSequence", "Iterable", "Comparable", "Runnable", "AutoCloseable", "Cloneable", "Record", "Enum",
            "Void", "Throwable", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs");

    private static final Set<String> JAVA_MATH = Set.of("BigDecimal", "BigInteger", "MathContext", "RoundingMode");

    /** The classes of {@code java.util} that load services, start threads, read input or write files. */
    private static final Set<String> JAVA_UTIL_REFUSED = Set.of("ServiceLoader", "Timer", "TimerTask", "Scanner",
            "Formatter", "Properties", "ResourceBundle", "PropertyResourceBundle", "ListResourceBundle");

    private static final Set<String> COMMONS_MATH_UTIL = Set.of("FastMath", "Precision");

    /** Packages allowed with their subpackages, as prefixes of internal names. */
    private static final List<String> WHOLE_PACKAGES = List.of("java/util/function/", "java/util/stream/",
            "java/util/random/", "java/util/regex/", "org/apache/commons/numbers/gamma/",
            "org/apache/commons/math3/special/", "org/apache/commons/math3/exception/");

    /** The owners of the bootstrap methods javac uses: lambdas, string concatenation, records, switches. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps");

    private AllowedApi() {}

    /**
     * The refusals for one exercise's class files (its top-level class and the classes nested in it); empty when
     * all is allowed.
     *
     * @param exercise the exercise's number NN, as in {@code ExNN<Name>}
     * @return one line per refusal, in order of first appearance, without repeats, at most {@link #MAX_LINES}
     *     followed by a line counting the rest
     * @throws IllegalArgumentException when no class file belongs to exercise NN
     */
    static List<String> refusals(int exercise, List<Path> classFiles) throws IOException {
        if (classFiles.isEmpty()) {
            return List.of();
        }
        List<ClassReader> readers = new ArrayList<>();
        for (Path file : classFiles) {
            readers.add(new ClassReader(Files.readAllBytes(file)));
        }
        Scan scan = new Scan(new Policy(exercise, ownClass(exercise, readers)));
        for (ClassReader reader : readers) {
            reader.accept(new ClassScanner(scan), ClassReader.SKIP_FRAMES);
        }
        return scan.report();
    }

    /** The internal name of the exercise's top-level class, {@code workbook/exercises/ExNN<Name>}. */
    private static String ownClass(int exercise, List<ClassReader> readers) {
        String prefix = EXERCISES_PACKAGE + String.format(Locale.ROOT, "Ex%02d", exercise);
        return readers.stream()
                .map(reader -> topLevel(reader.getClassName()))
                .filter(name -> name.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class file of " + javaName(prefix)));
    }

    /** The top-level class of a class: {@code a/B$C} gives {@code a/B}. */
    private static String topLevel(String internalName) {
        int dollar = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    /** The package of a class, {@code java/lang} for {@code java/lang/String}, empty for the unnamed package. */
    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** The name after the package: {@code Character$UnicodeBlock} for {@code java/lang/Character$UnicodeBlock}. */
    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** The name as Java source writes it: {@code java.util.Map.Entry} for {@code java/util/Map$Entry}. */
    private static String javaName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** A member as a learner writes it: {@code System.exit}, {@code new java.io.PrintStream}. */
    private static String memberName(String owner, String member) {
        if (member.equals(CONSTRUCTOR)) {
            return "new " + javaName(owner);
        }
        String type = packageOf(owner).equals("java/lang") ? javaName(simpleName(owner)) : javaName(owner);
        return type + "." + member;
    }

    /** What was used, and the rule that refuses it. */
    private record Refused(String what, String why) {
        static Refused byRule(String what) {
            return new Refused(what, RULE);
        }
    }

    /** What one exercise may use; every method answers {@code null} for allowed, else why not. */
    private static final class Policy {
        private final int exercise;
        private final String ownClass;

        Policy(int exercise, String ownClass) {
            this.exercise = exercise;
            this.ownClass = ownClass;
        }

        /** A field ({@code field}) or method of {@code owner}, an internal name or, for arrays, a descriptor. */
        Refused member(String owner, String name, boolean field) {
            Type type = Type.getObjectType(owner);
            if (type.getSort() == Type.ARRAY) {
                return type(type, false); // clone() of an array
            }
            return switch (owner) {
                case SYSTEM -> allowedIf((field ? SYSTEM_FIELDS : SYSTEM_METHODS).contains(name), owner, name);
                case CLASS -> allowedIf(!field && CLASS_METHODS.contains(name), owner, name);
                case PRINT_STREAM -> allowedIf(!field && !name.equals(CONSTRUCTOR), owner, name);
                default -> className(owner, false);
            };
        }

        /** A handle, as a method reference or a bootstrap argument names it. */
        Refused handle(Handle handle) {
            return member(handle.getOwner(), handle.getName(), handle.getTag() <= Opcodes.H_PUTSTATIC);
        }

        /** A class or array type; {@code instantiation} for {@code new}. */
        Refused type(Type type, boolean instantiation) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            return element.getSort() == Type.OBJECT ? className(element.getInternalName(), instantiation) : null;
        }

        private static Refused allowedIf(boolean allowed, String owner, String member) {
            return allowed ? null : Refused.byRule(memberName(owner, member));
        }

        private Refused className(String name, boolean instantiation) {
            if (name.equals(ownClass) || name.startsWith(ownClass + "$")) {
                return null;
            }
            if (name.startsWith(GIVEN_PACKAGE)) {
                return givenClass(name);
            }
            if (name.startsWith(EXERCISES_PACKAGE)) {
                return new Refused(javaName(name), OWN_CLASSES_RULE);
            }
            return switch (name) {
                case SYSTEM, CLASS -> Refused.byRule(javaName(name));
                case PRINT_STREAM -> instantiation ? Refused.byRule(memberName(name, CONSTRUCTOR)) : null;
                default -> isLibraryClass(name) ? null : Refused.byRule(javaName(name));
            };
        }

        /** {@code ExMMGiven} holds exercise MM's answer, so only a later exercise may use it. */
        private Refused givenClass(String name) {
            Matcher given = GIVEN_CLASS.matcher(topLevel(name));
            if (!given.matches()) {
                return Refused.byRule(javaName(name));
            }
            int answers = Integer.parseInt(given.group(1));
            if (answers < exercise) {
                return null;
            }
            String why = String.format(Locale.ROOT, GIVEN_RULE, simpleName(given.group()), "Ex" + given.group(1));
            return new Refused(javaName(name), why);
        }

        private static boolean isLibraryClass(String name) {
            if (name.startsWith("java/") && (name.endsWith("Exception") || name.endsWith("Error"))) {
                return true;
            }
            String top = topLevel(name);
            String simple = simpleName(top);
            return switch (packageOf(top)) {
                case "java/lang" -> JAVA_LANG.contains(simple);
                case "java/util" -> !JAVA_UTIL_REFUSED.contains(simple);
                case "java/math" -> JAVA_MATH.contains(simple);
                case "java/io" -> simple.equals("Serializable");
                case "org/apache/commons/math3/util" -> COMMONS_MATH_UTIL.contains(simple);
                default -> WHOLE_PACKAGES.stream().anyMatch(top::startsWith);
            };
        }
    }

    /** One refusal, placed in a class and member; the line of a {@code catch} is known only after the code. */
    private static final class Refusal {
        final String className;
        final String member;
        final Refused refused;
        int line;

        Refusal(String className, String member, int line, Refused refused) {
            this.className = className;
            this.member = member;
            this.line = line;
            this.refused = refused;
        }
    }

    /** An InnerClasses entry: {@code outer} is null for a local or anonymous class, {@code simpleName} for the latter. */
    private record InnerClass(String outer, String simpleName) {}

    /** An EnclosingMethod attribute: {@code method} is null in an initializer. */
    private record Enclosing(String owner, String method) {}

    /** What the scan of one exercise's classes found, and the names it needs to place each refusal. */
    private static final class Scan {
        final Policy policy;
        private final List<Refusal> refusals = new ArrayList<>();
        private final Map<String, InnerClass> innerClasses = new HashMap<>();
        private final Map<String, Enclosing> enclosing = new HashMap<>();

        Scan(Policy policy) {
            this.policy = policy;
        }

        /** Records a refusal when {@code refused} is not null; returns it, or null. */
        Refusal add(String className, String member, int line, Refused refused) {
            if (refused == null) {
                return null;
            }
            Refusal refusal = new Refusal(className, member, line, refused);
            refusals.add(refusal);
            return refusal;
        }

        void innerClass(String name, String outer, String simpleName) {
            innerClasses.putIfAbsent(name, new InnerClass(outer, simpleName));
        }

        void enclosing(String name, String owner, String method) {
            enclosing.put(name, new Enclosing(owner, method));
        }

        /** The refusals as lines, without repeats, capped at {@link #MAX_LINES}. */
        List<String> report() {
            Set<String> lines = new LinkedHashSet<>();
            for (Refusal refusal : refusals) {
                lines.add(line(refusal));
            }
            List<String> all = new ArrayList<>(lines);
            if (all.size() <= MAX_LINES) {
                return all;
            }
            List<String> shown = new ArrayList<>(all.subList(0, MAX_LINES));
            shown.add("... and " + (all.size() - MAX_LINES) + " more");
            return shown;
        }

        private String line(Refusal refusal) {
            String at = refusal.line > 0 ? ", line " + refusal.line + "," : "";
            return place(refusal.className, refusal.member) + at + " uses " + refusal.refused.what() + ": "
                    + refusal.refused.why();
        }

        /** Where a member is, for a learner: a local or anonymous class is placed in the method that holds it. */
        private String place(String className, String member) {
            InnerClass inner = innerClasses.get(className);
            if (inner == null || inner.outer() != null) {
                return describe(displayName(className), member);
            }
            Enclosing host = enclosing.get(className);
            String where = host == null ? displayName(className) : place(host.owner(), host.method());
            return where + (inner.simpleName() == null
                    ? " (in an anonymous class)" : " (in local class " + inner.simpleName() + ")");
        }

        /** The simple name of a class, nested with dots: {@code Ex01Sigmoid.Helper}. */
        private String displayName(String className) {
            InnerClass inner = innerClasses.get(className);
            if (inner != null && inner.outer() != null && inner.simpleName() != null) {
                return displayName(inner.outer()) + "." + inner.simpleName();
            }
            return javaName(simpleName(className));
        }

        /** A member of a class: {@code C.m}, {@code C's constructor}, {@code C.m (in a lambda)}. */
        private static String describe(String className, String member) {
            if (member == null) {
                return className;
            }
            Matcher lambda = LAMBDA.matcher(member);
            if (lambda.matches()) {
                String host = switch (lambda.group(1)) {
                    case "static" -> STATIC_INITIALIZER;
                    case "new" -> CONSTRUCTOR;
                    default -> lambda.group(1);
                };
                return describe(className, host) + " (in a lambda)";
            }
            return switch (member) {
                case STATIC_INITIALIZER -> className + "'s static initializer";
                case CONSTRUCTOR -> className + "'s constructor";
                default -> className + "." + member;
            };
        }
    }

    /** Checks a class's declaration, its annotations, fields and methods. */
    private static final class ClassScanner extends ClassVisitor {
        private final Scan scan;
        private String name;

        ClassScanner(Scan scan) {
            super(Opcodes.ASM9);
            this.scan = scan;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
            if (superName != null) {
                declared(superName);
            }
            for (String implemented : interfaces) {
                declared(implemented);
            }
        }

        private void declared(String supertype) {
            scan.add(name, null, 0, scan.policy.type(Type.getObjectType(supertype), false));
        }

        @Override
        public void visitOuterClass(String owner, String method, String descriptor) {
            scan.enclosing(name, owner, method);
        }

        @Override
        public void visitInnerClass(String inner, String outer, String simpleName, int access) {
            scan.innerClass(inner, outer, simpleName);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return new AnnotationScanner(scan, name, null, 0, descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return new AnnotationScanner(scan, name, null, 0, descriptor);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String component, String descriptor, String signature) {
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return new AnnotationScanner(scan, name, component, 0, annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return new AnnotationScanner(scan, name, component, 0, annotation);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return new AnnotationScanner(scan, name, field, 0, annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation,
                        boolean visible) {
                    return new AnnotationScanner(scan, name, field, 0, annotation);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                String[] exceptions) {
            return new CodeScanner(scan, name, method);
        }
    }

    /** Checks an annotation's type and the classes, enums and annotations among its values. */
    private static final class AnnotationScanner extends AnnotationVisitor {
        private final Scan scan;
        private final String className;
        private final String member;
        private final int line;

        /** {@code descriptor} is the annotation's type, null for an annotation method's default value. */
        AnnotationScanner(Scan scan, String className, String member, int line, String descriptor) {
            super(Opcodes.ASM9);
            this.scan = scan;
            this.className = className;
            this.member = member;
            this.line = line;
            if (descriptor != null) {
                uses(Type.getType(descriptor));
            }
        }

        private void uses(Type type) {
            scan.add(className, member, line, scan.policy.type(type, false));
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof Type type) {
                uses(type);
            }
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            uses(Type.getType(descriptor));
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new AnnotationScanner(scan, className, member, line, descriptor);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }

    /** Checks a method's annotations and every instruction that names a class, a field or a method. */
    private static final class CodeScanner extends MethodVisitor {
        private final Scan scan;
        private final String className;
        private final String method;
        private final Map<Label, Integer> lineAt = new HashMap<>();
        private final Map<Refusal, Label> catches = new HashMap<>();
        private int line;

        CodeScanner(Scan scan, String className, String method) {
            super(Opcodes.ASM9);
            this.scan = scan;
            this.className = className;
            this.method = method;
        }

        private void uses(Refused refused) {
            scan.add(className, method, line, refused);
        }

        private AnnotationVisitor annotation(String descriptor) {
            return new AnnotationScanner(scan, className, method, line, descriptor);
        }

        @Override
        public void visitLabel(Label label) {
            lineAt.put(label, line);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            lineAt.put(start, line);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            uses(scan.policy.type(Type.getObjectType(type), opcode == Opcodes.NEW));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            uses(scan.policy.member(owner, name, true));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            uses(scan.policy.member(owner, name, false));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            bootstrapped(bootstrap, arguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            uses(scan.policy.type(Type.getType(descriptor), false));
        }

        /** Visited before the code: the refusal keeps its place, its line is the handler's, known at the end. */
        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                Refusal refusal = scan.add(className, method, 0, scan.policy.type(Type.getObjectType(type), false));
                if (refusal != null) {
                    catches.put(refusal, handler);
                }
            }
        }

        @Override
        public void visitEnd() {
            catches.forEach((refusal, handler) -> refusal.line = lineAt.getOrDefault(handler, 0));
        }

        /** A class literal, a method handle or a dynamic constant; a method type names no class that runs. */
        private void constant(Object value) {
            if (value instanceof Type type && type.getSort() != Type.METHOD) {
                uses(scan.policy.type(type, false));
            } else if (value instanceof Handle handle) {
                uses(scan.policy.handle(handle));
            } else if (value instanceof ConstantDynamic dynamic) {
                Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = dynamic.getBootstrapMethodArgument(i);
                }
                bootstrapped(dynamic.getBootstrapMethod(), arguments);
            }
        }

        /** Only javac's own bootstraps, and each handle and class among their arguments is a use. */
        private void bootstrapped(Handle bootstrap, Object[] arguments) {
            if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                uses(Refused.byRule("an invokedynamic bootstrapped by "
                        + memberName(bootstrap.getOwner(), bootstrap.getName())));
            }
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                Label[] end, int[] index, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return new AnnotationScanner(scan, className, method, 0, null);
        }
    }
}
