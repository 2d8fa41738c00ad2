package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The learner release records the checksums of the hidden suite, the grader, the given classes and the build that
 * runs them in {@value #FILE} ({@code sha256sum -c} format, paths from the workbook's top); the scoreboard and
 * the Classroom report ({@link PlatformReport}) say plainly when they no longer match.
 */
final class SuiteChecksums {
    static final String FILE = "exercises/src/test/hidden-suite.sha256";
    /** The build files a release records (release.sh lists the same): one that appears later is reported too. */
    static final List<String> BUILD_FILES = List.of("pom.xml", "exercises/pom.xml", ".mvn/maven.config",
            ".mvn/jvm.config", ".mvn/extensions.xml", ".mvn/wrapper/maven-wrapper.properties", "mvnw");

    private SuiteChecksums() {}

    /** The Classroom workflow that a learner release carries, and the authoring repository does not. */
    static final String RELEASE_MARK = ".github/workflows/classroom.yml";

    /**
     * Files listed in the checksum file that differ or are missing, and files of the suite, the grader or the given
     * classes it does not list; empty when there is no checksum file in the authoring repository.
     */
    static List<String> changed(Path workbook) throws IOException {
        Path sums = workbook.resolve(FILE);
        List<String> changed = new ArrayList<>();
        if (!Files.exists(sums)) {
            if (Files.exists(workbook.resolve(RELEASE_MARK))) {
                changed.add(FILE + " (the checksum file itself is missing)");
            }
            return changed;
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(sums)) {
            if (line.length() < 67) {
                continue;
            }
            String name = line.substring(66);
            listed.add(name);
            Path file = workbook.resolve(name);
            if (!Files.isRegularFile(file) || !line.substring(0, 64).equals(sha256(file))) {
                changed.add(name);
            }
        }
        for (String file : BUILD_FILES) {
            if (Files.isRegularFile(workbook.resolve(file)) && !listed.contains(file)) {
                changed.add(file + " (added)");
            }
        }
        for (String folder : List.of("exercises/src/test", "exercises/src/grader", "exercises/src/given")) {
            if (!Files.isDirectory(workbook.resolve(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(workbook.resolve(folder))) {
                files.filter(Files::isRegularFile).map(f -> workbook.relativize(f).toString().replace('\\', '/'))
                        .filter(n -> !n.equals(FILE) && !listed.contains(n)).sorted()
                        .forEach(n -> changed.add(n + " (added)"));
            }
        }
        return changed;
    }

    /** The warning the scoreboard prints, or empty when nothing changed. */
    static String warning(Path workbook) throws IOException {
        List<String> changed = changed(workbook);
        return changed.isEmpty() ? "" : "WARNING: the hidden suite or its build was changed since the release ("
                + String.join(", ", changed) + "). This grade may not be real; the course's autograder grades with "
                + "its own pristine copy.";
    }

    /** The file's SHA-256 as 64 lowercase hex digits. */
    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(newSha256().digest(Files.readAllBytes(file)));
    }

    /** A new SHA-256 digest: the one hash of the grader's keys and checksums. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
