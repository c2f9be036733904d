package org.clinicalrag.answer;

import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.PhiSpan;
import org.clinicalrag.ingest.Audience;
import org.clinicalrag.retrieve.Evidence;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.retrieve.SearchFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One question through the pipeline: remove patient identifiers, condense the conversation into a standalone
 * question, retrieve, answer, and time each stage.
 */
public class AskService {

    /** A conversation turn; only the clinician's or patient's own turns are used for retrieval. */
    public record Turn(String role, String content) {
    }

    public record AskCommand(String question, List<Turn> history, SearchFilter filter, int topK) {
    }

    /** {@code question}: the de-identified question as retrieval saw it, the only form that may be stored. */
    public record AskResult(String requestId, String question, Answer answer, List<Evidence> evidence,
                            Map<String, Long> timingsMs) {
    }

    private final RetrievalService retrieval;
    private final Answerer extractive;
    private final Deidentifier deidentifier;
    private final PatientHandoff handoff;

    public AskService(RetrievalService retrieval, Answerer extractive, Deidentifier deidentifier, PatientHandoff handoff) {
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.deidentifier = deidentifier;
        this.handoff = handoff;
    }

    public AskResult ask(AskCommand command) {
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        // Identifiers go first: nothing after this line sees the caller's raw text.
        Deidentified asked = deidentifier.deidentify(command.question());
        List<PhiSpan> removed = new ArrayList<>(asked.removed());
        List<Turn> history = new ArrayList<>();
        for (Turn turn : command.history()) {
            Deidentified content = deidentifier.deidentify(turn.content() == null ? "" : turn.content());
            removed.addAll(content.removed());
            history.add(new Turn(turn.role(), content.text()));
        }
        timings.put("deidentify", ms(start));
        String standalone = ConversationCondenser.standalone(asked.text(), history);
        Question question = retrieval.question(standalone);
        long t = System.nanoTime();
        List<Evidence> retrieved = retrieval.retrieve(question, command.filter(), command.topK(), RetrievalService.Mode.HYBRID);
        // Text addressed to an assistant is data, never evidence: no answerer ever sees it.
        List<Evidence> evidence = retrieved.stream().filter(e -> !e.passage().instructionLike()).toList();
        List<Evidence> flagged = retrieved.stream().filter(e -> e.passage().instructionLike()).toList();
        timings.put("retrieve", ms(t));
        t = System.nanoTime();
        Optional<String> handoffReason = command.filter().reader() == Audience.PATIENT
                ? handoff.reason(standalone) : Optional.empty();
        Answer answer = handoffReason.isPresent()
                ? handoff.answer(handoffReason.get(), standalone, contactEvidence(standalone, evidence, command.filter()))
                : extractive.answer(standalone, evidence);
        timings.put("answer", ms(t));
        if (!removed.isEmpty()) {
            answer = answer.withWarning(phiRemoved(removed));
        }
        if (!flagged.isEmpty()) {
            answer = answer.withWarning(new AnswerWarning(AnswerWarning.INSTRUCTION_IN_SOURCE, flagged.stream()
                    .map(e -> "'" + e.document().title() + "' (" + e.passage().section() + ")").distinct()
                    .collect(Collectors.joining(", "))
                    + " contains text addressed to an AI assistant; it was not used as evidence. Report it to the document owner."));
        }
        timings.put("total", ms(start));
        return new AskResult(UUID.randomUUID().toString(), standalone, answer, evidence, timings);
    }

    /**
     * For a hand-off: the passages of the document the question is about that say whom to contact, ahead of the
     * rest, so the answer names that document's own clinic or number.
     */
    private List<Evidence> contactEvidence(String question, List<Evidence> evidence, SearchFilter filter) {
        if (evidence.isEmpty()) {
            return evidence;
        }
        String documentId = evidence.getFirst().document().documentId();
        SearchFilter sameDocument = new SearchFilter(filter.reader(), java.util.Set.of(documentId), filter.tags(), false);
        List<Evidence> contacts = retrieval.retrieve(retrieval.question("who to contact, call or ring: " + question),
                sameDocument, 6, RetrievalService.Mode.HYBRID);
        return contacts.isEmpty() ? evidence : contacts;
    }

    /** Says which kinds of identifier were removed, never their values. */
    static AnswerWarning phiRemoved(List<PhiSpan> removed) {
        String types = removed.stream().map(s -> s.type().name()).distinct().sorted().collect(Collectors.joining(", "));
        return new AnswerWarning(AnswerWarning.PHI_REMOVED, removed.size() + " patient identifier(s) (" + types
                + ") were removed from the question before it was processed; answers do not depend on them.");
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
