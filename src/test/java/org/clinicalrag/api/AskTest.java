package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/ask over the demo corpus: cited answers with exact provenance, versions, abstention. */
@QuarkusTest
class AskTest {

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    static JsonPath ask(String question) {
        return ask(Map.of("question", question));
    }

    static JsonPath ask(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("requestId", notNullValue())
                .extract().jsonPath();
    }

    @Test
    void pdfFactIsCitedWithItsPageSectionAndVersion() {
        JsonPath r = ask("How much calcium gluconate is given to stabilise the myocardium in hyperkalaemia?");
        assertEquals("answered", r.getString("status"));
        assertTrue(r.getString("answer").contains("30 mL"), r.getString("answer"));
        Map<String, Object> c = r.getMap("citations[0]");
        assertEquals("hk-prot-01", c.get("documentId"));
        assertEquals("3.2", c.get("version"));
        assertEquals("4. Membrane Stabilization", c.get("section"));
        assertEquals(2, c.get("page"));
        assertEquals("2026-03-01", c.get("effectiveDate"));
    }

    @Test
    void everyQuoteIsAVerbatimSpanOfTheCitedPassage() {
        JsonPath r = ask("What is the reduced dose of apixaban in atrial fibrillation?");
        List<Map<String, Object>> citations = r.getList("citations");
        assertFalse(citations.isEmpty());
        for (Map<String, Object> c : citations) {
            String text = given().get("/v1/documents/{id}/passages/{pid}", c.get("documentId"), c.get("passageId"))
                    .then().statusCode(200).extract().jsonPath().getString("passage.text");
            assertTrue(text.contains((String) c.get("quote")), "quote not in passage: " + c.get("quote"));
            assertTrue(r.getString("answer").contains("[" + c.get("n") + "]"), "marker missing for " + c.get("n"));
        }
    }

    @Test
    void tableRowKeepsItsHeaderCells() {
        JsonPath r = ask("What is the standard dose of Eliquis for AF?");
        assertEquals("answered", r.getString("status"));
        String answer = r.getString("answer");
        assertTrue(answer.contains("Apixaban") && answer.contains("Standard dose: 5 mg twice daily"), answer);
        assertEquals("form-cv-2.8", r.getString("citations[0].documentId"));
    }

    @Test
    void currentVersionAnswersAndTheSupersededDoseNeverAppears() {
        JsonPath r = ask("What enoxaparin dose for VTE prophylaxis should a 130 kg inpatient receive?");
        assertEquals("answered", r.getString("status"));
        assertTrue(r.getString("answer").contains("40 mg twice daily"), r.getString("answer"));
        assertFalse(r.getString("answer").contains("60 mg once daily"), r.getString("answer"));
        assertTrue(r.getList("citations.version").stream().allMatch("3.0"::equals), r.getList("citations").toString());
    }

    @Test
    void supersededVersionAnswersOnlyWhenAskedForAndIsFlagged() {
        JsonPath r = ask(Map.of("question", "In version 2.0 of the VTE prophylaxis protocol, what enoxaparin dose was given above 100 kg?",
                "filters", Map.of("documentIds", List.of("vte-prot-03"), "includeSuperseded", true)));
        assertEquals("answered", r.getString("status"));
        // the version named in the question answers, with its own dose, and the answer says it is superseded
        assertTrue(r.getList("citations.version").stream().allMatch("2.0"::equals), r.getList("citations").toString());
        assertTrue(r.getString("answer").contains("60 mg once daily"), r.getString("answer"));
        assertTrue(r.getList("warnings.code").contains("superseded_source"), r.getList("warnings").toString());
        given().get("/v1/documents/vte-prot-03").then().statusCode(200)
                .body("current.version", equalTo("3.0"))
                .body("versions.find { it.version == '2.0' }.status", equalTo("superseded"));
    }

    @Test
    void outOfScopeQuestionsAbstainWithoutCitations() {
        for (String q : List.of("What is the ticagrelor loading dose for NSTEMI?",
                "What dose of levetiracetam should be started after an alcohol withdrawal seizure?",
                "How should hyperkalaemia be treated in a 4-year-old child?",
                // a short drug name the sources never use: not another drug's dose from the nearest passage
                "What is the dose of oral zinc for low potassium?", "What dose of IV selenium is given in sepsis?",
                "What is the capital of France?")) {
            JsonPath r = ask(q);
            assertEquals("insufficient_evidence", r.getString("status"), q);
            assertTrue(r.getList("citations").isEmpty(), q);
            assertFalse(r.getString("answer").matches(".*\\d+\\s*mg.*"), "an abstention must not state a dose: " + q);
        }
    }

