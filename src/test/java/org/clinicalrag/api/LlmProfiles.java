package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.clinicalrag.fake.FakeLlmResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** Test profiles: the server in front of a fake OpenAI-compatible endpoint, a fake Ollama, or an endpoint that is down. */
final class LlmProfiles {

    private LlmProfiles() {
    }

    /** A 1 s answer timeout and a breaker that opens after 4 calls, so the failure tests stay short. */
    public static class OpenAi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rag.llm.timeout", "1s", "rag.llm.breaker-window", "4", "rag.llm.breaker-delay", "60s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeLlmResource.class, Map.of("provider", "openai")));
        }
    }

    /**
     * As {@link OpenAi}, with the application's own loggers at DEBUG, so that a test of what reaches the logs also
     * sees what only a debugging operator would.
     */
    public static class OpenAiDebugLog extends OpenAi {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.log.category.\"org.clinicalrag\".level", "DEBUG");
            return overrides;
        }
    }

    public static class Ollama implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeLlmResource.class, Map.of("provider", "ollama")));
        }
    }

    /** Nothing listens at the endpoint; all timeouts keep their defaults, as a new user's would. */
    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rag.llm.provider", "openai", "rag.llm.base-url", "http://127.0.0.1:" + freePort() + "/v1",
                    "rag.llm.model", "m");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
