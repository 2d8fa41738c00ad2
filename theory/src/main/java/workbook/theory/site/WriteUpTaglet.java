package workbook.theory.site;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.SummaryTree;
import com.sun.source.doctree.TextTree;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import workbook.theory.Demos;

/**
 * {@code {@writeup}} opens a write-up page with its number, its title and links to its neighbours in learning
 * order, and {@code {@writeup end}} closes it with the same links; {@code {@writeup N}} anywhere is a link
 * "write-up N" to write-up N, and {@code {@writeup N text}} the same link with other words. N is the write-up's
 * number or its demo name (as in {@code -Ddemo=}). An unknown one fails the site build.
 */
public final class WriteUpTaglet extends BookTaglet {

    @Override
    public String getName() {
        return "writeup";
    }

    @Override
    String html(String content, String root, Element element) {
        if (content.isEmpty()) {
            return header(root, element);
        }
        if (content.equals("end")) {
            return nav(root, demoOf(element), " book-nav-bottom");
        }
        String[] words = content.split("\\s+", 2);
        Demos.Demo target = words[0].matches("\\d+") ? writeUp(getName(), words[0])
                : Demos.all().stream().filter(d -> d.name().equals(words[0])).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("{@writeup N}: no write-up numbered or named '" + words[0] + "'"));
        String text = words.length > 1 ? words[1] : "write-up " + target.number();
        return "<a class=\"book-ref\" href=\"" + root + page(target) + "\" title=\"" + target.number() + ". "
                + escape(target.title()) + "\">" + text + "</a>";
    }

    private String header(String root, Element element) {
        Demos.Demo demo = demoOf(element);
        TypeElement type = (TypeElement) element;
        StringBuilder html = new StringBuilder(nav(root, demo, ""));
        html.append("\n<h1 class=\"book-title\" id=\"write-up-").append(demo.number()).append("\">")
                .append("<span class=\"book-number\">").append(demo.number()).append(".</span> ")
                .append(escape(demo.title())).append("</h1>\n");
        // the summary (the first sentence, shown in the package's tables) comes first in the comment but is hidden
        // on the page by book.css: it is shown here, under the title, as the page's abstract
        html.append("<p class=\"book-abstract\">").append(summary(type, root)).append("</p>\n");
        return html.toString();
    }

    /** The write-up whose class comment holds a {@code {@writeup}} or {@code {@writeup end}}, or fails the build. */
    private static Demos.Demo demoOf(Element element) {
        if (!(element instanceof TypeElement type)) {
            throw new IllegalArgumentException("{@writeup} and {@writeup end} belong in a write-up's class comment");
        }
        Demos.Demo demo = BookTaglet.demoOf(type);
        if (demo == null) {
            throw new IllegalArgumentException("{@writeup} in " + type.getQualifiedName()
                    + ": the class must be registered in the lesson index (Demos)");
        }
        return demo;
    }

    /** The links to the neighbours and the contents, at the top of the page or (class book-nav-bottom) the end. */
    private static String nav(String root, Demos.Demo demo, String extraClass) {
        int index = Demos.all().indexOf(demo);
        StringBuilder html = new StringBuilder("<nav class=\"book-nav" + extraClass + "\">");
        html.append(index > 0 ? link(root, Demos.all().get(index - 1), "book-prev", "\u2190 ", "")
                : "<span class=\"book-prev\"></span>");
        html.append("<a class=\"book-contents\" href=\"").append(root).append("index.html\">Contents</a>");
        html.append(index + 1 < Demos.all().size() ? link(root, Demos.all().get(index + 1), "book-next", "", " \u2192")
                : "<span class=\"book-next\"></span>");
        return html.append("</nav>").toString();
    }

    private static String link(String root, Demos.Demo demo, String role, String before, String after) {
        return "<a class=\"" + role + "\" rel=\"" + (role.endsWith("prev") ? "prev" : "next") + "\" href=\"" + root
                + page(demo) + "\">" + before + demo.number() + ". " + escape(demo.title()) + after + "</a>";
    }

    /** The HTML of the comment's {@code {@summary}}, without its span: text and TeX as written, code as code. */
    private String summary(TypeElement type, String root) {
        DocCommentTree comment = environment().getDocTrees().getDocCommentTree(type);
        List<? extends DocTree> first = comment == null ? List.of() : comment.getFirstSentence();
        if (first.isEmpty() || !(first.get(0) instanceof SummaryTree summary)) {
            throw new IllegalArgumentException(type.getQualifiedName() + ": a write-up's comment opens with "
                    + "{@summary <span class=\"book-lede\">...</span>}{@writeup}");
        }
        StringBuilder html = new StringBuilder();
        for (DocTree tree : summary.getSummary()) {
            if (tree instanceof TextTree text) {
                html.append(text.getBody());
            } else if (tree instanceof LiteralTree literal) {
                html.append(tree.getKind() == DocTree.Kind.CODE ? "<code>" + escape(literal.getBody().getBody()) + "</code>"
                        : escape(literal.getBody().getBody()));
            } else if (tree.getKind() != DocTree.Kind.START_ELEMENT && tree.getKind() != DocTree.Kind.END_ELEMENT) {
                throw new IllegalArgumentException(type.getQualifiedName() + ": the summary may hold text, TeX and "
                        + "{@code}, not " + tree);
            }
        }
        return html.toString().strip();
    }
}
