package org.clinicalrag.answer;

import org.clinicalrag.config.RagConfig;
import org.clinicalrag.fake.FakeOpenAiServer;
import org.clinicalrag.fake.FakeOpenAiServer.Script;
import org.clinicalrag.retrieve.Evidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generative answerer with the real LangChain4j clients and guard, against the loopback fake, without the server. */
class GenerativeAnswererTest {

    record Llm(String provider, Optional<String> baseUrl, String unverified, Duration timeout) implements RagConfig.Llm {
        public Optional<String> model() {
            return Optional.of("m");
        }

        public Optional<String> apiKey() {
            return Optional.of("test-key");
        }

        public Duration connectTimeout() {
            return Duration.ofMillis(500);
        }

        public int maxTokens() {
            return 256;
        }

        public double temperature() {
            return 0;
        }

        public int passages() {
            return 5;
        }

        public int breakerWindow() {
            return 1000; // these tests fail on purpose; the breaker has its own test in the server tests
        }

        public Duration breakerDelay() {
            return Duration.ofSeconds(1);
        }
    }

    static FakeOpenAiServer fake;
    static final Answer EXTRACTIVE = new Answer(AnswerStatus.ANSWERED, "Quoted sentence. [1]", List.of(), List.of(), "extractive", null);
    final List<Evidence> evidence = List.of(CitationVerifierTest.evidence("hk", CitationVerifierTest.HYPERKALAEMIA),
            CitationVerifierTest.evidence("doac", CitationVerifierTest.APIXABAN));

    @BeforeAll
    static void start() throws IOException {
        fake = new FakeOpenAiServer();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    private GenerativeAnswerer answerer(String unverified, Duration timeout) {
        ChatEndpoint model = ChatEndpoint.from(new Llm("openai", Optional.of(fake.openAiBaseUrl()), unverified, timeout),
                "test-" + UUID.randomUUID()).orElseThrow();
        return new GenerativeAnswerer(model, (q, e) -> EXTRACTIVE, (q, e) -> java.util.Optional.empty(), new CitationVerifier(), 5, unverified.equals("warn"), Clock.systemUTC());
    }

    @Test
    void warnModeKeepsAFailingSentenceWithoutACitation() {
        fake.script(Script.INVENT_DOSE);
        Answer a = answerer("warn", Duration.ofSeconds(5)).answer("question", evidence);
        assertTrue(a.text().contains("999 mg"), a.text());
        assertFalse(a.text().substring(a.text().indexOf("999")).contains("["), "the unverified sentence carries no marker: " + a.text());
        assertTrue(a.warnings().stream().anyMatch(w -> w.code().equals(AnswerWarning.UNVERIFIED_CLAIM)));
        assertEquals(new Answer.Verification(2, 0, 1), a.verification());
        assertTrue(a.citations().stream().noneMatch(c -> c.quote().contains("999")));
    }

    @Test
    void streamingTellsTokensAndReturnsTheVerifiedAnswer() {
        fake.script(Script.INVENT_DOSE);
        List<String> deltas = new ArrayList<>();
        List<Evidence> heard = new ArrayList<>();
        Answer a = answerer("remove", Duration.ofSeconds(5)).answer("question", evidence, new AnswerListener() {
            public void passages(List<Evidence> numbered) {
                heard.addAll(numbered);
            }

            public void delta(String text) {
                deltas.add(text);
            }
        });
        assertEquals(evidence, heard);
        assertTrue(deltas.size() > 3);
        assertTrue(String.join("", deltas).contains("999 mg"), "deltas are the raw model text");
        assertFalse(a.text().contains("999"), a.text());
        assertEquals(new Answer.Verification(2, 1, 0), a.verification());
        assertTrue(fake.requests().getFirst().matches("(?s).*\"stream\"\\s*:\\s*true.*"), fake.requests().getFirst());
    }

    @Test
    void aHangingEndpointFallsBackWithinTheTimeout() {
        fake.script(Script.TIME_OUT);
        fake.sleepMillis(5_000);
        Answer a = answerer("remove", Duration.ofMillis(700)).answer("question", evidence);
        assertEquals("extractive", a.answerer());
        assertEquals(AnswerWarning.LLM_UNAVAILABLE, a.warnings().getFirst().code());
    }

    @Test
    void aHangingStreamFallsBackWithinTheTimeout() {
        fake.script(Script.TIME_OUT);
        fake.sleepMillis(5_000);
        Answer a = answerer("remove", Duration.ofMillis(700)).answer("question", evidence, new AnswerListener() {
            public void passages(List<Evidence> numbered) {
            }

            public void delta(String text) {
            }
        });
        assertEquals(AnswerWarning.LLM_UNAVAILABLE, a.warnings().getFirst().code());
    }

    @Test
    void everyKindOfEndpointFailureFallsBack() {
        for (Script failure : List.of(Script.ERROR_500, Script.RATE_LIMIT_429, Script.MALFORMED)) {
            fake.script(failure);
            Answer a = answerer("remove", Duration.ofSeconds(5)).answer("question", evidence);
            assertEquals(AnswerWarning.LLM_UNAVAILABLE, a.warnings().getFirst().code(), failure.name());
            assertEquals("Quoted sentence. [1]", a.text());
        }
        assertEquals(3, fake.requests().size(), "no retries");
    }
}
