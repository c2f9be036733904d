package org.clinicalrag.index;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Durability: the index survives a restart, and a failed write leaves no half document behind. */
class GuidelineIndexTest {

    private static GuidelineDocument document(String version, int passages) {
        return new GuidelineDocument("ab-01", "Antibiotic Guide", version, LocalDate.of(2026, 1, 1), null,
                DocumentStatus.CURRENT, null, Audience.ALL, List.of(), "ab.txt", "hash-" + version, passages, null, Instant.now(), List.of(), GuidelineDocument.AUTHORITY_GUIDANCE);
    }

    private static List<Passage> passages(String version, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new Passage(Passage.id("ab-01", version, i),
                "ab-01", version, i, "1. Dosing", "1. Dosing", null, "Amoxicillin 500 mg three times daily, part " + i)).toList();
    }

    private static float[] vector(int seed) {
        float[] v = new float[PassageEmbedder.DIMENSIONS];
        v[seed % v.length] = 1f;
        return v;
    }

    @Test
    void restartKeepsDocumentsAndPassages(@TempDir Path dir) throws IOException {
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            index.put(document("1.0", 2), passages("1.0", 2), List.of(vector(1), vector(2)), List.of());
        }
        try (GuidelineIndex reopened = new GuidelineIndex(dir)) {
            assertEquals(1, reopened.documents().size());
            assertEquals(2, reopened.passageCount());
            assertEquals("Amoxicillin 500 mg three times daily, part 2", reopened.passage(Passage.id("ab-01", "1.0", 2)).orElseThrow().text());
            assertTrue(reopened.byContentHash("hash-1.0").isPresent());
        }
    }

    @Test
    void failedWriteChangesNothing(@TempDir Path dir) throws IOException {
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            index.put(document("1.0", 2), passages("1.0", 2), List.of(vector(1), vector(2)), List.of());
            // three passages, two vectors: the third addDocument fails after two were written
            assertThrows(IndexWriteException.class,
                    () -> index.put(document("2.0", 3), passages("2.0", 3), List.of(vector(3), vector(4)),
                            List.of(document("1.0", 2).withStatus(DocumentStatus.SUPERSEDED))));
            assertEquals(2, index.passageCount());
            assertEquals(List.of("1.0"), index.documents().values().stream().map(GuidelineDocument::version).toList());
            assertEquals(DocumentStatus.CURRENT, index.documents().values().iterator().next().status());
            index.put(document("2.0", 1), passages("2.0", 1), List.of(vector(5)), List.of());
            assertEquals(3, index.passageCount(), "the index still accepts writes after a rollback");
        }
        try (GuidelineIndex reopened = new GuidelineIndex(dir)) {
            assertEquals(3, reopened.passageCount());
        }
    }

    @Test
    void aDeletedDocumentIsNoLongerCountedAsOutdated(@TempDir Path dir) throws IOException {
        try (GuidelineIndex older = new GuidelineIndex(dir, new org.apache.lucene.search.similarities.BM25Similarity(),
                GuidelineIndex.PASSAGE_FORMAT - 1)) {
            older.put(document("1.0", 1), passages("1.0", 1), List.of(vector(1)), List.of());
        }
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            assertEquals(1, index.outdatedCount());
            assertTrue(index.byContentHash("hash-1.0").isEmpty(), "outdated bytes are not reported as known");
            assertTrue(index.delete("ab-01"));
            assertEquals(0, index.outdatedCount());
        }
    }

    @Test
    void aStatusChangeKeepsAnOutdatedVersionOutdated(@TempDir Path dir) throws IOException {
        try (GuidelineIndex older = new GuidelineIndex(dir, new org.apache.lucene.search.similarities.BM25Similarity(),
                GuidelineIndex.PASSAGE_FORMAT - 1)) {
            older.put(document("1.0", 1), passages("1.0", 1), List.of(vector(1)), List.of());
        }
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            index.put(document("2.0", 1), passages("2.0", 1), List.of(vector(2)),
                    List.of(document("1.0", 1).withStatus(DocumentStatus.SUPERSEDED)));
            assertEquals(1, index.outdatedCount(), "version 1.0's passages are still the older format's");
        }
        try (GuidelineIndex reopened = new GuidelineIndex(dir)) {
            assertEquals(1, reopened.outdatedCount());
            assertTrue(reopened.byContentHash("hash-1.0").isEmpty());
        }
    }
}
