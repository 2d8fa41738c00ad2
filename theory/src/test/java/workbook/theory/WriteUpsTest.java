package workbook.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import workbook.theory.tools.Claim;

/** Every claim of every write-up holds, and every write-up is registered, well formed and in the overview. */
@DisplayName("Theory write-ups")
class WriteUpsTest {
    private static final Path OVERVIEW = Path.of("src/main/javadoc/overview.html");
    private static final Path SOURCES = Path.of("src/main/java/workbook/theory");
    private static final Path README = Path.of("../README.md");
    /** "write-up 8" or "write-ups 8" that is not the text of a {@writeup} tag. */
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("(?<!\\{@writeup \\d{1,2} )\\bwrite-ups?\\s+\\d");
    private static final Pattern FIGURE = Pattern.compile("\\{@figure (\\d+)\\}");
    /** Material the reader of the site does not have. */
    private static final Pattern COURSE_MATERIAL =
            Pattern.compile("(?i)\\b(notebook|lecture|assignment|course notes|the course\\b|the lab\\b|the lab's|part \\d)");

    /** Each write-up's checks, computed once for all the tests that read them. */
    private static final Map<String, List<Claim>> CHECKS = new ConcurrentHashMap<>();

    private static List<Claim> checksOf(WriteUps.WriteUp writeUp) {
        return CHECKS.computeIfAbsent(writeUp.name(), name -> writeUp.checks());
    }

    @TestFactory
    @DisplayName("every check of every write-up holds")
    Stream<DynamicContainer> everyCheckHolds() {
        return WriteUps.all().stream().map(writeUp -> dynamicContainer(writeUp.number() + ". " + writeUp.title(),
                checksOf(writeUp).stream().map(WriteUpsTest::holds)));
    }

    private static DynamicTest holds(Claim claim) {
        return dynamicTest(claim.statement(), () -> assertThat(claim.holds())
                .as("'%s' should hold: the derivation predicts %s \u00b1 %s but the code or the experiment gave %s; "
                                + "either the derivation or the code it explains has drifted",
                        claim.statement(), claim.expected(), claim.tolerance(), claim.observed())
                .isTrue());
    }

