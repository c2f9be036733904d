package org.clinicalrag.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Optional;

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

    Llm llm();

    Auth auth();

    Handoff handoff();

    interface Handoff {
        /** Replaces the built-in hand-off rules (reason, a tab, a regex per line; see handoff-rules.txt). */
        Optional<Path> rulesFile();
    }

    interface Auth {
        /**
         * API keys as {@code key:role} pairs (roles clinician, patient, admin), e.g. {@code RAG_AUTH_KEYS=k1:clinician,k2:admin}.
         * None configured: loopback only, every caller is clinician and admin.
         */
        Optional<List<String>> keys();

        /** Requests per minute allowed for one API key (or for the loopback caller). */
        @WithDefault("120")
        int requestsPerMinute();
    }

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
         * {@code zscore} (standardised scores, weighted sum), {@code minmax} (min-max normalised, weighted sum) or
         * {@code rrf} (reciprocal-rank fusion). zscore with dense weight 0.85 beats both single retrievers on SciFact
         * and on every MedQuAD question set, consumer questions included, and ties on the clinical set
         * (docs/retrieval.md, "Fourth round").
         */
        @WithDefault("zscore")
        String fusion();

        /** The k of reciprocal-rank fusion. */
        @WithDefault("60")
        int rrfK();

        /** Weight of the dense score in {@code zscore} and {@code minmax} fusion (BM25 gets 1 - this). */
        @WithDefault("0.85")
        double denseWeight();

        /** BM25 term-frequency saturation (Lucene's default; Anserini uses 0.9 on BEIR). */
        @WithDefault("1.2")
        float bm25K1();

        /** BM25 length normalisation (Lucene's default; Anserini uses 0.4 on BEIR). */
        @WithDefault("0.75")
        float bm25B();

        /** BM25F weight (at least 1) of a section-heading word: how many body occurrences it counts as. */
        @WithDefault("1")
        float sectionWeight();

        /** BM25F weight (at least 1) of a document-title word: how many body occurrences it counts as. */
        @WithDefault("2")
        float titleWeight();
    }

    interface Answering {
        /** Below this share of the question's (IDF-weighted) terms found in the evidence, the answer abstains. */
        @WithDefault("0.15")
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

    /**
     * The language model for generative answers (docs/llm.md). Built at run time from these values with the plain
     * LangChain4j clients, so a packaged server can be pointed at any endpoint with -D or environment variables.
     */
    interface Llm {
        /** {@code none} (extractive answers only), {@code openai} (any OpenAI-compatible endpoint) or {@code ollama}. */
        @WithDefault("none")
        String provider();

        /** Endpoint root: e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp) or http://127.0.0.1:11434 (Ollama). */
        Optional<String> baseUrl();

        /** Model name sent to the endpoint; required unless provider is none. */
        Optional<String> model();

        /** Bearer key for the endpoint, if it wants one. */
        Optional<String> apiKey();

        /** Longest wait for a whole answer (or, when streaming, for the whole stream). */
        @WithDefault("20s")
        Duration timeout();

        /** Longest wait to open a connection; short, so an endpoint that is down costs little. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Upper bound on generated tokens per answer. */
        @WithDefault("512")
        int maxTokens();

        /** Sampling temperature; 0 keeps answers close to the passages and repeatable. */
        @WithDefault("0")
        double temperature();

        /** Passages (the best retrieved ones) given to the model. */
        @WithDefault("5")
        int passages();

        /** A sentence that fails verification is {@code remove}d, or kept with an unverified_claim warning ({@code warn}). */
        @WithDefault("remove")
        String unverified();

        /** Failed calls among the last this many that open the circuit breaker (at a failure ratio of 0.5). */
        @WithDefault("6")
        int breakerWindow();

        /** How long an open circuit breaker sends every request straight to the extractive answer. */
        @WithDefault("30s")
        Duration breakerDelay();
    }
}
