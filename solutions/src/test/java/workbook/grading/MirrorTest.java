package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A stub and its solution are the same file once the learner's method bodies are set aside: the same Javadoc,
 * signatures, constants, given code and helpers. A body is the learner's when the stub's body still says "is
 * not implemented yet"; every other body (given helpers, record constructors) must match character for
 * character.
 */
class MirrorTest {
    private static final Path STUBS = Path.of("../exercises/src/main/java/workbook/exercises");
    private static final Path SOLUTIONS = Path.of("src/main/java/workbook/exercises");

    @Test
    void everyStubMirrorsItsSolutionOutsideTheLearnersMethodBodies() throws IOException {
        List<Path> stubs;
        try (Stream<Path> files = Files.list(STUBS)) {
            stubs = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertThat(stubs).isNotEmpty();
        for (Path stub : stubs) {
            Path solution = SOLUTIONS.resolve(stub.getFileName());
            assertThat(solution).as("the solution of %s", stub.getFileName()).exists();
            String stubText = Files.readString(stub);
            String solutionText = Files.readString(solution);
            assertThat(masked(solutionText, stubText)).as("%s with the learner's method bodies set aside: the "
                    + "solution (actual) against the stub (expected)", stub.getFileName()).isEqualTo(masked(stubText,
                    stubText));
        }
    }

    @Test
    void aChangedGivenHelperOrJavadocIsADifference() {
        String stub = "/** Doc. */\nclass A {\n    /** f. */\n    static int f(int x) {\n        throw new "
                + "UnsupportedOperationException(\"A.f is not implemented yet\");\n    }\n\n    /** Given. */\n"
                + "    static int g(int x) {\n        return x + 1;\n    }\n}\n";
        String solution = stub.replace("throw new UnsupportedOperationException(\"A.f is not implemented yet\");",
                "return g(x) * 2; // { braces } in a comment");
        assertThat(masked(solution, stub)).isEqualTo(masked(stub, stub));
        assertThat(masked(solution.replace("x + 1", "x + 2"), stub)).isNotEqualTo(masked(stub, stub));
        assertThat(masked(solution.replace("/** Given. */", "/** Given helper. */"), stub))
                .isNotEqualTo(masked(stub, stub));
    }

    /** {@code text} with each method body that is a TODO in {@code stub} (the n-th body of each) replaced. */
    static String masked(String text, String stub) {
        List<int[]> stubBodies = bodies(stub);
        List<int[]> bodies = bodies(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < bodies.size(); i++) {
            int[] body = bodies.get(i);
            boolean todo = i < stubBodies.size() && stub.substring(stubBodies.get(i)[0], stubBodies.get(i)[1])
                    .contains(Check.STUB_MARKER);
            if (todo) {
                out.append(text, at, body[0]).append("{ /* the learner's */ }");
                at = body[1];
            }
        }
        return out.append(text.substring(at)).toString();
    }

    /** The outermost method and constructor bodies as [start, end) offsets, braces included. */
    static List<int[]> bodies(String text) {
        List<int[]> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int skip = skipLiteralOrComment(text, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            if (text.charAt(i) == '{' && opensBody(text, i)) {
                int end = matching(text, i);
                result.add(new int[] {i, end});
                i = end;
                continue;
            }
            i++;
        }
        return result;
    }

    /** A brace that follows a parameter list (and maybe a throws clause) on a line that declares no type. */
    private static boolean opensBody(String text, int brace) {
        String before = text.substring(0, brace).stripTrailing();
        String line = before.substring(before.lastIndexOf('\n') + 1);
        if (line.matches(".*\\b(record|class|interface|enum|if|for|while|switch|catch|synchronized)\\b.*")) {
            return false;
        }
        return before.endsWith(")") || before.matches("(?s).*\\)\\s*throws [\\w., ]+");
    }

    private static int matching(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            int skip = skipLiteralOrComment(text, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            i++;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("text must balance its braces, the one at " + open + " is never closed");
    }

    /** The offset after a comment, string, text block or char literal starting at {@code i}, else {@code i}. */
    private static int skipLiteralOrComment(String text, int i) {
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", i)) {
            return text.indexOf("*/", i + 2) + 2;
        }
        if (text.startsWith("\"\"\"", i)) {
            return text.indexOf("\"\"\"", i + 3) + 3;
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (text.charAt(j) != c) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        return i;
    }
}
