package org.clinicalrag.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * A grounded answer: text whose every claim ends with a [n] marker, the citations behind them, and warnings.
 * {@code verification} is set when a model wrote the answer: how many of its sentences were checked and removed.
 */
public record Answer(AnswerStatus status, String text, List<Citation> citations, List<AnswerWarning> warnings,
                     String answerer, Confidence confidence, Verification verification) {

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

    /** Sentences of a model's reply that were checked against their cited passages, and how many failed. */
    public record Verification(int sentences, int removed, int unverifiedKept) {
    }

    public Answer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    public Answer(AnswerStatus status, String text, List<Citation> citations, List<AnswerWarning> warnings,
                  String answerer, Confidence confidence) {
        this(status, text, citations, warnings, answerer, confidence, null);
    }

    /** The same answer with one more warning in front (the reason a fallback answered) and the verification tally. */
    public Answer withLeadingWarning(AnswerWarning warning, Verification tally) {
        List<AnswerWarning> all = new ArrayList<>();
        all.add(warning);
        all.addAll(warnings);
        return new Answer(status, text, citations, all, answerer, confidence, tally);
    }
}
