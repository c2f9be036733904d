package org.clinicalrag.answer;

import org.clinicalrag.ingest.Audience;
import org.clinicalrag.retrieve.Evidence;
import org.clinicalrag.retrieve.Question;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.retrieve.SearchFilter;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.InstructionDetector;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.safety.PhiSpan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One question through the pipeline: remove patient identifiers, condense the conversation into a standalone
 * question, retrieve, keep instruction-like passages out of the evidence, hand patients' urgent questions to a
 * person, answer (model or extractive), and time each stage.
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

    /** {@code question}: the de-identified question after the outbound pass, the only form that may be stored. */
    public record AskResult(String requestId, String question, Answer answer, List<Evidence> evidence,
                            Map<String, Long> timingsMs) {
    }

    private final RetrievalService retrieval;
    private final Answerer extractive;
    private final Optional<Answerer> generative;
    private final QuestionCondenser condenser;
    private final Deidentifier deidentifier;
    private final UnaryOperator<String> outbound;
    private final PatientHandoff handoff;

    /**
     * @param generative the model-backed answerer, when a model is configured
     * @param condenser  how follow-ups become standalone questions outside extractive mode (extractive mode always
     *                   condenses by rule: no model is involved in it at all)
     * @param outbound   the last pass over de-identified text that leaves the server (a model request, the stored
     *                   question): retrieval sees the text before it
     */
    public AskService(RetrievalService retrieval, Answerer extractive, Optional<Answerer> generative,
                      QuestionCondenser condenser, Deidentifier deidentifier, UnaryOperator<String> outbound,
                      PatientHandoff handoff) {
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.generative = generative;
        this.condenser = condenser;
        this.deidentifier = deidentifier;
        this.outbound = outbound;
        this.handoff = handoff;
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
        // Identifiers go first: nothing after this point, the model included, sees the caller's raw text.
        Deidentified asked = deidentifier.deidentify(command.question());
        List<PhiSpan> removed = new ArrayList<>(asked.removed());
        List<Turn> history = new ArrayList<>();
        for (Turn turn : command.history() == null ? List.<Turn>of() : command.history()) {
            Deidentified content = deidentifier.deidentify(turn.content() == null ? "" : turn.content());
            removed.addAll(content.removed());
            history.add(new Turn(turn.role(), content.text()));
        }
        timings.put("deidentify", ms(start));
        long t = System.nanoTime();
        String standalone = standalone(asked.text(), history, command.mode());
        if (!history.isEmpty()) {
            timings.put("condense", ms(t));
        }
        String stored = outbound.apply(standalone); // what a model may see and the audit trail may keep
        Question question = retrieval.question(standalone);
        t = System.nanoTime();
        List<Evidence> retrieved = retrieval.retrieve(question, command.filter(), command.topK(), RetrievalService.Mode.HYBRID);
        // Text addressed to an assistant is data, never evidence: no answerer, and no model prompt, ever sees it.
        List<Evidence> flagged = retrieved.stream().filter(e -> e.passage().instructionLike()).toList();
        List<Evidence> evidence = namedVersionOnly(standalone,
                retrieved.stream().map(AskService::withoutInstructions).flatMap(Optional::stream).toList());
        timings.put("retrieve", ms(t));
        t = System.nanoTime();
        Optional<String> handoffReason = command.filter().reader() == Audience.PATIENT
                ? handoff.reason(standalone) : Optional.empty();
        Answer answer;
        if (handoffReason.isPresent()) {
            List<Evidence> contacts = contactEvidence(standalone, evidence, command.filter());
            listener.passages(contacts);
            answer = handoff.answer(handoffReason.get(), standalone, contacts);
            listener.delta(answer.text());
        } else {
            answer = useModel ? generative.get().answer(stored, evidence, listener)
                    : extractive.answer(standalone, evidence, listener);
        }
        timings.put("answer", ms(t));
        if (!removed.isEmpty()) {
            answer = answer.withWarning(phiRemoved(removed));
        }
        if (!flagged.isEmpty() && answer.warnings().stream().noneMatch(w -> w.code().equals(AnswerWarning.INSTRUCTION_IN_SOURCE))) {
            answer = answer.withWarning(new AnswerWarning(AnswerWarning.INSTRUCTION_IN_SOURCE, flagged.stream()
                    .map(e -> "'" + e.document().title() + "' (" + e.passage().section() + ")").distinct()
                    .collect(Collectors.joining(", "))
                    + " contains text addressed to an AI assistant; it was not used as evidence. Report it to the document owner."));
        }
        timings.put("total", ms(start));
        return new AskResult(UUID.randomUUID().toString(), stored, answer, evidence, timings);
    }

    /**
     * The question a follow-up stands for: by the model unless none is configured or the mode is extractive. The
     * model sees the conversation only after the outbound pass.
     */
    public String standalone(String question, List<Turn> history, Mode mode) {
        if (mode == Mode.EXTRACTIVE || generative.isEmpty() || history == null || history.isEmpty()) {
            return ConversationCondenser.standalone(question, history);
        }
        return condenser.standalone(outbound.apply(question),
                history.stream().map(t -> new Turn(t.role(), outbound.apply(t.content()))).toList());
    }

    /** "version 2.0", "v1.0", "revision 3" named in a question. */
    private static final java.util.regex.Pattern NAMED_VERSION = java.util.regex.Pattern.compile(
            "(?i)\\b(?:version|revision|ver\\.|rev\\.)\\s*v?(\\d+(?:\\.\\d+)*)\\b|\\bv(\\d+\\.\\d+)\\b");

    /**
     * "What did version 2.0 recommend…" is answered from version 2.0 itself: when the evidence holds the version a
     * question names, the other versions of that document are set aside, however well their "changes since
     * version 2.0" sections match the words.
     */
    static List<Evidence> namedVersionOnly(String question, List<Evidence> evidence) {
        Set<String> named = new java.util.HashSet<>();
        java.util.regex.Matcher m = NAMED_VERSION.matcher(question);
        while (m.find()) {
            named.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (named.isEmpty()) {
            return evidence;
        }
        Set<String> withNamedVersion = new java.util.HashSet<>();
        for (Evidence e : evidence) {
            if (isNamed(named, e.document().version())) {
                withNamedVersion.add(e.document().documentId());
            }
        }
        return evidence.stream().filter(e -> !withNamedVersion.contains(e.document().documentId())
                || isNamed(named, e.document().version())).toList();
    }

    /** "2" names version "2.0". */
    private static boolean isNamed(Set<String> named, String version) {
        String v = version.replaceAll("(?:\\.0+)+$", "");
        return named.stream().anyMatch(n -> n.replaceAll("(?:\\.0+)+$", "").equals(v));
    }

    /**
     * For a hand-off: the passages of the document the question is about that say whom to contact, so the answer
     * names that document's own clinic or number.
     */
    private List<Evidence> contactEvidence(String question, List<Evidence> evidence, SearchFilter filter) {
        if (evidence.isEmpty()) {
            return evidence;
        }
        String documentId = evidence.getFirst().document().documentId();
        SearchFilter sameDocument = new SearchFilter(filter.reader(), Set.of(documentId), filter.tags(), false);
        List<Evidence> contacts = retrieval.retrieve(retrieval.question("who to contact, call or ring: " + question),
                sameDocument, 6, RetrievalService.Mode.HYBRID).stream().filter(e -> !e.passage().instructionLike()).toList();
        return contacts.isEmpty() ? evidence : contacts;
    }

    /**
     * The passage without its sentences addressed to an assistant; the rest of it still answers. The kept text is
     * the passage's own sentences, so every quote taken from it is still a verbatim span of the stored passage.
     */
    static Optional<Evidence> withoutInstructions(Evidence e) {
        if (!e.passage().instructionLike()) {
            return Optional.of(e);
        }
        String text = e.passage().text();
        StringBuilder kept = new StringBuilder();
        for (int[] span : ExtractiveAnswerer.spans(text)) {
            String sentence = text.substring(span[0], span[1]);
            if (!InstructionDetector.looksLikeInstruction(sentence)) {
                kept.append(kept.isEmpty() ? "" : (text.substring(0, span[0]).endsWith("\n") ? "\n" : " ")).append(sentence);
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Passage p = e.passage();
        Passage redacted = new Passage(p.passageId(), p.documentId(), p.version(), p.ordinal(), p.section(),
                p.sectionPath(), p.page(), kept.toString(), true);
        return Optional.of(new Evidence(redacted, e.document(), e.score(), e.rank(), e.similarity()));
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
