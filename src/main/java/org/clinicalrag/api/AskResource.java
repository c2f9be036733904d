package org.clinicalrag.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.clinicalrag.Pipeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.clinicalrag.answer.AnswerStatus;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.answer.Citation;
import org.clinicalrag.api.security.CallerRole;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.audit.AuditTrail;

/** POST /v1/ask: a question in, a cited answer (or an explicit abstention) out; every call is audited. */
@Path("/v1/ask")
@RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
public class AskResource {

    private final Pipeline pipeline;
    private final RequestRules rules;
    private final AuditTrail audit;
    private final SecurityIdentity caller;

    private final MeterRegistry metrics;

    public AskResource(Pipeline pipeline, RequestRules rules, AuditTrail audit, SecurityIdentity caller, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.audit = audit;
        this.caller = caller;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AskResponse ask(AskRequest request) {
        AskService.AskResult result = pipeline.ask().ask(rules.ask(request, caller));
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
}
