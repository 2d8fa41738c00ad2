package workbook.theory.site;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.UnknownInlineTagTree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Taglet;
import workbook.theory.WriteUps;

/**
 * The shared part of the theory site's inline tags: they turn the lesson index ({@link WriteUps}) into HTML while
 * javadoc builds the site, so numbers, titles, neighbours and links are never typed by hand.
 */
abstract class BookTaglet implements Taglet {
    private DocletEnvironment environment;

    @Override
    public void init(DocletEnvironment env, Doclet doclet) {
        this.environment = env;
    }

    @Override
    public Set<Location> getAllowedLocations() {
        return EnumSet.of(Location.OVERVIEW, Location.PACKAGE, Location.TYPE, Location.CONSTRUCTOR, Location.METHOD,
                Location.FIELD);
    }

    @Override
    public boolean isInlineTag() {
        return true;
    }

    @Override
    public String toString(List<? extends DocTree> tags, Element element) {
        DocTree tag = tags.get(0);
        String content = tag instanceof UnknownInlineTagTree inline
                ? inline.getContent().stream().map(BookTaglet::text).collect(Collectors.joining()).strip()
                : "";
        return html(content, rootOf(element), element);
    }

    /**
     * The HTML that replaces the tag, given its content, the relative path from its page to the site root and
     * the element whose comment holds it.
     */
    abstract String html(String content, String root, Element element);

    private static String text(DocTree tree) {
        return tree instanceof TextTree text ? text.getBody() : tree.toString();
    }

    /** "../../" for a class or package page of workbook.theory; "" for the overview. */
    private static String rootOf(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e.getKind() == ElementKind.PACKAGE) {
                String name = ((PackageElement) e).getQualifiedName().toString();
                return name.isEmpty() ? "" : "../".repeat(name.split("\\.").length);
            }
            if (e.getKind() == ElementKind.OTHER || e.getKind() == ElementKind.MODULE) {
                break;
            }
        }
        return "";
    }

    /** The environment javadoc runs in (set when the taglet is initialized). */
    DocletEnvironment environment() {
        return environment;
    }

    /** The page of a write-up, relative to the site root. */
    static String page(WriteUps.WriteUp writeUp) {
        return writeUp.type().getName().replace('.', '/') + ".html";
    }

    /** The page of an exercise such as {@code Ex01}, relative to the site root, or null if the site lacks it. */
    String exercisePage(String exercise) {
        if (environment == null) {
            return null;
        }
        for (TypeElement type : ElementFilter.typesIn(environment.getIncludedElements())) {
            if (type.getSimpleName().toString().startsWith(exercise)) {
                return type.getQualifiedName().toString().replace('.', '/') + ".html";
            }
        }
        return null;
    }

    /** The page of the bibliography, relative to the site root. */
    static final String BIBLIOGRAPHY = "workbook/theory/Bibliography.html";

    /** The class whose comment holds a tag: the element itself, or the class around a member. */
    static TypeElement typeOf(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e instanceof TypeElement type) {
                return type;
            }
        }
        return null;
    }

    /** The write-up whose page this class is, or null. */
    static WriteUps.WriteUp writeUpOf(TypeElement type) {
        if (type == null) {
            return null;
        }
        String name = type.getQualifiedName().toString();
        return WriteUps.all().stream().filter(d -> d.type().getName().equals(name)).findFirst().orElse(null);
    }

    /** The class of a write-up in the environment javadoc runs in. */
    TypeElement typeOf(WriteUps.WriteUp writeUp) {
        return environment.getElementUtils().getTypeElement(writeUp.type().getCanonicalName());
    }

    /** The contents of the inline tags {@code {@name ...}} (any of the names) of an element's comment, in order. */
    List<String> tags(Element element, String... names) {
        List<String> wanted = List.of(names);
        List<String> found = new ArrayList<>();
        DocCommentTree comment = element == null || environment == null ? null
                : environment.getDocTrees().getDocCommentTree(element);
        if (comment != null) {
            for (DocTree tree : comment.getFullBody()) {
                if (tree instanceof UnknownInlineTagTree inline && wanted.contains(inline.getTagName())) {
                    found.add(inline.getContent().stream().map(BookTaglet::text).collect(Collectors.joining()).strip());
                }
            }
        }
        return found;
    }

    /** Escapes text for HTML (titles and captions carry no markup of their own). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Reads a write-up number, or fails the site build naming the tag and the rule. */
    static WriteUps.WriteUp writeUp(String tagName, String number) {
        try {
            return WriteUps.number(Integer.parseInt(number.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("{@" + tagName + " N}: N must be a write-up number, got '" + number + "'", e);
        }
    }
}
