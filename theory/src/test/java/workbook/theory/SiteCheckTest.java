package workbook.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-site check finds each kind of problem on a tiny site, and passes a sound one. */
@DisplayName("SiteCheck: the test CI runs over the built theory site")
class SiteCheckTest {
    private static final String FRONT = """
            <html><body><table>
            <tr class="book-lesson" data-number="1"><td>1</td><td><a href="w/One.html">One</a></td></tr>
            <tr class="book-lesson" data-number="2"><td>2</td><td><a href="w/Two.html">Two</a></td></tr>
            </table><p>Inline \\( x^2 \\) and displayed \\[ \\frac{1}{2} \\] math.</p></body></html>
            """;
    private static final String ONE = """
            <html><body><div class="block"><nav class="book-nav"><span class="book-prev"></span>
            <a class="book-contents" href="../index.html">Contents</a>
            <a class="book-next" rel="next" href="../w/Two.html">2. Two</a></nav>
            <h1 class="book-title" id="write-up-1">1. One</h1>
            <p>See <a class="book-ref" href="Two.html">write-up 2</a>; code is left alone: <code>\\(</code>.</p>
            <figure class="book-figure" data-figure="3"><img src="doc-files/fig03-x.png"><figcaption>c</figcaption></figure>
            <p>As <a class="book-cite" href="#ref-k2010">K, 2010</a> showed, <span class="book-eq" id="eq-var">\\[ v = 1 \\tag{1.1} \\]</span>
            and <a class="book-eqref" href="#eq-var">(1.1)</a> is <a class="book-eqref" href="Two.html#eq-two">(2.1)</a>.</p>
            <h2>In short</h2>
            <ul><li>One.</li></ul>
            <section class="book-references">
            <h2 id="references">References</h2>
            <ol><li id="ref-k2010">K (2010). T. <a class="book-bib" href="../workbook/theory/Bibliography.html#k2010">[bibliography]</a></li></ol>
            </section>
            <nav class="book-nav book-nav-bottom"><span class="book-prev"></span>
            <a class="book-contents" href="../index.html">Contents</a>
            <a class="book-next" rel="next" href="../w/Two.html">2. Two</a></nav>
            </div></body></html>
            """;
    private static final String TWO = """
            <html><body><div class="block"><nav class="book-nav">
            <a class="book-prev" rel="prev" href="../w/One.html">1. One</a>
            <a class="book-contents" href="../index.html">Contents</a><span class="book-next"></span></nav>
            <h1 class="book-title" id="write-up-2">2. Two</h1><p>\\( \\mathrm{Var}[W] = {2 \\over n} \\)</p>
            <span class="book-eq" id="eq-two">\\[ w = 2 \\tag{2.1} \\]</span>
            <h2>In short</h2>
            <p>Two, <a class="book-cite" href="#ref-k2010">K, 2010</a>.</p>
            <section class="book-references">
            <h2 id="references">References</h2>
            <ol><li id="ref-k2010">K (2010). T. <a class="book-bib" href="../workbook/theory/Bibliography.html#k2010">[bibliography]</a></li></ol>
            </section>
            <nav class="book-nav book-nav-bottom">
            <a class="book-prev" rel="prev" href="../w/One.html">1. One</a>
            <a class="book-contents" href="../index.html">Contents</a><span class="book-next"></span></nav>
            </div></body></html>
            """;
    private static final String BIBLIOGRAPHY = """
            <html><body><nav class="book-nav book-nav-plain"><a class="book-contents" href="../../index.html">Contents</a></nav>
            <h1 class="book-title" id="bibliography">Bibliography</h1>
            <ol class="book-bibliography">
            <li id="k2010">K (2010). T. <span class="book-cited-by">Cited in write-ups <a href="../../w/One.html">1</a>,
            <a href="../../w/Two.html">2</a>.</span></li>
            </ol></body></html>
            """;
    private static final String EXERCISE = """
            <html><head><meta name="description" content="declaration: package: workbook.exercises, class: Ex09"></head>
            <body><div class="block"><p>Draw \\( N(0, \\sigma^2) \\) with \\( \\sigma^2 = 2/n \\); code stays code:
            <code>std * rng.nextGaussian()</code>, <code>N(0, std^2)</code>. See <a class="book-ref" href="../../w/One.html">write-up 1</a>.</p>
            </div></body></html>
            """;

    private static final String STYLESHEET = Stream.of("section.summary", ".type-signature", ".inheritance")
            .map(hidden -> SiteCheck.EXERCISE_PAGE + " " + hidden).collect(Collectors.joining(",\n", "", " {\n    display: none;\n}\n"));

