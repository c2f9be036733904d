package org.clinicalrag.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One rating of one answer, as stored: who rated it (key id and role, never the key), the answer's request id,
 * {@code up} or {@code down}, the de-identified comment, and the passages the answer cited, resolved to file,
 * section and page when the rating was given (documents change later; the reviewer needs what the reader saw).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feedback(String feedbackId, String time, String requestId, String caller, String role, String rating,
                       String comment, List<CitedSource> sources) {

    public static final String UP = "up";
    public static final String DOWN = "down";

    public Feedback {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A cited passage; {@code sourceFile}, {@code section} and {@code page} are null when it is no longer indexed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CitedSource(String passageId, String documentId, String version, String sourceFile, String section,
                              Integer page) {
    }
}
