package org.clinicalrag.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses BM25 and dense results. Reciprocal-rank fusion ignores the two incomparable score scales; min-max fusion
 * rescales each list to [0, 1] first and takes a weighted sum (Anserini's "normalize"); z-score fusion standardises
 * each list by its mean and spread, so that one outlying top score does not squash the rest of its list. Raw
 * scores are never added: BM25's scale would drown the cosine.
 */
public class HybridRetriever implements Retriever {

    public enum Fusion { RRF, MINMAX, ZSCORE }

    private final Retriever lexical;
    private final Retriever dense;
    private final Fusion fusion;
    private final int candidates;
    private final int rrfK;
    private final double denseWeight;

    public HybridRetriever(Retriever lexical, Retriever dense, Fusion fusion, int candidates, int rrfK, double denseWeight) {
        this.lexical = lexical;
        this.dense = dense;
        this.fusion = fusion;
        this.candidates = candidates;
        this.rrfK = rrfK;
        this.denseWeight = denseWeight;
    }

    @Override
    public List<Hit> retrieve(Question question, SearchFilter filter, int k) {
        int depth = Math.max(k, candidates);
        List<Hit> a = lexical.retrieve(question, filter, depth);
        List<Hit> b = dense.retrieve(question, filter, depth);
        return fuse(a, b, k);
    }

    List<Hit> fuse(List<Hit> lexicalHits, List<Hit> denseHits, int k) {
        Map<String, Hit> byId = new LinkedHashMap<>();
        Map<String, Double> fused = new HashMap<>();
        contribute(lexicalHits, 1 - denseWeight, byId, fused);
        contribute(denseHits, denseWeight, byId, fused);
        List<Hit> out = new ArrayList<>(byId.size());
        byId.forEach((id, hit) -> out.add(hit.withScore(fused.get(id))));
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.passage().passageId()));
        return out.size() > k ? out.subList(0, k) : out;
    }

    private void contribute(List<Hit> hits, double weight, Map<String, Hit> byId, Map<String, Double> fused) {
        double max = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        double min = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        double mean = hits.stream().mapToDouble(Hit::score).average().orElse(0);
        double spread = Math.sqrt(hits.stream().mapToDouble(h -> (h.score() - mean) * (h.score() - mean)).average().orElse(0));
        for (int rank = 0; rank < hits.size(); rank++) {
            Hit hit = hits.get(rank);
            double value = switch (fusion) {
                case RRF -> 1.0 / (rrfK + rank + 1);
                case MINMAX -> weight * (max > min ? (hit.score() - min) / (max - min) : 1.0);
                // a passage missing from one list gets 0 from it: the list's average, not its worst
                case ZSCORE -> weight * (spread > 0 ? (hit.score() - mean) / spread : 0);
            };
            byId.putIfAbsent(hit.passage().passageId(), hit);
            fused.merge(hit.passage().passageId(), value, Double::sum);
        }
    }
}