    private static Path site(Path folder, String front, String one, String two) throws IOException {
        Files.createDirectories(folder.resolve("w/doc-files"));
        Files.writeString(folder.resolve("index.html"), front);
        Files.writeString(folder.resolve("w/One.html"), one);
        Files.writeString(folder.resolve("w/Two.html"), two);
        Files.write(folder.resolve("w/doc-files/fig03-x.png"), new byte[] {1});
        Files.createDirectories(folder.resolve("workbook/theory"));
        Files.createDirectories(folder.resolve("workbook/exercises"));
        Files.writeString(folder.resolve("workbook/theory/Bibliography.html"), BIBLIOGRAPHY);
        Files.writeString(folder.resolve("workbook/exercises/Ex09.html"), EXERCISE);
        Files.writeString(folder.resolve("book.css"), STYLESHEET);
        return folder;
    }

    @Test
    void aSoundSiteHasNoProblems(@TempDir Path folder) throws IOException {
        assertThat(SiteCheck.problems(site(folder, FRONT, ONE, TWO))).isEmpty();
    }

    @Test
    void findsTexThatAutoRenderLeavesRaw(@TempDir Path folder) throws IOException {
        String split = TWO.replace("<p>\\( \\mathrm{Var}[W] = {2 \\over n} \\)</p>",
                "<p>\\( \\mathrm{Var}[<i>W</i>] \\) and \\( 1 \\) and \\[ x \\) and a stray \\] here</p>");
        List<String> problems = SiteCheck.problems(site(folder, FRONT, ONE, split));
        assertThat(problems).as("a tag inside the math splits the text: both halves stay raw")
                .anyMatch(p -> p.contains("w/Two.html: raw TeX, \\( without \\)"))
                .anyMatch(p -> p.contains("w/Two.html: raw TeX, \\) without its opening delimiter"));
        String unclosed = TWO.replace("\\( \\mathrm{Var}[W] = {2 \\over n} \\)", "\\[ x^2 \\)");
        assertThat(SiteCheck.problems(site(folder, FRONT, ONE, unclosed)))
                .anyMatch(p -> p.contains("raw TeX, \\[ without \\]"));
        String braced = TWO.replace("{2 \\over n} \\)", "{2 \\over n \\) }");
        assertThat(SiteCheck.problems(site(folder, FRONT, ONE, braced)))
                .as("auto-render does not close the math inside braces").anyMatch(p -> p.contains("raw TeX"));
    }

    @Test
    void findsBrokenLinksAndMissingFigures(@TempDir Path folder) throws IOException {
        String broken = ONE.replace("href=\"Two.html\"", "href=\"Three.html\"")
                .replace("<img src=\"doc-files/fig03-x.png\">", "<p class=\"book-note\">not rendered</p>")
                .replace("class=\"book-figure\"", "class=\"book-figure book-figure-missing\"");
        assertThat(SiteCheck.problems(site(folder, FRONT, broken, TWO)))
                .anyMatch(p -> p.equals("w/One.html: broken link to Three.html"))
                .anyMatch(p -> p.startsWith("w/One.html: figure 3 is missing"));
    }

    @Test
    void findsWrongNumbersNeighboursAndPlainReferences(@TempDir Path folder) throws IOException {
        String noNext = ONE.replace("<a class=\"book-next\" rel=\"next\" href=\"../w/Two.html\">2. Two</a>", "")
                .replace("<a class=\"book-ref\" href=\"Two.html\">write-up 2</a>", "write-up 2");
        String renumbered = TWO.replace("id=\"write-up-2\"", "id=\"write-up-3\"");
        List<String> problems = SiteCheck.problems(site(folder, FRONT, noNext, renumbered));
        assertThat(problems)
                .anyMatch(p -> p.equals("w/One.html: the 'next' link should lead to Two.html, found none"))
                .anyMatch(p -> p.startsWith("w/One.html: a write-up named in plain text"))
                .anyMatch(p -> p.startsWith("w/Two.html: titled write-up 3 but the contents list another page"))
                .anyMatch(p -> p.startsWith("index.html: write-up 2 links to"));
        Files.delete(folder.resolve("index.html"));
        assertThat(SiteCheck.problems(folder)).singleElement().asString().contains("no index.html");
    }

    @Test
    void findsAWriteUpWithoutBottomLinksSummaryOrReferences(@TempDir Path folder) throws IOException {
        String bare = ONE.substring(0, ONE.indexOf("<h2>In short</h2>")) + "</div></body></html>";
        assertThat(SiteCheck.problems(site(folder, FRONT, bare, TWO)))
                .anyMatch(p -> p.startsWith("w/One.html: no previous/next links at the end of the page"))
                .anyMatch(p -> p.startsWith("w/One.html: no summary at the end"))
                .anyMatch(p -> p.startsWith("w/One.html: no references"));
        String wrongBottom = TWO.replace("<a class=\"book-prev\" rel=\"prev\" href=\"../w/One.html\">1. One</a>\n"
                + "<a class=\"book-contents\"", "<span class=\"book-prev\"></span><a class=\"book-contents\"");
        assertThat(wrongBottom).isNotEqualTo(TWO);
        assertThat(SiteCheck.problems(site(folder, FRONT, ONE, wrongBottom)))
                .contains("w/Two.html at the end: the 'prev' link should lead to One.html, found none");
        String referencesFirst = ONE.replace("<h2>In short</h2>\n<ul><li>One.</li></ul>\n", "")
                .replace("</section>\n", "</section>\n<h2>In short</h2>\n<ul><li>One.</li></ul>\n");
        assertThat(SiteCheck.problems(site(folder, FRONT, referencesFirst, TWO)))
                .contains("w/One.html: the page should end with 'In short', then its references, then the links");
    }

