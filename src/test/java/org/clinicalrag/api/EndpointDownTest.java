package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configured model whose endpoint refuses connections, with default timeouts: answers still come, fast. */
@QuarkusTest
@TestProfile(LlmProfiles.Down.class)
class EndpointDownTest {

    @BeforeEach
    void ready() throws InterruptedException {
        ServerUnderTest.awaitReady();
    }

    @Test
    void everyAnswerIsExtractiveWithAWarning() {
        for (int i = 0; i < 8; i++) {
            JsonPath a = given().contentType(ContentType.JSON).body("{\"question\": \"" + GenerativeAskTest.QUESTION + "\"}")
                    .when().post("/v1/ask").then().statusCode(200).extract().jsonPath();
            assertEquals("extractive", a.getString("answerer"));
            assertEquals("llm_unavailable", a.getList("warnings.code").getFirst());
        }
        String stream = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"question\": \"" + GenerativeAskTest.QUESTION + "\"}")
                .when().post("/v1/ask/stream").then().statusCode(200).extract().asString();
        List<ServerUnderTest.Event> events = ServerUnderTest.events(stream);
        assertEquals("done", events.getLast().name());
        assertEquals("llm_unavailable", new JsonPath(events.getLast().data()).getList("warnings.code").getFirst());
    }
}
