package org.clinicalrag.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clinicalrag.ingest.UnreadableDocumentException;
import org.clinicalrag.ingest.UnsupportedFormatException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every exception becomes an RFC 9457 problem here and nowhere else. Messages of unexpected exceptions are never
 * sent or logged: they can carry request text, and a stack trace helps no caller. Such errors are logged by class
 * name with an incident id that the response repeats.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized",
                "Send an API key: Authorization: Bearer <key>.", uri)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", "The API key is not valid.", uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role may not use this endpoint.", uri);
    }

    @ServerExceptionMapper
    public Response invalidArgument(IllegalArgumentException e, UriInfo uri) {
        return respond(400, "Invalid request", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedFormatException e, UriInfo uri) {
        return respond(415, "Unsupported document format", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableDocumentException e, UriInfo uri) {
        return respond(422, "Document cannot be read", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Malformed JSON", describe(e), uri);
    }

    // Quarkus registers its own mappers for these subtypes; naming them here makes ours the closest match.
    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(400, "Malformed JSON", describe(json), uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "This resource answers with application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send this request with Content-Type application/json (uploads: multipart/form-data).";
            default -> status >= 500 ? "The server could not complete the request." : "The request was not accepted.";
        };
        return respond(status, title, detail, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unexpected %s while serving %s (incident %s)", e.getClass().getName(), uri.getPath(), incident);
        return respond(500, "Internal error", "The server could not complete the request (incident " + incident + ").", uri);
    }

    /** Where the JSON went wrong, by field path and position, without echoing the submitted values. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String expected = e instanceof InvalidFormatException f ? f.getTargetType().getSimpleName()
                    : e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType().getSimpleName() : null;
            return "Field '" + path + "' has the wrong type" + (expected == null ? "" : " (expected " + friendly(expected) + ")") + ".";
        }
        var location = e.getLocation();
        return "The body is not valid JSON" + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")") + ".";
    }

    private static String friendly(String javaType) {
        return switch (javaType) {
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "ArrayList", "Set" -> "an array";
            default -> "an object";
        };
    }

    static Response respond(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, uri == null ? null : uri.getPath())).build();
    }
}
