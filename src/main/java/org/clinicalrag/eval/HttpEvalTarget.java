package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a running server through its public API, exactly as a client sees it. */
public class HttpEvalTarget implements EvalTarget {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String apiKey;
    private final String mode;

    /** @param mode sent as the ask request's {@code mode} (auto, extractive or generative); null leaves it out */
    public HttpEvalTarget(URI base, String apiKey, String mode) {
        this.base = base;
        this.apiKey = apiKey;
        this.mode = mode;
    }

    @Override
    public AskOutcome ask(EvalItem item) {
        ObjectNode body = json.createObjectNode().put("question", item.question());
        if (item.audience() != null) {
            body.put("audience", item.audience());
        }
        if (item.history() != null && !item.history().isEmpty()) {
            body.putArray("history").addAll(item.history());
        }
        if (item.filters() != null) {
            body.set("filters", item.filters());
        }
        if (mode != null) {
            body.put("mode", mode);
        }
        Timed r = post("/v1/ask", body);
        List<CitedSource> citations = new ArrayList<>();
        for (JsonNode c : r.body().path("citations")) {
            citations.add(source(c));
        }
        JsonNode confidence = r.body().path("confidence");
        JsonNode verification = r.body().path("verification");
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : r.body().path("warnings")) {
            warnings.add(w.path("code").asText());
        }
        return new AskOutcome(r.status(), r.body().path("status").asText(null), r.body().path("answer").asText(""),
                citations, r.ms(), confidence.has("coverage") ? confidence.path("coverage").asDouble() : null,
                confidence.has("similarity") ? confidence.path("similarity").asDouble() : null,
                confidence.path("abstentionReason").asText(null), r.body().path("answerer").asText(null), warnings,
                verification.has("sentences") ? verification.path("sentences").asInt() : null,
                verification.has("removed") ? verification.path("removed").asInt() : null);
    }

    @Override
    public SearchOutcome search(EvalItem item, String retriever, int topK) {
        ObjectNode body = json.createObjectNode().put("q", item.question()).put("topK", topK).put("retriever", retriever);
        if (item.audience() != null) {
            body.put("audience", item.audience());
        }
        if (item.history() != null && !item.history().isEmpty()) {
            body.putArray("history").addAll(item.history()); // a follow-up is searched as the question it stands for
        }
        if (item.filters() != null) {
            body.set("filters", item.filters());
        }
        Timed r = post("/v1/search", body);
        List<CitedSource> hits = new ArrayList<>();
        for (JsonNode h : r.body().path("results")) {
            hits.add(source(h));
        }
        return new SearchOutcome(r.status(), hits, r.ms());
    }

    private static CitedSource source(JsonNode n) {
        return new CitedSource(n.path("n").asInt(n.path("rank").asInt()), n.path("sourceFile").asText(null),
                n.path("section").asText(null), n.path("page").isNumber() ? n.path("page").asInt() : null,
                n.has("quote") ? n.path("quote").asText() : n.path("text").asText(null));
    }

    private record Timed(int status, JsonNode body, double ms) {
    }

    /** A 429 is the server's per-key budget, not an answer to score: wait as told and ask again, a few times. */
    private static final int MAX_RATE_LIMIT_WAITS = 30;
    private boolean toldAboutRateLimit;

    private void waitOut(HttpResponse<String> response) throws InterruptedException {
        long seconds = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        if (!toldAboutRateLimit) {
            toldAboutRateLimit = true;
            System.err.println("the server rate-limits this key (429): waiting as its Retry-After says; start it with "
                    + "-Drag.auth.requests-per-minute=100000 for a faster run");
        }
        Thread.sleep(Math.max(1, Math.min(seconds, 60)) * 1000);
    }

    private Timed post(String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response;
            double ms;
            int waits = 0;
            while (true) {
                long start = System.nanoTime();
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 429 || waits++ >= MAX_RATE_LIMIT_WAITS) {
                    break;
                }
                waitOut(response);
            }
            JsonNode parsed = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            return new Timed(response.statusCode(), parsed, ms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