    @Test
    void findsCitationsAndEquationReferencesThatLeadNowhere(@TempDir Path folder) throws IOException {
        String dangling = ONE.replace("href=\"#eq-var\"", "href=\"#eq-vra\"")
                .replace("href=\"Two.html#eq-two\"", "href=\"Two.html#eq-three\"")
                .replace("<a class=\"book-cite\" href=\"#ref-k2010\"", "<a class=\"book-cite\" href=\"#ref-x1999\"")
                .replace("Bibliography.html#k2010", "Bibliography.html#x1999");
        assertThat(SiteCheck.problems(site(folder, FRONT, dangling, TWO)))
                .contains("w/One.html: book-eqref link to #eq-vra, which has no anchor 'eq-vra'",
                        "w/One.html: equation 'eq-var' is numbered but never referred to ({@eqref})",
                        "w/Two.html: equation 'eq-two' is numbered but never referred to ({@eqref})",
                        "w/One.html: book-eqref link to Two.html#eq-three, which has no anchor 'eq-three'",
                        "w/One.html: book-cite link to #ref-x1999, which has no anchor 'ref-x1999'",
                        "w/One.html: book-bib link to ../workbook/theory/Bibliography.html#x1999, which has no anchor 'x1999'");
    }

    @Test
    void findsAMissingBibliographyAndUncitedEntries(@TempDir Path folder) throws IOException {
        site(folder, FRONT, ONE, TWO);
        Files.writeString(folder.resolve("workbook/theory/Bibliography.html"), BIBLIOGRAPHY.replace("</ol>",
                "<li id=\"z2020\">Z (2020). Nobody cites this.</li></ol>"));
        assertThat(SiteCheck.problems(folder))
                .containsExactly("workbook/theory/Bibliography.html: entry 'z2020' is cited by no write-up");
        Files.delete(folder.resolve("workbook/theory/Bibliography.html"));
        assertThat(SiteCheck.problems(folder))
                .anyMatch(p -> p.startsWith("workbook/theory/Bibliography.html: no bibliography page"))
                .anyMatch(p -> p.contains("book-bib link to ../workbook/theory/Bibliography.html#k2010"));
    }

    @Test
    void findsJavadocsNavbarSearchAndPackagesTable(@TempDir Path folder) throws IOException {
        String javadoc = FRONT.replace("<body>", "<body><div class=\"top-nav\" id=\"navbar-top\"></div>"
                + "<input type=\"text\" id=\"search-input\"><div class=\"caption\"><span>Packages</span></div>");
        assertThat(SiteCheck.problems(site(folder, javadoc, ONE, TWO)))
                .contains("index.html: Javadoc's navbar or search box (build the site with the javadoc option nonavbar)")
                .anyMatch(p -> p.startsWith("index.html: the front page shows Javadoc's 'Packages' table"));
    }

    @Test
    void findsAsciiMathCourseWordingAndCodeNamedWriteUpsOnExercisePages(@TempDir Path folder) throws IOException {
        site(folder, FRONT, ONE, TWO);
        String raw = EXERCISE.replace("Draw \\( N(0, \\sigma^2) \\) with", "Draw N(0, std^2) from U(-b, b) with")
                .replace("See <a class=\"book-ref\" href=\"../../w/One.html\">write-up 1</a>.",
                        "The assignment's rule, finite at +-1000; write-up <code>One</code>; write-up 1.");
        Files.writeString(folder.resolve("workbook/exercises/Ex09.html"), raw);
        assertThat(SiteCheck.problems(folder))
                .anyMatch(p -> p.startsWith("workbook/exercises/Ex09.html: ASCII math outside code") && p.contains("N(0, std^2)"))
                .anyMatch(p -> p.startsWith("workbook/exercises/Ex09.html: ASCII math outside code") && p.contains("+-1000"))
                .anyMatch(p -> p.startsWith("workbook/exercises/Ex09.html: wording that assumes a course"))
                .anyMatch(p -> p.startsWith("workbook/exercises/Ex09.html: a write-up named by its class in code"))
                .anyMatch(p -> p.startsWith("workbook/exercises/Ex09.html: a write-up named in plain text"));
    }

    @Test
    void findsExercisePagesThatShowJavadocsSummaryTables(@TempDir Path folder) throws IOException {
        site(folder, FRONT, ONE, TWO);
        Files.writeString(folder.resolve("book.css"), STYLESHEET.replace(SiteCheck.EXERCISE_PAGE + " .type-signature,\n", ""));
        assertThat(SiteCheck.problems(folder)).singleElement().asString()
                .startsWith("book.css: the exercise pages should hide Javadoc's .type-signature");
    }
}
