package org.clinicalrag.retrieve;

import java.util.function.Supplier;

/**
 * A retrieval question. Its vector is computed on first use and kept, so BM25-only searches never pay for the
 * embedding model and hybrid search pays once.
 */
public final class Question {

    private final String text;
    private final Supplier<float[]> embed;
    private float[] vector;

    public Question(String text, java.util.function.Function<String, float[]> embedder) {
        this.text = text;
        this.embed = () -> embedder.apply(text);
    }

    public String text() {
        return text;
    }

    public synchronized float[] vector() {
        if (vector == null) {
            vector = embed.get();
        }
        return vector;
    }
}
