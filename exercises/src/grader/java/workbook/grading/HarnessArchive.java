package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of the harness's libraries (JUnit, AssertJ, commons-math3), so that a test JVM
 * maps their classes, already parsed and verified, instead of loading them from the jars: about half a second
 * less per test JVM on a 2-core machine. Made once per machine and set of libraries, in three steps:
 * <ol>
 * <li>a grade without an archive runs its first test JVM with {@link #options(Path)}, which records the classes it
 *     loads ({@code -XX:DumpLoadedClassList});
 * <li>after that grade, {@link #buildInBackground} dumps the archive from that list ({@code -Xshare:dump} on the
 *     libraries alone; classes of folders, the grader's and the learner's, are never archived);
 * <li>the next grade moves the finished dump into place ({@link #adoptFinished}), and its test JVMs map it
 *     ({@code -XX:SharedArchiveFile}); a JVM that cannot (another JDK, a changed jar, a broken file) starts as it
 *     would without one.
 * </ol>
 * The archive's name carries a digest of the JDK and of every library's path, size and time, so a new library
 * or JDK makes a new archive. Only HotSpot JVMs take these options; on others the archive is never used.
 * The libraries lead the test JVM's class path ({@link TestJvms}): the JDK maps an archive only when the class
 * path it was dumped with is a prefix of the running one.
 */
final class HarnessArchive {
    private final Path folder;
    private final List<Path> libraries;
    private final String name;
    /** HotSpot, with libraries to archive: otherwise the archive is never made or used. */
    private final boolean usable;

    /**
     * @param folder    where the archive lives ({@code target/grade/cds})
     * @param libraries the harness's jars, in class-path order
     */
    HarnessArchive(Path folder, List<Path> libraries) {
        this.folder = folder;
        this.libraries = List.copyOf(libraries);
        this.name = "harness-" + digest(libraries);
        this.usable = hotSpot() && !libraries.isEmpty();
    }

    /** The archive file; it may not exist yet. */
    Path archive() {
        return folder.resolve(name + ".jsa");
    }

    /**
     * The options of a test JVM: map the archive if there is one; else, if {@code classList} is not null, record
     * the loaded classes there (a file the sandboxed JVM may write). Empty on a JVM that is not HotSpot.
     */
    List<String> options(Path classList) {
        if (!usable) {
            return List.of();
        }
        if (Files.isRegularFile(archive())) {
            return List.of("-Xshare:auto", "-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=" + archive());
        }
        return classList == null ? List.of() : List.of("-XX:DumpLoadedClassList=" + classList);
    }

    /**
     * Starts dumping the archive from {@code classList} if there is none yet, and returns without waiting (a few
     * seconds of one core, after the scoreboard). The dump writes a file of its own, which {@link #adoptFinished}
     * moves into place once the dump has ended; older archives are deleted. Any failure only means no archive:
     * the test JVMs start the ordinary way.
     */
    void buildInBackground(Path classList) {
        if (!usable || Files.isRegularFile(archive()) || !Files.isRegularFile(classList)
                || Files.isRegularFile(file("pid"))) {
            return;
        }
        try {
            Files.createDirectories(folder);
            deleteOthers();
            Path list = Files.move(classList, file("classlist"), StandardCopyOption.REPLACE_EXISTING);
            String classPath = libraries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process dump = new ProcessBuilder(java, "-Xshare:dump", "-XX:+UseSerialGC", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + file("partial"), "-cp", classPath)
                    .redirectErrorStream(true).redirectOutput(file("log").toFile()).start();
            Files.writeString(file("pid"), Long.toString(dump.pid()), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // no archive: nothing is lost but speed
        }
    }

    /**
     * Moves a dump that has ended into place (called before a grade starts its test JVMs). Whether it succeeded
     * is the JVM's to judge: {@link #options} maps the archive with {@code -XX:+VerifySharedSpaces}, which checks
     * every region's checksum and refuses an incomplete file, and the JVM then starts without it.
     */
    void adoptFinished() {
        Path pid = file("pid");
        if (!Files.isRegularFile(pid)) {
            return;
        }
        try {
            boolean running = ProcessHandle.of(Long.parseLong(Files.readString(pid, StandardCharsets.US_ASCII).trim()))
                    .map(ProcessHandle::isAlive).orElse(false);
            if (running) {
                return;
            }
            if (Files.isRegularFile(file("partial")) && Files.size(file("partial")) > 0) {
                move(file("partial"), archive());
            }
            Files.deleteIfExists(pid);
        } catch (IOException | RuntimeException e) {
            // leave it: the next grade tries again
        }
    }

    private Path file(String kind) {
        return folder.resolve(name + "." + kind);
    }

    private void deleteOthers() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path other : files.filter(p -> !p.getFileName().toString().startsWith(name + "."))
                    .collect(Collectors.toList())) {
                try {
                    Files.deleteIfExists(other);
                } catch (IOException e) {
                    // in use (Windows maps it): the next dump deletes it
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** HotSpot takes the archive options; another JVM (OpenJ9) would refuse to start with them. */
    private static boolean hotSpot() {
        String vm = System.getProperty("java.vm.name", "");
        return (vm.contains("HotSpot") || vm.contains("OpenJDK")) && !vm.contains("OpenJ9");
    }

    /** 16 hex digits of SHA-256 over the JDK and each library's path, size and modification time. */
    private static String digest(List<Path> libraries) {
        try {
            MessageDigest sha = SuiteChecksums.newSha256();
            List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"),
                    System.getProperty("java.vm.version")));
            for (Path library : libraries) {
                parts.add(library + "\t" + Files.size(library) + "\t" + Files.getLastModifiedTime(library).toMillis());
            }
            return HexFormat.of().formatHex(sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
