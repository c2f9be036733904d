package org.clinicalrag.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a whole run against judgments: nDCG@10, Recall@100 and MRR@10 per query and their means. Every judged
 * query is scored, as trec_eval 10 does (checked against its binary): one whose judgments are all grade 0 scores 0
 * rather than being dropped, and one the run has no results for scores 0 too (trec_eval {@code -c}), so a
 * retriever cannot look better by returning nothing.
 */
public final class Evaluation {

    public record QueryScores(String queryId, double ndcg10, double recall100, double mrr10) {
    }

    public record Summary(int queries, double ndcg10, double recall100, double mrr10, List<QueryScores> perQuery) {
    }

    private Evaluation() {
    }

    public static Summary score(Map<String, List<ScoredDoc>> run, Qrels qrels) {
        List<QueryScores> per = new ArrayList<>();
        double ndcg = 0, recall = 0, rr = 0;
        for (String q : qrels.judgments().keySet()) {
            List<ScoredDoc> docs = run.getOrDefault(q, List.of());
            Map<String, Integer> judged = qrels.of(q);
            QueryScores s = new QueryScores(q, TrecEval.ndcgCut(docs, judged, 10), TrecEval.recall(docs, judged, 100),
                    TrecEval.recipRank(docs, judged, 10));
            per.add(s);
            ndcg += s.ndcg10();
            recall += s.recall100();
            rr += s.mrr10();
        }
        int n = per.size();
        return n == 0 ? new Summary(0, Double.NaN, Double.NaN, Double.NaN, per)
                : new Summary(n, ndcg / n, recall / n, rr / n, per);
    }
}
