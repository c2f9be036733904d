package org.clinicalrag.answer;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** answered: every sentence cited; insufficient_evidence: the sources do not answer; handoff: a person must. */
public enum AnswerStatus {
    ANSWERED, INSUFFICIENT_EVIDENCE, HANDOFF;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
