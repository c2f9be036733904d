package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a model: generative mode is refused, auto answers extractively, and streaming still works. */
@QuarkusTest
class ExtractiveAskTest {

    static final String QUESTION = "Potassium is 7.1 with peaked T waves on the ECG. How much calcium do I give to protect the heart?";

    @BeforeEach
    void ready() throws InterruptedException {
        ServerUnderTest.awaitReady();
    }

    @Test
    void generativeModeWithoutAModelIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\", \"mode\": \"generative\"}")
                .when().post("/v1/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("rag.llm.provider"));
    }

    @Test
    void autoModeAnswersExtractively() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}")
                .when().post("/v1/ask")
                .then().statusCode(200).body("answerer", equalTo("extractive")).body("verification", nullValue());
    }

    @Test
    void streamsTheExtractiveAnswerAsCitationsOneDeltaAndDone() {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream").body("{\"question\": \"" + QUESTION + "\"}")
                .when().post("/v1/ask/stream")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream")).extract().asString();
        List<ServerUnderTest.Event> events = ServerUnderTest.events(body);
        assertEquals(List.of("citations", "delta", "done"), events.stream().map(ServerUnderTest.Event::name).toList(), body);
        JsonPath done = new JsonPath(events.get(2).data());
        assertEquals("extractive", done.getString("answerer"));
        assertEquals(done.getString("answer"), new JsonPath(events.get(1).data()).getString("text"));
        assertTrue(new JsonPath(events.get(0).data()).getList("passages").size() > 0);
    }

    @Test
    void anInvalidStreamRequestIsAProblemBeforeAnyEvent() {
        given().contentType(ContentType.JSON).body("{\"question\": \"\"}")
                .when().post("/v1/ask/stream")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
