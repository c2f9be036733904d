package org.clinicalrag.eval.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-worked examples; each expected value is derived in the comment above it. */
class TrecEvalTest {

    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    private static ScoredDoc d(String id, double score) {
        return new ScoredDoc(id, score);
    }

    // Judged: d1 grade 1, d2 grade 2, d5 grade 1 (never retrieved). Run: d3 .9, d1 .8, d2 .7, d4 .6.
    private static final Map<String, Integer> QRELS = Map.of("d1", 1, "d2", 2, "d5", 1);
    private static final List<ScoredDoc> RUN = List.of(d("d3", .9), d("d1", .8), d("d2", .7), d("d4", .6));

    @Test
    void ndcgUsesTheGradeAsGainAndTheIdealFromAllJudgments() {
        // DCG  = d1 at rank 2: 1/log2(3) + d2 at rank 3: 2/log2(4) = 0.6309297 + 1      = 1.6309297
        // IDCG = grades sorted 2,1,1: 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.6309297 + 0.5 = 3.1309297
        // nDCG@10 = 1.6309297 / 3.1309297 = 0.5209091
        assertEquals((1 / LOG2_3 + 1) / (2 + 1 / LOG2_3 + 0.5), TrecEval.ndcgCut(RUN, QRELS, 10), EPS);
        assertEquals(0.5209090851403014, TrecEval.ndcgCut(RUN, QRELS, 10), 1e-12);
    }

    @Test
    void ndcgGainIsLinearNotExponential() {
        // a (grade 1) at rank 1, b (grade 3) at rank 2: DCG = 1 + 3/log2(3) = 2.8927893
        // ideal b, a: IDCG = 3 + 1/log2(3) = 3.6309298; nDCG = 0.7967076 (with 2^g - 1 gains it would be 0.7098)
        Map<String, Integer> graded = Map.of("a", 1, "b", 3);
        assertEquals(0.7967075809905066, TrecEval.ndcgCut(List.of(d("a", 2), d("b", 1)), graded, 10), EPS);
    }

    @Test
    void ndcgCutsAtK() {
        // Cut at 2: DCG = 1/log2(3) (d1 only); IDCG = 2 + 1/log2(3) (two best grades 2, 1) = 2.6309297
        assertEquals((1 / LOG2_3) / (2 + 1 / LOG2_3), TrecEval.ndcgCut(RUN, QRELS, 2), EPS);
    }

    @Test
    void recallCountsRelevantInTheTopKOverAllRelevant() {
        // 3 relevant (d1, d2, d5); top 100 holds d1 and d2 -> 2/3; top 2 holds d1 only -> 1/3
        assertEquals(2.0 / 3, TrecEval.recall(RUN, QRELS, 100), EPS);
        assertEquals(1.0 / 3, TrecEval.recall(RUN, QRELS, 2), EPS);
        // grade 0 is judged but not relevant: nothing to find, trec_eval reports 0
        assertEquals(0, TrecEval.recall(RUN, Map.of("d1", 0), 100), EPS);
    }

    @Test
    void reciprocalRankOfTheFirstRelevantWithinTheCutoff() {
        // first relevant is d1 at rank 2 -> 1/2
        assertEquals(0.5, TrecEval.recipRank(RUN, QRELS, 10), EPS);
        // cut at 1: d3 is not relevant -> 0
        assertEquals(0, TrecEval.recipRank(RUN, QRELS, 1), EPS);
    }

    @Test
    void aRelevantDocumentAtRankElevenCountsForRecallOnly() {
        // ten non-relevant documents scoring 20..11, then r scoring 10: rank 11
        List<ScoredDoc> run = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            run.add(d("n" + i, 20 - i));
        }
        run.add(d("r", 10));
        Map<String, Integer> qrels = Map.of("r", 1);
        assertEquals(0, TrecEval.ndcgCut(run, qrels, 10), EPS);
        assertEquals(0, TrecEval.recipRank(run, qrels, 10), EPS);
        assertEquals(1, TrecEval.recall(run, qrels, 100), EPS);
    }

    @Test
    void ranksByScoreThenDocIdDescendingIgnoringTheInputOrder() {
        // Equal scores: trec_eval puts "b" before "a" (docno descending), whatever order the run lists them in.
        // Relevant "a" is therefore at rank 2: RR = 1/2, nDCG = (1/log2(3)) / 1 = 0.6309298
        Map<String, Integer> qrels = Map.of("a", 1);
        List<ScoredDoc> tied = List.of(d("a", 1.0), d("b", 1.0));
        assertEquals(0.5, TrecEval.recipRank(tied, qrels, 10), EPS);
        assertEquals(1 / LOG2_3, TrecEval.ndcgCut(tied, qrels, 10), EPS);
        // A higher score wins over the id: "a" first
        assertEquals(1, TrecEval.recipRank(List.of(d("b", 1.0), d("a", 1.5)), qrels, 10), EPS);
        // docno order is strcmp order, not numeric: "9" > "10"
        assertEquals(List.of("9", "10"), TrecEval.sorted(List.of(d("10", 0), d("9", 0))).stream().map(ScoredDoc::docId).toList());
    }

    @Test
    void meansCountEveryJudgedQueryAsTrecEvalDoes() {
        // trec_eval 10 with -m ndcg_cut.10 -m recall.100 -m recip_rank -c on these files prints the same means.
        // q1: RUN against QRELS -> nDCG 0.5209091, R@100 2/3, RR 1/2
        // q2: judged relevant but nothing retrieved -> 0, 0, 0
        // q3: only a grade-0 judgment -> 0, 0, 0 (trec_eval scores it; it is not dropped)
        // q4: tie a/b at 1.0, a relevant -> b ranks first: RR 1/2, nDCG 1/log2(3), R@100 1
        // means over 4: nDCG (0.5209091 + 0.6309298) / 4 = 0.2879597, R@100 (2/3 + 1) / 4 = 0.4166667, RR 1/4
        Qrels qrels = new Qrels(Map.of("q1", QRELS, "q2", Map.of("x", 1), "q3", Map.of("d3", 0), "q4", Map.of("a", 1)));
        Evaluation.Summary s = Evaluation.score(Map.of("q1", RUN, "q3", RUN, "q4", List.of(d("a", 1), d("b", 1))), qrels);
        assertEquals(4, s.queries());
        assertEquals((0.5209090851403014 + 1 / LOG2_3) / 4, s.ndcg10(), EPS);
        assertEquals((2.0 / 3 + 1) / 4, s.recall100(), EPS);
        assertEquals(0.25, s.mrr10(), EPS);
    }
}
