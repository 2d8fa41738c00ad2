package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteChecksumsTest {
    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Path release(Path dir) throws Exception {
        write(dir.resolve("exercises/src/test/java/A.java"), "class A {}");
        write(dir.resolve("pom.xml"), "<project/>");
        StringBuilder sums = new StringBuilder();
        for (String name : new String[] {"exercises/src/test/java/A.java", "pom.xml"}) {
            sums.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(dir.resolve(name))))).append("  ").append(name).append('\n');
        }
        write(dir.resolve(SuiteChecksums.FILE), sums.toString());
        return dir;
    }

    @Test
    void anUntouchedReleaseAndTheAuthoringRepositoryWarnOfNothing(@TempDir Path dir) throws Exception {
        assertThat(SuiteChecksums.warning(release(dir.resolve("r")))).isEmpty();
        Files.createDirectories(dir.resolve("repo/exercises/src/test"));
        assertThat(SuiteChecksums.warning(dir.resolve("repo"))).isEmpty();
    }

    @Test
    void aChangedAddedOrMissingFileIsNamed(@TempDir Path dir) throws Exception {
        Path r = release(dir);
        write(r.resolve("exercises/src/test/java/A.java"), "class A { int x; }");
        write(r.resolve("exercises/src/test/java/B.java"), "class B {}");
        write(r.resolve(".mvn/extensions.xml"), "<extensions/>");
        Files.delete(r.resolve("pom.xml"));
        assertThat(SuiteChecksums.warning(r)).startsWith("WARNING: the hidden suite or its build was changed since the "
                + "release (").contains("exercises/src/test/java/A.java, pom.xml, .mvn/extensions.xml (added), "
                + "exercises/src/test/java/B.java (added)");
    }

    @Test
    void aReleaseWithoutItsChecksumFileSaysSo(@TempDir Path dir) throws Exception {
        Path r = release(dir);
        Files.delete(r.resolve(SuiteChecksums.FILE));
        assertThat(SuiteChecksums.warning(r)).isEmpty();
        write(r.resolve(SuiteChecksums.RELEASE_MARK), "name: Autograding Tests");
        assertThat(SuiteChecksums.warning(r)).contains(SuiteChecksums.FILE + " (the checksum file itself is missing)");
    }
}
