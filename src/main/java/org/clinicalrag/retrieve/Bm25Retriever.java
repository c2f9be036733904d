package org.clinicalrag.retrieve;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageFields;

import java.util.List;

/**
 * Lexical retrieval: BM25 over the passage body, its section headings and its document title, with the query
 * analyzed by the clinical analyzer (synonyms expanded). Every question term is optional; none is required.
 */
public class Bm25Retriever implements Retriever {

    private final GuidelineIndex index;
    private final QueryBuilder builder;
    private final float sectionBoost;
    private final float titleBoost;

    public Bm25Retriever(GuidelineIndex index, Analyzer queryAnalyzer, float sectionBoost, float titleBoost) {
        this.index = index;
        this.builder = new QueryBuilder(queryAnalyzer);
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.sectionBoost = sectionBoost;
        this.titleBoost = titleBoost;
    }

    @Override
    public List<Hit> retrieve(Question question, SearchFilter filter, int k) {
        Query query = query(question.text());
        if (query == null) {
            return List.of();
        }
        Query filtered = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter.toQuery(index.documents().values()), BooleanClause.Occur.FILTER)
                .build();
        return LuceneHits.run(index, filtered, k, score -> score);
    }

    /** The scoring part of the query, or null when the question has no searchable term. */
    Query query(String text) {
        Query body = builder.createBooleanQuery(PassageFields.BODY, text);
        if (body == null) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(body, BooleanClause.Occur.SHOULD);
        add(b, builder.createBooleanQuery(PassageFields.SECTION_PATH, text), sectionBoost);
        add(b, builder.createBooleanQuery(PassageFields.TITLE, text), titleBoost);
        return b.build();
    }

    private static void add(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null && boost > 0) {
            b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
    }
}
