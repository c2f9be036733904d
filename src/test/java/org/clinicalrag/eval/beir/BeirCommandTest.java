package org.clinicalrag.eval.beir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BEIR runner end to end on a generated ten-document set: index, query, score, report, then reuse the index. */
class BeirCommandTest {

    private static final String[][] DOCS = {
            {"Potassium", "Hyperkalaemia is treated with insulin and dextrose and calcium gluconate."},
            {"Asthma", "Acute asthma attacks respond to nebulised salbutamol and oral prednisolone."},
            {"Sepsis", "Sepsis needs blood cultures, lactate and broad spectrum antibiotics within one hour."},
            {"Warfarin", "Warfarin reversal uses vitamin K and prothrombin complex concentrate."},
            {"Pneumonia", "Community acquired pneumonia severity is scored with CURB-65."},
            {"Alcohol", "Alcohol withdrawal is treated with chlordiazepoxide and thiamine."},
            {"Hypoglycaemia", "Hypoglycaemia below four millimoles is treated with fast acting glucose."},
            {"Heparin", "Unfractionated heparin infusions are adjusted by the APTT ratio."},
            {"Opioids", "Oral morphine to oxycodone conversion divides the dose by two."},
            {"Cataract", "A cataract is a clouding of the lens of the eye."},
    };

    @Test
    void scoresAGeneratedSetAndReusesItsIndex(@TempDir Path tmp) throws IOException {
        Path set = tmp.resolve("tiny");
        Files.createDirectories(set.resolve("qrels"));
        ObjectMapper json = new ObjectMapper();
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < DOCS.length; i++) {
            corpus.add(json.createObjectNode().put("_id", "d" + i).put("title", DOCS[i][0]).put("text", DOCS[i][1]).toString());
        }
        Files.write(set.resolve("corpus.jsonl"), corpus);
        Files.write(set.resolve("queries.jsonl"), List.of(
                "{\"_id\":\"q1\",\"text\":\"how do I reverse warfarin\"}",
                "{\"_id\":\"q2\",\"text\":\"salbutamol for an asthma attack\"}",
                "{\"_id\":\"q3\",\"text\":\"not judged, ignored\"}"));
        Files.write(set.resolve("qrels").resolve("test.tsv"), List.of("query-id\tcorpus-id\tscore", "q1\td3\t1", "q2\td1\t2"));

        String[] args = {set.toString(), "--work", tmp.resolve("work").toString(), "--embedding-cache",
                tmp.resolve("cache.f32").toString(), "--report", "--reports", tmp.resolve("reports").toString(), "--quiet"};
        assertEquals(0, new CommandLine(new BeirCommand()).execute(args));

        JsonNode report = json.readTree(tmp.resolve("reports").resolve("beir-tiny.json").toFile());
        assertEquals(2, report.path("queries").asInt());
        assertEquals(3, report.path("retrievers").size(), "bm25, dense and the server's own hybrid");
        assertEquals("hybrid zscore w=0.85", report.path("retrievers").get(2).path("name").asText());
        for (JsonNode r : report.path("retrievers")) {
            assertEquals(1.0, r.path("ndcg10").asDouble(), 1e-9, r.path("name").asText() + " should rank the answer first");
        }
        assertTrue(Files.readString(tmp.resolve("reports").resolve("beir-tiny.html")).contains("<svg"));
        assertTrue(Files.size(tmp.resolve("cache.f32")) > 0);

        assertEquals(0, new CommandLine(new BeirCommand()).execute(args));
        assertTrue(json.readTree(tmp.resolve("reports").resolve("beir-tiny.json").toFile()).path("indexing").path("reused").asBoolean());
    }
}
