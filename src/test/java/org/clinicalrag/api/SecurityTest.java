package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.config.RagConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys and roles, patient isolation, and the hash-chained audit trail. */
@QuarkusTest
@TestProfile(SecurityTest.WithKeys.class)
class SecurityTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rag.auth.keys", "clin-secret:clinician,pat-secret:patient,admin-secret:admin,burst-secret:clinician",
                    "rag.auth.requests-per-minute", "40");
        }
    }

    @Inject
    RagConfig config;

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    private static io.restassured.specification.RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void missingOrWrongKeyIs401Problem() {
        BadInputTest.problem(given().contentType(ContentType.JSON).body(Map.of("question", "apixaban dose"))
                .post("/v1/ask").then(), 401, "Bearer").header("WWW-Authenticate", "Bearer");
        BadInputTest.problem(as("guess").contentType(ContentType.JSON).body(Map.of("question", "apixaban dose"))
                .post("/v1/ask").then(), 401, "not valid");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void rolesGuardEndpoints() {
        BadInputTest.problem(as("pat-secret").get("/v1/search?q=apixaban").then(), 403, "role");
        BadInputTest.problem(as("pat-secret").get("/v1/documents").then(), 403, "role");
        BadInputTest.problem(as("pat-secret").delete("/v1/documents/hk-prot-01").then(), 403, "role");
        BadInputTest.problem(as("clin-secret").multiPart("file", "x.txt", "Give 5 mg daily.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/v1/documents").then(), 403, "role");
        as("clin-secret").get("/v1/search?q=apixaban").then().statusCode(200);
        as("admin-secret").get("/v1/documents/hk-prot-01").then().statusCode(200).body("current.version", equalTo("3.2"));
    }

    @Test
    void patientKeyNeverReceivesClinicianDocuments() {
        for (String q : List.of("How much calcium gluconate is given for hyperkalaemia?",
                "What is the reduced dose of apixaban in AF?", "What should I do if I miss a dose of apixaban?")) {
            // the request claims clinician audience; the key's role decides
            JsonPath r = as("pat-secret").contentType(ContentType.JSON).body(Map.of("question", q, "audience", "clinician"))
                    .post("/v1/ask").then().statusCode(200).extract().jsonPath();
            for (Object documentId : r.getList("citations.documentId")) {
                assertTrue(documentId.toString().startsWith("pil-"), q + " cited " + documentId);
            }
        }
    }

    @Test
    void rateLimitAnswers429AndSparesOtherKeys() throws InterruptedException {
        // the budget is per calendar minute: a burst that straddles one would start again from zero halfway
        long leftInMinute = 60_000 - System.currentTimeMillis() % 60_000;
        if (leftInMinute < 20_000) {
            Thread.sleep(leftInMinute + 200);
        }
        int limited = 0;
        for (int i = 0; i < 45; i++) {
            int status = as("burst-secret").get("/v1/documents/hk-prot-01").statusCode();
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(limited >= 5, "expected 429s after 40 requests in a minute, got " + limited);
        BadInputTest.problem(as("burst-secret").get("/v1/documents/hk-prot-01").then(), 429, "per minute");
        as("clin-secret").get("/v1/documents/hk-prot-01").then().statusCode(200);
    }

    @Test
    void onlyTheCallerWhoWasAnsweredMayRateTheAnswer() {
        String requestId = as("pat-secret").contentType(ContentType.JSON)
                .body(Map.of("question", "What should I do if I miss a dose of apixaban?"))
                .post("/v1/ask").then().statusCode(200).extract().path("requestId");
        Map<String, String> rating = Map.of("requestId", requestId, "rating", "down");
        BadInputTest.problem(given().contentType(ContentType.JSON).body(rating).post("/v1/feedback").then(), 401, "Bearer");
        // another key gets the same answer as for an id never issued: the request's existence is not disclosed
        BadInputTest.problem(as("clin-secret").contentType(ContentType.JSON).body(rating).post("/v1/feedback").then(),
                422, "No answer with requestId");
        BadInputTest.problem(as("admin-secret").contentType(ContentType.JSON).body(rating).post("/v1/feedback").then(),
                422, "No answer with requestId");
        as("pat-secret").contentType(ContentType.JSON).body(rating).post("/v1/feedback").then().statusCode(201)
                .body("requestId", equalTo(requestId));
    }

    @Test
    void auditTrailIsChainedAndCarriesNoIdentifiers() throws IOException {
        as("clin-secret").contentType(ContentType.JSON)
                .body(Map.of("question", "Patient Margaret Oyelaran, NHS number 943 476 5919, has AF: what is the apixaban dose?"))
                .post("/v1/ask").then().statusCode(200);
        as("clin-secret").get("/v1/search?q=rivaroxaban%20dose").then().statusCode(200);
        Path log = config.dataDir().resolve("audit").resolve("audit.log");
        String text = Files.readString(log);
        assertFalse(text.contains("Oyelaran") || text.contains("943 476 5919") || text.contains("clin-secret"), text);
        assertTrue(text.contains("\"action\":\"ask\"") && text.contains("\"action\":\"search\""), text);
        assertTrue(text.contains("\"role\":\"clinician\""), text);
        AuditTrail.Verification intact = AuditTrail.verify(log);
        assertTrue(intact.intact(), intact.toString());

        List<String> lines = Files.readAllLines(log);
        Path tampered = Files.createTempFile("audit", ".log");
        int target = lines.size() - 1; // 0-based index of the last line
        List<String> edited = new java.util.ArrayList<>(lines);
        edited.set(target, edited.get(target).replaceFirst("\"status\":\"", "\"status\":\"X"));
        Files.write(tampered, edited);
        AuditTrail.Verification broken = AuditTrail.verify(tampered);
        assertFalse(broken.intact());
        assertEquals(target + 1, broken.firstBrokenLine());
    }
}
