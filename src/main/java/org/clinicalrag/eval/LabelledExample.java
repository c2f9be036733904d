package org.clinicalrag.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One line of the labelled set: the sentence, every identifier occurrence in it, the clinical
 * terms that must survive verbatim, and whether it was written before the rules were tuned
 * ({@code "dev"}) or after ({@code "holdout"}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledExample(String id, String text, List<LabelledPhi> phi, List<String> keep, String split) {

    public static final String DEV = "dev";
    public static final String HOLDOUT = "holdout";

    public LabelledExample {
        phi = phi == null ? List.of() : List.copyOf(phi);
        keep = keep == null ? List.of() : List.copyOf(keep);
        split = split == null || split.isBlank() ? DEV : split;
    }

    public boolean isHoldout() {
        return HOLDOUT.equals(split);
    }
}
