package org.clinicalrag.retrieve;

import org.clinicalrag.index.ClinicalAnalyzers;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** BM25F: title and heading words count as words of the passage, so a passage need not repeat its subject's name. */
class Bm25RetrieverTest {

    private static void add(GuidelineIndex index, String id, String title, String section, String text, int seed) {
        GuidelineDocument doc = new GuidelineDocument(id, title, "1.0", LocalDate.of(2026, 1, 1), null,
                DocumentStatus.CURRENT, null, Audience.ALL, List.of(), id + ".txt", "hash-" + id, 1, null, Instant.now(),
                List.of(), GuidelineDocument.AUTHORITY_GUIDANCE);
        Passage p = new Passage(Passage.id(id, "1.0", 1), id, "1.0", 1, section, section, null, text);
        float[] v = new float[PassageEmbedder.DIMENSIONS];
        v[seed] = 1f;
        index.put(doc, List.of(p), List.of(v), List.of());
    }

    private static List<String> search(GuidelineIndex index, float titleWeight, String q) {
        Bm25Retriever bm25 = new Bm25Retriever(index, ClinicalAnalyzers.query(), 1f, titleWeight);
        return bm25.retrieve(new Question(q, text -> new float[PassageEmbedder.DIMENSIONS]), SearchFilter.CLINICIAN_CURRENT, 5)
                .stream().map(h -> h.passage().documentId()).toList();
    }

    @Test
    void passageUnderItsTitleBeatsOneThatOnlyRepeatsTheName(@TempDir Path dir) throws java.io.IOException {
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            add(index, "cts", "Carpal Tunnel Syndrome", "3. Management",
                    "Initial treatment is a wrist splint at night and an anti-inflammatory drug for two weeks.", 1);
            add(index, "hand", "Hand Clinic Referrals", "2. Diagnosis",
                    "Carpal tunnel syndrome is diagnosed clinically. Suspected carpal tunnel syndrome with wasting, or carpal "
                            + "tunnel syndrome that does not settle, needs nerve conduction studies before referral.", 2);
            assertEquals(List.of("cts", "hand"), search(index, 2f, "What is the treatment for carpal tunnel syndrome?"));
            assertEquals(List.of("hand", "cts"), search(index, 1f, "carpal tunnel syndrome"),
                    "with weight 1 a title word is one body word: three mentions in the text win");
        }
    }

    @Test
    void multiWordSynonymsStillMatchThePhrase(@TempDir Path dir) throws java.io.IOException {
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            add(index, "af", "Anticoagulation Formulary", "1. Indications",
                    "Apixaban is first line in non-valvular atrial fibrillation.", 1);
            add(index, "vte", "Venous Thromboembolism", "1. Indications", "Apixaban treats deep vein thrombosis.", 2);
            assertEquals("af", search(index, 2f, "apixaban in AF").get(0));
        }
    }
}
