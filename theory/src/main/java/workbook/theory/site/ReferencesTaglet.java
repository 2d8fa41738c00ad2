package workbook.theory.site;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import workbook.theory.Bibliography;

/**
 * {@code {@references}} lists the works the page cites with {@code {@cite}}, in the order of their first citation,
 * each entry from the {@link Bibliography}. A page that cites nothing fails the site build.
 */
public final class ReferencesTaglet extends BookTaglet {

    @Override
    public String getName() {
        return "references";
    }

    @Override
    String html(String content, String root, Element element) {
        TypeElement type = typeOf(element);
        Set<String> keys = new LinkedHashSet<>();
        for (String cite : tags(type, CiteTaglet.NAMES)) {
            keys.addAll(CiteTaglet.keys(cite));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException((type == null ? "the overview" : type.getQualifiedName())
                    + ": {@references} lists the works the page cites with {@cite key}, and it cites none");
        }
        StringBuilder html = new StringBuilder("<section class=\"book-references\">\n<h2 id=\"references\">References"
                + "</h2>\n<ol>\n");
        for (String key : keys) {
            Bibliography.Entry entry = CiteTaglet.entry(key);
            html.append("<li id=\"ref-").append(key).append("\">").append(entry.html()).append(" <a class=\"book-bib\" ")
                    .append("href=\"").append(root).append(BIBLIOGRAPHY).append('#').append(key)
                    .append("\">[bibliography]</a></li>\n");
        }
        return html.append("</ol>\n</section>\n").toString();
    }
}
