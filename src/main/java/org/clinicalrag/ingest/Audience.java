package org.clinicalrag.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who a document is written for. Patients are shown only {@link #PATIENT} and {@link #ALL} documents. */
public enum Audience {
    CLINICIAN, PATIENT, ALL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Audience parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "clinician", "clinicians", "staff", "professional", "healthcare professionals" -> CLINICIAN;
            case "patient", "patients", "public", "patients and carers", "patients and families" -> PATIENT;
            case "all", "everyone", "any" -> ALL;
            default -> throw new IllegalArgumentException(
                    "audience must be clinician, patient or all, not '" + value.trim() + "'");
        };
    }

    /** Whether a reader of this audience may see a document written for {@code document}. */
    public boolean maySee(Audience document) {
        return this != PATIENT || document == PATIENT || document == ALL;
    }
}
