package org.clinicalrag.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.clinicalrag.audit.AuditRecord;
import org.clinicalrag.feedback.Feedback;

import java.util.List;

/**
 * A rated answer as an evaluation item awaiting clinical review, in the eval-set format (DESIGN.md) so that a
 * reviewer edits it in place: the de-identified question, the cited passages as candidate expected sources (the
 * first one pre-filled as {@code expected_doc}/{@code expected_section}/{@code expected_page}), empty
 * {@code key_facts} and {@code must_not} for the reviewer to write, and the rater's comment as a note.
 * {@code "review": "draft"} keeps it out of scoring ({@link EvalItem#draft()}) and fails {@code check_eval.py}
 * until the reviewer removes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftEvalItem(String id, String question, String audience, List<Object> history,
                            @JsonProperty("expected_doc") String expectedDoc,
                            @JsonProperty("expected_section") String expectedSection,
                            @JsonProperty("expected_page") Integer expectedPage,
                            @JsonProperty("key_facts") List<String> keyFacts,
                            @JsonProperty("must_not") List<String> mustNot,
                            String review,
                            @JsonProperty("reviewer_note") String reviewerNote,
                            @JsonProperty("candidate_sources") List<Feedback.CitedSource> candidateSources,
                            Origin feedback) {

    public static final String DRAFT = "draft";

    /** Where the draft came from, so a reviewer can find the answer in the audit trail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String requestId, String feedbackId, String rating, @JsonProperty("answer_status") String answerStatus,
                         String answerer, @JsonProperty("answered_at") String answeredAt,
                         @JsonProperty("rated_at") String ratedAt) {
    }

    /** {@code answer}: the audited ask that {@code feedback} rates (same request id). */
    static DraftEvalItem of(Feedback feedback, AuditRecord answer) {
        Feedback.CitedSource first = feedback.sources().stream().filter(s -> s.sourceFile() != null).findFirst().orElse(null);
        // The audit trail knows the caller's role, not the audience the request named; a patient key is always answered as a patient.
        String audience = "patient".equals(answer.role()) ? "patient" : "clinician";
        return new DraftEvalItem("fb-" + feedback.requestId().substring(0, 8), answer.question(), audience, List.of(),
                first == null ? null : first.sourceFile(), first == null ? null : first.section(),
                first == null ? null : first.page(), List.of(), List.of(), DRAFT, feedback.comment(), feedback.sources(),
                new Origin(feedback.requestId(), feedback.feedbackId(), feedback.rating(), answer.status(),
                        answer.answerer(), answer.time(), feedback.time()));
    }
}
