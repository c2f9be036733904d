package org.clinicalrag.feedback;

import org.clinicalrag.audit.AuditRecord;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.PhiSpan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one rating of an answer: finds the answer in the audit trail, removes patient identifiers from the comment,
 * resolves the cited passages to file, section and page, stores the rating and audits it. Only the caller who was
 * given an answer may rate it; to anyone else it does not exist, so a request id says nothing about other callers.
 */
public class FeedbackRecorder {

    /** The ask action in the audit trail; streamed answers are audited under it too. */
    public static final String ANSWER_ACTION = "ask";
    public static final String FEEDBACK_ACTION = "feedback";

    /** What was stored, and which identifiers were taken out of the comment (types and places, never values). */
    public record Recorded(Feedback feedback, List<PhiSpan> removedFromComment) {
    }

    private final FeedbackLog log;
    private final AuditTrail audit;
    private final GuidelineIndex index;
    private final Deidentifier deidentifier;
    private final Clock clock;

    public FeedbackRecorder(FeedbackLog log, AuditTrail audit, GuidelineIndex index, Deidentifier deidentifier, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.index = index;
        this.deidentifier = deidentifier;
        this.clock = clock;
    }

    /**
     * @param rating  {@link Feedback#UP} or {@link Feedback#DOWN}, already checked
     * @param comment free text, or null; it is de-identified before anything else sees it
     * @return empty when this caller was never given an answer with this request id
     */
    public Optional<Recorded> record(String requestId, String caller, String role, String rating, String comment) {
        Optional<AuditRecord> answer = audit.find(requestId, ANSWER_ACTION).filter(a -> caller.equals(a.caller()));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Deidentified clean = comment == null ? null : deidentifier.deidentify(comment);
        List<String> cited = answer.get().passages() == null ? List.of() : answer.get().passages();
        Feedback feedback = new Feedback(UUID.randomUUID().toString(), Instant.now(clock).toString(), requestId, caller,
                role, rating, clean == null ? null : clean.text(), cited.stream().map(this::source).toList());
        log.append(feedback);
        audit.append(requestId, caller, role, FEEDBACK_ACTION, null, null, null, rating, null);
        return Optional.of(new Recorded(feedback, clean == null ? List.of() : clean.removed()));
    }

    private Feedback.CitedSource source(String passageId) {
        Optional<Passage> passage = index.passage(passageId);
        if (passage.isEmpty()) {
            return new Feedback.CitedSource(passageId, null, null, null, null, null); // deleted since the answer
        }
        Passage p = passage.get();
        GuidelineDocument document = index.documents().get(GuidelineDocument.key(p.documentId(), p.version()));
        return new Feedback.CitedSource(passageId, p.documentId(), p.version(),
                document == null ? null : document.sourceFile(), p.section(), p.page());
    }
}
