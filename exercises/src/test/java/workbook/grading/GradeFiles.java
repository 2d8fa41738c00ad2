package workbook.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads and writes a run's grades: {@code grade.properties} for the scoreboard step and
 * {@code results.json} in the shape Gradescope's autograder expects.
 */
public final class GradeFiles {
    /** The grades of the last run, read by the scoreboard step. */
    public static final String PROPERTIES = "grade.properties";
    /** The same grades in Gradescope's {@code results.json} shape. */
    public static final String RESULTS_JSON = "results.json";

    private GradeFiles() {}

    /** Removes the previous run's files, so that a run that dies leaves no stale grade behind. */
    public static void clear(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(PROPERTIES));
            Files.deleteIfExists(dir.resolve(RESULTS_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes both files into {@code dir}, creating it if needed. */
    public static void write(Path dir, List<ExerciseGrade> grades) {
        try {
            Files.createDirectories(dir);
            Properties properties = new Properties();
            for (ExerciseGrade g : grades) {
                String key = g.id() + ".";
                properties.setProperty(key + "title", g.title());
                properties.setProperty(key + "passed", Integer.toString(g.passed()));
                properties.setProperty(key + "total", Integer.toString(g.total()));
                properties.setProperty(key + "stubOnly", Boolean.toString(g.stubOnly()));
                properties.setProperty(key + "firstFailure", g.firstFailure());
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(out, "Grades of the last run; see results.json for the Gradescope shape");
            }
            Files.writeString(dir.resolve(RESULTS_JSON), toGradescopeJson(grades), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the grades that {@link #write} stored, or an empty list when there are none. */
    public static List<ExerciseGrade> read(Path dir) {
        Path file = dir.resolve(PROPERTIES);
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> ids = new TreeSet<>();
        p.stringPropertyNames().forEach(name -> ids.add(name.substring(0, name.indexOf('.'))));
        List<ExerciseGrade> grades = new ArrayList<>();
        for (String id : ids) {
            grades.add(new ExerciseGrade(id, p.getProperty(id + ".title"),
                    Integer.parseInt(p.getProperty(id + ".passed")),
                    Integer.parseInt(p.getProperty(id + ".total")),
                    Boolean.parseBoolean(p.getProperty(id + ".stubOnly")),
                    p.getProperty(id + ".firstFailure", "")));
        }
        return grades;
    }

    /** Gradescope's shape: a total {@code score} and one {@code tests[]} entry per exercise. */
    static String toGradescopeJson(List<ExerciseGrade> grades) {
        StringBuilder json = new StringBuilder("{\n");
        double total = grades.stream().mapToDouble(ExerciseGrade::points).sum();
        json.append("  \"score\": ").append(number(total)).append(",\n  \"tests\": [");
        for (int i = 0; i < grades.size(); i++) {
            ExerciseGrade g = grades.get(i);
            boolean done = g.status() == ExerciseGrade.Status.DONE;
            String output = g.passed() + " of " + g.total() + " checks passed (" + g.status().label() + ")"
                    + (g.firstFailure().isEmpty() ? "" : "\nFirst failed check: " + g.firstFailure());
            json.append(i == 0 ? "\n" : ",\n")
                .append("    {\"name\": ").append(string(g.id() + " " + g.title()))
                .append(", \"score\": ").append(number(g.points()))
                .append(", \"max_score\": ").append(ExerciseGrade.MAX_POINTS)
                .append(", \"status\": ").append(string(done ? "passed" : "failed"))
                .append(", \"output\": ").append(string(output)).append('}');
        }
        return json.append(grades.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
