package org.clinicalrag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.clinicalrag.Pipeline;
import org.clinicalrag.answer.AnswerStatus;
import org.clinicalrag.answer.Citation;
import org.clinicalrag.api.security.CallerRole;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.answer.AnswerListener;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.retrieve.Evidence;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /v1/ask: a question in, a cited answer (or an explicit abstention) out. POST /v1/ask/stream: the same as
 * Server-Sent Events: {@code citations} (the numbered passages the answerer reads), {@code delta} (text as it is
 * written, provisional) and {@code done} (the full, verified response, as /v1/ask returns it). Every answer is
 * audited and counted by status.
 */
@Path("/v1/ask")
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
public class AskResource {

    private static final Logger LOG = Logger.getLogger(AskResource.class);

    /** One passage of the {@code citations} event, numbered as the answerer (and its [n] markers in deltas) sees it. */
    public record StreamPassage(int n, String passageId, String documentId, String title, String version,
                                LocalDate effectiveDate, String documentStatus, String section, Integer page,
                                String sourceFile) {
    }

    public record StreamCitations(List<StreamPassage> passages) {
    }

    public record StreamDelta(String text) {
    }

    private final Pipeline pipeline;
    private final RequestRules rules;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final SecurityIdentity caller;
    private final MeterRegistry metrics;

    public AskResource(Pipeline pipeline, RequestRules rules, ObjectMapper json, AuditTrail audit,
                       SecurityIdentity caller, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.json = json;
        this.audit = audit;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AskResponse ask(AskRequest request) {
        return audited(pipeline.ask().ask(rules.ask(request, caller)));
    }

    /** One audit record and the status counters for every answer, streamed or not; the response body. */
    private AskResponse audited(AskService.AskResult result) {
        audit.append(result.requestId(), caller.getPrincipal().getName(), CallerRole.of(caller), "ask", result.question(),
                result.answer().citations().stream().map(Citation::passageId).distinct().toList(),
                result.answer().citations().stream().map(c -> c.documentId() + "@" + c.version()).distinct().toList(),
                result.answer().status().wire(), result.answer().answerer());
        metrics.counter("rag.answers", "status", result.answer().status().wire()).increment();
        if (result.answer().status() == AnswerStatus.HANDOFF) {
            metrics.counter("rag.handoffs", "reason", result.answer().confidence().abstentionReason()).increment();
        }
        return AskResponse.from(result);
    }

    @POST
    @Path("stream")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(AskRequest request, @Context SseEventSink sink, @Context Sse sse) {
        AskService.AskCommand command = rules.ask(request, caller); // invalid requests fail here, as problem+json, before any event
        try {
            AskService.AskResult result = pipeline.ask().ask(command, new AnswerListener() {
                @Override
                public void passages(List<Evidence> numbered) {
                    List<StreamPassage> passages = new ArrayList<>();
                    for (int i = 0; i < numbered.size(); i++) {
                        Evidence e = numbered.get(i);
                        GuidelineDocument d = e.document();
                        passages.add(new StreamPassage(i + 1, e.passage().passageId(), d.documentId(), d.title(), d.version(),
                                d.effectiveDate(), d.status().wire(), e.passage().section(), e.passage().page(), d.sourceFile()));
                    }
                    send(sink, sse, json, "citations", new StreamCitations(passages));
                }

                @Override
                public void delta(String text) {
                    send(sink, sse, json, "delta", new StreamDelta(text));
                }
            });
            send(sink, sse, json, "done", audited(result));
        } catch (RuntimeException e) {
            // Headers are out: the failure can only be told as an event. Same policy as ProblemMapper: class name only.
            LOG.errorf("Unexpected %s while streaming an answer", e.getClass().getName());
            send(sink, sse, json, "error", Problem.of(500, "Internal error", "The server could not complete the answer.", "/v1/ask/stream"));
        } finally {
            sink.close();
        }
    }

    /** Sends one event and waits for it to be written, so events keep their order; a gone client is not an error. */
    private static void send(SseEventSink sink, Sse sse, ObjectMapper json, String name, Object data) {
        if (sink.isClosed()) {
            return;
        }
        try {
            // Serialised here, not by the sink: a typed event would add a non-standard content-type line to each event.
            OutboundSseEvent event = sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
            sink.send(event).toCompletableFuture().join();
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf("Stream event %s not delivered (%s)", name, e.getClass().getSimpleName());
        }
    }
}
