package workbook.grading;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of {@code ./mvnw test}: runs the {@link Grader} in a class loader of its own, made of the grader's
 * classes and its libraries only.
 *
 * <p>Maven hands this class the module's test class path, which includes {@code target/classes}, where Maven's own
 * compile put whatever the learner's files declare, ahead of the library jars: a file in {@code src/main/java} that
 * declares {@code org.objectweb.asm.ClassReader} would otherwise replace the class the grader reads class files
 * with. This class uses the JDK alone, so nothing of the learner's is loaded before the grader's loader exists.
 */
public final class Grade {
    private Grade() {}

    public static void main(String[] args) throws Exception {
        List<URL> harness = new ArrayList<>();
        ClassLoader maven = Grade.class.getClassLoader();
        Path learnerClasses = args.length > 0 ? Path.of(args[0], "target", "classes").toAbsolutePath() : null;
        if (maven instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                if (!isFolder(url, learnerClasses)) {
                    harness.add(url);
                }
            }
        }
        if (harness.isEmpty()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!Path.of(entry).toAbsolutePath().equals(learnerClasses)) {
                    harness.add(Path.of(entry).toUri().toURL());
                }
            }
        }
        // parent: the platform loader, so that no class of Maven's or of the learner's is visible
        URLClassLoader isolated = new URLClassLoader(harness.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(isolated);
        try {
            isolated.loadClass(Grader.class.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static boolean isFolder(URL url, Path folder) throws URISyntaxException {
        return folder != null && "file".equals(url.getProtocol()) && Path.of(url.toURI()).toAbsolutePath().equals(folder);
    }
}
