package org.clinicalrag.eval.beir;

import org.clinicalrag.eval.metrics.Evaluation;

import java.util.List;
import java.util.Map;

/** Everything one BEIR run measured, as written to {@code eval/reports/<name>.json} and rendered to HTML. */
public record BeirReport(String name, String set, String split, String ranAt, int documents, int queries, int depth,
                         Map<String, String> settings, Indexing indexing, List<RetrieverResult> retrievers,
                         List<Baseline> baselines) {

    /** How the index was obtained; {@code reused} when an index of the same corpus was already built. */
    public record Indexing(boolean reused, int documents, double embedSeconds, double writeSeconds, double docsPerSecond) {
    }

    public record RetrieverResult(String name, double ndcg10, double recall100, double mrr10, double p50Ms, double p99Ms,
                                  List<Double> latenciesMs, List<Evaluation.QueryScores> perQuery) {
    }
}
