package org.clinicalrag.answer;

import java.util.List;

/** A grounded answer: text whose every claim ends with a [n] marker, the citations behind them, and warnings. */
public record Answer(AnswerStatus status, String text, List<Citation> citations, List<AnswerWarning> warnings,
                     String answerer, Confidence confidence) {

    /**
     * The evidence signals behind the decision to answer or abstain: the share of the question's (IDF-weighted)
     * terms found in the best passage and its document context, and that passage's cosine similarity.
     */
    /** This answer with one more warning (stages after the answerer add theirs). */
    public Answer withWarning(AnswerWarning warning) {
        List<AnswerWarning> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new Answer(status, text, citations, all, answerer, confidence);
    }

    public record Confidence(double coverage, double similarity, String abstentionReason) {

        public Confidence because(String reason) {
            return new Confidence(coverage, similarity, reason);
        }
    }

    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }
}
