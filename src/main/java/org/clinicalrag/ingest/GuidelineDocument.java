package org.clinicalrag.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of one guideline, protocol, formulary chapter or leaflet, as the index knows it. Two versions share a
 * {@code documentId}; {@link #key()} tells them apart.
 */
public record GuidelineDocument(String documentId, String title, String version, LocalDate effectiveDate,
                                LocalDate reviewDate, DocumentStatus status, String supersedes, Audience audience,
                                List<String> tags, String sourceFile, String contentHash, int passageCount,
                                Integer pageCount, Instant ingestedAt, List<String> scopeExclusions, int authority) {

    /** Authority ranks: approved clinical guidance outranks patient material, which outranks informal notes. */
    public static final int AUTHORITY_GUIDANCE = 3;
    public static final int AUTHORITY_INFORMATION = 2;
    public static final int AUTHORITY_INFORMAL = 1;

    public GuidelineDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        scopeExclusions = scopeExclusions == null ? List.of() : List.copyOf(scopeExclusions);
    }

    /** {@code documentId@version}: the unit that is stored, replaced and superseded as a whole. */
    public String key() {
        return key(documentId, version);
    }

    public static String key(String documentId, String version) {
        return documentId + "@" + version;
    }

    public GuidelineDocument withStatus(DocumentStatus newStatus) {
        return new GuidelineDocument(documentId, title, version, effectiveDate, reviewDate, newStatus, supersedes,
                audience, tags, sourceFile, contentHash, passageCount, pageCount, ingestedAt, scopeExclusions, authority);
    }

    /** True when the review date has passed: the content may be out of date even if no newer version exists. */
    public boolean isStale(LocalDate today) {
        return reviewDate != null && reviewDate.isBefore(today);
    }
}
