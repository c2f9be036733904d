package org.clinicalrag.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The packaged fast-jar, started as `./run` starts it: becomes ready with the demo corpus and answers with a
 * cited passage. Catches what the flat test class path cannot (static-init order, class loading of native libraries).
 */
@QuarkusIntegrationTest
class PackagedServerIT {

    @Test
    void packagedServerLoadsGuidelinesAndAnswers() {
        ServerReady.await();
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "What is the reduced dose of apixaban in atrial fibrillation?"))
                .when().post("/v1/ask")
                .then().statusCode(200)
                .body("status", equalTo("answered"))
                .body("citations.documentId", hasItem("form-cv-2.8"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
