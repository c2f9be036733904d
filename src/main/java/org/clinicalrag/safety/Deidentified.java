package org.clinicalrag.safety;

import java.util.List;
import java.util.Objects;

/**
 * The result of de-identification: the text with each identifier replaced by its typed
 * placeholder, and where the identifiers were in the original text.
 *
 * <p>The original values are deliberately not carried, so passing this object to a logger can
 * never leak them.
 */
public record Deidentified(String text, List<PhiSpan> removed) {

    public Deidentified {
        Objects.requireNonNull(text, "text");
        removed = List.copyOf(removed);
    }

    public boolean changed() {
        return !removed.isEmpty();
    }
}
