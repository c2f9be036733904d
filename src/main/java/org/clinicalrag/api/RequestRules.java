package org.clinicalrag.api;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.security.identity.SecurityIdentity;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.feedback.Feedback;
import org.clinicalrag.ingest.Audience;
import org.clinicalrag.retrieve.SearchFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks requests against the limits in {@link RagConfig} and turns them into pipeline commands. */
@ApplicationScoped
public class RequestRules {

    private static final Set<String> MODES = Set.of("auto", "extractive", "generative");
    private static final int MAX_TURNS = 20;
    /** Every requestId the server hands out is a random UUID in this form. */
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final RagConfig config;

    public RequestRules(RagConfig config) {
        this.config = config;
    }

    /** {@code caller}: a patient is always answered from patient documents, whatever the request says. */
    AskService.AskCommand ask(AskRequest request, SecurityIdentity caller) {
        if (request == null) {
            throw ProblemException.badRequest("The request body is required: {\"question\": \"…\"}.");
        }
        String question = question(request.question());
        String mode = request.mode() == null ? "auto" : request.mode().strip().toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw ProblemException.badRequest("mode must be auto, extractive or generative.");
        }
        if (mode.equals("generative") && config.llm().provider().strip().equalsIgnoreCase("none")) {
            throw ProblemException.badRequest("mode 'generative' needs a language model, and none is configured "
                    + "(rag.llm.provider); use auto or extractive.");
        }
        List<AskService.Turn> history = history(request.history());
        AskRequest.Filters f = request.filters();
        SearchFilter filter = new SearchFilter(readerAudience(request.audience(), caller),
                f == null || f.documentIds() == null ? Set.of() : Set.copyOf(f.documentIds()),
                f == null || f.tags() == null ? Set.of() : Set.copyOf(f.tags()),
                f != null && Boolean.TRUE.equals(f.includeSuperseded()));
        return new AskService.AskCommand(question, history, filter, topK(request.topK()),
                AskService.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
    }

    /**
     * A rating, checked: a requestId in the form the server issues, rating exactly up or down, and a comment no longer
     * than a question may be. A blank comment is no comment.
     */
    FeedbackResource.FeedbackRequest feedback(FeedbackResource.FeedbackRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("The request body is required: {\"requestId\": \"…\", \"rating\": \"up\"|\"down\"}.");
        }
        if (request.requestId() == null || request.requestId().isBlank()) {
            throw ProblemException.badRequest("requestId is required: the requestId of the /v1/ask response you are rating.");
        }
        String requestId = request.requestId().strip();
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw ProblemException.badRequest("requestId must be the requestId of a /v1/ask response (a UUID).");
        }
        if (!Feedback.UP.equals(request.rating()) && !Feedback.DOWN.equals(request.rating())) {
            throw ProblemException.badRequest("rating must be \"up\" or \"down\".");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > config.limits().maxQuestionChars()) {
            throw ProblemException.badRequest("comment is " + comment.length() + " characters; the limit is "
                    + config.limits().maxQuestionChars() + ".");
        }
        return new FeedbackResource.FeedbackRequest(requestId, request.rating(), comment);
    }

    /** Conversation turns, checked: a known role each, each within the question length limit. */
    List<AskService.Turn> history(List<AskRequest.HistoryTurn> turns) {
        List<AskService.Turn> history = new ArrayList<>();
        if (turns == null) {
            return history;
        }
        if (turns.size() > MAX_TURNS) {
            throw ProblemException.badRequest("history holds at most " + MAX_TURNS + " turns.");
        }
        for (AskRequest.HistoryTurn turn : turns) {
            if (turn == null || turn.role() == null || !Set.of("user", "assistant").contains(turn.role().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("Each history turn needs role 'user' or 'assistant'.");
            }
            if (turn.content() != null && turn.content().length() > config.limits().maxQuestionChars()) {
                throw ProblemException.badRequest("A history turn is longer than " + config.limits().maxQuestionChars() + " characters.");
            }
            history.add(new AskService.Turn(turn.role().toLowerCase(Locale.ROOT), turn.content()));
        }
        return history;
    }

    String question(String question) {
        if (question == null || question.isBlank()) {
            throw ProblemException.badRequest("question must not be empty.");
        }
        if (question.length() > config.limits().maxQuestionChars()) {
            throw ProblemException.badRequest("question is " + question.length() + " characters; the limit is "
                    + config.limits().maxQuestionChars() + ".");
        }
        return question.strip();
    }

    int topK(Integer topK) {
        if (topK == null) {
            return config.retrieval().topK();
        }
        if (topK < 1 || topK > config.limits().maxTopK()) {
            throw ProblemException.badRequest("topK must be between 1 and " + config.limits().maxTopK() + ", not " + topK + ".");
        }
        return topK;
    }

    static Audience readerAudience(String requested, SecurityIdentity caller) {
        boolean patientOnly = caller.hasRole(Roles.PATIENT) && !caller.hasRole(Roles.CLINICIAN) && !caller.hasRole(Roles.ADMIN);
        return patientOnly ? Audience.PATIENT : audience(requested);
    }

    static Audience audience(String audience) {
        Audience a = Audience.parse(audience);
        return a == null ? Audience.CLINICIAN : a;
    }
}
