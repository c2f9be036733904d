package org.clinicalrag.ingest;

import java.util.List;

/**
 * What a {@link DocumentParser} read from one file: its structure, the metadata its own properties state, and its
 * running headers and footers ({@code furniture}), which are no part of the blocks but often name the document's id,
 * version or dates.
 */
public record ParsedDocument(List<TextBlock> blocks, DocumentMetadata properties, Integer pageCount, List<String> furniture) {

    public ParsedDocument {
        blocks = List.copyOf(blocks);
        furniture = List.copyOf(furniture);
    }

    public ParsedDocument(List<TextBlock> blocks, DocumentMetadata properties, Integer pageCount) {
        this(blocks, properties, pageCount, List.of());
    }

    /**
     * All text for metadata found in the text itself: headers and footers first (they are printed on every page,
     * so they belong to the document's head), then the blocks in reading order.
     */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (String line : furniture) {
            all.append(line).append('\n');
        }
        for (TextBlock block : blocks) {
            all.append(block.text()).append('\n');
        }
        return all.toString();
    }
}
