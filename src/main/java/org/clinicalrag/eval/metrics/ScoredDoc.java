package org.clinicalrag.eval.metrics;

/** One line of a run: a document and the score the system gave it for a query. */
public record ScoredDoc(String docId, double score) {
}
