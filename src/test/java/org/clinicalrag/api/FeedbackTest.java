package org.clinicalrag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.clinicalrag.audit.AuditRecord;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.eval.EvalItem;
import org.clinicalrag.eval.FeedbackExportCommand;
import org.clinicalrag.feedback.Feedback;
import org.clinicalrag.feedback.FeedbackLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/feedback and ./run feedback-export: a thumbs-down posted through the API comes out as a draft eval item. */
@QuarkusTest
class FeedbackTest {

    private static final String QUESTION = "Patient Margaret Oyelaran, NHS number 943 476 5919, has K+ 7.1 with ECG changes: "
            + "how much calcium gluconate is given to stabilise the myocardium?";
    private static final String COMMENT = "Mrs Eva Kowalczyk, MRN 7734120: the answer left out the 10 minute infusion time.";
    private static final List<String> IDENTIFIERS = List.of("Oyelaran", "943 476 5919", "Kowalczyk", "7734120");

    @Inject
    RagConfig config;

    @TempDir
    Path exports;

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    private static JsonPath ask(String question) {
        return AskTest.ask(question);
    }

    private static ValidatableResponse rate(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/feedback").then();
    }

    private static ValidatableResponse rate(String requestId, String rating, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("requestId", requestId, "rating", rating));
        if (comment != null) {
            body.put("comment", comment);
        }
        return rate(body);
    }

    /** Runs the command in process, as ./run feedback-export would; returns the exported items by request id. */
    private Map<String, JsonNode> export(String... options) throws IOException {
        Path out = exports.resolve("drafts-" + UUID.randomUUID() + ".jsonl");
        List<String> args = new ArrayList<>(List.of("--data-dir", config.dataDir().toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        assertEquals(0, new CommandLine(new FeedbackExportCommand()).execute(args.toArray(String[]::new)));
        String text = Files.readString(out);
        for (String identifier : IDENTIFIERS) {
            assertFalse(text.contains(identifier), "identifier in the export: " + identifier);
        }
        Map<String, JsonNode> items = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : text.lines().toList()) {
            JsonNode item = json.readTree(line);
            items.put(item.path("feedback").path("requestId").asText(), item);
        }
        return items;
    }

    @Test
    void thumbsDownIsStoredDeidentifiedAndExportedAsADraftEvalItem() throws IOException {
        JsonPath answer = ask(QUESTION);
        String requestId = answer.getString("requestId");
        String citedFile = answer.getString("citations[0].sourceFile");
        String citedDocument = answer.getString("citations[0].documentId");
        assertEquals("hk-prot-01", citedDocument, answer.prettify());

        JsonPath rated = rate(requestId, "down", COMMENT).statusCode(201).contentType(ContentType.JSON)
                .body("requestId", equalTo(requestId))
                .body("rating", equalTo("down"))
                .body("feedbackId", notNullValue())
                .body("warnings.code", hasItem("phi_removed"))
                .extract().jsonPath();
        for (String identifier : IDENTIFIERS) {
            assertFalse(rated.prettify().contains(identifier), "identifier echoed: " + identifier);
        }

        // durable: the rating is in the file, de-identified
        Path file = config.dataDir().resolve("feedback").resolve(FeedbackLog.FILE_NAME);
        Feedback stored = FeedbackLog.read(file).records().stream()
                .filter(f -> f.feedbackId().equals(rated.getString("feedbackId"))).findFirst().orElseThrow();
        assertEquals(requestId, stored.requestId());
        assertEquals("down", stored.rating());
        assertTrue(stored.comment().contains("[NAME]") && stored.comment().contains("[MRN]"), stored.comment());
        assertTrue(stored.comment().contains("10 minute infusion time"), stored.comment());
        assertEquals(citedFile, stored.sources().getFirst().sourceFile());
        String raw = Files.readString(file);
        for (String identifier : IDENTIFIERS) {
            assertFalse(raw.contains(identifier), "identifier stored: " + identifier);
        }

        JsonNode draft = export().get(requestId);
        assertNotNull(draft, "the thumbs-down answer is exported");
        assertTrue(draft.path("question").asText().contains("calcium gluconate"), draft.toString());
        assertTrue(draft.path("question").asText().contains("[NAME]"), draft.toString());
        assertEquals(citedFile, draft.path("expected_doc").asText());
        assertEquals(answer.getString("citations[0].section"), draft.path("expected_section").asText());
        assertEquals(answer.getInt("citations[0].page"), draft.path("expected_page").asInt());
        assertTrue(draft.path("candidate_sources").findValuesAsText("documentId").contains(citedDocument), draft.toString());
        assertEquals("draft", draft.path("review").asText());
        assertEquals(stored.comment(), draft.path("reviewer_note").asText());
        assertEquals("answered", draft.path("feedback").path("answer_status").asText());
        assertTrue(draft.path("key_facts").isArray() && draft.path("key_facts").isEmpty());

        EvalItem asRead = new ObjectMapper().treeToValue(draft, EvalItem.class);
        assertTrue(asRead.draft(), "the eval reader sees a draft");
        assertEquals(citedFile, asRead.expectedDoc());
    }

    @Test
    void latestRatingOfAnAnswerDecidesWhichExportItJoins() throws IOException {
        String requestId = ask("What is the maximum infusion rate of potassium chloride on a general ward?").getString("requestId");
        rate(requestId, "down", null).statusCode(201).body("warnings", equalTo(List.of()));
        rate(requestId, "up", "   ").statusCode(201);

        assertFalse(export().containsKey(requestId), "rated up last: not a thumbs-down");
        JsonNode up = export("--rating", "up").get(requestId);
        assertNotNull(up);
        assertNull(up.get("reviewer_note"), "a blank comment is no comment");
        assertEquals(2, new CommandLine(new FeedbackExportCommand()).execute("--data-dir", config.dataDir().toString(),
                "--out", exports.resolve("x.jsonl").toString(), "--rating", "meh"));
    }

    @Test
    void feedbackIsAuditedWithoutItsComment() throws IOException {
        String requestId = ask("What is the reduced dose of apixaban in atrial fibrillation?").getString("requestId");
        rate(requestId, "down", COMMENT).statusCode(201);
        Path log = config.dataDir().resolve("audit").resolve("audit.log");
        AuditRecord record = AuditTrail.find(log, "feedback", Set.of(requestId)).get(requestId);
        assertNotNull(record, "the rating is audited");
        assertEquals(requestId, record.requestId());
        assertEquals("down", record.status());
        assertNull(record.question());
        String text = Files.readString(log);
        assertFalse(text.contains("infusion time") || text.contains("Kowalczyk"), "comment in the audit trail");
        assertTrue(AuditTrail.verify(log).intact());
    }

    @Test
    void badFeedbackIsA4xxProblem() {
        String requestId = ask("What is the standard dose of apixaban?").getString("requestId");
        BadInputTest.problem(rate(Map.of("rating", "down")), 400, "requestId is required");
        BadInputTest.problem(rate(Map.of("requestId", " ", "rating", "down")), 400, "requestId is required");
        BadInputTest.problem(rate(Map.of("requestId", "'; drop table", "rating", "down")), 400, "UUID");
        BadInputTest.problem(rate(UUID.randomUUID().toString(), "down", null), 422, "No answer with requestId");
        BadInputTest.problem(rate(requestId, "meh", null), 400, "rating must be");
        BadInputTest.problem(rate(requestId, "Down", null), 400, "rating must be");
        BadInputTest.problem(rate(Map.of("requestId", requestId)), 400, "rating must be");
        BadInputTest.problem(rate(Map.of("requestId", requestId, "rating", Map.of("thumbs", "down"))), 400, "rating");
        BadInputTest.problem(rate("{\"requestId\": \"" + requestId + "\", \"rating\": "), 400, "not valid JSON");
        BadInputTest.problem(rate(requestId, "down", "x".repeat(4001)), 400, "limit is 4000");
        BadInputTest.problem(given().contentType(ContentType.JSON).when().post("/v1/feedback").then(), 400, "request body is required");
        // a search is not an answer
        String searchId = given().get("/v1/search?q=apixaban").then().statusCode(200).extract().path("requestId");
        BadInputTest.problem(rate(searchId, "down", null), 422, "No answer with requestId");
        rate(requestId, "up", "x".repeat(4000)).statusCode(201);
    }
}
