package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.retrieve.SearchFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One question through the pipeline: condense the conversation into a standalone question, retrieve, answer,
 * and time each stage.
 */
public class AskService {

    /** A conversation turn; only the clinician's or patient's own turns are used for retrieval. */
    public record Turn(String role, String content) {
    }

    /** Who writes the answer: the model when one is configured ({@code AUTO}), never ({@code EXTRACTIVE}), or always. */
    public enum Mode {
        AUTO, EXTRACTIVE, GENERATIVE
    }

    public record AskCommand(String question, List<Turn> history, SearchFilter filter, int topK, Mode mode) {

        public AskCommand(String question, List<Turn> history, SearchFilter filter, int topK) {
            this(question, history, filter, topK, Mode.AUTO);
        }
    }

    public record AskResult(String requestId, Answer answer, List<Evidence> evidence, Map<String, Long> timingsMs) {
    }

    private final RetrievalService retrieval;
    private final Answerer extractive;
    private final Optional<Answerer> generative;
    private final QuestionCondenser condenser;

    /**
     * @param generative the model-backed answerer, when a model is configured
     * @param condenser  how follow-ups become standalone questions outside extractive mode (extractive mode always
     *                   condenses by rule: no model is involved in it at all)
     */
    public AskService(RetrievalService retrieval, Answerer extractive, Optional<Answerer> generative,
                      QuestionCondenser condenser) {
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.generative = generative;
        this.condenser = condenser;
    }

    public boolean generativeAvailable() {
        return generative.isPresent();
    }

    public AskResult ask(AskCommand command) {
        return ask(command, AnswerListener.NONE);
    }

    /** The same, telling {@code listener} the passages and the text as the answer is written (for streaming). */
    public AskResult ask(AskCommand command, AnswerListener listener) {
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        boolean useModel = command.mode() != Mode.EXTRACTIVE && generative.isPresent();
        if (command.mode() == Mode.GENERATIVE && generative.isEmpty()) {
            throw new IllegalArgumentException("mode 'generative' needs a language model, and none is configured (rag.llm.provider).");
        }
        long t = System.nanoTime();
        String standalone = standalone(command.question(), command.history(), command.mode());
        if (command.history() != null && !command.history().isEmpty()) {
            timings.put("condense", ms(t));
        }
        Question question = retrieval.question(standalone);
        t = System.nanoTime();
        List<Evidence> evidence = retrieval.retrieve(question, command.filter(), command.topK(), RetrievalService.Mode.HYBRID);
        timings.put("retrieve", ms(t));
        t = System.nanoTime();
        Answer answer = (useModel ? generative.get() : extractive).answer(standalone, evidence, listener);
        timings.put("answer", ms(t));
        timings.put("total", ms(start));
        return new AskResult(UUID.randomUUID().toString(), answer, evidence, timings);
    }

    /** The question a follow-up stands for: by the model unless none is configured or the mode is extractive. */
    public String standalone(String question, List<Turn> history, Mode mode) {
        return mode != Mode.EXTRACTIVE && generative.isPresent() ? condenser.standalone(question, history)
                : ConversationCondenser.standalone(question, history);
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
