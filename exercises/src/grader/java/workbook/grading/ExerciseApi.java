package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The public face of an exercise, as its stub declares it: every public or protected class, method and field of
 * the stub's class files. The hidden suite, theory and the figures call an exercise through exactly these, so a
 * learner's file that compiles but lacks one of them (a changed signature, a deleted or renamed method) cannot
 * run with them: {@link #missing} says which, in Java's words, at the line of a method of the same name.
 *
 * <p>The stub's classes also make the exercise's stand-in ({@link #standIn}): where the learner's file cannot
 * run, Maven's {@code target/classes} gets the stub, its "is not implemented yet" messages extended by the reason,
 * so that theory and the figures still compile and run, and say what to fix.
 */
final class ExerciseApi {
    private static final String UNFINISHED = " is not implemented yet";

    /** Java's own rendering of each member, by its key: class name, static or not, name and descriptor. */
    private final Map<String, String> members;
    /** The first line of each method, by class and name (a learner's method whose signature changed). */
    private final Map<String, Integer> lines;

    private ExerciseApi(Map<String, String> members, Map<String, Integer> lines) {
        this.members = members;
        this.lines = lines;
    }

    /** The API of the class files in {@code classes}: a stub's, or a learner's build of an exercise. */
    static ExerciseApi of(List<Path> classes) {
        Map<String, String> members = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Path file : classes) {
            read(file).accept(new ClassVisitor(Opcodes.ASM9) {
                private String owner;
                private boolean visible;

                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    owner = name.substring(name.lastIndexOf('/') + 1).replace('$', '.');
                    visible = (access & Opcodes.ACC_PUBLIC) != 0;
                    if (visible) {
                        String kind = (access & Opcodes.ACC_INTERFACE) != 0 ? "interface"
                                : (access & Opcodes.ACC_ENUM) != 0 ? "enum"
                                : "java/lang/Record".equals(superName) ? "record" : "class";
                        members.put("class " + owner, "public " + kind + " " + owner);
                    }
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    if (visible && exposed(access)) {
                        members.put(key(access, name, descriptor), modifiers(access)
                                + simple(Type.getType(descriptor).getClassName()) + " " + owner + "." + name);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (visible && exposed(access) && (access & Opcodes.ACC_SYNTHETIC) == 0) {
                        members.put(key(access, name, descriptor), modifiers(access) + method(name, descriptor));
                    }
                    String method = owner + "." + name;
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            lines.merge(method, line, Math::min);
                        }
                    };
                }

                private String key(int access, String name, String descriptor) {
                    return owner + ((access & Opcodes.ACC_STATIC) != 0 ? " static " : " ") + name + descriptor;
                }

                private String method(String name, String descriptor) {
                    String parameters = Arrays.stream(Type.getArgumentTypes(descriptor)).map(Type::getClassName)
                            .map(ExerciseApi::simple).collect(Collectors.joining(", "));
                    return "<init>".equals(name) ? owner + "(" + parameters + ")"
                            : simple(Type.getReturnType(descriptor).getClassName()) + " " + name + "(" + parameters
                            + ")";
                }
            }, ClassReader.SKIP_FRAMES);
        }
        return new ExerciseApi(members, lines);
    }

    /**
     * What of this API the {@code learner}'s API lacks, as a compile error would say it, or empty: {@code
     * "Ex02Tanh.java:49: the stub declares public static double tanh(double) (a changed signature, or a deleted or
     * renamed method?)"}, a line for each, at most a few.
     */
    Optional<String> missing(ExerciseApi learner, String file) {
        List<String> absent = members.entrySet().stream().filter(m -> !learner.members.containsKey(m.getKey()))
                .map(m -> {
                    String key = m.getKey();
                    String owner = key.substring(0, key.indexOf(' '));
                    String name = key.replaceFirst("^\\S+ (static )?", "").replaceFirst("[(].*$", "");
                    Integer line = learner.lines.get(owner + "." + name);
                    return file + (line == null ? "" : ":" + line) + ": the stub declares " + m.getValue();
                })
                .collect(Collectors.toList());
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        int shown = Math.min(absent.size(), 5);
        return Optional.of(String.join("\n", absent.subList(0, shown))
                + (absent.size() > shown ? "\n... and " + (absent.size() - shown) + " more" : "")
                + "\n  Theory, the figures and the hidden suite call an exercise by the stub's signatures: keep each"
                + " of them (name, parameter types, return type, static), and add helpers beside them.");
    }

    /**
     * Writes the stub's class files to {@code out}, each "X.m is not implemented yet" message extended by {@code
     * reason}: {@code "Ex02Tanh.tanh is not implemented yet (Ex02Tanh.java does not compile, so its stub stands in:
     * ./mvnw test shows why)"}. Theory and the figures print that message where they need the exercise.
     */
    static void standIn(List<Path> stubClasses, Path stubRoot, Path out, String reason) {
        for (Path file : stubClasses) {
            ClassWriter writer = new ClassWriter(0);
            read(file).accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                            exceptions)) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            super.visitLdcInsn(value instanceof String s && s.endsWith(UNFINISHED)
                                    ? s + " (" + reason + ")" : value);
                        }
                    };
                }
            }, 0);
            Path destination = out.resolve(stubRoot.relativize(file));
            byte[] bytes = writer.toByteArray();
            try {
                if (Files.exists(destination) && Arrays.equals(Files.readAllBytes(destination), bytes)) {
                    continue; // the same stand-in as last time: theory and the figures need not compile again
                }
                Files.createDirectories(destination.getParent());
                Files.write(destination, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A digest of what other classes compile against in these class files: each class without its method bodies,
     * its debug information and its private members (what javac reads of a class on the class path, constants
     * included). The hidden suite's classes depend on nothing else of the exercise's, so a suite compiled against
     * the same digest is the same suite: an edit inside a method body, the learner's usual edit, does not make the
     * grade compile the suite again.
     *
     * @param root    the folder the class files are in (their names, relative to it, are part of the digest)
     * @param classes the class files of one exercise
     */
    static String compiledAgainst(Path root, List<Path> classes) {
        MessageDigest digest = SuiteChecksums.newSha256();
        for (Path file : classes.stream().sorted().collect(Collectors.toList())) {
            ClassWriter surface = new ClassWriter(0);
            read(file).accept(new ClassVisitor(Opcodes.ASM9, surface) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    return (access & Opcodes.ACC_PRIVATE) != 0 ? null
                            : super.visitField(access, name, descriptor, signature, value);
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return (access & Opcodes.ACC_PRIVATE) != 0 ? null
                            : super.visitMethod(access, name, descriptor, signature, exceptions);
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update(surface.toByteArray());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ClassReader read(Path file) {
        try {
            return new ClassReader(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exposed(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
    }

    private static String modifiers(int access) {
        return Modifier.toString(access & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL))
                + " ";
    }

    /** {@code double[]} for {@code double[]}, {@code List} for {@code java.util.List}. */
    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
