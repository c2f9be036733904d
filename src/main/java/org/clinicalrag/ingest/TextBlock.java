package org.clinicalrag.ingest;

/**
 * A unit of document structure as the parser saw it: a heading, a paragraph or list item, or one table row already
 * flattened with its header cells. {@code page} is the 1-based physical page, or null for non-paged formats.
 */
public record TextBlock(Kind kind, String text, Integer page, int headingLevel) {

    public enum Kind { HEADING, PARAGRAPH, TABLE_ROW }

    public static TextBlock heading(String text, int level, Integer page) {
        return new TextBlock(Kind.HEADING, text, page, level);
    }

    public static TextBlock paragraph(String text, Integer page) {
        return new TextBlock(Kind.PARAGRAPH, text, page, 0);
    }

    public static TextBlock tableRow(String text, Integer page) {
        return new TextBlock(Kind.TABLE_ROW, text, page, 0);
    }
}
