package org.clinicalrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.clinicalrag.eval.report.ClinicalHtmlReport;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./run eval}: scores an evaluation set against a running server and writes a JSON report. */
@CommandLine.Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run an evaluation set (DESIGN.md format) against a running server and print the scores.")
public class EvalCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", defaultValue = "eval/clinical.jsonl", description = "Evaluation set (JSON lines).")
    Path set;

    @CommandLine.Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL.")
    URI url;

    @CommandLine.Option(names = "--api-key", defaultValue = "${env:RAG_API_KEY}", description = "Bearer key, if the server requires one.")
    String apiKey;

    @CommandLine.Option(names = "--retrievers", split = ",", defaultValue = "hybrid,bm25,dense",
            description = "Retrievers to score side by side.")
    List<String> retrievers;

    @CommandLine.Option(names = "--mode", defaultValue = "auto",
            description = "Answer mode sent with every question: auto (the server's model if it has one), extractive or generative.")
    String mode;

    @CommandLine.Option(names = "--out", description = "Where to write the JSON report (default eval/reports/<set>.json).")
    Path out;

    @CommandLine.Option(names = "--report", description = "Also write a self-contained HTML report beside the JSON.")
    boolean html;

    @CommandLine.Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<EvalItem> items = new ArrayList<>();
        int drafts = 0;
        for (String line : Files.readAllLines(set)) {
            if (!line.isBlank()) {
                EvalItem item = json.readValue(line, EvalItem.class);
                if (item.draft()) {
                    drafts++; // its expectations are only what the rated answer cited: scoring it would grade the answer by itself
                } else {
                    items.add(item);
                }
            }
        }
        if (drafts > 0) {
            System.out.println("Skipped " + drafts + " draft item(s) awaiting clinical review (\"review\": \"draft\").");
        }
        if (items.isEmpty()) {
            System.out.println("No reviewed items in " + set + ": nothing to score.");
            return 1;
        }
        String name = set.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        Progress progress = new Progress(quiet);
        ClinicalEvaluation evaluation = new ClinicalEvaluation(new HttpEvalTarget(url, apiKey, mode), progress);
        ClinicalEvaluation.Report report = evaluation.run(name, items, retrievers);
        progress.done();
        System.out.println(markdown(report));
        Path target = out != null ? out : Path.of("eval", "reports", name + ".json");
        Files.createDirectories(target.toAbsolutePath().getParent());
        json.writeValue(target.toFile(), report);
        System.out.println("Report written to " + target);
        if (html) {
            Path page = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.json$", "") + ".html");
            Files.writeString(page, ClinicalHtmlReport.render(report));
            System.out.println("HTML report written to " + page);
        }
        return 0;
    }

    static String markdown(ClinicalEvaluation.Report r) {
        StringBuilder s = new StringBuilder();
        s.append("Retrieval on ").append(r.set()).append(" (answerable questions, top 10)\n\n");
        s.append("| retriever | n | hit@1 | hit@3 | hit@5 | MRR@10 | section@3 | page@3 | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, ClinicalEvaluation.RetrievalScores> e : r.retrieval().entrySet()) {
            var x = e.getValue();
            s.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f |%n",
                    x.retriever(), x.questions(), x.hit1(), x.hit3(), x.hit5(), x.mrr10(), x.sectionMatch3(), x.pageMatch3(), x.p50Ms(), x.p95Ms()));
        }
        var a = r.answers();
        s.append(String.format(Locale.ROOT, "%nFollow-ups (items with history, searched with it): hit@3 %s%n",
                r.retrieval().values().stream().map(x -> String.format(Locale.ROOT, "%s %.3f (n=%d)", x.retriever(),
                        x.followUpHit3(), x.followUps())).toList()));
        s.append("\nAnswers (/v1/ask): ").append(a.questions()).append(" questions, ").append(a.answerable())
                .append(" answerable, ").append(a.unanswerable()).append(" unanswerable\n\n");
        s.append("| cited expected doc | key facts pass | must_not violations | citation completeness | section match | page match | abstention precision | abstention recall | false abstentions | 5xx | p50 ms | p95 ms |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        s.append(String.format(Locale.ROOT, "| %.3f | %.3f | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %d | %.0f | %.0f |%n",
                a.answeredDocHit(), a.keyFactPass(), a.mustNotViolations(), a.citationCompleteness(), a.sectionMatch(),
                a.pageMatch(), a.abstentionPrecision(), a.abstentionRecall(), a.falseAbstentions(), a.serverErrors(),
                a.p50Ms(), a.p95Ms()));
        var g = r.generation();
        s.append(String.format(Locale.ROOT, "%nGeneration: answerers %s; %d answers verified, %d of %d sentences removed by "
                        + "verification (share %.3f); fallbacks: %d llm_unavailable, %d llm_answer_rejected%n",
                g.answerers(), g.verifiedAnswers(), g.sentencesRemoved(), g.sentencesChecked(), g.removedShare(),
                g.llmUnavailable(), g.llmAnswerRejected()));
        List<ClinicalEvaluation.ItemResult> misses = r.items().stream()
                .filter(i -> i.expectedAbstention() != "insufficient_evidence".equals(i.status()) || (!i.expectedAbstention() && !i.factsPass()))
                .toList();
        if (!misses.isEmpty()) {
            s.append("\nMisses:\n");
            for (var i : misses) {
                s.append(String.format(Locale.ROOT, "- %s [%s cov=%s sim=%s%s] expected %s, cited %s, missing %s%s%n", i.id(), i.status(),
                        i.coverage(), i.similarity(), i.abstentionReason() == null ? "" : " because " + i.abstentionReason(),
                        i.expectedAbstention() ? "abstention" : i.expectedDoc(), i.citedDocs(), i.missingFacts(),
                        i.violations().isEmpty() ? "" : ", VIOLATES " + i.violations()));
            }
        }
        return s.toString();
    }
}
