package org.clinicalrag.retrieve;

import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageEmbedder;
import org.clinicalrag.ingest.GuidelineDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The three retrievers behind one call, returning {@link Evidence} enriched with document metadata. */
public class RetrievalService {

    public enum Mode {
        HYBRID, BM25, DENSE;

        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return HYBRID;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("retriever must be hybrid, bm25 or dense, not '" + value.trim() + "'");
            }
        }
    }

    private final GuidelineIndex index;
    private final PassageEmbedder embedder;
    private final Map<Mode, Retriever> retrievers;

    public RetrievalService(GuidelineIndex index, PassageEmbedder embedder, Retriever bm25, Retriever dense, Retriever hybrid) {
        this.index = index;
        this.embedder = embedder;
        this.retrievers = Map.of(Mode.BM25, bm25, Mode.DENSE, dense, Mode.HYBRID, hybrid);
    }

    public Question question(String text) {
        return new Question(text, embedder::embed);
    }

    public List<Evidence> retrieve(Question question, SearchFilter filter, int k, Mode mode) {
        List<Hit> hits = retrievers.get(mode).retrieve(question, filter, k);
        Map<String, GuidelineDocument> documents = index.documents();
        List<Evidence> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            GuidelineDocument document = documents.get(GuidelineDocument.key(hit.passage().documentId(), hit.passage().version()));
            if (document == null) {
                continue; // deleted between search and lookup
            }
            out.add(new Evidence(hit.passage(), document, hit.score(), i + 1,
                    PassageEmbedder.cosine(question.vector(), hit.vector())));
        }
        return out;
    }
}
