package org.clinicalrag.retrieve;

import org.apache.lucene.search.KnnFloatVectorQuery;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageFields;

import java.util.List;

/**
 * Semantic retrieval: HNSW nearest neighbours of the question's bge-small vector, filtered during the graph search
 * (not after it), so a narrow filter still returns k passages. Scores are cosine similarities.
 */
public class DenseRetriever implements Retriever {

    private final GuidelineIndex index;

    public DenseRetriever(GuidelineIndex index) {
        this.index = index;
    }

    @Override
    public List<Hit> retrieve(Question question, SearchFilter filter, int k) {
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(PassageFields.VECTOR, question.vector(), k,
                filter.toQuery(index.documents().values()));
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; report the cosine itself.
        return LuceneHits.run(index, query, k, score -> 2 * score - 1);
    }
}
