package org.clinicalrag.ingest;

/**
 * The unit that is retrieved and cited: a short span of one document version, within one section and one page.
 * {@code section} is the nearest heading; {@code sectionPath} all headings above it, for search.
 */
public record Passage(String passageId, String documentId, String version, int ordinal, String section,
                      String sectionPath, Integer page, String text) {

    /** Stable, URL-safe id: the same document version chunked the same way gets the same ids. */
    public static String id(String documentId, String version, int ordinal) {
        return documentId + "_v" + version + "_p" + String.format("%04d", ordinal);
    }
}
