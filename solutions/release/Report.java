import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns the workbook's grade ({@code exercises/target/grade/results.json}, written by the grader) into what a
 * course platform reads, and checks the hidden suite against the release's checksums. It never grades.
 *
 * <pre>
 * java Report.java gradescope WORKBOOK RESULTS_JSON [BUILD_LOG]   Gradescope's results.json, one test per task
 * java Report.java classroom WORKBOOK                              "Points X/Y" and the GitHub Classroom payload
 * java Report.java verify WORKBOOK                                 exit 1 if the hidden suite was changed
 * </pre>
 */
public final class Report {
    private static final String GRADE = "exercises/target/grade/results.json";
    private static final String CHECKSUMS = "exercises/src/test/hidden-suite.sha256";

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java Report.java gradescope|classroom|verify WORKBOOK [...]");
            System.exit(2);
        }
        Path workbook = Path.of(args[1]);
        switch (args[0]) {
            case "gradescope" -> gradescope(workbook, Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
            case "classroom" -> classroom(workbook);
            case "verify" -> {
                List<String> changed = changedSuiteFiles(workbook);
                System.out.println(changed.isEmpty() ? "The hidden suite matches the release." : tamperWarning(changed));
                System.exit(changed.isEmpty() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    /** One task of the grader's results.json (written by the grader's own JVM, never by the submission's). */
    record Entry(String name, double score, double maxScore, String output) {
        boolean passed() {
            return maxScore > 0 && score >= maxScore;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Entry> readGrade(Path workbook) throws IOException {
        Path file = workbook.resolve(GRADE);
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, Object> json = (Map<String, Object>) new Json(Files.readString(file)).value();
        List<Entry> entries = new ArrayList<>();
        for (Object t : (List<Object>) json.getOrDefault("tests", List.of())) {
            Map<String, Object> test = (Map<String, Object>) t;
            entries.add(new Entry(String.valueOf(test.get("name")), number(test.get("score")),
                    number(test.get("max_score")), String.valueOf(test.getOrDefault("output", ""))));
        }
        return entries;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    // ---------------------------------------------------------------- Gradescope

    static void gradescope(Path workbook, Path out, Path buildLog) throws IOException {
        List<Entry> entries = readGrade(workbook);
        StringBuilder json = new StringBuilder("{\n");
        List<String> tests = new ArrayList<>();
        String summary;
        double score = 0;
        if (entries == null) {
            summary = "**Your code was not graded: the build failed before the tests ran.** The build's "
                    + "messages:\n\n```text\n" + errors(buildLog) + "\n```\n";
        } else {
            int number = 1;
            for (Entry e : entries) {
                score += e.score();
                tests.add(String.format(Locale.ROOT, "    {\"name\": %s, \"number\": \"%d\", \"score\": %s, "
                        + "\"max_score\": %s, \"status\": \"%s\", \"output\": %s, \"output_format\": \"md\", "
                        + "\"visibility\": \"visible\"}", quote(e.name()), number++, num(e.score()),
                        num(e.maxScore()), e.passed() ? "passed" : "failed",
                        quote("```text\n" + e.output() + "\n```")));
            }
            double max = entries.stream().mapToDouble(Entry::maxScore).sum();
            long done = entries.stream().filter(Entry::passed).count();
            summary = String.format(Locale.ROOT, "**%s of %s points**; %d of %d tasks done. Graded with the "
                    + "course's own copy of the hidden suite.", num(score), num(max), done, entries.size());
        }
        json.append("  \"score\": ").append(num(score)).append(",\n");
        json.append("  \"output\": ").append(quote(summary)).append(",\n");
        json.append("  \"output_format\": \"md\",\n  \"test_output_format\": \"md\",\n");
        json.append("  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n");
        json.append("  \"tests\": [\n").append(String.join(",\n", tests)).append("\n  ]\n}\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json.toString());
        System.out.printf(Locale.ROOT, "Gradescope results: %s points -> %s%n", num(score), out);
    }

    private static String errors(Path buildLog) throws IOException {
        if (buildLog == null || !Files.exists(buildLog)) {
            return "(no build log)";
        }
        List<String> lines = Files.readAllLines(buildLog).stream()
                .filter(l -> l.startsWith("[ERROR]") && l.length() > 8 && !l.contains("re-run Maven")
                        && !l.contains("Re-run Maven") && !l.contains("[Help 1]") && !l.contains("please read"))
                .map(l -> l.replace(" -> [Help 1]", "")).limit(40).toList();
        return lines.isEmpty() ? "(no [ERROR] lines in the build log)" : String.join("\n", lines);
    }

    // ---------------------------------------------------------------- GitHub Classroom

    static void classroom(Path workbook) throws IOException {
        List<Entry> entries = readGrade(workbook);
        List<String> changed = changedSuiteFiles(workbook);
        if (!changed.isEmpty()) {
            System.out.println(tamperWarning(changed));
        }
        if (entries == null) {
            entries = List.of(new Entry("The workbook builds", 0, 0, "the build failed before the tests ran"));
        }
        double score = entries.stream().mapToDouble(Entry::score).sum();
        double max = entries.stream().mapToDouble(Entry::maxScore).sum();
        List<String> tests = new ArrayList<>();
        for (Entry e : entries) {
            tests.add(String.format(Locale.ROOT, "{\"name\": %s, \"status\": \"%s\", \"score\": %s, \"message\": %s, "
                            + "\"line_no\": 0, \"execution_time\": \"0s\"}", quote(e.name()),
                    e.passed() && e.maxScore() > 0 ? "pass" : "fail", num(e.score()), quote(e.output())));
        }
        if (!changed.isEmpty()) {
            tests.add("{\"name\": \"The hidden suite is unchanged\", \"status\": \"fail\", \"score\": 0, \"message\": "
                    + quote(tamperWarning(changed)) + ", \"line_no\": 0, \"execution_time\": \"0s\"}");
        }
        boolean all = entries.stream().allMatch(e -> e.passed() && e.maxScore() > 0) && changed.isEmpty();
        String payload = String.format(Locale.ROOT, "{\"version\": 1, \"status\": \"%s\", \"max_score\": %s, "
                + "\"tests\": [%s]}", all ? "pass" : "fail", num(max), String.join(", ", tests));
        String encoded = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String output = System.getenv("GITHUB_OUTPUT");
        if (output != null && !output.isEmpty()) {
            Files.writeString(Path.of(output), "result=" + encoded + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.printf(Locale.ROOT, "Points %s/%s%n", num(score), num(max));
    }

    // ---------------------------------------------------------------- the hidden suite's checksums

    /**
     * Files listed in the checksum file that differ or are missing, and files of the suite it does not list. The
     * grader's scoreboard makes the same check (workbook.grading.SuiteChecksums; this file must stay a single-file
     * program, so it cannot import it); SuiteChecksumsTest runs both on the same changes.
     */
    static List<String> changedSuiteFiles(Path workbook) throws IOException {
        Path sums = workbook.resolve(CHECKSUMS);
        if (!Files.exists(sums)) {
            return List.of(CHECKSUMS + " (the checksum file itself is missing)");
        }
        List<String> changed = new ArrayList<>();
        TreeSet<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(sums)) {
            if (line.isBlank()) {
                continue;
            }
            String expected = line.substring(0, 64);
            String name = line.substring(66);
            listed.add(name);
            Path file = workbook.resolve(name);
            if (!Files.exists(file) || !expected.equals(sha256(file))) {
                changed.add(name);
            }
        }
        try (Stream<Path> files = Files.walk(workbook.resolve("exercises/src/test"))) {
            files.filter(Files::isRegularFile).map(f -> workbook.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(CHECKSUMS) && !listed.contains(n)).sorted()
                    .forEach(n -> changed.add(n + " (added)"));
        }
        return changed;
    }

    static String tamperWarning(List<String> changed) {
        return "WARNING: the hidden suite or its build was changed since the release (" + String.join(", ", changed)
                + "). This grade may not be real; the course's autograder grades with its own pristine copy.";
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- JSON

    private static String num(double d) {
        double r = Math.round(d * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** A small JSON reader: objects become LinkedHashMaps, arrays Lists, numbers Doubles. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                while (next() != '}') {
                    String key = string();
                    expect(':');
                    map.put(key, value());
                    if (next() == ',') {
                        i++;
                    }
                }
                i++;
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                while (next() != ']') {
                    list.add(value());
                    if (next() == ',') {
                        i++;
                    }
                }
                i++;
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private char next() {
            skip();
            return s.charAt(i);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in the grade file");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
