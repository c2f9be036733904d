package org.clinicalrag.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores an evaluation set against a target: retrieval (hit@1/3/5 on the expected document, section and page
 * match) per retriever, and answers (key facts, must-not violations, citation completeness, abstention precision
 * and recall, latency). The definitions are in eval/README.md.
 */
public class ClinicalEvaluation {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    /** {@code followUps}/{@code followUpHit3}: the items with history (searched with it) on their own. */
    public record RetrievalScores(String retriever, int questions, double hit1, double hit3, double hit5,
                                  double sectionMatch3, double pageMatch3, double mrr10, double p50Ms, double p95Ms,
                                  int followUps, double followUpHit3) {
    }

    /**
     * What the model did, when one answered: who answered how often, the sentences its answers had and how many
     * verification removed, and how often the extractive answer had to stand in.
     */
    public record GenerationScores(Map<String, Integer> answerers, int verifiedAnswers, int sentencesChecked,
                                   int sentencesRemoved, double removedShare, int llmUnavailable, int llmAnswerRejected) {
    }

    public record AnswerScores(int questions, int answerable, int unanswerable, double answeredDocHit, double keyFactPass,
                               int mustNotViolations, double citationCompleteness, double sectionMatch, double pageMatch,
                               double abstentionPrecision, double abstentionRecall, int falseAbstentions,
                               int missedAbstentions, int serverErrors, double p50Ms, double p95Ms) {
    }

    public record ItemResult(String id, String question, String expectedDoc, String status, boolean expectedAbstention,
                             boolean docHit, boolean factsPass, List<String> missingFacts, List<String> violations,
                             List<String> citedDocs, double latencyMs, Double coverage, Double similarity,
                             String abstentionReason) {
    }

    public record Report(String set, Map<String, RetrievalScores> retrieval, AnswerScores answers,
                         GenerationScores generation, List<ItemResult> items) {
    }

    private final EvalTarget target;
    private final Consumer<String> progress;

    public ClinicalEvaluation(EvalTarget target, Consumer<String> progress) {
        this.target = target;
        this.progress = progress;
    }

