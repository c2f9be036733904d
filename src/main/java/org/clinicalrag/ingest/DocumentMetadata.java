package org.clinicalrag.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * Metadata as one source states it (upload request, sidecar file, document properties or the text itself); any
 * field may be missing. Sources are layered with {@link #orElse}, the most authoritative first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentMetadata(String documentId, String title, String version, LocalDate effectiveDate,
                               LocalDate reviewDate, String status, String supersedes, String audience,
                               List<String> tags) {

    public static final DocumentMetadata EMPTY = new DocumentMetadata(null, null, null, null, null, null, null, null, null);

    /** This metadata, with each missing field taken from {@code fallback}. */
    public DocumentMetadata orElse(DocumentMetadata fallback) {
        if (fallback == null) {
            return this;
        }
        return new DocumentMetadata(
                pick(documentId, fallback.documentId), pick(title, fallback.title), pick(version, fallback.version),
                pick(effectiveDate, fallback.effectiveDate), pick(reviewDate, fallback.reviewDate),
                pick(status, fallback.status), pick(supersedes, fallback.supersedes), pick(audience, fallback.audience),
                tags != null && !tags.isEmpty() ? tags : fallback.tags);
    }

    private static <T> T pick(T preferred, T fallback) {
        if (preferred instanceof String s && s.isBlank()) {
            return fallback;
        }
        return preferred != null ? preferred : fallback;
    }
}
