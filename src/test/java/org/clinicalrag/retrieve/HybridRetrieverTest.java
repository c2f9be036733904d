package org.clinicalrag.retrieve;

import org.clinicalrag.ingest.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HybridRetrieverTest {

    private static Hit hit(String id, double score) {
        return new Hit(new Passage(id, "d", "1", 1, null, null, null, id), score, new float[0]);
    }

    @Test
    void reciprocalRankFusionRewardsAgreement() {
        HybridRetriever rrf = new HybridRetriever(null, null, HybridRetriever.Fusion.RRF, 10, 60, 0.5);
        List<Hit> fused = rrf.fuse(List.of(hit("a", 20), hit("b", 10), hit("c", 5)), List.of(hit("b", 0.9), hit("d", 0.8)), 3);
        assertEquals(List.of("b", "a", "d"), fused.stream().map(h -> h.passage().passageId()).toList());
        assertEquals(1.0 / 62 + 1.0 / 61, fused.getFirst().score(), 1e-12);
    }

    @Test
    void minMaxFusionIgnoresScoreScale() {
        HybridRetriever minmax = new HybridRetriever(null, null, HybridRetriever.Fusion.MINMAX, 10, 60, 0.5);
        // BM25 in the hundreds, cosine below 1: after rescaling each list contributes on [0, 0.5]
        List<Hit> fused = minmax.fuse(List.of(hit("a", 300), hit("b", 100)), List.of(hit("b", 0.9), hit("a", 0.3)), 2);
        assertEquals(0.5, fused.get(0).score(), 1e-9);
        assertEquals(0.5, fused.get(1).score(), 1e-9);
    }

    @Test
    void zScoreFusionStandardisesEachListAndCountsAMissingPassageAsAverage() {
        HybridRetriever z = new HybridRetriever(null, null, HybridRetriever.Fusion.ZSCORE, 10, 60, 0.7);
        // BM25 30, 20, 10: mean 20, spread sqrt(200/3) = 8.165, so z = 1.2247, 0, -1.2247
        // dense 0.9, 0.5: mean 0.7, spread 0.2, so z = 1, -1; "c" is not in the dense list and gets 0 from it
        List<Hit> fused = z.fuse(List.of(hit("a", 30), hit("b", 20), hit("c", 10)), List.of(hit("b", 0.9), hit("a", 0.5)), 3);
        assertEquals(List.of("b", "a", "c"), fused.stream().map(h -> h.passage().passageId()).toList());
        double za = 10 / Math.sqrt(200.0 / 3);
        assertEquals(0.3 * 0 + 0.7 * 1, fused.get(0).score(), 1e-9);
        assertEquals(0.3 * za - 0.7, fused.get(1).score(), 1e-9);
        assertEquals(-0.3 * za, fused.get(2).score(), 1e-9);
    }
}
