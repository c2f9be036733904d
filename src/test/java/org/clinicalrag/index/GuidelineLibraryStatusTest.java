package org.clinicalrag.index;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which version of a document is current. */
class GuidelineLibraryStatusTest {

    private static GuidelineDocument version(String v, LocalDate effective, Instant arrived) {
        return new GuidelineDocument("vte", "VTE", v, effective, null, DocumentStatus.CURRENT, null, Audience.CLINICIAN,
                List.of(), v + ".md", "h" + v, 1, null, arrived, List.of(), GuidelineDocument.AUTHORITY_GUIDANCE);
    }

    @Test
    void newerVersionSupersedesOlder() {
        GuidelineDocument v2 = version("2.0", LocalDate.of(2024, 2, 1), Instant.parse("2026-01-01T00:00:00Z"));
        GuidelineDocument v3 = version("3.0", LocalDate.of(2026, 1, 5), Instant.parse("2026-01-02T00:00:00Z"));
        List<GuidelineDocument> settled = GuidelineLibrary.settleStatuses(v3, List.of(v2), false);
        assertEquals(DocumentStatus.CURRENT, settled.get(0).status());
        assertEquals(DocumentStatus.SUPERSEDED, settled.get(1).status());
    }

    @Test
    void uploadingAnOlderVersionLaterDoesNotMakeItCurrent() {
        GuidelineDocument v3 = version("3.0", LocalDate.of(2026, 1, 5), Instant.parse("2026-01-01T00:00:00Z"));
        GuidelineDocument v2 = version("2.0", LocalDate.of(2024, 2, 1), Instant.parse("2026-01-02T00:00:00Z"));
        List<GuidelineDocument> settled = GuidelineLibrary.settleStatuses(v2, List.of(v3), false);
        assertEquals(DocumentStatus.SUPERSEDED, settled.get(0).status());
        assertEquals(DocumentStatus.CURRENT, settled.get(1).status());
    }

    @Test
    void withoutDatesTheHigherVersionWins() {
        GuidelineDocument a = version("1.10", null, Instant.parse("2026-01-02T00:00:00Z"));
        GuidelineDocument b = version("1.9", null, Instant.parse("2026-01-03T00:00:00Z"));
        assertEquals(DocumentStatus.SUPERSEDED, GuidelineLibrary.settleStatuses(b, List.of(a), false).get(0).status());
    }
}
