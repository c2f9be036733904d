package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload without metadata, identical re-upload, a new version superseding the old, delete. */
@QuarkusTest
class DocumentLifecycleTest {

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    private static String protocol(String version, String date, String dose) {
        return """
                Gentamicin Once-Daily Dosing Protocol

                Illustrative test document.
                Version %s
                Effective date: %s

                1. Scope
                Adults receiving once-daily gentamicin for serious Gram-negative infection.

                2. Initial Dose
                Give gentamicin %s IV once daily, using ideal body weight when the patient is obese.

                3. Monitoring
                Take a trough level 18 to 24 hours after the first dose.
                """.formatted(version, date, dose);
    }

    private static JsonPath upload(String fileName, String text, int expectedStatus) {
        return given().multiPart("file", fileName, text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/v1/documents")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void uploadVersionsAndDelete() {
        JsonPath v1 = upload("gentamicin-protocol-v1.txt", protocol("1.0", "2024-01-01", "7 mg/kg"), 201);
        assertEquals("created", v1.getString("status"));
        String id = v1.getString("document.documentId");
        assertEquals("gentamicin-protocol", id, "documentId from the file name without its version mark");
        assertEquals("1.0", v1.getString("document.version"));
        assertEquals("Gentamicin Once-Daily Dosing Protocol", v1.getString("document.title"));
        assertTrue(v1.getInt("passageCount") > 0);

        JsonPath again = upload("gentamicin-protocol-v1.txt", protocol("1.0", "2024-01-01", "7 mg/kg"), 200);
        assertEquals("unchanged", again.getString("status"));

        JsonPath v2 = upload("gentamicin-protocol-v2.txt", protocol("2.0", "2026-02-01", "5 mg/kg"), 201);
        assertEquals(id, v2.getString("document.documentId"));
        given().get("/v1/documents/" + id).then().statusCode(200)
                .body("current.version", equalTo("2.0"))
                .body("versions.size()", equalTo(2))
                .body("versions.find { it.version == '1.0' }.status", equalTo("superseded"));

        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("question", "What initial dose of gentamicin is given once daily?"))
                .when().post("/v1/ask").then().statusCode(200).extract().jsonPath();
        assertEquals("answered", answer.getString("status"));
        assertTrue(answer.getString("answer").contains("5 mg/kg"), answer.getString("answer"));
        assertTrue(!answer.getString("answer").contains("7 mg/kg"), "superseded dose in a current answer: " + answer.getString("answer"));
        assertEquals("2. Initial Dose", answer.getString("citations[0].section"));
        given().get("/v1/documents/{id}/passages/{pid}", id, answer.getString("citations[0].passageId")).then()
                .statusCode(200).body("passage.page", nullValue()).body("document.version", equalTo("2.0"));

        given().delete("/v1/documents/" + id).then().statusCode(204);
        given().get("/v1/documents/" + id).then().statusCode(404);
        given().get("/v1/search?q=gentamicin%20once%20daily&retriever=bm25").then().statusCode(200)
                .body("results.findAll { it.documentId == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void uploadMetadataWinsOverTheText() {
        JsonPath r = given().multiPart("file", "note.md", "# Clinic Note\n\nVersion 9.9\n\nTake paracetamol 1 g every 6 hours.".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("metadata", "{\"documentId\": \"pain-note-01\", \"version\": \"1.1\", \"audience\": \"patient\", \"tags\": [\"pain\"]}")
                .when().post("/v1/documents").then().statusCode(201).extract().jsonPath();
        assertEquals("pain-note-01", r.getString("document.documentId"));
        assertEquals("1.1", r.getString("document.version"));
        assertEquals("patient", r.getString("document.audience"));
        given().get("/v1/documents").then().statusCode(200).body("size()", greaterThan(17));
        given().delete("/v1/documents/pain-note-01").then().statusCode(204);
    }
}
