package workbook.theory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the built theory site: no raw TeX delimiter that KaTeX's auto-render would leave as text, no broken local
 * link or image, every write-up page numbered and linked to its neighbours as the front page orders them (at its top
 * and at its end), every figure a write-up shows present, and no write-up named in plain text; the book's apparatus:
 * every write-up ends with a summary ("In short") and its references, every citation, equation reference and
 * reference entry leads to an anchor that exists, the bibliography page exists and every entry of it is cited; the
 * pages carry no Javadoc navbar or search box and the front page no "Packages" table; the exercise pages write
 * their math in TeX, not ASCII, assume no course the reader has not taken, and are shown without Javadoc's summary
 * tables and class signature.
 *
 * <p>Uses only the JDK, so CI runs it on the built site without Maven:
 * {@code java theory/src/test/java/workbook/theory/SiteCheck.java theory/target/reports/apidocs}.
 *
 * <p><b>Why a static check of the TeX is sound.</b> Auto-render (the bundled KaTeX's {@code renderMathInElement},
 * configured with the delimiters {@code \( \)} and {@code \[ \]}) walks the DOM and renders each run of adjacent
 * text nodes on its own, skipping {@code script, noscript, style, textarea, pre, code, option}. A formula whose
 * opening delimiter has no closing one in the same run (because a tag such as {@code <i>} or {@code {@code}}
 * splits it, or the closing delimiter is missing) stays on the page as raw TeX. This check splits each page's
 * HTML into the same runs and looks for the closing delimiter exactly as auto-render does (at brace depth 0,
 * a backslash escaping the next character); what it finds unclosed, or closed without an opening, is what a
 * reader would see raw. (A formula that KaTeX cannot parse is shown in red instead: the page test of the
 * screenshots catches that, not this check.)
 */
