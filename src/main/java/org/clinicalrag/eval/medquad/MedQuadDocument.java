package org.clinicalrag.eval.medquad;

import java.util.List;

/** One MedQuAD XML file: a focus (disease, drug, test) from one NIH source, with its question–answer pairs. */
public record MedQuadDocument(String source, String id, String focus, List<QaPair> pairs) {

    /** {@code answer} is empty where MedQuAD removed it for licensing. */
    public record QaPair(String qid, String type, String question, String answer) {
    }
}
