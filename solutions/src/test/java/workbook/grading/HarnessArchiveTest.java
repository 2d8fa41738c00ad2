package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness's class-data archive: recorded, dumped, adopted, mapped; never a reason for a JVM not to start. */
class HarnessArchiveTest {
    @TempDir
    Path dir;
    private Path library;
    private HarnessArchive archive;

    @BeforeEach
    void copyALibrary() throws Exception {
        assumeTrue(System.getProperty("java.vm.name", "").contains("OpenJDK")
                || System.getProperty("java.vm.name", "").contains("HotSpot"), "a HotSpot JVM");
        Path assertj = Path.of(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        library = Files.copy(assertj, Files.createDirectories(dir.resolve("lib")).resolve("assertj.jar"));
        archive = new HarnessArchive(dir.resolve("cds"), List.of(library));
    }

    @Test
    void withoutAnArchiveTheFirstTestJvmRecordsItsClassesAndTheOthersRunPlain() {
        Path list = dir.resolve("harness.classlist");
        assertThat(archive.options(list)).containsExactly("-XX:DumpLoadedClassList=" + list);
        assertThat(archive.options(null)).isEmpty();
    }

    @Test
    @Timeout(120)
    void aDumpFromTheRecordedClassesIsAdoptedByTheNextGradeAndMapped() throws Exception {
        Path list = dir.resolve("harness.classlist");
        assertThat(java(archive.options(list), "-version")).isZero();
        assertThat(list).isNotEmptyFile();

        archive.buildInBackground(list);
        Path pid = dir.resolve("cds").resolve(archive.archive().getFileName().toString().replace(".jsa", ".pid"));
        assertThat(pid).as("the dump runs detached, its pid noted").exists();
        archive.adoptFinished();
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(p -> p.onExit().join());
        assertThat(archive.archive()).as("not adopted while the dump ran").doesNotExist();

        archive.adoptFinished();
        assertThat(archive.archive()).isNotEmptyFile();
        assertThat(archive.options(list)).contains("-XX:SharedArchiveFile=" + archive.archive())
                .noneMatch(o -> o.startsWith("-XX:DumpLoadedClassList"));
        List<String> mapped = new ArrayList<>(archive.options(null));
        mapped.add("-Xshare:on"); // fails to start unless the archive maps
        assertThat(java(mapped, "-version")).isZero();
    }

    @Test
    @Timeout(60)
    void aBrokenArchiveIsRefusedAndTheTestJvmStartsWithoutIt() throws Exception {
        Files.createDirectories(archive.archive().getParent());
        Files.writeString(archive.archive(), "not an archive".repeat(1000), StandardCharsets.US_ASCII);
        assertThat(java(archive.options(null), "-version")).isZero();
    }

    @Test
    void aChangedLibraryGetsAnArchiveOfItsOwn() throws IOException {
        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() - 60_000));
        assertThat(new HarnessArchive(dir.resolve("cds"), List.of(library)).archive()).isNotEqualTo(archive.archive());
    }

    /** Runs a JVM of this JDK with {@code options} and the library on its class path; its exit code. */
    private int java(List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", library.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("java.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
