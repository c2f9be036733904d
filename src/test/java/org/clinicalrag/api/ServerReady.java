package org.clinicalrag.api;

import io.restassured.RestAssured;

import java.time.Duration;
import java.time.Instant;

/** The demo corpus is ingested in the background at start-up; tests wait for readiness as a client would. */
final class ServerReady {

    private ServerReady() {
    }

    static void await() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (RestAssured.get("/q/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("server not ready after 3 minutes");
    }
}
