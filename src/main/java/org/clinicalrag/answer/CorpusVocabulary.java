package org.clinicalrag.answer;

/**
 * What the indexed collection knows about a term: how many passages contain it, and whether any indexed term
 * starts with a given prefix (so "warfarinised" counts as known when "warfarin" is indexed).
 */
public interface CorpusVocabulary {

    long documentFrequency(String term);

    long passages();

    boolean hasTermStartingWith(String prefix);

    /** BM25's inverse document frequency. */
    default double idf(String term) {
        long n = Math.max(1, passages());
        long df = documentFrequency(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
