package org.clinicalrag.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.clinicalrag.answer.AnswerWarning;
import org.clinicalrag.api.security.CallerRole;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.feedback.FeedbackRecorder;
import org.clinicalrag.safety.PhiSpan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POST /v1/feedback: a thumbs up or down, with an optional comment, on an answer the caller was given. 201 once the
 * rating is on disk; 422 for a request id that was not answered to this caller. The comment is de-identified before
 * it is stored and is never logged; {@code ./run feedback-export} turns thumbs-down ratings into draft eval items.
 */
@Path("/v1/feedback")
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ADMIN})
public class FeedbackResource {

    /** {@code comment}: optional free text, at most rag.limits.max-question-chars characters. */
    public record FeedbackRequest(String requestId, String rating, String comment) {
    }

    public record FeedbackResponse(String feedbackId, String requestId, String rating, List<AnswerWarning> warnings) {
    }

    private final FeedbackRecorder recorder;
    private final RequestRules rules;
    private final SecurityIdentity caller;
    private final MeterRegistry metrics;

    public FeedbackResource(FeedbackRecorder recorder, RequestRules rules, SecurityIdentity caller, MeterRegistry metrics) {
        this.recorder = recorder;
        this.rules = rules;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rate(FeedbackRequest request) {
        FeedbackRequest checked = rules.feedback(request);
        FeedbackRecorder.Recorded recorded = recorder.record(checked.requestId(), caller.getPrincipal().getName(),
                CallerRole.of(caller), checked.rating(), checked.comment()).orElseThrow(() -> new ProblemException(422,
                "Unknown request", "No answer with requestId " + checked.requestId()
                + " was given to this caller; send the requestId of one of your /v1/ask responses."));
        metrics.counter("rag.feedback", "rating", checked.rating()).increment();
        List<AnswerWarning> warnings = recorded.removedFromComment().isEmpty() ? List.of()
                : List.of(phiRemoved(recorded.removedFromComment()));
        return Response.status(Response.Status.CREATED).entity(new FeedbackResponse(recorded.feedback().feedbackId(),
                checked.requestId(), checked.rating(), warnings)).build();
    }

    /** Says which kinds of identifier were removed, never their values. */
    private static AnswerWarning phiRemoved(List<PhiSpan> removed) {
        String types = removed.stream().map(s -> s.type().name()).distinct().sorted().collect(Collectors.joining(", "));
        return new AnswerWarning(AnswerWarning.PHI_REMOVED, removed.size() + " patient identifier(s) (" + types
                + ") were removed from the comment before it was stored.");
    }
}
