package org.clinicalrag.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.ingest.PassageChunker;
import org.clinicalrag.ingest.TikaDocumentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlapped folder ingest decides exactly what one-at-a-time ingest decides: identity by title across files
 * in the same folder, version status, duplicates, and a broken file skipped without losing the others.
 */
class FolderIngestTest {

    /** Deterministic vectors: this test is about what gets stored, not about retrieval quality. */
    private static final EmbeddingModel HASHED = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> {
                float[] v = new float[PassageEmbedder.DIMENSIONS];
                v[Math.floorMod(s.text().hashCode(), v.length)] = 1f;
                return Embedding.from(v);
            }).toList());
        }
    };

    private static String protocol(String version, String dose) {
        return "# Hyperkalaemia Treatment Protocol\n\nVersion " + version + "\n\n## 2. Insulin and glucose\n\n"
                + "Give " + dose + " units of soluble insulin with 25 g glucose over 15 minutes.\n";
    }

    @Test
    void aFolderIsIngestedInOrderWithIdentityDuplicatesAndFailuresResolvedPerFile(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("guidelines"));
        Path first = Files.writeString(folder.resolve("a-hyperkalaemia.md"), protocol("1.0", "10"));
        Files.write(folder.resolve("b-broken.pdf"), "%PDF-1.7 this is not a PDF".getBytes(StandardCharsets.US_ASCII));
        Files.copy(first, folder.resolve("c-copy-of-a.md"));
        Files.writeString(folder.resolve("d-renamed-newer.md"), protocol("2.0", "5"));
        List<Path> files = List.of(folder.resolve("a-hyperkalaemia.md"), folder.resolve("b-broken.pdf"),
                folder.resolve("c-copy-of-a.md"), folder.resolve("d-renamed-newer.md"));

        try (GuidelineIndex index = new GuidelineIndex(tmp.resolve("index"))) {
            GuidelineLibrary library = new GuidelineLibrary(index, new TikaDocumentParser(), new PassageChunker(300, 1),
                    new PassageEmbedder(new PassageEmbedder.LazyModel(() -> HASHED)), Clock.systemUTC());
            Map<String, GuidelineLibrary.FileOutcome> outcomes = library.ingestFiles(files, f -> null).stream()
                    .collect(Collectors.toMap(o -> o.file().getFileName().toString(), Function.identity()));

            assertEquals(4, outcomes.size());
            assertNotNull(outcomes.get("b-broken.pdf").failure(), "a broken file is reported");
            assertNull(outcomes.get("b-broken.pdf").result());
            GuidelineDocument v1 = outcomes.get("a-hyperkalaemia.md").result().document();
            assertFalse(outcomes.get("a-hyperkalaemia.md").result().unchanged());
            assertTrue(outcomes.get("c-copy-of-a.md").result().unchanged(), "identical bytes are not stored twice");
            GuidelineDocument v2 = outcomes.get("d-renamed-newer.md").result().document();
            // another file name, same title: the file committed before it decides the identity
            assertEquals(v1.documentId(), v2.documentId());
            assertEquals("2.0", v2.version());
            assertEquals(DocumentStatus.CURRENT, v2.status());
            assertEquals(DocumentStatus.SUPERSEDED, index.documents().get(v1.key()).status());
            assertEquals(2, index.documents().size());
            List<Passage> stored = index.passages(v2.key());
            assertFalse(stored.isEmpty());
            assertTrue(stored.stream().allMatch(p -> p.passageId().startsWith(v2.documentId() + "_v2.0_")
                    && p.documentId().equals(v2.documentId())), stored.toString());
            assertTrue(stored.stream().anyMatch(p -> p.text().contains("Give 5 units")));

            // a restart over the same folder: nothing new, the broken file still skipped
            List<GuidelineLibrary.FileOutcome> again = library.ingestFiles(files, f -> null);
            assertEquals(3, again.stream().filter(o -> o.result() != null && o.result().unchanged()).count());
            assertEquals(1, again.stream().filter(o -> o.failure() != null).count());
            assertEquals(2, index.documents().size());
        }
    }

    @Test
    void documentsAnOlderIngestParsedAreParsedAgainUnderTheirIdAndThenUnchanged(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(Files.createDirectories(tmp.resolve("guidelines")).resolve("a.md"), protocol("1.0", "10"));
        Path dir = tmp.resolve("index");
        try (GuidelineIndex older = new GuidelineIndex(dir, new org.apache.lucene.search.similarities.BM25Similarity(),
                GuidelineIndex.PASSAGE_FORMAT - 1)) {
            assertFalse(library(older).ingestFiles(List.of(file), f -> null).getFirst().result().unchanged());
        }
        try (GuidelineIndex index = new GuidelineIndex(dir)) {
            assertEquals(1, index.outdatedCount(), "stored by the older format");
            GuidelineDocument before = index.documents().values().iterator().next();
            IngestResult again = library(index).ingestFiles(List.of(file), f -> null).getFirst().result();
            assertFalse(again.unchanged(), "identical bytes are parsed again, not reported unchanged");
            assertEquals(before.key(), again.document().key(), "the same id and version: citations stay valid");
            assertEquals(1, index.documents().size());
            assertEquals(before.passageCount(), index.passageCount(), "replaced, not duplicated");
            assertEquals(0, index.outdatedCount());
            assertTrue(library(index).ingestFiles(List.of(file), f -> null).getFirst().result().unchanged());
        }
        try (GuidelineIndex reopened = new GuidelineIndex(dir)) {
            assertEquals(0, reopened.outdatedCount(), "the new format is what was stored");
        }
    }

    private static GuidelineLibrary library(GuidelineIndex index) {
        return new GuidelineLibrary(index, new TikaDocumentParser(), new PassageChunker(300, 1),
                new PassageEmbedder(new PassageEmbedder.LazyModel(() -> HASHED)), Clock.systemUTC());
    }
}
