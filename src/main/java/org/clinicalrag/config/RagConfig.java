package org.clinicalrag.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/**
 * Every setting of the server in one place. Each can be overridden with {@code -Drag.x.y=…} or the environment
 * ({@code RAG_X_Y}); README's configuration table mirrors this interface.
 */
@ConfigMapping(prefix = "rag")
public interface RagConfig {

    /** Where the Lucene index and server state live; created if missing. */
    @WithDefault("data")
    Path dataDir();

    /** Folder ingested at start-up (recursively; names starting with "_" or "." are skipped). Missing is fine. */
    @WithDefault("guidelines")
    Path guidelinesDir();

    Chunking chunking();

    Retrieval retrieval();

    Answering answering();

    Limits limits();

    interface Chunking {
        /** Upper bound of a passage in model tokens; the embedder truncates past ~510, so stay well under. */
        @WithDefault("300")
        int maxTokens();

        /** Sentences repeated from the previous passage of the same section, to keep context across a split. */
        @WithDefault("0")
        int overlapSentences();
    }

    interface Retrieval {
        /** Passages returned when a request does not say. */
        @WithDefault("8")
        int topK();

        /** Candidates each retriever contributes before fusion. */
        @WithDefault("100")
        int candidates();

        /**
         * {@code minmax} (min-max normalised, weighted sum) or {@code rrf} (reciprocal-rank fusion). minmax wins on
         * SciFact and MedQuAD and ties on the clinical set (docs/retrieval.md).
         */
        @WithDefault("minmax")
        String fusion();

        /** The k of reciprocal-rank fusion. */
        @WithDefault("60")
        int rrfK();

        /** Weight of the dense score in {@code minmax} fusion (BM25 gets 1 - this). */
        @WithDefault("0.5")
        double denseWeight();

        /** BM25 term-frequency saturation (Lucene's default; Anserini uses 0.9 on BEIR). */
        @WithDefault("1.2")
        float bm25K1();

        /** BM25 length normalisation (Lucene's default; Anserini uses 0.4 on BEIR). */
        @WithDefault("0.75")
        float bm25B();

        /** BM25 boost of the section-heading field relative to the passage body. */
        @WithDefault("0.5")
        float sectionBoost();

        /** BM25 boost of the document-title field relative to the passage body. */
        @WithDefault("0.3")
        float titleBoost();
    }

    interface Answering {
        /** Below this share of the question's (IDF-weighted) terms found in the evidence, the answer abstains. */
        @WithDefault("0.25")
        double minCoverage();

        /** Below this cosine similarity between question and best passage, the answer abstains. */
        @WithDefault("0.60")
        double minSimilarity();

        /** Most sentences or table rows quoted in one extractive answer. */
        @WithDefault("3")
        int maxSentences();

        /** Passages the extractive answerer reads (the best of the retrieved ones). */
        @WithDefault("5")
        int evidencePassages();
    }

    interface Limits {
        /** Longest question accepted, in characters. */
        @WithDefault("4000")
        int maxQuestionChars();

        /** Largest topK a request may ask for. */
        @WithDefault("50")
        int maxTopK();

        /** Largest document upload, in bytes. */
        @WithDefault("52428800")
        long maxUploadBytes();
    }
}
