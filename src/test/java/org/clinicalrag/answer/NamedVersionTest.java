package org.clinicalrag.answer;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.retrieve.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamedVersionTest {

    private static Evidence evidence(String id, String version, String section, int rank) {
        GuidelineDocument d = new GuidelineDocument(id, "VTE Prophylaxis", version, null, null, DocumentStatus.CURRENT,
                null, Audience.CLINICIAN, List.of(), id + ".md", "h" + version, 1, null, Instant.EPOCH, List.of(),
                GuidelineDocument.AUTHORITY_GUIDANCE);
        Passage p = new Passage(Passage.id(id, version, rank), id, version, rank, section, section, null, "text " + rank);
        return new Evidence(p, d, 1.0 / rank, rank, 0.8);
    }

    @Test
    void aQuestionNamingAVersionIsAnsweredFromThatVersion() {
        List<Evidence> evidence = List.of(
                evidence("vte", "3.0", "8. Summary of Changes from Version 2.0", 1),
                evidence("vte", "2.0", "4. Enoxaparin Dosing", 2),
                evidence("heparin", "1.4", "1. Scope", 3));
        List<Evidence> kept = AskService.namedVersionOnly("What did version 2 of the VTE protocol recommend?", evidence);
        assertEquals(List.of("vte@2.0", "heparin@1.4"), kept.stream().map(e -> e.document().key()).toList());
        assertEquals(evidence, AskService.namedVersionOnly("What does the VTE protocol recommend?", evidence));
        assertEquals(evidence, AskService.namedVersionOnly("What did version 1.0 recommend?", evidence),
                "a version that is not in the evidence sets nothing aside");
    }
}
