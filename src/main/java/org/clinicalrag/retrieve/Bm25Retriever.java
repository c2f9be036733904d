package org.clinicalrag.retrieve;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.PassageFields;

import java.util.List;

/**
 * Lexical retrieval: BM25F over the passage body, its section headings and its document title scored as one field
 * (Lucene's {@link CombinedFieldQuery}), with the query analyzed by the clinical analyzer (synonyms expanded).
 * Every question term is optional; none is required.
 *
 * <p>One combined field rather than a sum of per-field BM25 scores because a passage often does not repeat the name
 * of what it is about: "Initial treatment is a wrist splint" under the title "Carpal tunnel syndrome". Scored as
 * separate fields, that passage loses to any longer one that repeats the name; scored as one field, the title's
 * words count (times their weight) before BM25's saturation, as they do in the text the embedding model reads.
 */
public class Bm25Retriever implements Retriever {

    private final GuidelineIndex index;
    private final QueryBuilder builder;

    /** {@code sectionWeight} and {@code titleWeight} (each ≥ 1) are how many body occurrences one of theirs counts as. */
    public Bm25Retriever(GuidelineIndex index, Analyzer queryAnalyzer, float sectionWeight, float titleWeight) {
        this.index = index;
        this.builder = new CombinedFieldsBuilder(queryAnalyzer, sectionWeight, titleWeight);
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
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
        return builder.createBooleanQuery(PassageFields.BODY, text);
    }

    /**
     * Turns each analyzed term (and each set of single-word synonyms) into one {@link CombinedFieldQuery} over body,
     * section path and title. Multi-word synonyms stay phrase queries on the body, where word order is meaningful.
     */
    private static final class CombinedFieldsBuilder extends QueryBuilder {
        private final float sectionWeight;
        private final float titleWeight;

        CombinedFieldsBuilder(Analyzer analyzer, float sectionWeight, float titleWeight) {
            super(analyzer);
            this.sectionWeight = sectionWeight;
            this.titleWeight = titleWeight;
        }

        @Override
        protected Query newTermQuery(Term term, float boost) {
            return boosted(fields().addTerm(term.bytes()).build(), boost);
        }

        @Override
        protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
            CombinedFieldQuery.Builder q = fields();
            for (TermAndBoost t : terms) {
                q.addTerm(t.term());
            }
            return q.build();
        }

        private CombinedFieldQuery.Builder fields() {
            return new CombinedFieldQuery.Builder()
                    .addField(PassageFields.BODY)
                    .addField(PassageFields.SECTION_PATH, sectionWeight)
                    .addField(PassageFields.TITLE, titleWeight);
        }

        private static Query boosted(Query q, float boost) {
            return boost == 1f ? q : new BoostQuery(q, boost);
        }
    }
}
