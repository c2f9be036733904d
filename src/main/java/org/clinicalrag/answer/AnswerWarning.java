package org.clinicalrag.answer;

/** Something the reader must know about an answer (a stale or superseded source, removed identifiers, …). */
public record AnswerWarning(String code, String message) {

    public static final String SUPERSEDED_SOURCE = "superseded_source";
    public static final String STALE_SOURCE = "stale_source";
    public static final String LOW_CONFIDENCE = "low_confidence";
    public static final String UNVERIFIED_CLAIM = "unverified_claim";
    public static final String PHI_REMOVED = "phi_removed";
    public static final String INSTRUCTION_IN_SOURCE = "instruction_in_source";
    public static final String CONFLICTING_SOURCES = "conflicting_sources";
    /** The model could not be reached or replied with something unusable; the extractive answer stands in. */
    public static final String LLM_UNAVAILABLE = "llm_unavailable";
    /** No sentence of the model's reply survived verification; the extractive answer stands in. */
    public static final String LLM_ANSWER_REJECTED = "llm_answer_rejected";
}
