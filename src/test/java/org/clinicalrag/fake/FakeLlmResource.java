package org.clinicalrag.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link FakeOpenAiServer} before the application and points {@code rag.llm.*} at it; the {@code provider}
 * argument picks the protocol (openai or ollama). Tests get the running fake injected into a field of its type.
 */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    private FakeOpenAiServer server;
    private String provider = "openai";

    @Override
    public void init(Map<String, String> initArgs) {
        provider = initArgs.getOrDefault("provider", provider);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ollama = provider.equals("ollama");
        return Map.of("rag.llm.provider", provider,
                "rag.llm.base-url", ollama ? server.ollamaBaseUrl() : server.openAiBaseUrl(),
                "rag.llm.model", ollama ? "llama3" : "m",
                "rag.llm.api-key", "test-key");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(FakeOpenAiServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
