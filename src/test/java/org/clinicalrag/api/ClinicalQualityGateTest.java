package org.clinicalrag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clinicalrag.eval.ClinicalEvaluation;
import org.clinicalrag.eval.EvalItem;
import org.clinicalrag.eval.HttpEvalTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinical evaluation set run through the public API on every build: hybrid retrieval must beat or tie both
 * single retrievers, and answer quality must stay at or above eval/thresholds/clinical.json.
 */
@QuarkusTest
class ClinicalQualityGateTest {

    @TestHTTPResource("/")
    URI server;

    @BeforeEach
    void ready() {
        ServerReady.await();
    }

    @Test
    void clinicalSetMeetsItsThresholds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalItem> items = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/clinical.jsonl"))) {
            if (!line.isBlank()) {
                items.add(json.readValue(line, EvalItem.class));
            }
        }
        JsonNode t = json.readTree(Path.of("eval/thresholds/clinical.json").toFile());
        ClinicalEvaluation.Report r = new ClinicalEvaluation(new HttpEvalTarget(server, null, null), m -> { })
                .run("clinical", items, List.of("hybrid", "bm25", "dense"));
        var hybrid = r.retrieval().get("hybrid");
        var bm25 = r.retrieval().get("bm25");
        var dense = r.retrieval().get("dense");
        var a = r.answers();
        String summary = r.retrieval() + "\n" + a;
        assertAll(summary,
                () -> assertTrue(hybrid.hit3() >= bm25.hit3() && hybrid.hit3() >= dense.hit3(), "hybrid hit@3 below a single retriever"),
                () -> assertTrue(hybrid.mrr10() >= bm25.mrr10() && hybrid.mrr10() >= dense.mrr10(), "hybrid MRR@10 below a single retriever"),
                () -> assertTrue(hybrid.hit3() >= t.get("hybrid_hit3_min").asDouble(), "hybrid hit@3"),
                () -> assertTrue(hybrid.mrr10() >= t.get("hybrid_mrr10_min").asDouble(), "hybrid MRR@10"),
                () -> assertTrue(a.answeredDocHit() >= t.get("cited_expected_doc_min").asDouble(), "cited expected document"),
                () -> assertTrue(a.keyFactPass() >= t.get("key_fact_pass_min").asDouble(), "key-fact pass rate"),
                () -> assertTrue(a.mustNotViolations() <= t.get("must_not_violations_max").asInt(), "must_not violations"),
                () -> assertTrue(a.citationCompleteness() >= t.get("citation_completeness_min").asDouble(), "citation completeness"),
                () -> assertTrue(a.abstentionRecall() >= t.get("abstention_recall_min").asDouble(), "abstention recall"),
                () -> assertTrue(a.abstentionPrecision() >= t.get("abstention_precision_min").asDouble(), "abstention precision"),
                () -> assertTrue(a.falseAbstentions() <= t.get("false_abstentions_max").asInt(), "false abstentions"),
                () -> assertTrue(a.serverErrors() <= t.get("server_errors_max").asInt(), "HTTP 5xx"));
    }
}
