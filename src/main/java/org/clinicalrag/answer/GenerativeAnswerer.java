package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Answers with the configured model from the best passages, then lets only verified sentences through
 * ({@link CitationVerifier}), each with a verbatim quote per cited passage. Whatever goes wrong falls back to the
 * extractive answer with a warning that says why: {@code llm_unavailable} when the model failed,
 * {@code llm_answer_rejected} when none of its sentences survived verification.
 */
public class GenerativeAnswerer implements Answerer {

    private static final Logger LOG = Logger.getLogger(GenerativeAnswerer.class);

    private final ChatEndpoint model;
    private final Answerer extractive;
    private final CoverageCheck coverage;
    private final CitationVerifier verifier;
    private final int passages;
    private final boolean keepUnverified;
    private final Clock clock;

    /**
     * @param passages       how many of the best retrieved passages the model reads
     * @param keepUnverified keep failing sentences (without citations, with an unverified_claim warning) instead
     *                       of removing them
     */
    public GenerativeAnswerer(ChatEndpoint model, Answerer extractive, CoverageCheck coverage, CitationVerifier verifier, int passages,
                              boolean keepUnverified, Clock clock) {
        this.model = model;
        this.extractive = extractive;
        this.coverage = coverage;
        this.verifier = verifier;
        this.passages = passages;
        this.keepUnverified = keepUnverified;
        this.clock = clock;
    }

    public String name() {
        return model.name();
    }

    @Override
    public Answer answer(String question, List<Evidence> evidence) {
        return answer(question, evidence, AnswerListener.NONE);
    }

    @Override
    public Answer answer(String question, List<Evidence> evidence, AnswerListener listener) {
        List<Evidence> given = List.copyOf(evidence.subList(0, Math.min(passages, evidence.size())));
        listener.passages(given);
        if (given.isEmpty()) {
            return extractive.answer(question, evidence); // nothing to ground on: the extractive answer abstains
        }
        Optional<String> gap = coverage.notCovered(question, evidence);
        if (gap.isPresent()) { // a model asked anyway would answer from the nearest passage, about something else
            return ExtractiveAnswerer.abstain(new Answer.Confidence(0, round2(given.getFirst().similarity()), gap.get()));
        }
        GroundingPrompt.Messages prompt = GroundingPrompt.of(question, given);
        String reply;
        long start = System.nanoTime();
        try {
            reply = listener.wantsText() ? model.stream(prompt.system(), prompt.user(), listener::delta)
                    : model.chat(prompt.system(), prompt.user());
        } catch (ChatEndpoint.Unavailable e) {
            LOG.warnf("Model %s unavailable after %d ms (%s); answering extractively", model.name(),
                    (System.nanoTime() - start) / 1_000_000, e.getMessage());
            return extractive.answer(question, evidence).withLeadingWarning(new AnswerWarning(AnswerWarning.LLM_UNAVAILABLE,
                    "The language model (" + model.name() + ") did not answer in time or failed; this answer quotes the passages instead."), null);
        }
        CitationVerifier.Result result = verifier.verify(reply, given, question);
        Answer.Verification tally = new Answer.Verification(result.sentences().size(),
                keepUnverified ? 0 : result.failed(), keepUnverified ? result.failed() : 0);
        if (result.failed() > 0) {
            LOG.infof("Model %s: %d of %d sentences failed verification (%s)", model.name(), result.failed(),
                    result.sentences().size(), result.sentences().stream().filter(s -> !s.verified()).map(s -> s.failure().name()).toList());
        }
        if (result.verified().isEmpty()) {
            if (result.insufficient()) {
                Answer abstained = ExtractiveAnswerer.abstain(null);
                return new Answer(AnswerStatus.INSUFFICIENT_EVIDENCE, abstained.text(), List.of(),
                        instructionWarning(result), model.name(), null, tally);
            }
            return extractive.answer(question, evidence).withLeadingWarning(new AnswerWarning(AnswerWarning.LLM_ANSWER_REJECTED,
                    "No sentence of the language model's answer could be verified against the passages it cited; "
                            + "this answer quotes the passages instead."), tally);
        }
        return compose(result, given, tally);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The verified (and, when kept, unverified) sentences in reply order, with citations renumbered per quote. */
    private Answer compose(CitationVerifier.Result result, List<Evidence> given, Answer.Verification tally) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, AnswerWarning> warnings = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        int sentence = 0;
        for (CitationVerifier.Sentence s : result.sentences()) {
            sentence++;
            if (!s.verified()) {
                if (keepUnverified) {
                    append(text, s.text());
                    warnings.put(AnswerWarning.UNVERIFIED_CLAIM + sentence, new AnswerWarning(AnswerWarning.UNVERIFIED_CLAIM,
                            "Sentence " + sentence + " could not be verified (" + s.failure().reason + "); it carries no citation."));
                }
                continue;
            }
            StringBuilder markers = new StringBuilder();
            for (Map.Entry<Integer, String> quote : s.quotes().entrySet()) {
                Evidence e = given.get(quote.getKey() - 1);
                String key = e.passage().passageId() + '\n' + quote.getValue();
                Integer n = numbers.get(key);
                if (n == null) {
                    n = citations.size() + 1;
                    numbers.put(key, n);
                    citations.add(Citation.of(n, e, quote.getValue(), Math.round(e.score() * 1000) / 1000.0));
                    SourceWarnings.add(warnings, n, e.document(), today);
                }
                markers.append('[').append(n).append(']');
            }
            append(text, s.text() + " " + markers);
        }
        List<AnswerWarning> all = new ArrayList<>(instructionWarning(result));
        all.addAll(warnings.values());
        return new Answer(AnswerStatus.ANSWERED, text.toString(), citations, all, model.name(), null, tally);
    }

    private static void append(StringBuilder text, String sentence) {
        text.append(text.isEmpty() ? "" : " ").append(sentence);
    }

    private static List<AnswerWarning> instructionWarning(CitationVerifier.Result result) {
        if (result.passagesWithInstructions().isEmpty()) {
            return List.of();
        }
        return List.of(new AnswerWarning(AnswerWarning.INSTRUCTION_IN_SOURCE, "Passage(s) "
                + result.passagesWithInstructions() + " given to the model contain text addressed to a model; "
                + "it was treated as data, never as evidence."));
    }
}
