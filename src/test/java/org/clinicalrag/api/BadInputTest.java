package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every bad input gets a 4xx RFC 9457 problem with a useful detail, and the server keeps serving. */
@QuarkusTest
class BadInputTest {

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    /** After every bad request, a good one still works. */
    @AfterEach
    void stillServing() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What is the standard dose of apixaban?"))
                .when().post("/v1/ask").then().statusCode(200);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String detailPart) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", containsString(detailPart))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static ValidatableResponse ask(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/v1/ask").then();
    }

    @Test
    void emptyQuestion() {
        problem(ask("{\"question\": \"   \"}"), 400, "question must not be empty");
        problem(ask("{}"), 400, "question must not be empty");
    }

    @Test
    void oversizedQuestion() {
        problem(ask("{\"question\": \"" + "a".repeat(4001) + "\"}"), 400, "limit is 4000");
    }

    @Test
    void topKOutOfRange() {
        problem(ask("{\"question\": \"apixaban dose\", \"topK\": 0}"), 400, "topK must be between 1 and 50");
        problem(ask("{\"question\": \"apixaban dose\", \"topK\": 51}"), 400, "topK must be between 1 and 50");
        problem(given().get("/v1/search?q=apixaban&topK=500").then(), 400, "topK");
    }

    @Test
    void malformedJson() {
        problem(ask("{\"question\": "), 400, "not valid JSON");
        problem(ask("[1, 2"), 400, "not valid JSON");
    }

    @Test
    void wrongFieldTypes() {
        problem(ask("{\"question\": \"apixaban dose\", \"topK\": \"many\"}"), 400, "topK");
        problem(ask("{\"question\": {\"text\": \"x\"}}"), 400, "question");
        problem(ask("{\"question\": \"apixaban dose\", \"history\": \"none\"}"), 400, "history");
    }

    @Test
    void unknownEnumValues() {
        problem(ask("{\"question\": \"apixaban dose\", \"audience\": \"robot\"}"), 400, "audience");
        problem(ask("{\"question\": \"apixaban dose\", \"mode\": \"creative\"}"), 400, "mode");
        problem(given().get("/v1/search?q=apixaban&retriever=magic").then(), 400, "retriever");
    }

    @Test
    void generativeWithoutAModelIsRefused() {
        problem(ask("{\"question\": \"apixaban dose\", \"mode\": \"generative\"}"), 400, "generative");
    }

    @Test
    void unsupportedUploadFormat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
        problem(given().multiPart("file", "scan.png", png, "image/png").when().post("/v1/documents").then(), 415, "not supported");
    }

    @Test
    void corruptPdf() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage".getBytes(StandardCharsets.US_ASCII);
        problem(given().multiPart("file", "broken.pdf", corrupt, "application/pdf").when().post("/v1/documents").then(), 422, "");
    }

    @Test
    void emptyFile() {
        problem(given().multiPart("file", "empty.txt", new byte[0], "text/plain").when().post("/v1/documents").then(), 422, "empty");
    }

    @Test
    void uploadWithoutFile() {
        problem(given().multiPart("metadata", "{}").when().post("/v1/documents").then(), 400, "file");
    }

    @Test
    void badUploadMetadata() {
        problem(given().multiPart("file", "note.txt", "Some text about dosing.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("metadata", "{not json").when().post("/v1/documents").then(), 400, "metadata");
    }

    @Test
    void unknownDocumentAndPassage() {
        problem(given().get("/v1/documents/no-such-doc").then(), 404, "no-such-doc");
        problem(given().delete("/v1/documents/no-such-doc").then(), 404, "no-such-doc");
        problem(given().get("/v1/documents/hk-prot-01/passages/nope").then(), 404, "nope");
    }

    @Test
    void unknownPathAndWrongMethod() {
        problem(given().get("/v1/nothing-here").then(), 404, "");
        problem(given().get("/v1/ask").then(), 405, "");
    }

    @Test
    void wrongContentType() {
        problem(given().contentType(ContentType.TEXT).body("question?").when().post("/v1/ask").then(), 415, "");
    }
}
