package org.clinicalrag.eval.beir;

import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.GuidelineLibrary;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.ingest.Audience;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Loads a BEIR corpus into the server's own index: each corpus entry becomes one document (its BEIR title in the
 * title field) with one passage (its text in the body), embedded as the server embeds passages (title, newline,
 * text). Embeds in batches and reports progress; writes everything in one commit.
 */
public final class BeirIndexer {

    private static final int BATCH = 32;
    private static final String VERSION = "1";

    /** What building the index cost. */
    public record Stats(int documents, double embedSeconds, double writeSeconds, double docsPerSecond) {
    }

    private final PassageEmbedder embedder;
    private final Consumer<String> progress;

    public BeirIndexer(PassageEmbedder embedder, Consumer<String> progress) {
        this.embedder = embedder;
        this.progress = progress;
    }

    public Stats index(List<BeirDataset.BeirDocument> corpus, GuidelineIndex index) {
        long start = System.nanoTime();
        List<GuidelineIndex.Entry> entries = new ArrayList<>(corpus.size());
        for (int from = 0; from < corpus.size(); from += BATCH) {
            List<BeirDataset.BeirDocument> batch = corpus.subList(from, Math.min(corpus.size(), from + BATCH));
            List<Passage> passages = batch.stream().map(BeirIndexer::passage).toList();
            List<String> texts = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                texts.add(GuidelineLibrary.embeddingText(batch.get(i).title(), passages.get(i)));
            }
            List<float[]> vectors = embedder.embedAll(texts);
            for (int i = 0; i < batch.size(); i++) {
                entries.add(new GuidelineIndex.Entry(document(batch.get(i)), List.of(passages.get(i)), List.of(vectors.get(i))));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int done = from + batch.size();
            progress.accept(String.format(Locale.ROOT, "embedded %d/%d (%.1f docs/s, %.0f s left)", done, corpus.size(),
                    done / seconds, (corpus.size() - done) / (done / seconds)));
        }
        double embedSeconds = (System.nanoTime() - start) / 1e9;
        progress.accept("writing the index");
        long write = System.nanoTime();
        index.putAll(entries);
        double writeSeconds = (System.nanoTime() - write) / 1e9;
        return new Stats(corpus.size(), embedSeconds, writeSeconds, corpus.size() / (embedSeconds + writeSeconds));
    }

    static Passage passage(BeirDataset.BeirDocument d) {
        return new Passage(Passage.id(d.id(), VERSION, 0), d.id(), VERSION, 0, null, null, null, d.text());
    }

    static GuidelineDocument document(BeirDataset.BeirDocument d) {
        return new GuidelineDocument(d.id(), d.title(), VERSION, null, null, DocumentStatus.CURRENT, null, Audience.ALL,
                List.of(), "corpus.jsonl", null, 1, null, Instant.EPOCH, List.of(), GuidelineDocument.AUTHORITY_GUIDANCE);
    }
}
