package workbook.theory.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import workbook.theory.Bibliography;
import workbook.theory.WriteUps;

/**
 * {@code {@bibliography}} is the bibliography page: every entry of {@link Bibliography}, with links to the
 * write-ups that cite it (found by reading their comments for {@code {@cite}}).
 */
public final class BibliographyTaglet extends BookTaglet {

    @Override
    public String getName() {
        return "bibliography";
    }

    @Override
    String html(String content, String root, Element element) {
        StringBuilder html = new StringBuilder("<nav class=\"book-nav book-nav-plain\"><span class=\"book-prev\"></span>"
                + "<a class=\"book-contents\" href=\"" + root + "index.html\">Contents</a>"
                + "<span class=\"book-next\"></span></nav>\n<h1 class=\"book-title\" id=\"bibliography\">Bibliography</h1>\n"
                + "<p class=\"book-abstract\">The papers and books the write-ups follow, with the write-ups that cite "
                + "each one.</p>\n<ol class=\"book-bibliography\">\n");
        // each write-up's comment is read once: the keys it cites
        Map<WriteUps.WriteUp, Set<String>> cited = new LinkedHashMap<>();
        for (WriteUps.WriteUp writeUp : WriteUps.all()) {
            Set<String> keys = new HashSet<>();
            tags(typeOf(writeUp), CiteTaglet.NAMES).forEach(cite -> keys.addAll(CiteTaglet.keys(cite)));
            cited.put(writeUp, keys);
        }
        for (Bibliography.Entry entry : Bibliography.all()) {
            List<String> citedBy = new ArrayList<>();
            for (WriteUps.WriteUp writeUp : WriteUps.all()) {
                if (cited.get(writeUp).contains(entry.key())) {
                    citedBy.add("<a class=\"book-ref\" href=\"" + root + page(writeUp) + "\" title=\"" + writeUp.number()
                            + ". " + escape(writeUp.title()) + "\">" + writeUp.number() + "</a>");
                }
            }
            html.append("<li id=\"").append(entry.key()).append("\">").append(entry.html());
            if (!citedBy.isEmpty()) {
                html.append(" <span class=\"book-cited-by\">Cited in ")
                        .append(citedBy.size() == 1 ? "write-up " : "write-ups ").append(String.join(", ", citedBy))
                        .append(".</span>");
            }
            html.append("</li>\n");
        }
        return html.append("</ol>\n").toString();
    }
}
