package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedLogTest {
    private static List<String> signed(String key, String... lines) {
        StringWriter text = new StringWriter();
        SignedLog.Writer writer = new SignedLog.Writer(new PrintWriter(text), key);
        for (String line : lines) {
            writer.line(line);
        }
        return new ArrayList<>(List.of(text.toString().split("\n")));
    }

    @Test
    void theGraderBelievesOnlyLinesSignedWithItsKey(@TempDir Path dir) throws Exception {
        String key = SignedLog.newKey();
        List<String> report = signed(key, "S\tcheck", "F\tcheck FAILED");
        // what the exercise code might add: an unsigned line, a line signed with another key, a badly signed END
        report.add(1, "F\tcheck PASSED");
        report.addAll(signed(SignedLog.newKey(), "END"));
        report.add("END\t#" + "0".repeat(64));
        Files.write(dir.resolve("r.txt"), report);
        assertThat(SignedLog.verifiedLines(dir.resolve("r.txt"), key)).containsExactly("S\tcheck", "F\tcheck FAILED");
    }

    @Test
    void aSignedLineDroppedFromTheMiddleBreaksTheChain(@TempDir Path dir) throws Exception {
        String key = SignedLog.newKey();
        List<String> report = signed(key, "S\ta", "F\ta FAILED", "S\tb", "F\tb PASSED", "END");
        report.remove(1);
        Files.write(dir.resolve("r.txt"), report);
        assertThat(SignedLog.verifiedLines(dir.resolve("r.txt"), key)).containsExactly("S\ta");
        assertThat(SignedLog.verifiedLines(dir.resolve("missing.txt"), key)).isEmpty();
    }

    @Test
    void aKeyIsSixtyFourHexDigits() {
        assertThat(SignedLog.newKey()).matches("[0-9a-f]{64}").isNotEqualTo(SignedLog.newKey());
        assertThatThrownBy(() -> signed("12", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hexKey");
    }
}
