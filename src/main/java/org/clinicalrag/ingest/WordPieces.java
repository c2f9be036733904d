package org.clinicalrag.ingest;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/**
 * Counts text in the embedding model's own word pieces. Passage limits are set in these units because the model
 * truncates by them; the tokenizer loads on first use, so a restart that ingests nothing does not wait for it.
 */
public final class WordPieces {

    private static final class Tokenizer {
        static final HuggingFaceTokenCountEstimator INSTANCE = new HuggingFaceTokenCountEstimator();
    }

    private WordPieces() {
    }

    public static int count(String text) {
        return Tokenizer.INSTANCE.estimateTokenCountInText(text);
    }
}
