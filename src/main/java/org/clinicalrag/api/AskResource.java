package org.clinicalrag.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicalrag.Pipeline;

/** POST /v1/ask: a question in, a cited answer (or an explicit abstention) out. */
@Path("/v1/ask")
public class AskResource {

    private final Pipeline pipeline;
    private final RequestRules rules;

    public AskResource(Pipeline pipeline, RequestRules rules) {
        this.pipeline = pipeline;
        this.rules = rules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AskResponse ask(AskRequest request) {
        return AskResponse.from(pipeline.ask().ask(rules.ask(request)));
    }
}
