package org.clinicalrag.eval;

import org.clinicalrag.safety.PhiType;

/** One labelled identifier occurrence: its type and its exact text in the sentence. */
public record LabelledPhi(PhiType type, String text) {
}
