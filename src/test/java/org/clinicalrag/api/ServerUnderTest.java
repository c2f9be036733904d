package org.clinicalrag.api;

import io.restassured.RestAssured;

import java.util.ArrayList;
import java.util.List;

/** What every server test needs: to wait for the start-up ingest, and to read Server-Sent Events. */
final class ServerUnderTest {

    record Event(String name, String data) {
    }

    private ServerUnderTest() {
    }

    /** The index is filled in the background at start; readiness says when it is done. */
    static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (RestAssured.get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("server not ready after 180 s");
            }
            Thread.sleep(200);
        }
    }

    static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\\r?\\n\\r?\\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\\r?\\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).replaceFirst("^ ", ""));
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }
}
