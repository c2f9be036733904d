package org.clinicalrag.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.smallrye.faulttolerance.api.Guard;
import org.clinicalrag.config.RagConfig;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The configured language model, reached through the real LangChain4j clients (OpenAI-compatible or Ollama) and
 * guarded by one SmallRye Fault Tolerance {@link Guard}: a timeout and a circuit breaker shared by answering and
 * condensing. Every failure (timeout, refused connection, HTTP 4xx/5xx, unparseable reply, open breaker) surfaces as
 * {@link Unavailable}, so callers have one thing to fall back on. The clients never retry: a retry doubles the
 * latency of an endpoint that is already failing, and the extractive answer is always there.
 */
public final class ChatEndpoint {

    /** Name of the circuit breaker, for {@code CircuitBreakerMaintenance}. */
    public static final String BREAKER = "rag-llm";

    /** The model did not give a usable reply; the message names the failure's class only (never request text). */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String name;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Duration timeout;
    private final Guard guard;

    ChatEndpoint(String name, ChatModel chat, StreamingChatModel streaming, Duration timeout, int breakerWindow,
                 Duration breakerDelay, String breaker) {
        this.name = name;
        this.chat = chat;
        this.streaming = streaming;
        this.timeout = timeout;
        // The HTTP clients time out by themselves; the guard's timeout is the backstop for a reply that trickles.
        this.guard = Guard.create().withDescription("language model " + name)
                .withTimeout().duration(timeout.toMillis() + 250, ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(breaker).requestVolumeThreshold(Math.max(1, breakerWindow)).failureRatio(0.5)
                .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS).successThreshold(1).done()
                .build();
    }

    /** The endpoint {@code rag.llm.*} describes, or empty when provider is none. */
    public static Optional<ChatEndpoint> from(RagConfig.Llm config) {
        return from(config, BREAKER);
    }

    /** The same with its own circuit breaker name (names are unique per application). */
    static Optional<ChatEndpoint> from(RagConfig.Llm config, String breaker) {
        String provider = config.provider().strip().toLowerCase(Locale.ROOT);
        if (provider.equals("none") || provider.isEmpty()) {
            return Optional.empty();
        }
        String model = config.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "rag.llm.model is required when rag.llm.provider is " + provider));
        if (!config.unverified().equalsIgnoreCase("remove") && !config.unverified().equalsIgnoreCase("warn")) {
            throw new IllegalArgumentException("rag.llm.unverified must be remove or warn, not '" + config.unverified() + "'");
        }
        Double temperature = config.temperature();
        Integer maxTokens = config.maxTokens();
        return Optional.of(switch (provider) {
            case "openai" -> {
                String url = config.baseUrl().orElse("https://api.openai.com/v1");
                String key = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
                yield new ChatEndpoint("openai:" + model,
                        OpenAiChatModel.builder().httpClientBuilder(http(config)).baseUrl(url).apiKey(key).modelName(model)
                                .temperature(temperature).maxTokens(maxTokens).maxRetries(0).build(),
                        OpenAiStreamingChatModel.builder().httpClientBuilder(http(config)).baseUrl(url).apiKey(key)
                                .modelName(model).temperature(temperature).maxTokens(maxTokens).build(),
                        config.timeout(), config.breakerWindow(), config.breakerDelay(), breaker);
            }
            case "ollama" -> {
                String url = config.baseUrl().orElse("http://127.0.0.1:11434");
                yield new ChatEndpoint("ollama:" + model,
                        OllamaChatModel.builder().maxRetries(0).httpClientBuilder(http(config)).baseUrl(url).modelName(model)
                                .temperature(temperature).numPredict(maxTokens).build(),
                        OllamaStreamingChatModel.builder().httpClientBuilder(http(config)).baseUrl(url).modelName(model)
                                .temperature(temperature).numPredict(maxTokens).build(),
                        config.timeout(), config.breakerWindow(), config.breakerDelay(), breaker);
            }
            default -> throw new IllegalArgumentException("rag.llm.provider must be none, openai or ollama, not '" + provider + "'");
        });
    }

    /** A short connect timeout (an endpoint that is down costs little) and the answer timeout for reading. */
    private static JdkHttpClientBuilder http(RagConfig.Llm config) {
        // HTTP/1.1: llama.cpp, vLLM and Ollama speak it, and an h2c upgrade attempt only costs a round trip.
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(config.connectTimeout()).readTimeout(config.timeout());
    }

    /** {@code provider:model}, as the response's {@code answerer} names it. */
    public String name() {
        return name;
    }

    /** The model's whole reply to one system and one user message. */
    public String chat(String system, String user) throws Unavailable {
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
        return guarded(() -> chat.chat(request).aiMessage().text());
    }

    /** The same, streamed: {@code tokens} hears each piece as it arrives, and never after this method returns. */
    public String stream(String system, String user, Consumer<String> tokens) throws Unavailable {
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
        AtomicBoolean open = new AtomicBoolean(true);
        try {
            return guarded(() -> {
                CompletableFuture<String> done = new CompletableFuture<>();
                streaming.chat(request, new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        if (!open.get()) {
                            context.streamingHandle().cancel();
                        } else if (partial.text() != null && !partial.text().isEmpty()) {
                            tokens.accept(partial.text());
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response.aiMessage() == null ? null : response.aiMessage().text());
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
                try {
                    return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            });
        } finally {
            open.set(false);
        }
    }

    private interface Call {
        String run() throws Exception;
    }

    private String guarded(Call call) throws Unavailable {
        String reply;
        try {
            reply = guard.call(call::run, String.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } catch (TimeoutException | org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
            throw new Unavailable("timed out after " + timeout.toMillis() + " ms", e);
        } catch (Exception e) {
            throw new Unavailable(e.getClass().getSimpleName(), e);
        }
        if (reply == null || reply.isBlank()) {
            throw new Unavailable("empty reply", null);
        }
        return reply;
    }
}
