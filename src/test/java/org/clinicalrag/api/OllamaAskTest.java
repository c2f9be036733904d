package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.clinicalrag.fake.FakeOpenAiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server in front of a loopback endpoint speaking Ollama's /api/chat, through the real LangChain4j client. */
@QuarkusTest
@TestProfile(LlmProfiles.Ollama.class)
class OllamaAskTest {

    FakeOpenAiServer fake;

    @BeforeEach
    void reset() throws InterruptedException {
        ServerUnderTest.awaitReady();
        fake.reset();
    }

    @Test
    void answersAndStreamsThroughOllama() {
        String body = "{\"question\": \"" + GenerativeAskTest.QUESTION + "\"}";
        JsonPath a = given().contentType(ContentType.JSON).body(body).when().post("/v1/ask").then().statusCode(200).extract().jsonPath();
        assertEquals("ollama:llama3", a.getString("answerer"));
        assertEquals("answered", a.getString("status"));
        assertFalse(a.getList("citations").isEmpty());
        assertTrue(fake.requests().getFirst().contains("\"llama3\""));

        fake.script(FakeOpenAiServer.Script.INVENT_DOSE);
        String stream = given().contentType(ContentType.JSON).accept("text/event-stream").body(body)
                .when().post("/v1/ask/stream").then().statusCode(200).extract().asString();
        List<ServerUnderTest.Event> events = ServerUnderTest.events(stream);
        assertTrue(events.size() > 3 && events.get(1).name().equals("delta"), stream);
        JsonPath done = new JsonPath(events.getLast().data());
        assertEquals("ollama:llama3", done.getString("answerer"));
        assertFalse(done.getString("answer").contains("999"));
        assertEquals(1, done.getInt("verification.removed"));
    }
}