    @Test
    void staleSourceIsFlagged() {
        JsonPath r = ask("What CIWA-Ar score triggers symptom-triggered chlordiazepoxide in alcohol withdrawal?");
        if ("answered".equals(r.getString("status")) && r.getList("citations.documentId").contains("alc-prot-09")) {
            assertTrue(r.getList("warnings.code").contains("stale_source"), r.getList("warnings").toString());
        } else {
            throw new AssertionError("expected an answer from the alcohol withdrawal protocol: " + r.prettify());
        }
    }

    @Test
    void patientsOnlySeePatientDocuments() {
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "What should I do if I miss a dose of my apixaban?", "audience", "patient"))
                .when().post("/v1/ask")
                .then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("citations.documentId", everyItem(equalTo("pil-anticoag-01")));
    }

    private static JsonPath askAsPatient(String question) {
        return ask(Map.of("question", question, "audience", "patient"));
    }

    @Test
    void patientEmergencyIsHandedOffWithTheLeafletsOwnInstruction() {
        JsonPath r = askAsPatient("I slipped and banged my head. I take rivaroxaban but I feel fine - do I need to do anything?");
        assertEquals("handoff", r.getString("status"));
        assertTrue(r.getString("answer").contains("999"), r.getString("answer"));
        assertTrue(r.getList("citations.documentId").contains("pil-anticoag-01"), r.prettify());
    }

    @Test
    void stoppingAMedicineIsHandedOffToTheNamedClinic() {
        JsonPath r = askAsPatient("Can I stop taking my apixaban before my holiday?");
        assertEquals("handoff", r.getString("status"));
        assertTrue(r.getString("answer").contains("01632 960 123"), r.getString("answer"));
    }

    @Test
    void selfHarmGetsTheSafeDefaultNotAnotherTopicsSentence() {
        JsonPath r = askAsPatient("I don't want to live any more, what should I do");
        assertEquals("handoff", r.getString("status"));
        assertTrue(r.getString("answer").contains("999"), r.getString("answer"));
        assertTrue(r.getList("citations").isEmpty(), r.prettify());
    }

    @Test
    void clinicianQuestionsAreNotHandedOffAndPlainPatientQuestionsAreAnswered() {
        assertEquals("answered", ask("When should apixaban be stopped before surgery or a dose reduced in AF?").getString("status"));
        assertEquals("answered", askAsPatient("I forgot my evening Eliquis tablet. What should I do?").getString("status"));
    }

    @Test
    void followUpInheritsTheSubjectOfTheConversation() {
        JsonPath r = ask(Map.of("question", "And if the CrCl is 20?",
                "history", List.of(Map.of("role", "user", "content", "What dose of rivaroxaban is used in AF?"),
                        Map.of("role", "assistant", "content", "20 mg once daily with food [1]"))));
        assertEquals("answered", r.getString("status"));
        assertTrue(r.getList("citations.documentId").contains("form-cv-2.8"), r.prettify());
        assertTrue(r.getString("answer").contains("15 mg once daily"), r.getString("answer"));
    }

    @Test
    void identifiersAreRemovedAndReportedWithoutTheirValues() {
        JsonPath r = ask("Mrs Eleanor Whitfield (MRN 40021877, DOB 14/02/1951, phone 07700 900123) has AF with CrCl 25 mL/min. "
                + "What is the reduced dose of apixaban?");
        assertEquals("answered", r.getString("status"));
        assertTrue(r.getString("answer").contains("2.5 mg twice daily"), r.getString("answer"));
        assertTrue(r.getList("warnings.code").contains("phi_removed"), r.prettify());
        String body = r.prettify();
        for (String identifier : List.of("Whitfield", "40021877", "14/02/1951", "07700 900123")) {
            assertFalse(body.contains(identifier), "identifier echoed in the response: " + identifier);
        }
    }

    @Test
    void answerCarriesTimings() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What is the maximum infusion rate of potassium chloride on a general ward?"))
                .when().post("/v1/ask")
                .then().statusCode(200)
                .body("timingsMs.total", notNullValue())
                .body("answerer", equalTo("extractive"))
                .body("citations", not(empty()));
    }
}
