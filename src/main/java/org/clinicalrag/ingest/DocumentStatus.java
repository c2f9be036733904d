package org.clinicalrag.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether a document version may answer as current. Only {@link #CURRENT} answers unless a caller asks otherwise. */
public enum DocumentStatus {
    CURRENT, SUPERSEDED, WITHDRAWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "current", "active", "approved" -> CURRENT;
            case "superseded", "archived", "obsolete", "replaced" -> SUPERSEDED;
            case "withdrawn", "retired", "rescinded" -> WITHDRAWN;
            default -> throw new IllegalArgumentException(
                    "status must be current, superseded or withdrawn, not '" + value.trim() + "'");
        };
    }
}
