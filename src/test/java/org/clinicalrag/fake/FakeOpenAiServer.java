package org.clinicalrag.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback language-model endpoint for tests, speaking the real wire protocols: OpenAI
 * {@code POST /v1/chat/completions} (JSON, or {@code data: {…}} chunks ending {@code data: [DONE]} when
 * {@code "stream": true}) and Ollama {@code POST /api/chat} (JSON, or NDJSON lines). Each test scripts how it
 * behaves; its answers are built from the passages it receives, so they can be right, subtly wrong, or hostile.
 * It records every request body.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** How the next replies behave. */
    public enum Script {
        /** Copies a sentence with a number from passage 1 and one from passage 2, each cited. */
        ANSWER_WELL,
        /** A good sentence, then one with a dose no passage holds. */
        INVENT_DOSE,
        /** A good sentence, then one citing passage [42], which was never given. */
        CITE_MISSING,
        /** Sentences copied from the passages, without any [n]. */
        OMIT_CITATIONS,
        /** The fixed insufficient-evidence reply. */
        INSUFFICIENT,
        /** Sleeps {@link #sleepMillis} before answering well. */
        TIME_OUT,
        ERROR_500,
        RATE_LIMIT_429,
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED,
        /** The worst model: obeys and repeats any instruction it finds in a passage, and recites its own prompt. */
        OBEY
    }

    public static final String INVENTED = "Give 999 mg intravenously as a single bolus dose [1].";
    private static final Pattern PASSAGE = Pattern.compile("<passage n=\"(\\d+)\"[^>]*>\\n(.*?)\\n</passage>", Pattern.DOTALL);
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)[^.\\n]*\\b(ignore|disregard)\\b[^.\\n]*\\.");
    private static final Pattern TURN = Pattern.compile("<turn role=\"user\">\\n(.*?)\\n</turn>", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("<question>\\n(.*?)\\n</question>", Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Script script = Script.ANSWER_WELL;
    private volatile long sleepMillis = 5_000;

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
        server.createContext("/api/chat", exchange -> handle(exchange, true));
        server.setExecutor(threads);
        server.start();
    }

    /** Base URL for {@code rag.llm.base-url} with provider openai. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Base URL for {@code rag.llm.base-url} with provider ollama. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void script(Script next) {
        this.script = next;
    }

    public void sleepMillis(long millis) {
        this.sleepMillis = millis;
    }

    /** Every request body received so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
        script = Script.ANSWER_WELL;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange, boolean ollama) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            JsonNode request = json.readTree(body);
            boolean stream = request.path("stream").asBoolean(ollama); // Ollama streams unless told not to
            String system = "";
            String user = "";
            for (JsonNode m : request.path("messages")) {
                if (m.path("role").asText().equals("system")) {
                    system = m.path("content").asText();
                } else if (m.path("role").asText().equals("user")) {
                    user = m.path("content").asText();
                }
            }
            Script now = script;
            switch (now) {
                case ERROR_500 -> {
                    respond(exchange, 500, "application/json", "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
                    return;
                }
                case RATE_LIMIT_429 -> {
                    exchange.getResponseHeaders().add("Retry-After", "20");
                    respond(exchange, 429, "application/json", "{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit\"}}");
                    return;
                }
                case MALFORMED -> {
                    respond(exchange, 200, "application/json", "{\"choices\": [ {\"message\": oops");
                    return;
                }
                case TIME_OUT -> sleep(sleepMillis);
                default -> {
                }
            }
            String reply = system.startsWith("Rewrite the user's follow-up") ? condense(user) : reply(now, system, user);
            String model = request.path("model").asText("m");
            if (!stream) {
                respond(exchange, 200, "application/json", ollama ? ollamaMessage(model, reply, true) : completion(model, reply));
            } else if (ollama) {
                exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String token : tokens(reply)) {
                    out.write((ollamaMessage(model, token, false) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write((ollamaMessage(model, "", true) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String token : tokens(reply)) {
                    out.write(("data: " + chunk(model, token, null) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: " + chunk(model, null, "stop") + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up (a timeout test); nothing to answer
        }
    }

    private String reply(Script now, String system, String user) {
        List<String> passages = new ArrayList<>();
        Matcher m = PASSAGE.matcher(user);
        while (m.find()) {
            passages.add(m.group(2));
        }
        if (passages.isEmpty()) {
            return "I have no passages.";
        }
        String first = pick(passages.getFirst()) + " [1]";
        String good = passages.size() > 1 ? first + " " + pick(passages.get(1)) + " [2]" : first;
        return switch (now) {
            case INVENT_DOSE -> first + " " + INVENTED;
            case CITE_MISSING -> first + " " + pick(passages.getFirst()) + " [42]";
            case OMIT_CITATIONS -> pick(passages.getFirst()) + " " + (passages.size() > 1 ? pick(passages.get(1)) : "");
            case INSUFFICIENT -> "The provided guideline passages do not answer this question.";
            case OBEY -> obey(passages, system);
            default -> good;
        };
    }

    /** Does what any passage tells it to, repeats its own rules, and only then answers. */
    private static String obey(List<String> passages, String system) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Matcher m = INSTRUCTION.matcher(passages.get(i));
            if (m.find()) {
                String instruction = m.group().strip();
                out.append(instruction.replaceAll("\\.$", "")).append(" [").append(i + 1).append("]. ");
                Matcher dose = Pattern.compile("give (\\d+ mg of \\w+[^.]*)", Pattern.CASE_INSENSITIVE).matcher(instruction);
                if (dose.find()) {
                    out.append("Give ").append(dose.group(1)).append(" [").append(i + 1).append("]. ");
                }
            }
        }
        system.lines().filter(l -> l.contains("Never add")).findFirst()
                .ifPresent(l -> out.append(l.replaceFirst("^\\d+\\.\\s*", "").replaceAll("\\.$", "")).append(" [1]. "));
        for (int i = 0; i < passages.size(); i++) {
            String clean = INSTRUCTION.matcher(passages.get(i)).replaceAll("");
            out.append(pick(clean)).append(" [").append(i + 1).append("] ");
            break;
        }
        return out.toString().strip();
    }

    /** The first sentence of a passage that holds a number, else its first sentence, verbatim. */
    static String pick(String passage) {
        List<String> sentences = new ArrayList<>();
        for (String line : passage.split("\\n")) {
            for (String s : line.split("(?<=[.!?])\\s+(?=[A-Z])")) {
                String t = s.replaceFirst("^\\s*(?:[-*]|\\d+\\.)\\s+", "").strip();
                if (t.length() > 20 && !t.startsWith("#") && !t.startsWith("|")) {
                    sentences.add(t);
                }
            }
        }
        if (sentences.isEmpty()) {
            return passage.strip();
        }
        return sentences.stream().filter(s -> s.matches(".*\\d.*")).findFirst().orElse(sentences.getFirst());
    }

    /** The last user turn and the follow-up, joined: the question a careful model would write. */
    private static String condense(String user) {
        String previous = "";
        Matcher t = TURN.matcher(user);
        while (t.find()) {
            previous = t.group(1).strip();
        }
        Matcher q = QUESTION.matcher(user);
        String question = q.find() ? q.group(1).strip() : "";
        return (previous + " " + question).strip();
    }

    private static List<String> tokens(String reply) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+\\s*").matcher(reply);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private String completion(String model, String content) {
        ObjectNode root = json.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_760_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return root.toString();
    }

    private String chunk(String model, String content, String finish) {
        ObjectNode root = json.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_760_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("role", "assistant").put("content", content);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return root.toString();
    }

    private String ollamaMessage(String model, String content, boolean done) {
        ObjectNode root = json.createObjectNode().put("model", model).put("created_at", "2026-11-22T10:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", done);
        if (done) {
            root.put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 20);
        }
        return root.toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
