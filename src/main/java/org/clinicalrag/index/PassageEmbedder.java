package org.clinicalrag.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Turns text into unit-length vectors with the in-process bge-small-en-v1.5 model (ONNX, no network). The model
 * takes a second or two of CPU to load, so it loads on first use: a restart on an existing index becomes ready
 * without it (the server loads it right after readiness), and a first ingest starts it with its first document.
 */
public class PassageEmbedder {

    public static final int DIMENSIONS = 384;
    /** Names the vectors this class produces; change it with the model artifact so cached vectors are not reused. */
    public static final String MODEL = "bge-small-en-v15-q-1.13.0-beta23";
    final LazyModel model;

    public PassageEmbedder() {
        this(new LazyModel(BgeSmallEnV15QuantizedEmbeddingModel::new));
    }

    PassageEmbedder(LazyModel model) {
        this.model = model;
    }

    /** Loaded once, by the first caller; concurrent callers wait for that one load. */
    static final class LazyModel {
        private final Supplier<EmbeddingModel> factory;
        private final CompletableFuture<EmbeddingModel> loaded = new CompletableFuture<>();
        private final AtomicBoolean started = new AtomicBoolean();

        LazyModel(Supplier<EmbeddingModel> factory) {
            this.factory = factory;
        }

        EmbeddingModel join() {
            if (started.compareAndSet(false, true)) {
                try {
                    loaded.complete(factory.get());
                } catch (RuntimeException | Error e) {
                    loaded.completeExceptionally(e);
                }
            }
            return loaded.join();
        }
    }

    /** Embeds many texts in one call; the model spreads the batch over all cores. */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.join().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(e -> normalise(e.vector())).toList();
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /** Dot product equals cosine only for unit vectors, which the index's DOT_PRODUCT similarity requires. */
    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
