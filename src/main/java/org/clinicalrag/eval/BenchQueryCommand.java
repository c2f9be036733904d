package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./run bench-query}: latency of /v1/search and /v1/ask on a running server, one request at a time, over
 * the questions of a JSON-lines file (any file whose lines have a "question" field).
 */
@CommandLine.Command(name = "bench-query", mixinStandardHelpOptions = true,
        description = "Measure /v1/search and /v1/ask latency (p50/p99) against a running server.")
public class BenchQueryCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", defaultValue = "eval/clinical.jsonl", description = "Questions (JSON lines).")
    Path questions;

    @CommandLine.Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL.")
    URI url;

    @CommandLine.Option(names = "--requests", defaultValue = "300", description = "Requests per endpoint.")
    int requests;

    @CommandLine.Option(names = "--api-key", defaultValue = "${env:RAG_API_KEY}", description = "Bearer key, if required.")
    String apiKey;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<EvalItem> items = new ArrayList<>();
        for (String line : Files.readAllLines(questions)) {
            if (!line.isBlank()) {
                EvalItem item = json.readValue(line, EvalItem.class);
                items.add(new EvalItem(item.id(), item.question(), null, List.of(), null, null, null, null, null, null, null, null));
            }
        }
        HttpEvalTarget target = new HttpEvalTarget(url, apiKey, null);
        for (int i = 0; i < Math.min(20, items.size()); i++) {
            target.search(items.get(i), "hybrid", 8); // warm-up, not timed
            target.ask(items.get(i));
        }
        List<Double> search = new ArrayList<>();
        List<Double> ask = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < requests; i++) {
            EvalItem item = items.get(i % items.size());
            EvalTarget.SearchOutcome s = target.search(item, "hybrid", 8);
            EvalTarget.AskOutcome a = target.ask(item);
            errors += (s.httpStatus() != 200 ? 1 : 0) + (a.httpStatus() != 200 ? 1 : 0);
            search.add(s.latencyMs());
            ask.add(a.latencyMs());
        }
        // any non-200 (a 429 from the rate limit, a 401) would make the latencies meaningless: they are counted
        System.out.printf(Locale.ROOT, "| endpoint | requests | p50 ms | p99 ms | non-200 |%n|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| /v1/search (hybrid, topK 8) | %d | %.0f | %.0f | %d |%n", requests,
                Percentiles.of(search, 50), Percentiles.of(search, 99), errors);
        System.out.printf(Locale.ROOT, "| /v1/ask (extractive) | %d | %.0f | %.0f | %d |%n", requests,
                Percentiles.of(ask, 50), Percentiles.of(ask, 99), errors);
        return 0;
    }
}
