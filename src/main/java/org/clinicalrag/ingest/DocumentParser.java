package org.clinicalrag.ingest;

/**
 * Reads one file into structure (headings, paragraphs, table rows, pages). The seam between file formats and the
 * rest of the pipeline: everything after it sees only {@link TextBlock}s.
 */
public interface DocumentParser {

    /**
     * @throws UnsupportedFormatException when the bytes are not a format the server reads
     * @throws UnreadableDocumentException when the format is known but the content cannot be read (encrypted,
     *                                     corrupt, no text)
     */
    ParsedDocument parse(byte[] content, String fileName);
}
