package workbook.theory.site;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.SummaryTree;
import com.sun.source.doctree.TextTree;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import workbook.theory.WriteUps;

/**
 * {@code {@writeup}} opens a write-up page with its number, its title and links to its neighbours in learning
 * order, and {@code {@writeup end}} closes it with the same links; {@code {@writeup N}} anywhere is a link
 * "write-up N" to write-up N, and {@code {@writeup N text}} the same link with other words. N is the write-up's
 * number or its name (as in {@code -Dwriteup=}). An unknown one fails the site build.
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
            return nav(root, writeUpOf(element), " book-nav-bottom");
        }
        String[] words = content.split("\\s+", 2);
        WriteUps.WriteUp target = words[0].matches("\\d+") ? writeUp(getName(), words[0])
                : WriteUps.all().stream().filter(d -> d.name().equals(words[0])).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("{@writeup N}: no write-up numbered or named '" + words[0] + "'"));
        String text = words.length > 1 ? words[1] : "write-up " + target.number();
        return "<a class=\"book-ref\" href=\"" + root + page(target) + "\" title=\"" + target.number() + ". "
                + escape(target.title()) + "\">" + text + "</a>";
    }

    private String header(String root, Element element) {
        WriteUps.WriteUp writeUp = writeUpOf(element);
        TypeElement type = (TypeElement) element;
        StringBuilder html = new StringBuilder(nav(root, writeUp, ""));
        html.append("\n<h1 class=\"book-title\" id=\"write-up-").append(writeUp.number()).append("\">")
                .append("<span class=\"book-number\">").append(writeUp.number()).append(".</span> ")
                .append(escape(writeUp.title())).append("</h1>\n");
        // the summary (the first sentence, shown in the package's tables) comes first in the comment but is hidden
        // on the page by book.css: it is shown here, under the title, as the page's abstract
        html.append("<p class=\"book-abstract\">").append(summary(type, root)).append("</p>\n");
        return html.toString();
    }

    /** The write-up whose class comment holds a {@code {@writeup}} or {@code {@writeup end}}, or fails the build. */
    private static WriteUps.WriteUp writeUpOf(Element element) {
        if (!(element instanceof TypeElement type)) {
            throw new IllegalArgumentException("{@writeup} and {@writeup end} belong in a write-up's class comment");
        }
        WriteUps.WriteUp writeUp = BookTaglet.writeUpOf(type);
        if (writeUp == null) {
            throw new IllegalArgumentException("{@writeup} in " + type.getQualifiedName()
                    + ": the class must be registered in the lesson index (WriteUps)");
        }
        return writeUp;
    }

    /** The links to the neighbours and the contents, at the top of the page or (class book-nav-bottom) the end. */
    private static String nav(String root, WriteUps.WriteUp writeUp, String extraClass) {
        int index = WriteUps.all().indexOf(writeUp);
        StringBuilder html = new StringBuilder("<nav class=\"book-nav" + extraClass + "\">");
        html.append(index > 0 ? link(root, WriteUps.all().get(index - 1), "book-prev", "\u2190 ", "")
                : "<span class=\"book-prev\"></span>");
        html.append("<a class=\"book-contents\" href=\"").append(root).append("index.html\">Contents</a>");
        html.append(index + 1 < WriteUps.all().size() ? link(root, WriteUps.all().get(index + 1), "book-next", "", " \u2192")
                : "<span class=\"book-next\"></span>");
        return html.append("</nav>").toString();
    }

    private static String link(String root, WriteUps.WriteUp writeUp, String role, String before, String after) {
        return "<a class=\"" + role + "\" rel=\"" + (role.endsWith("prev") ? "prev" : "next") + "\" href=\"" + root
                + page(writeUp) + "\">" + before + writeUp.number() + ". " + escape(writeUp.title()) + after + "</a>";
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
