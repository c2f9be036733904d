package org.clinicalrag.eval;

import java.util.List;

/** What the evaluation talks to: a running server over HTTP (or, later, the pipeline in process). */
public interface EvalTarget {

    record CitedSource(int n, String sourceFile, String section, Integer page, String quote) {
    }

    /**
     * {@code sentences}/{@code removed}: the server's verification tally when a model wrote (or tried to write) the
     * answer, else null.
     */
    record AskOutcome(int httpStatus, String status, String answer, List<CitedSource> citations, double latencyMs,
                      Double coverage, Double similarity, String abstentionReason, String answerer,
                      List<String> warnings, Integer sentences, Integer removed) {
    }

    record SearchOutcome(int httpStatus, List<CitedSource> hits, double latencyMs) {
    }

    AskOutcome ask(EvalItem item);

    SearchOutcome search(EvalItem item, String retriever, int topK);
}
