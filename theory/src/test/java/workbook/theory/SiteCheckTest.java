package workbook.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            </div></body></html>
            """;
    private static final String TWO = """
            <html><body><div class="block"><nav class="book-nav">
            <a class="book-prev" rel="prev" href="../w/One.html">1. One</a>
            <a class="book-contents" href="../index.html">Contents</a><span class="book-next"></span></nav>
            <h1 class="book-title" id="write-up-2">2. Two</h1><p>\\( \\mathrm{Var}[W] = {2 \\over n} \\)</p>
            </div></body></html>
            """;

    private static Path site(Path folder, String front, String one, String two) throws IOException {
        Files.createDirectories(folder.resolve("w/doc-files"));
        Files.writeString(folder.resolve("index.html"), front);
        Files.writeString(folder.resolve("w/One.html"), one);
        Files.writeString(folder.resolve("w/Two.html"), two);
        Files.write(folder.resolve("w/doc-files/fig03-x.png"), new byte[] {1});
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
}
