package org.clinicalrag.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.clinicalrag.Pipeline;
import org.clinicalrag.api.security.CallerRole;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.retrieve.Evidence;
import org.clinicalrag.retrieve.RetrievalService;
import org.clinicalrag.retrieve.SearchFilter;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** /v1/search: passages only, with the retriever of the caller's choice (hybrid, bm25, dense). */
@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINICIAN)
public class SearchResource {

    /** {@code history}, optional: earlier turns, so that a follow-up is searched as the question it stands for. */
    public record SearchRequest(String q, Integer topK, String retriever, String audience, AskRequest.Filters filters,
                                List<AskRequest.HistoryTurn> history) {
    }

    public record SearchHit(int rank, String passageId, String documentId, String title, String version,
                            LocalDate effectiveDate, String documentStatus, String section, Integer page, String text,
                            double score, double similarity, String sourceFile) {
    }

    public record SearchResponse(String requestId, String retriever, List<SearchHit> results, long tookMs) {
    }

    private final Pipeline pipeline;
    private final RequestRules rules;
    private final AuditTrail audit;
    private final SecurityIdentity caller;

    public SearchResource(Pipeline pipeline, RequestRules rules, AuditTrail audit, SecurityIdentity caller) {
        this.pipeline = pipeline;
        this.rules = rules;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    public SearchResponse get(@QueryParam("q") String q, @QueryParam("topK") Integer topK,
                              @QueryParam("retriever") String retriever, @QueryParam("audience") String audience) {
        return search(new SearchRequest(q, topK, retriever, audience, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SearchResponse post(SearchRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("The request body is required: {\"q\": \"…\"}.");
        }
        return search(request);
    }

    private SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        String q = pipeline.deidentifier().deidentify(rules.question(request.q())).text();
        List<AskService.Turn> history = rules.history(request.history()).stream()
                .map(t -> new AskService.Turn(t.role(), pipeline.deidentifier().deidentify(t.content() == null ? "" : t.content()).text()))
                .toList();
        if (!history.isEmpty()) {
            q = pipeline.ask().standalone(q, history, AskService.Mode.AUTO);
        }
        int k = rules.topK(request.topK());
        RetrievalService.Mode mode = RetrievalService.Mode.parse(request.retriever());
        AskRequest.Filters f = request.filters();
        SearchFilter filter = new SearchFilter(RequestRules.readerAudience(request.audience(), caller),
                f == null || f.documentIds() == null ? Set.of() : Set.copyOf(f.documentIds()),
                f == null || f.tags() == null ? Set.of() : Set.copyOf(f.tags()),
                f != null && Boolean.TRUE.equals(f.includeSuperseded()));
        List<Evidence> evidence = pipeline.retrieval().retrieve(pipeline.retrieval().question(q), filter, k, mode);
        List<SearchHit> hits = evidence.stream().map(e -> {
            GuidelineDocument d = e.document();
            return new SearchHit(e.rank(), e.passage().passageId(), d.documentId(), d.title(), d.version(),
                    d.effectiveDate(), d.status().wire(), e.passage().section(), e.passage().page(), e.passage().text(),
                    Math.round(e.score() * 10000) / 10000.0, Math.round(e.similarity() * 10000) / 10000.0, d.sourceFile());
        }).toList();
        String requestId = UUID.randomUUID().toString();
        audit.append(requestId, caller.getPrincipal().getName(), CallerRole.of(caller), "search", pipeline.outbound().apply(q),
                hits.stream().map(SearchHit::passageId).toList(), null, "ok", mode.name().toLowerCase(java.util.Locale.ROOT));
        return new SearchResponse(requestId, mode.name().toLowerCase(java.util.Locale.ROOT), hits,
                (System.nanoTime() - start) / 1_000_000);
    }
}
