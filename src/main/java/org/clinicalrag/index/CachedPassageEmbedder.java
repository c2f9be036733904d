package org.clinicalrag.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link PassageEmbedder} that looks every text up in an {@link EmbeddingCache} and embeds only the misses, with
 * the model of another embedder (so the two share one loaded model).
 */
public class CachedPassageEmbedder extends PassageEmbedder {

    private final EmbeddingCache cache;

    public CachedPassageEmbedder(PassageEmbedder model, EmbeddingCache cache) {
        super(model.model);
        this.cache = cache;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (cache.get(text) == null) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<String> batch = new ArrayList<>(missing);
            List<float[]> computed = super.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                cache.put(batch.get(i), computed.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(cache.get(text));
        }
        return out;
    }

    /** How many texts the cache holds. */
    public int cached() {
        return cache.size();
    }
}
