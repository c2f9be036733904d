package org.clinicalrag.answer;

import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.retrieve.Evidence;

import java.time.LocalDate;

/**
 * Where one claim of an answer comes from: the passage, its document version and place, and {@code quote}, the
 * exact span of the passage text that supports the claim (always a verbatim substring of it).
 */
public record Citation(int n, String passageId, String documentId, String title, String version,
                       LocalDate effectiveDate, String section, Integer page, String quote, double score,
                       String documentStatus, String sourceFile) {

    static Citation of(int n, Evidence e, String quote, double score) {
        GuidelineDocument d = e.document();
        return new Citation(n, e.passage().passageId(), d.documentId(), d.title(), d.version(), d.effectiveDate(),
                e.passage().section(), e.passage().page(), quote, score, d.status().wire(), d.sourceFile());
    }
}
