package org.clinicalrag.eval.beir;

import org.clinicalrag.eval.metrics.ScoredDoc;
import org.clinicalrag.retrieve.Hit;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.Retriever;
import org.clinicalrag.retrieve.SearchFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs every query through every retriever and records the ranked documents and the time each took. A query is
 * embedded once; the embedding time is added to the latency of each retriever that needs the vector, so latencies
 * are what a caller of the server would wait for.
 */
public final class BeirBenchmark {

    /** A retriever under test; {@code usesVector} when it needs the query embedding. */
    public record Candidate(String name, Retriever retriever, boolean usesVector) {
    }

    /** One retriever's run (query id → documents, best first) and per-query latencies in milliseconds. */
    public record Outcome(String name, Map<String, List<ScoredDoc>> run, List<Double> latenciesMs) {
    }

    private final Function<String, float[]> embed;
    private final Consumer<String> progress;

    public BeirBenchmark(Function<String, float[]> embed, Consumer<String> progress) {
        this.embed = embed;
        this.progress = progress;
    }

    public List<Outcome> run(Map<String, String> queries, List<Candidate> candidates, int depth) {
        List<Map<String, List<ScoredDoc>>> runs = new ArrayList<>();
        List<List<Double>> latencies = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            runs.add(new LinkedHashMap<>());
            latencies.add(new ArrayList<>());
        }
        int done = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            Question question = new Question(query.getValue(), embed);
            long t0 = System.nanoTime();
            question.vector();
            double embedMs = (System.nanoTime() - t0) / 1e6;
            for (int c = 0; c < candidates.size(); c++) {
                Candidate candidate = candidates.get(c);
                long t = System.nanoTime();
                List<Hit> hits = candidate.retriever().retrieve(question, SearchFilter.CLINICIAN_CURRENT, depth);
                double ms = (System.nanoTime() - t) / 1e6 + (candidate.usesVector() ? embedMs : 0);
                runs.get(c).put(query.getKey(), documents(hits));
                latencies.get(c).add(ms);
            }
            done++;
            if (done % 25 == 0 || done == queries.size()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "queries %d/%d (%.0f s left)", done, queries.size(),
                        (queries.size() - done) * seconds / done));
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            out.add(new Outcome(candidates.get(c).name(), runs.get(c), latencies.get(c)));
        }
        return out;
    }

    /** Passages to documents: a document ranks where its best passage ranks (BEIR judges documents). */
    static List<ScoredDoc> documents(List<Hit> hits) {
        Set<String> seen = new LinkedHashSet<>();
        List<ScoredDoc> out = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            if (seen.add(hit.passage().documentId())) {
                out.add(new ScoredDoc(hit.passage().documentId(), hit.score()));
            }
        }
        return out;
    }
}
