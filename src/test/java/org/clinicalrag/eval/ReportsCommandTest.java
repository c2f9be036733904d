package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run reports} runs every BEIR set it finds under the data folder and links each report from one index page;
 * a step that fails (here: the evaluation set against a server that is not there) is named and fails the command
 * without stopping the other steps.
 */
class ReportsCommandTest {

    @Test
    void writesAReportPerBeirSetAndNamesTheStepThatFailed(@TempDir Path tmp) throws IOException {
        Path set = tmp.resolve("data").resolve("beir").resolve("mini");
        Files.createDirectories(set.resolve("qrels"));
        Files.createDirectories(tmp.resolve("data").resolve("beir").resolve("not-a-set")); // no corpus.jsonl: ignored
        ObjectMapper json = new ObjectMapper();
        Files.write(set.resolve("corpus.jsonl"), List.of(
                json.createObjectNode().put("_id", "d1").put("title", "Warfarin").put("text", "Warfarin reversal uses vitamin K.").toString(),
                json.createObjectNode().put("_id", "d2").put("title", "Asthma").put("text", "Asthma attacks respond to salbutamol.").toString()));
        Files.write(set.resolve("queries.jsonl"), List.of("{\"_id\":\"q1\",\"text\":\"reverse warfarin\"}"));
        Files.write(set.resolve("qrels").resolve("test.tsv"), List.of("query-id\tcorpus-id\tscore", "q1\td1\t1"));
        Path reports = tmp.resolve("reports");
        int closedPort = LocalServer.freePort();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new ReportsCommand()).execute("--data", tmp.resolve("data").toString(),
                    "--url", "http://127.0.0.1:" + closedPort, "--reports", reports.toString(), "--work", tmp.resolve("work").toString());
        } finally {
            System.setOut(stdout);
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertTrue(printed.contains("Failed: evaluation set eval/clinical.jsonl"), printed);
        assertTrue(Files.readString(reports.resolve("beir-mini.html")).contains("<svg"), "the BEIR step ran despite the failure");
        assertEquals(1.0, json.readTree(reports.resolve("beir-mini.json").toFile()).path("retrievers").get(0).path("ndcg10").asDouble(), 1e-9);
        assertFalse(Files.exists(reports.resolve("beir-not-a-set.json")));
        String index = Files.readString(reports.resolve("index.html"));
        assertTrue(index.contains("<a href=\"beir-mini.html\">"), index);
        assertFalse(index.contains("index.html\">"), "the index does not link itself");
    }
}
