package org.clinicalrag.eval.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The three BEIR measures computed as trec_eval 9 (and so pytrec_eval, which BEIR uses) computes them, so our
 * numbers sit beside published ones without a Python step:
 * <ul>
 *   <li>the run is re-sorted by score descending, ties broken by document id descending; the rank column of a run
 *       file is ignored, as trec_eval ignores it;</li>
 *   <li>relevant means grade ≥ 1;</li>
 *   <li>{@code ndcg_cut.k}: gain = the grade itself (not 2^grade − 1), discount log2(rank + 1) with rank from 1,
 *       ideal ranking built from all judgments of the query, cut at k;</li>
 *   <li>{@code recall.k}: relevant documents in the top k over all relevant documents;</li>
 *   <li>{@code recip_rank} cut at k (BEIR's MRR@k): 1 / rank of the first relevant document in the top k.</li>
 * </ul>
 */
public final class TrecEval {

    /** trec_eval's order (score descending, then docno descending by strcmp). */
    public static final Comparator<ScoredDoc> ORDER = Comparator.comparingDouble(ScoredDoc::score).reversed()
            .thenComparing(ScoredDoc::docId, Comparator.reverseOrder());

    private TrecEval() {
    }

    public static List<ScoredDoc> sorted(List<ScoredDoc> run) {
        List<ScoredDoc> out = new ArrayList<>(run);
        out.sort(ORDER);
        return out;
    }

    public static double ndcgCut(List<ScoredDoc> run, Map<String, Integer> judgments, int k) {
        List<ScoredDoc> ranked = sorted(run);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int gain = judgments.getOrDefault(ranked.get(i).docId(), 0);
            if (gain > 0) {
                dcg += gain / log2(i + 2);
            }
        }
        List<Integer> ideal = judgments.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg > 0 ? dcg / idcg : 0;
    }

    public static double recall(List<ScoredDoc> run, Map<String, Integer> judgments, int k) {
        long relevant = judgments.values().stream().filter(g -> g >= 1).count();
        if (relevant == 0) {
            return 0;
        }
        List<ScoredDoc> ranked = sorted(run);
        long found = ranked.subList(0, Math.min(k, ranked.size())).stream()
                .filter(d -> judgments.getOrDefault(d.docId(), 0) >= 1).count();
        return (double) found / relevant;
    }

    public static double recipRank(List<ScoredDoc> run, Map<String, Integer> judgments, int k) {
        List<ScoredDoc> ranked = sorted(run);
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (judgments.getOrDefault(ranked.get(i).docId(), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
