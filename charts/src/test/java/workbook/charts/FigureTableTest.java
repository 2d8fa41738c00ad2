package workbook.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import workbook.theory.site.FigureCaptions;

/**
 * The README's figure table: each figure's one caption ({@code FigureCaptions}) and the exercises it needs (declared
 * once in {@link RenderAll#figures()}, matched by the figure's code).
 */
class FigureTableTest {
    private static final Path SOURCES = Path.of("src/main/java/workbook/charts");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| ([^|]+) \\| (Ex[^|]+) \\|$");
    /** An exercise's method, called or referenced ({@code Ex03ReluFamily::relu}), not one of its types. */
    private static final Pattern METHOD_USE = Pattern.compile("\\b(Ex\\d\\d)[A-Z]\\w*(?:::|\\.)[a-z]\\w*");
    /** A constant of Experiments (unqualified there), or of the engine's Activations or Scheme. */
    private static final Pattern CONSTANT = Pattern.compile("\\b(?:(Experiments|Activations|Scheme)\\.)?([A-Z][A-Z_]+)\\b");
    private static final Path ENGINE = Path.of("../theory/src/main/java/workbook/theory/engine");

    @Test
    void theReadmeTableShowsEachFiguresCaptionAndTheExercisesItDeclares() throws IOException {
        List<Figure> figures = RenderAll.figures();
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(m.group(1) + ": " + m.group(2).strip() + " / " + m.group(3).strip());
            }
        }
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            assertThat(figures.get(i).caption()).as("figure %d's caption is FigureCaptions.of(%d)", i + 1, i + 1)
                    .isEqualTo(FigureCaptions.of(i + 1));
            declared.add((i + 1) + ": " + figures.get(i).caption() + " / " + String.join(", ", figures.get(i).exercises()));
        }
        assertThat(figures).as("one caption per figure of the set").hasSize(FigureCaptions.count());
        assertThat(rows).as("README.md's figure table (| # | Caption | Exercises |): copy the captions from"
                + " FigureCaptions and the exercises from RenderAll.figures()").isEqualTo(declared);
    }

    @Test
    void everyImageTheReadmeShowsIsInTheRepository() throws IOException {
        Matcher image = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(Files.readString(Path.of("../README.md")));
        List<String> shown = new ArrayList<>();
        while (image.find()) {
            shown.add(image.group(1));
        }
        assertThat(shown).as("the images README.md shows (the MNIST lab's full run)").isNotEmpty()
                .allSatisfy(file -> assertThat(Path.of("..", file)).as(file).isRegularFile());
    }

    @Test
    void eachFigureDeclaresEveryExerciseWhoseMethodsItsCodeCalls() throws IOException {
        // the classes whose constants a figure may name: their definitions call exercises too
        Map<String, String> sources = Map.of("Experiments", Files.readString(SOURCES.resolve("Experiments.java")),
                "Activations", Files.readString(ENGINE.resolve("Activations.java")),
                "Scheme", Files.readString(ENGINE.resolve("Scheme.java")));
        for (Figure figure : RenderAll.figures()) {
            String number = figure.file().substring(3, 5);
            Path source;
            try (Stream<Path> files = Files.list(SOURCES)) {
                source = files.filter(p -> p.getFileName().toString().startsWith("Fig" + number)).findFirst()
                        .orElseThrow();
            }
            Set<String> used = exercisesCalledBy(Files.readString(source), sources, new TreeSet<>());
            assertThat(new TreeSet<>(figure.exercises())).as("exercises of %s, from %s and the Experiments constants "
                    + "it uses", figure.file(), source.getFileName()).isEqualTo(used);
        }
    }

    /**
     * The exercises whose methods {@code code} calls, following the constants it names into their definitions: a
     * field ({@code static final ... NAME = ...;}) or an enum constant ({@code NAME(...)}).
     */
    private static Set<String> exercisesCalledBy(String code, Map<String, String> sources, Set<String> seen) {
        Set<String> used = new TreeSet<>();
        Matcher m = METHOD_USE.matcher(withoutComments(code));
        while (m.find()) {
            used.add(m.group(1));
        }
        Matcher constants = CONSTANT.matcher(withoutComments(code));
        while (constants.find()) {
            String owner = constants.group(1) == null ? "Experiments" : constants.group(1);
            String name = constants.group(2);
            Matcher definition = Pattern.compile("static final [^=;]* " + name + "\\s*=\\s*([^;]*);|\\b" + name
                    + "\\(([^)]*)\\)", Pattern.DOTALL).matcher(sources.get(owner));
            if (seen.add(owner + "." + name) && definition.find()) {
                String body = definition.group(1) != null ? definition.group(1) : definition.group(2);
                used.addAll(exercisesCalledBy(body, sources, seen));
            }
        }
        return used;
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
