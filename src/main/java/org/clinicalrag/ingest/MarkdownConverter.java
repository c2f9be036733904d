package org.clinicalrag.ingest;

import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Map;

/**
 * Tika reads Markdown as plain text, losing its headings and tables; CommonMark turns it into HTML that Tika's HTML
 * parser then reads like any other web page. YAML front matter becomes document properties.
 */
final class MarkdownConverter {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), YamlFrontMatterExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    record Converted(String html, Map<String, List<String>> frontMatter) {
    }

    Converted convert(String markdown) {
        Node document = parser.parse(markdown);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        String html = "<html><head><meta charset=\"UTF-8\"></head><body>" + renderer.render(document) + "</body></html>";
        return new Converted(html, frontMatter.getData());
    }
}
