package org.clinicalrag.ingest;

/**
 * The unit that is retrieved and cited: a short span of one document version, within one section and one page.
 * {@code section} is the nearest heading; {@code sectionPath} all headings above it, for search.
 */
public record Passage(String passageId, String documentId, String version, int ordinal, String section,
                      String sectionPath, Integer page, String text, boolean instructionLike) {

    /** {@code instructionLike}: the text addresses an AI assistant; it is searchable but never used as evidence. */
    public Passage(String passageId, String documentId, String version, int ordinal, String section,
                   String sectionPath, Integer page, String text) {
        this(passageId, documentId, version, ordinal, section, sectionPath, page, text,
                org.clinicalrag.safety.InstructionDetector.looksLikeInstruction(text));
    }

    /** The same passage filed under another document id (identity is settled only when the version is stored). */
    public Passage ofDocument(String otherDocumentId) {
        return new Passage(id(otherDocumentId, version, ordinal), otherDocumentId, version, ordinal, section, sectionPath,
                page, text, instructionLike);
    }

    /** Stable, URL-safe id: the same document version chunked the same way gets the same ids. */
    public static String id(String documentId, String version, int ordinal) {
        return documentId + "_v" + version + "_p" + String.format("%04d", ordinal);
    }
}
