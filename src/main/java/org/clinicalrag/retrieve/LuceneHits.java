package org.clinicalrag.retrieve;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.clinicalrag.index.GuidelineIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Runs a Lucene query and reads the hits' passages and vectors. */
final class LuceneHits {

    private LuceneHits() {
    }

    static List<Hit> run(GuidelineIndex index, Query query, int k, DoubleUnaryOperator rescore) {
        return index.search(searcher -> {
            try {
                return read(searcher, searcher.search(query, k), rescore);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Hit> read(IndexSearcher searcher, TopDocs top, DoubleUnaryOperator rescore) throws IOException {
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = stored.document(sd.doc);
            hits.add(new Hit(GuidelineIndex.toPassage(doc), rescore.applyAsDouble(sd.score), GuidelineIndex.storedVector(doc)));
        }
        return hits;
    }
}