    @TestFactory
    @DisplayName("every write-up has the shape of a write-up")
    Stream<DynamicTest> everyWriteUpIsWellFormed() {
        return WriteUps.all().stream().map(writeUp -> dynamicTest(writeUp.name(), () -> {
            Class<?> type = writeUp.type();
            assertThat(Modifier.isFinal(type.getModifiers())).as("%s should be final", type.getSimpleName()).isTrue();
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            assertThat(constructors).as("%s should have exactly one constructor, private and without arguments",
                    type.getSimpleName()).hasSize(1);
            assertThat(Modifier.isPrivate(constructors[0].getModifiers()) && constructors[0].getParameterCount() == 0)
                    .as("%s's constructor should be private and take no arguments", type.getSimpleName()).isTrue();
            Method checks = type.getMethod("checks");
            assertThat(Modifier.isStatic(checks.getModifiers()) && checks.getReturnType() == List.class)
                    .as("%s should declare public static List<Claim> checks()", type.getSimpleName()).isTrue();
            Method main = type.getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers()))
                    .as("%s should declare public static void main(String[])", type.getSimpleName()).isTrue();
            assertThat(checksOf(writeUp)).as("%s should make at least one check", type.getSimpleName()).isNotEmpty();
        }));
    }

    @TestFactory
    @DisplayName("every write-up's main prints a lab report in which every check holds")
    Stream<DynamicTest> everyLabReportPrints() {
        return WriteUps.all().stream().map(writeUp -> dynamicTest(writeUp.name(), () -> {
            String report = captureOutput(writeUp::run);
            assertThat(report).as("the lab report of '%s' should open with its title", writeUp.name())
                    .startsWith("== " + writeUp.number() + ". " + writeUp.title());
            assertThat(report).as("the lab report of '%s' should end with every check holding", writeUp.name())
                    .contains("PASS").doesNotContain("FAIL").containsPattern("(\\d+) of \\1 checks hold\\.");
        }));
    }

    @Test
    void theOldSwitchNamesTheNewOne() {
        assertThat(WriteUps.renamedSwitch(new String[] {"--renamed-demo", "xavier"})).contains(
                "-Ddemo is now -Dwriteup: ./mvnw -q -pl theory -am compile exec:java -Dwriteup=xavier");
        assertThat(WriteUps.renamedSwitch(new String[] {"--renamed-demo", "true"})).hasValueSatisfying(
                line -> assertThat(line).endsWith("-Dwriteup=list"));
        assertThat(WriteUps.renamedSwitch(new String[] {"xavier"})).isEmpty();
        assertThat(WriteUps.renamedSwitch(new String[0])).isEmpty();
    }

    @Test
    @DisplayName("every write-up in the package is registered, with a unique name and increasing numbers")
    void registryIsComplete() throws IOException, URISyntaxException {
        Path folder = Path.of(WriteUps.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("workbook/theory");
        Set<String> writeUps;
        try (Stream<Path> files = Files.list(folder)) {
            writeUps = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> "workbook.theory." + f.substring(0, f.length() - ".class".length()))
                    .filter(WriteUpsTest::declaresChecks)
                    .collect(Collectors.toSet());
        }
        Set<String> registered = WriteUps.all().stream().map(d -> d.type().getName()).collect(Collectors.toSet());
        assertThat(registered).as("WriteUps should register every class of workbook.theory with a checks() method")
                .isEqualTo(writeUps);

        List<String> names = WriteUps.all().stream().map(WriteUps.WriteUp::name).toList();
        assertThat(names).as("write-up names should be unique").doesNotHaveDuplicates();
        assertThat(names).as("write-up names should be short, lower case words joined by '-'")
                .allMatch(n -> n.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") && n.length() <= 18);
        List<Integer> numbers = WriteUps.all().stream().map(WriteUps.WriteUp::number).toList();
        assertThat(numbers).as("write-up numbers should increase down the list (learning order)").isSorted()
                .doesNotHaveDuplicates();
        assertThat(WriteUps.all()).as("each write-up should name the exercises it explains")
                .allMatch(d -> !d.exercises().isEmpty() && d.exercises().stream().allMatch(e -> e.matches("Ex\\d\\d")));
    }

    private static boolean declaresChecks(String className) {
        try {
            Method checks = Class.forName(className).getDeclaredMethod("checks");
            return Modifier.isStatic(checks.getModifiers());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Test
    @DisplayName("the front page and the package page take their contents from the lesson index")
    void overviewIsGeneratedFromTheLessonIndex() throws IOException {
        assertThat(Files.readString(OVERVIEW)).as("%s should show the contents with {@lessons}, not a hand-kept table",
                OVERVIEW).contains("{@lessons}").doesNotContainPattern("\\{@linkplain workbook\\.theory\\.[A-Z]");
        assertThat(Files.readString(SOURCES.resolve("package-info.java"))).contains("{@lessons}");
    }

    @TestFactory
    @DisplayName("every write-up page opens with its number and neighbours and links the write-ups it names")
    Stream<DynamicTest> everyWriteUpIsAPageOfTheBook() {
        return WriteUps.all().stream().map(writeUp -> dynamicTest(writeUp.name(), () -> {
            String comment = classComment(writeUp.type());
            assertThat(comment).as("the class comment of %s should open with {@summary <span class=\"book-lede\">...</span>}"
                    + "{@writeup}: the summary is the first sentence of the package's tables, the tag prints the number, "
                    + "title, neighbours and the summary as the page's abstract", writeUp.type().getSimpleName())
                    .startsWith("{@summary <span class=\"book-lede\">").contains("</span>}{@writeup}");
            assertThat(comment).as("%s should name other write-ups with {@writeup N}, which links them",
                    writeUp.type().getSimpleName()).doesNotContainPattern(PLAIN_REFERENCE);
            assertThat(comment).as("%s should end with a summary (<h2>In short</h2>), then {@references} (the works it "
                    + "cites with {@cite key}) and {@writeup end} (the links to its neighbours at the end of the page)",
                    writeUp.type().getSimpleName())
                    .containsPattern("(?s)<h2>In short</h2>.*\\{@references}\\s*\\{@writeup end}\\s*(\\*/)?\\s*$")
                    .containsPattern("\\{@citet? [a-z]");
            Matcher figure = FIGURE.matcher(comment);
            List<Integer> shown = new ArrayList<>();
            while (figure.find()) {
                shown.add(Integer.parseInt(figure.group(1)));
            }
            assertThat(shown).as("%s should show exactly the figures the lesson index gives it, in that order",
                    writeUp.type().getSimpleName()).isEqualTo(writeUp.figures());
            assertThat(comment).as("%s should be self-contained: name the idea, not a course's notebook, lecture or part",
                    writeUp.type().getSimpleName()).doesNotContainPattern(COURSE_MATERIAL);
        }));
    }

    @Test
    @DisplayName("the overview names no write-up in plain text and refers to no course material")
    void overviewIsSelfContained() throws IOException {
        String overview = Files.readString(OVERVIEW);
        assertThat(overview).doesNotContainPattern(PLAIN_REFERENCE).doesNotContainPattern(COURSE_MATERIAL);
    }

    @Test
    @DisplayName("the README's theory table is the lesson index")
    void readmeTableIsTheLessonIndex() throws IOException {
        String readme = Files.readString(README);
        StringBuilder expected = new StringBuilder("| # | Write-up | Name | Exercises | Figures |\n|---|---|---|---|---|\n");
        for (WriteUps.WriteUp writeUp : WriteUps.all()) {
            expected.append("| ").append(writeUp.number()).append(" | ").append(writeUp.title()).append(" | `")
                    .append(writeUp.name()).append("` | ").append(String.join(", ", writeUp.exercises())).append(" | ")
                    .append(writeUp.figures().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        assertThat(readme).as("README.md's Theory section should hold this table, generated from WriteUps (paste it)")
                .contains(expected.toString());
    }

    private static String classComment(Class<?> writeUp) throws IOException {
        String source = Files.readString(SOURCES.resolve(writeUp.getSimpleName() + ".java"));
        int end = source.indexOf("public final class " + writeUp.getSimpleName());
        int start = source.lastIndexOf("/**", end);
        assertThat(start).as("%s should have a class comment", writeUp.getSimpleName()).isNotNegative();
        return source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*(?!/) ?", "").strip();
    }

    @Test
    @DisplayName("the lesson index maps figures back to the write-ups they illustrate")
    void figuresMapBackToWriteUps() {
        assertThat(WriteUps.illustratedBy(6)).extracting(WriteUps.WriteUp::name).containsExactly("kaiming", "signal-depth");
        assertThat(WriteUps.illustratedBy(99)).isEmpty();
        assertThat(WriteUps.all()).as("figure numbers count from 1, as in the charts module's set")
                .allMatch(d -> d.figures().stream().allMatch(f -> f >= 1));
    }

    @Test
    @DisplayName("a write-up is found by name in any case, by number, or by a unique prefix")
    void writeUpsAreFoundByShortNames() {
        for (WriteUps.WriteUp writeUp : WriteUps.all()) {
            assertThat(WriteUps.find(writeUp.name().toUpperCase())).as("find by upper-case name").contains(writeUp);
            assertThat(WriteUps.find(String.valueOf(writeUp.number()))).as("find by number").contains(writeUp);
        }
        assertThat(WriteUps.find("no-such-write-up")).isEmpty();
        assertThat(WriteUps.find("")).isEmpty();
    }

    @Test
    @DisplayName("without a name the runner lists every write-up")
    void runnerListsTheWriteUps() {
        String listing = captureOutput(() -> WriteUps.main(new String[0]));
        assertThat(listing).as("the listing should show how to print a write-up's lab report").contains("-Dwriteup=");
        for (WriteUps.WriteUp writeUp : WriteUps.all()) {
            assertThat(listing).as("the listing should name every write-up").contains(writeUp.name(), writeUp.title());
        }
    }

    @Test
    @DisplayName("a lab report opens with the write-up's number, title, name and exercises from the lesson index")
    void reportHeadingComesFromTheLessonIndex() {
        WriteUps.WriteUp first = WriteUps.all().get(0);
        assertThat(first.report().render()).startsWith("== 1. " + first.title() + "  (write-up '" + first.name()
                + "'; exercises " + String.join(", ", first.exercises()) + ") ==");
    }

    private static String captureOutput(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