    public Report run(String name, List<EvalItem> items, List<String> retrievers) {
        Map<String, RetrievalScores> retrieval = new LinkedHashMap<>();
        for (String retriever : retrievers) {
            retrieval.put(retriever, retrieval(retriever, items));
        }
        List<ItemResult> results = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        int answerable = 0, unanswerable = 0, docHits = 0, factPasses = 0, violations = 0, complete = 0, answered = 0;
        int sectionHits = 0, pageHits = 0, pageItems = 0, tp = 0, fp = 0, fn = 0, errors = 0;
        int verified = 0, checked = 0, removed = 0, unavailable = 0, rejected = 0;
        Map<String, Integer> answerers = new java.util.TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            EvalItem item = items.get(i);
            progress.accept(String.format(Locale.ROOT, "ask %d/%d %s", i + 1, items.size(), item.id()));
            EvalTarget.AskOutcome out = target.ask(item);
            latencies.add(out.latencyMs());
            if (out.httpStatus() >= 500) {
                errors++;
            }
            if (out.answerer() != null) {
                answerers.merge(out.answerer(), 1, Integer::sum);
            }
            if (out.sentences() != null) {
                verified++;
                checked += out.sentences();
                removed += out.removed();
            }
            unavailable += out.warnings().contains("llm_unavailable") ? 1 : 0;
            rejected += out.warnings().contains("llm_answer_rejected") ? 1 : 0;
            boolean abstained = "insufficient_evidence".equals(out.status());
            List<String> cited = out.citations().stream().map(EvalTarget.CitedSource::sourceFile).distinct().toList();
            List<String> missing = new ArrayList<>();
            List<String> violated = new ArrayList<>();
            if (item.mustNot() != null) {
                for (String bad : item.mustNot()) {
                    if (!abstained && EvalItem.contains(out.answer(), bad)) {
                        violated.add(bad);
                    }
                }
            }
            violations += violated.isEmpty() ? 0 : 1;
            boolean docHit = false;
            boolean facts = false;
            if (item.expectsAbstention()) {
                unanswerable++;
                if (abstained) {
                    tp++;
                } else {
                    fn++;
                }
            } else {
                answerable++;
                if (abstained) {
                    fp++;
                }
                docHit = item.expectedDoc() != null && cited.contains(item.expectedDoc());
                docHits += docHit ? 1 : 0;
                if (item.keyFacts() != null) {
                    for (String fact : item.keyFacts()) {
                        if (abstained || !EvalItem.contains(out.answer(), fact)) {
                            missing.add(fact);
                        }
                    }
                }
                facts = missing.isEmpty() && !abstained;
                factPasses += facts ? 1 : 0;
                if (item.expectedSection() != null && out.citations().stream().anyMatch(c -> sameSection(c.section(), item.expectedSection()))) {
                    sectionHits++;
                }
                if (item.expectedPage() != null) {
                    pageItems++;
                    if (out.citations().stream().anyMatch(c -> item.expectedPage().equals(c.page()) && item.expectedDoc().equals(c.sourceFile()))) {
                        pageHits++;
                    }
                }
            }
            if (!abstained && out.httpStatus() == 200) {
                answered++;
                complete += citationComplete(out) ? 1 : 0;
            }
            results.add(new ItemResult(item.id(), item.question(), item.expectedDoc(), out.status(), item.expectsAbstention(),
                    docHit, facts, missing, violated, cited, out.latencyMs(), out.coverage(), out.similarity(),
                    out.abstentionReason()));
        }
        long withSection = items.stream().filter(i -> !i.expectsAbstention() && i.expectedSection() != null).count();
        AnswerScores answers = new AnswerScores(items.size(), answerable, unanswerable, ratio(docHits, answerable),
                ratio(factPasses, answerable), violations, ratio(complete, answered), ratio(sectionHits, (int) withSection),
                ratio(pageHits, pageItems), ratio(tp, tp + fp), ratio(tp, tp + fn), fp, fn, errors,
                Percentiles.of(latencies, 50), Percentiles.of(latencies, 95));
        GenerationScores generation = new GenerationScores(answerers, verified, checked, removed, ratio(removed, checked),
                unavailable, rejected);
        return new Report(name, retrieval, answers, generation, results);
    }

    private RetrievalScores retrieval(String retriever, List<EvalItem> items) {
        int n = 0, h1 = 0, h3 = 0, h5 = 0, sec = 0, secN = 0, page = 0, pageN = 0, followUps = 0, followUpH3 = 0;
        double rr = 0;
        List<Double> latencies = new ArrayList<>();
        for (EvalItem item : items) {
            if (item.expectsAbstention() || item.expectedDoc() == null) {
                continue;
            }
            progress.accept("search " + retriever + " " + item.id());
            EvalTarget.SearchOutcome out = target.search(item, retriever, 10);
            latencies.add(out.latencyMs());
            n++;
            List<EvalTarget.CitedSource> hits = out.hits();
            int first = -1;
            for (int r = 0; r < hits.size(); r++) {
                if (item.expectedDoc().equals(hits.get(r).sourceFile())) {
                    first = r;
                    break;
                }
            }
            h1 += first == 0 ? 1 : 0;
            h3 += first >= 0 && first < 3 ? 1 : 0;
            if (item.history() != null && !item.history().isEmpty()) {
                followUps++;
                followUpH3 += first >= 0 && first < 3 ? 1 : 0;
            }
            h5 += first >= 0 && first < 5 ? 1 : 0;
            rr += first >= 0 ? 1.0 / (first + 1) : 0;
            List<EvalTarget.CitedSource> top3 = hits.subList(0, Math.min(3, hits.size()));
            if (item.expectedSection() != null) {
                secN++;
                sec += top3.stream().anyMatch(h -> item.expectedDoc().equals(h.sourceFile()) && sameSection(h.section(), item.expectedSection())) ? 1 : 0;
            }
            if (item.expectedPage() != null) {
                pageN++;
                page += top3.stream().anyMatch(h -> item.expectedDoc().equals(h.sourceFile()) && item.expectedPage().equals(h.page())) ? 1 : 0;
            }
        }
        return new RetrievalScores(retriever, n, ratio(h1, n), ratio(h3, n), ratio(h5, n), ratio(sec, secN),
                ratio(page, pageN), n == 0 ? 0 : rr / n, Percentiles.of(latencies, 50), Percentiles.of(latencies, 95),
                followUps, ratio(followUpH3, followUps));
    }

    /** Every sentence ends in a marker, and every marker names a citation whose quote is in the answer. */
    static boolean citationComplete(EvalTarget.AskOutcome out) {
        String answer = out.answer().strip();
        if (!answer.matches("(?s).*\\[\\d+]$")) {
            return false;
        }
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (out.citations().stream().noneMatch(c -> c.n() == n && c.quote() != null && !c.quote().isBlank())) {
                return false;
            }
        }
        return true;
    }

    static boolean sameSection(String actual, String expected) {
        return actual != null && EvalItem.normalise(actual).equals(EvalItem.normalise(expected));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
