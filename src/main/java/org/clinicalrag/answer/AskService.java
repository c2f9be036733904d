package org.clinicalrag.answer;

import org.clinicalrag.config.RagConfig;
import org.clinicalrag.retrieve.Evidence;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.retrieve.SearchFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One question through the pipeline: condense the conversation into a standalone question, retrieve, answer,
 * and time each stage.
 */
public class AskService {

    /** A conversation turn; only the clinician's or patient's own turns are used for retrieval. */
    public record Turn(String role, String content) {
    }

    public record AskCommand(String question, List<Turn> history, SearchFilter filter, int topK) {
    }

    public record AskResult(String requestId, Answer answer, List<Evidence> evidence, Map<String, Long> timingsMs) {
    }

    private final RetrievalService retrieval;
    private final Answerer extractive;

    public AskService(RetrievalService retrieval, Answerer extractive, RagConfig config) {
        this.retrieval = retrieval;
        this.extractive = extractive;
    }

    public AskResult ask(AskCommand command) {
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        String standalone = ConversationCondenser.standalone(command.question(), command.history());
        Question question = retrieval.question(standalone);
        long t = System.nanoTime();
        List<Evidence> evidence = retrieval.retrieve(question, command.filter(), command.topK(), RetrievalService.Mode.HYBRID);
        timings.put("retrieve", ms(t));
        t = System.nanoTime();
        Answer answer = extractive.answer(standalone, evidence);
        timings.put("answer", ms(t));
        timings.put("total", ms(start));
        return new AskResult(UUID.randomUUID().toString(), answer, evidence, timings);
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