public final class SiteCheck {
    private static final Set<String> IGNORED = Set.of("script", "noscript", "style", "textarea", "pre", "code", "option");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<h1 class=\"book-title\" id=\"write-up-(\\d+)\">");
    private static final Pattern NEIGHBOUR = Pattern.compile("<a class=\"book-(prev|next)\" rel=\"(?:prev|next)\" href=\"([^\"]+)\"");
    private static final Pattern LESSON = Pattern.compile("<tr class=\"book-lesson\" data-number=\"(\\d+)\"><td>\\d+</td><td><a href=\"([^\"]+)\"");
    private static final Pattern FIGURE = Pattern.compile("<figure class=\"book-figure( book-figure-missing)?\" data-figure=\"(\\d+)\">(.*?)</figure>", Pattern.DOTALL);
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("\\bwrite-ups? \\d");
    /** A write-up named by its class in code ("write-up {@code FloatingPoint}") instead of linked. */
    private static final Pattern CODE_REFERENCE = Pattern.compile("\\bwrite-ups?:? <code>");
    private static final String BOTTOM_NAV = "<nav class=\"book-nav book-nav-bottom\">";
    private static final Pattern SUMMARY = Pattern.compile("<h2[^>]*>In short</h2>\\s*<(ul|ol|p)[ >]");
    private static final Pattern REFERENCES = Pattern.compile("<section class=\"book-references\">.*?<li id=\"ref-", Pattern.DOTALL);
    /** The book's own links that point at an anchor: citations, equation references, reference entries. */
    private static final Pattern ANCHORED = Pattern.compile("<a class=\"(book-cite|book-eqref|book-bib)\" href=\"([^\"]*)\"");
    private static final Pattern EQUATION = Pattern.compile("<span class=\"book-eq\" id=\"([^\"]+)\">");
    private static final Pattern ENTRY = Pattern.compile("<li id=\"([^\"]+)\">(.*?)</li>", Pattern.DOTALL);
    static final String BIBLIOGRAPHY = "workbook/theory/Bibliography.html";
    /** The selector of an exercise page in book.css: its description names the package. */
    static final String EXERCISE_PAGE = "html:has(meta[name=\"description\"][content*=\"package: workbook.exercises,\"])";
    /** Javadoc's navigation bar and its search box, which the book replaces with its running head. */
    private static final Pattern NAVBAR = Pattern.compile("id=\"navbar-top\"|class=\"top-nav\"|id=\"search-input\"");
    private static final Pattern PACKAGES_TABLE = Pattern.compile("<div class=\"caption\"><span>(All )?Packages</span>");
    /** ASCII math a reader should see rendered: N(0, 1), U(-b, b), std^2, e^x, sqrt(2), +-1000 (outside code and TeX). */
    private static final Pattern ASCII_MATH = Pattern.compile("\\b[NU]\\((0, |-)|\\w\\^[\\w(]|\\bsqrt\\(|\\+-\\d|\\bexp\\(");
    /** Wording that assumes a course the reader has not taken. */
    private static final Pattern COURSE = Pattern.compile("(?i)\\bthe (assignment|course|lecture|notebook)('s|s)?\\b(?! target)|\\bcourse notes\\b");
    private static final Pattern TEX = Pattern.compile("\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\\\]", Pattern.DOTALL);

    private SiteCheck() {}

    /** Checks the site in {@code args[0]}; prints each problem and exits with 1 if there is any. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java SiteCheck.java SITE_FOLDER (the folder of index.html)");
        }
        Path site = Path.of(args[0]);
        List<String> problems = problems(site);
        problems.forEach(p -> System.out.println("site: " + p));
        if (!problems.isEmpty()) {
            System.out.println("site: " + problems.size() + " problems in " + site);
            System.exit(1);
        }
        System.out.println("site: no raw TeX, no broken local link, every write-up numbered with its neighbours at "
                + "both ends, a summary and references, every citation and equation reference resolved, the "
                + "bibliography complete, no Javadoc navbar, search or Packages table, exercise pages in TeX ("
                + site + ")");
    }

    /** Returns every problem of the site in {@code site}, one sentence each naming the page. */
    public static List<String> problems(Path site) {
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            return List.of("no index.html in " + site + ": build the site first");
        }
        List<String> problems = new ArrayList<>();
        Map<Path, String> pages = new LinkedHashMap<>();
        for (Path page : htmlPages(site)) {
            String html = read(page);
            pages.put(page.normalize(), html);
            String name = site.relativize(page).toString().replace('\\', '/');
            problems.addAll(texProblems(name, html));
            problems.addAll(linkProblems(name, page, html));
            problems.addAll(javadocProblems(name, html));
            if (isExercisePage(name)) {
                problems.addAll(exerciseProblems(name, html));
            }
        }
        problems.addAll(bookProblems(site, pages));
        problems.addAll(anchorProblems(site, pages));
        problems.addAll(bibliographyProblems(site, pages));
        problems.addAll(stylesheetProblems(site));
        return problems;
    }

    /** The exercise pages' summary tables and class signature are Javadoc's boilerplate: book.css hides them. */
    static List<String> stylesheetProblems(Path site) {
        Path css = site.resolve("book.css");
        String rules = Files.isRegularFile(css) ? read(css).replaceAll("\\s+", " ") : "";
        List<String> problems = new ArrayList<>();
        for (String hidden : List.of("section.summary", ".type-signature", ".inheritance")) {
            if (!rules.matches("(?s).*" + Pattern.quote(EXERCISE_PAGE + " " + hidden) + "[^{]*\\{ display: none; }.*")) {
                problems.add("book.css: the exercise pages should hide Javadoc's " + hidden + " ("
                        + EXERCISE_PAGE + " " + hidden + " { display: none; })");
            }
        }
        return problems;
    }

    /** No Javadoc navbar or search box on any page, and no "Packages" table on the front page. */
    static List<String> javadocProblems(String page, String html) {
        List<String> problems = new ArrayList<>();
        if (NAVBAR.matcher(html).find()) {
            problems.add(page + ": Javadoc's navbar or search box (build the site with the javadoc option nonavbar)");
        }
        if (page.equals("index.html") && PACKAGES_TABLE.matcher(html).find()) {
            problems.add(page + ": the front page shows Javadoc's 'Packages' table: retitle it for the book (a group)");
        }
        return problems;
    }

    /** The pages of the exercises' package (not its class-use pages, which Javadoc writes alone). */
    private static boolean isExercisePage(String name) {
        return name.matches("workbook/exercises/[^/]+\\.html");
    }

    /** An exercise page reads as a book page: TeX, not ASCII math; write-ups linked; no course assumed. */
    static List<String> exerciseProblems(String page, String html) {
        List<String> problems = new ArrayList<>();
        for (TextRun run : textRuns(html)) {
            String text = TEX.matcher(run.text()).replaceAll(" ");
            Matcher ascii = ASCII_MATH.matcher(text);
            if (ascii.find()) {
                problems.add(page + ": ASCII math outside code, write it in TeX: " + excerpt(text, ascii.start()));
            }
            Matcher course = COURSE.matcher(text);
            if (course.find()) {
                problems.add(page + ": wording that assumes a course: " + excerpt(text, course.start()));
            }
        }
        String body = COMMENT.matcher(html).replaceAll("");
        Matcher code = CODE_REFERENCE.matcher(body);
        if (code.find()) {
            problems.add(page + ": a write-up named by its class in code, not linked ({@writeup name}): "
                    + excerpt(body, code.start()));
        }
        return problems;
    }

    /**
     * Every citation, equation reference and reference entry leads to an anchor that exists, and every numbered
     * equation is referred to somewhere (a number nobody uses is noise).
     */
    static List<String> anchorProblems(Path site, Map<Path, String> pages) {
        List<String> problems = new ArrayList<>();
        Set<String> referred = new HashSet<>();
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            String name = site.relativize(page.getKey()).toString().replace('\\', '/');
            Matcher link = ANCHORED.matcher(page.getValue());
            while (link.find()) {
                String href = link.group(2);
                int hash = href.indexOf('#');
                if (hash < 0) {
                    problems.add(name + ": a " + link.group(1) + " link without an anchor: " + href);
                    continue;
                }
                Path target = hash == 0 ? page.getKey() : resolve(page.getKey(), href);
                String html = pages.get(target);
                String id = href.substring(hash + 1);
                referred.add(target + "#" + id);
                if (html == null || !html.contains("id=\"" + id + "\"")) {
                    problems.add(name + ": " + link.group(1) + " link to " + href + ", which has no anchor '" + id + "'");
                }
            }
        }
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Matcher equation = EQUATION.matcher(page.getValue());
            while (equation.find()) {
                if (!referred.contains(page.getKey() + "#" + equation.group(1))) {
                    problems.add(site.relativize(page.getKey()).toString().replace('\\', '/') + ": equation '"
                            + equation.group(1) + "' is numbered but never referred to ({@eqref})");
                }
            }
        }
        return problems;
    }

    /** The bibliography page exists and lists entries, each cited by some write-up. */
    static List<String> bibliographyProblems(Path site, Map<Path, String> pages) {
        String html = pages.get(site.resolve(BIBLIOGRAPHY).normalize());
        if (html == null || !html.contains("<ol class=\"book-bibliography\">")) {
            return List.of(BIBLIOGRAPHY + ": no bibliography page (an ol of class book-bibliography)");
        }
        List<String> problems = new ArrayList<>();
        Matcher entry = ENTRY.matcher(html.substring(html.indexOf("<ol class=\"book-bibliography\">")));
        int entries = 0;
        while (entry.find()) {
            entries++;
            if (!entry.group(2).contains("class=\"book-cited-by\"")) {
                problems.add(BIBLIOGRAPHY + ": entry '" + entry.group(1) + "' is cited by no write-up");
            }
        }
        if (entries == 0) {
            problems.add(BIBLIOGRAPHY + ": the bibliography has no entries");
        }
        return problems;
    }

    private static List<Path> htmlPages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> !site.relativize(f).startsWith("katex") && !site.relativize(f).startsWith("legal"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs of text auto-render would process, with a flag telling whether each lies inside a link. */
    record TextRun(String text, boolean inLink) {}

    static List<TextRun> textRuns(String html) {
        String body = COMMENT.matcher(html).replaceAll("");
        List<TextRun> runs = new ArrayList<>();
        Map<String, Integer> open = new LinkedHashMap<>();
        int ignored = 0;
        int links = 0;
        int from = 0;
        Matcher tag = TAG.matcher(body);
        while (tag.find()) {
            if (ignored == 0) {
                String text = decode(body.substring(from, tag.start()));
                if (!text.isBlank()) {
                    runs.add(new TextRun(text, links > 0));
                }
            }
            from = tag.end();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            if (IGNORED.contains(name)) {
                int depth = open.getOrDefault(name, 0) + (closing ? -1 : 1);
                open.put(name, Math.max(0, depth));
                ignored = open.values().stream().mapToInt(Integer::intValue).sum();
            } else if (name.equals("a")) {
                links = Math.max(0, links + (closing ? -1 : 1));
            }
        }
        return runs;
    }

    private static String decode(String text) {
        Matcher entity = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-z]+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String e = entity.group(1);
            String replacement = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "nbsp" -> "\u00a0";
                default -> e.startsWith("#x") ? Character.toString(Integer.parseInt(e.substring(2), 16))
                        : e.startsWith("#") ? Character.toString(Integer.parseInt(e.substring(1))) : entity.group();
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return entity.appendTail(out).toString();
    }

    /** Raw delimiters: an opening one auto-render cannot close, or a closing one it never reaches. */
    static List<String> texProblems(String page, String html) {
        List<String> problems = new ArrayList<>();
        for (TextRun run : textRuns(html)) {
            String text = run.text();
            int i = 0;
            while (i < text.length() - 1) {
                String pair = text.substring(i, i + 2);
                if (pair.equals("\\(") || pair.equals("\\[")) {
                    String close = pair.equals("\\(") ? "\\)" : "\\]";
                    int end = endOfMath(text, close, i + 2);
                    if (end < 0) {
                        problems.add(page + ": raw TeX, " + pair + " without " + close + " in the same text: "
                                + excerpt(text, i));
                        break;
                    }
                    i = end + 2;
                } else if (pair.equals("\\)") || pair.equals("\\]")) {
                    problems.add(page + ": raw TeX, " + pair + " without its opening delimiter: " + excerpt(text, i));
                    i += 2;
                } else {
                    i++;
                }
            }
        }
        return problems;
    }

    /** KaTeX auto-render's findEndOfMath: the closing delimiter at brace depth 0, a backslash escaping one character. */
    private static int endOfMath(String text, String delimiter, int start) {
        int braces = 0;
        for (int i = start; i < text.length(); i++) {
            if (braces <= 0 && text.startsWith(delimiter, i)) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            }
        }
        return -1;
    }

    private static String excerpt(String text, int at) {
        String s = text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 50));
        return "'" + s.replaceAll("\\s+", " ").strip() + "'";
    }

    static List<String> linkProblems(String page, Path file, String html) {
        List<String> problems = new ArrayList<>();
        Matcher link = LINK.matcher(COMMENT.matcher(html).replaceAll(""));
        while (link.find()) {
            String target = link.group(1);
            if (target.isEmpty() || target.startsWith("#") || target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                continue; // same page, or another scheme (https:, mailto:, javascript:)
            }
            String path = target.replaceAll("[#?].*$", "");
            if (path.isEmpty()) {
                continue;
            }
            Path resolved = file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
            if (!Files.exists(resolved)) {
                problems.add(page + ": broken link to " + target);
            }
        }
        return problems;
    }

    /** Write-up pages against the front page's table: numbers, neighbours, figures, linked references. */
    static List<String> bookProblems(Path site, Map<Path, String> pages) {
        List<String> problems = new ArrayList<>();
        Path front = site.resolve("index.html").normalize();
        Map<Integer, Path> contents = new LinkedHashMap<>();
        Matcher row = LESSON.matcher(pages.getOrDefault(front, ""));
        while (row.find()) {
            contents.put(Integer.parseInt(row.group(1)), resolve(front, row.group(2)));
        }
        if (contents.isEmpty()) {
            problems.add("index.html: no table of contents (rows of class book-lesson)");
        }
        int expected = 1;
        for (int number : contents.keySet()) {
            if (number != expected++) {
                problems.add("index.html: the contents should number the write-ups 1, 2, 3, ... in order, found " + contents.keySet());
                break;
            }
        }
        for (Map.Entry<Path, String> entry : pages.entrySet()) {
            String html = entry.getValue();
            String name = site.relativize(entry.getKey()).toString().replace('\\', '/');
            boolean isWriteUp = html.contains("class=\"book-nav\"");
            if (isWriteUp) {
                problems.addAll(writeUpProblems(name, entry.getKey(), html, contents));
            }
            if (isWriteUp || entry.getKey().equals(front) || isExercisePage(name)) {
                for (TextRun run : textRuns(html)) {
                    if (!run.inLink() && PLAIN_REFERENCE.matcher(run.text()).find()) {
                        problems.add(name + ": a write-up named in plain text, not linked: " + excerpt(run.text(),
                                run.text().indexOf("write-up")));
                    }
                }
            }
        }
        for (Map.Entry<Integer, Path> lesson : contents.entrySet()) {
            String html = pages.get(lesson.getValue());
            if (html == null || !html.contains("id=\"write-up-" + lesson.getKey() + "\"")) {
                problems.add("index.html: write-up " + lesson.getKey() + " links to " + site.relativize(lesson.getValue())
                        + ", which is not a page titled with that number");
            }
        }
        return problems;
    }

    private static List<String> writeUpProblems(String name, Path file, String html, Map<Integer, Path> contents) {
        List<String> problems = new ArrayList<>();
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            problems.add(name + ": a write-up page without its numbered title (h1 class book-title)");
            return problems;
        }
        int number = Integer.parseInt(title.group(1));
        if (!file.normalize().equals(contents.get(number))) {
            problems.add(name + ": titled write-up " + number + " but the contents list another page as " + number);
        }
        int bottom = html.indexOf(BOTTOM_NAV);
        String top = bottom < 0 ? html : html.substring(0, bottom);
        checkNeighbours(problems, name, "", file, top, contents, number);
        if (bottom < 0) {
            problems.add(name + ": no previous/next links at the end of the page (nav class book-nav-bottom: {@writeup end})");
        } else {
            checkNeighbours(problems, name, " at the end", file, html.substring(bottom), contents, number);
        }
        Matcher summary = SUMMARY.matcher(html);
        Matcher references = REFERENCES.matcher(html);
        boolean summarized = summary.find();
        boolean referenced = references.find();
        if (!summarized) {
            problems.add(name + ": no summary at the end (a heading 'In short' and a list)");
        }
        if (!referenced) {
            problems.add(name + ": no references (section book-references with at least one entry: {@references})");
        }
        if (summarized && referenced && (summary.start() > references.start() || (bottom >= 0 && references.start() > bottom))) {
            problems.add(name + ": the page should end with 'In short', then its references, then the links");
        }
        Matcher figure = FIGURE.matcher(html);
        while (figure.find()) {
            if (figure.group(1) != null || !figure.group(3).contains("<img ")) {
                problems.add(name + ": figure " + figure.group(2) + " is missing: render the figure set before the site");
            }
        }
        return problems;
    }

    private static void checkNeighbours(List<String> problems, String page, String where, Path file, String html,
                                        Map<Integer, Path> contents, int number) {
        Map<String, Path> neighbours = new LinkedHashMap<>();
        Matcher link = NEIGHBOUR.matcher(html);
        while (link.find()) {
            neighbours.putIfAbsent(link.group(1), resolve(file, link.group(2)));
        }
        checkNeighbour(problems, page + where, "prev", neighbours.get("prev"), contents.get(number - 1));
        checkNeighbour(problems, page + where, "next", neighbours.get("next"), contents.get(number + 1));
    }

    private static void checkNeighbour(List<String> problems, String page, String role, Path actual, Path expected) {
        if (expected == null && actual != null) {
            problems.add(page + ": a '" + role + "' link, but the contents have no write-up there");
        } else if (expected != null && !expected.equals(actual)) {
            problems.add(page + ": the '" + role + "' link should lead to " + expected.getFileName() + ", found "
                    + (actual == null ? "none" : actual.getFileName()));
        }
    }

    private static Path resolve(Path page, String href) {
        return page.getParent().resolve(URI.create(href.replaceAll("#.*$", "")).getPath()).normalize();
    }
}
