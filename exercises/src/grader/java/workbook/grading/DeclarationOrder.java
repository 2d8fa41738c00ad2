package workbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Runs a suite's checks in the order the suite declares them, so that the plan, the run and the scoreboard's
 * "first failed check" all follow the suite's order: a task's own checks before the identities that combine tasks.
 * JUnit's default order is deterministic but deliberately not the declaration order, and reflection does not tell
 * the declaration order; the class file does (javac writes methods in source order), so this reads it with ASM.
 * It is the suite's default orderer ({@code junit-platform.properties}); a suite may still choose its own.
 */
public final class DeclarationOrder implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        List<String> declared = declaredMethods(context.getTestClass());
        context.getMethodDescriptors().sort(Comparator.comparingInt(d -> {
            int at = declared.indexOf(signature(d.getMethod()));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
    }

    private static String signature(Method method) {
        return method.getName() + Type.getMethodDescriptor(method);
    }

    /** Name and descriptor of each method, in the order of the class file. */
    static List<String> declaredMethods(Class<?> type) {
        List<String> methods = new ArrayList<>();
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                return methods;
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    methods.add(name + descriptor);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }
}
