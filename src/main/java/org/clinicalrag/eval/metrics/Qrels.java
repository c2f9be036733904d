package org.clinicalrag.eval.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Relevance judgments: query id → document id → grade (0 = judged not relevant). */
public record Qrels(Map<String, Map<String, Integer>> judgments) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgments.forEach((q, docs) -> copy.put(q, Map.copyOf(docs)));
        judgments = java.util.Collections.unmodifiableMap(copy);
    }

    /** BEIR's {@code qrels/*.tsv}: query-id, corpus-id, score, tab-separated, after one header line. */
    public static Qrels readTsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cols = line.strip().split("\t");
            if (cols.length < 3 || !cols[2].strip().matches("-?\\d+")) {
                continue; // the header, or a blank line
            }
            out.computeIfAbsent(cols[0].strip(), q -> new LinkedHashMap<>()).put(cols[1].strip(), Integer.parseInt(cols[2].strip()));
        }
        return new Qrels(out);
    }

    /** Only the judgments of these queries (a run over a subset is scored over that subset). */
    public Qrels restrictTo(java.util.Collection<String> queryIds) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String q : queryIds) {
            if (judgments.containsKey(q)) {
                out.put(q, judgments.get(q));
            }
        }
        return new Qrels(out);
    }

    public boolean judged(String queryId) {
        return judgments.containsKey(queryId);
    }

    public Map<String, Integer> of(String queryId) {
        return judgments.getOrDefault(queryId, Map.of());
    }

    /** Documents with grade ≥ 1, trec_eval's default relevance level. */
    public long relevantCount(String queryId) {
        return of(queryId).values().stream().filter(g -> g >= 1).count();
    }
}
