package org.clinicalrag.eval.report;

import org.clinicalrag.eval.ClinicalEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a clinical evaluation as one self-contained HTML page: totals, a retriever comparison chart, the answer
 * latency histogram and one row per question with what was expected and what was cited.
 */
public final class ClinicalHtmlReport {

    private static final List<String> METRICS = List.of("hit@1", "hit@3", "hit@5", "MRR@10");

    private ClinicalHtmlReport() {
    }

    public static String render(ClinicalEvaluation.Report r) {
        StringBuilder b = new StringBuilder();
        ClinicalEvaluation.AnswerScores a = r.answers();
        b.append("<h1>Clinical evaluation: ").append(Html.escape(r.set())).append("</h1>\n");
        b.append(String.format(Locale.ROOT, "<p class=\"muted\">%d questions: %d answerable, %d unanswerable</p>%n",
                a.questions(), a.answerable(), a.unanswerable()));
        b.append("<h2>Answers</h2>\n<table>\n");
        row(b, "cited the expected document", a.answeredDocHit());
        row(b, "key facts all present", a.keyFactPass());
        b.append("<tr><td>must_not violations</td><td>").append(a.mustNotViolations()).append("</td></tr>\n");
        row(b, "citation completeness", a.citationCompleteness());
        row(b, "section match", a.sectionMatch());
        row(b, "page match", a.pageMatch());
        row(b, "abstention precision", a.abstentionPrecision());
        row(b, "abstention recall", a.abstentionRecall());
        b.append(String.format(Locale.ROOT, "<tr><td>false / missed abstentions</td><td>%d / %d</td></tr>%n", a.falseAbstentions(), a.missedAbstentions()));
        b.append(String.format(Locale.ROOT, "<tr><td>server errors (5xx)</td><td>%d</td></tr>%n", a.serverErrors()));
        b.append(String.format(Locale.ROOT, "<tr><td>latency p50 / p95</td><td>%.0f / %.0f ms</td></tr>%n</table>%n", a.p50Ms(), a.p95Ms()));

        b.append("<h2>Retrieval (answerable questions, top 10)</h2>\n<table>\n<tr><th>retriever</th><th>n</th>"
                + "<th>hit@1</th><th>hit@3</th><th>hit@5</th><th>MRR@10</th><th>section@3</th><th>page@3</th><th>p50 ms</th><th>p95 ms</th></tr>\n");
        List<String> series = new ArrayList<>();
        double[][] values = new double[METRICS.size()][r.retrieval().size()];
        int i = 0;
        for (Map.Entry<String, ClinicalEvaluation.RetrievalScores> e : r.retrieval().entrySet()) {
            ClinicalEvaluation.RetrievalScores x = e.getValue();
            series.add(x.retriever());
            values[0][i] = x.hit1();
            values[1][i] = x.hit3();
            values[2][i] = x.hit5();
            values[3][i] = x.mrr10();
            i++;
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.0f</td><td>%.0f</td></tr>%n",
                    Html.escape(x.retriever()), x.questions(), x.hit1(), x.hit3(), x.hit5(), x.mrr10(), x.sectionMatch3(), x.pageMatch3(), x.p50Ms(), x.p95Ms()));
        }
        b.append("</table>\n");
        if (!series.isEmpty()) {
            b.append(SvgBarChart.render(METRICS, series, values, List.of()));
        }
        b.append("<h2>Answer latency</h2>\n");
        List<Double> latencies = r.items().stream().map(ClinicalEvaluation.ItemResult::latencyMs).toList();
        b.append(SvgHistogram.render(List.of("/v1/ask"), List.of(latencies), List.of(a.p95Ms())));

        b.append("<h2>Questions</h2>\n<table>\n<tr><th>id</th><th>question</th><th>expected</th><th>cited</th><th>facts</th><th>status</th><th>ms</th></tr>\n");
        for (ClinicalEvaluation.ItemResult x : r.items()) {
            boolean ok = x.expectedAbstention() ? "insufficient_evidence".equals(x.status()) : x.factsPass() && x.violations().isEmpty();
            String facts = x.expectedAbstention() ? "" : x.missingFacts().isEmpty() ? "all" : "missing: " + String.join("; ", x.missingFacts());
            if (!x.violations().isEmpty()) {
                facts += " VIOLATES: " + String.join("; ", x.violations());
            }
            b.append(String.format(Locale.ROOT, "<tr style=\"background:%s\"><td>%s</td><td style=\"text-align:left\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>%n",
                    ok ? "#eef7ee" : "#fbeaea", Html.escape(x.id()), Html.escape(x.question()),
                    Html.escape(x.expectedAbstention() ? "abstain" : x.expectedDoc()), Html.escape(String.join(", ", x.citedDocs())),
                    Html.escape(facts), Html.escape(x.status()), x.latencyMs()));
        }
        b.append("</table>\n");
        return Html.page(r.set(), b.toString());
    }

    private static void row(StringBuilder b, String label, double value) {
        b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td></tr>%n", Html.escape(label),
                Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value)));
    }
}
