package org.clinicalrag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.clinicalrag.Pipeline;
import org.clinicalrag.api.security.CallerRole;
import org.clinicalrag.api.security.Roles;
import org.clinicalrag.audit.AuditTrail;
import org.clinicalrag.config.RagConfig;
import org.clinicalrag.index.GuidelineIndex;
import org.clinicalrag.index.IngestResult;
import org.clinicalrag.ingest.DocumentMetadata;
import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** /v1/documents: upload, list, read and delete guideline documents, and read a cited passage. */
@Path("/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
public class DocumentResource {

    public record UploadResponse(String status, GuidelineDocument document, int passageCount) {
    }

    public record DocumentVersions(String documentId, GuidelineDocument current, List<GuidelineDocument> versions) {
    }

    public record PassageView(Passage passage, GuidelineDocument document) {
    }

    private final Pipeline pipeline;
    private final RagConfig config;
    private final AuditTrail audit;
    private final SecurityIdentity caller;

    public DocumentResource(Pipeline pipeline, RagConfig config, AuditTrail audit, SecurityIdentity caller) {
        this.pipeline = pipeline;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("metadata") String metadata) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("Send the document as the multipart field 'file'.");
        }
        if (file.size() > config.limits().maxUploadBytes()) {
            throw new ProblemException(413, "Document too large", "The document is " + file.size()
                    + " bytes; the limit is " + config.limits().maxUploadBytes() + " bytes (rag.limits.max-upload-bytes).");
        }
        DocumentMetadata upload = parseMetadata(metadata);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IngestResult result = pipeline.library().ingest(content, file.fileName(), upload, null);
        UploadResponse body = new UploadResponse(result.unchanged() ? "unchanged" : "created", result.document(),
                result.document().passageCount());
        audit.append(UUID.randomUUID().toString(), caller.getPrincipal().getName(), CallerRole.of(caller), "document.upload",
                null, null, List.of(result.document().key()), body.status(), null);
        return Response.status(result.unchanged() ? 200 : 201).entity(body).build();
    }

    @GET
    public List<GuidelineDocument> list() {
        return pipeline.index().documents().values().stream()
                .sorted(Comparator.comparing(GuidelineDocument::documentId).thenComparing(GuidelineDocument::ingestedAt))
                .toList();
    }

    @GET
    @Path("{id}")
    public DocumentVersions get(@PathParam("id") String id) {
        List<GuidelineDocument> versions = pipeline.index().versions(id);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("No document with id '" + id + "'.");
        }
        GuidelineDocument current = versions.stream().filter(d -> d.status() == DocumentStatus.CURRENT).findFirst().orElse(null);
        return new DocumentVersions(id, current, versions);
    }

    @GET
    @Path("{id}/passages/{passageId}")
    public PassageView passage(@PathParam("id") String id, @PathParam("passageId") String passageId) {
        Passage passage = pipeline.index().passage(passageId).filter(p -> p.documentId().equals(id))
                .orElseThrow(() -> ProblemException.notFound("No passage '" + passageId + "' in document '" + id + "'."));
        GuidelineDocument document = pipeline.index().documents().get(GuidelineDocument.key(id, passage.version()));
        return new PassageView(passage, document);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") String id) {
        if (!pipeline.library().delete(id)) {
            throw ProblemException.notFound("No document with id '" + id + "'.");
        }
        audit.append(UUID.randomUUID().toString(), caller.getPrincipal().getName(), CallerRole.of(caller), "document.delete",
                null, null, List.of(id), "deleted", null);
        return Response.noContent().build();
    }

    private static DocumentMetadata parseMetadata(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return GuidelineIndex.JSON.readValue(json, DocumentMetadata.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The 'metadata' field is not valid document metadata JSON "
                    + "(fields: documentId, title, version, effectiveDate YYYY-MM-DD, reviewDate, status, supersedes, audience, tags).");
        }
    }
}
