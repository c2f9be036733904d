package org.clinicalrag.ingest;

import java.util.List;

/** What a {@link DocumentParser} read from one file: its structure and the metadata its own properties state. */
public record ParsedDocument(List<TextBlock> blocks, DocumentMetadata properties, Integer pageCount) {

    public ParsedDocument {
        blocks = List.copyOf(blocks);
    }

    /** All text in reading order, for metadata found in the text itself. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (TextBlock block : blocks) {
            all.append(block.text()).append('\n');
        }
        return all.toString();
    }
}
