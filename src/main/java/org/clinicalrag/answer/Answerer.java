package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;

import java.util.List;

/**
 * Writes an answer from retrieved evidence only, citing it, or abstains. Implementations: extractive (the embedded
 * default) and, with a model configured, generative.
 */
public interface Answerer {

    Answer answer(String question, List<Evidence> evidence);

    /** The same answer, told to a listener as it is written; answerers that do not stream tell it in one piece. */
    default Answer answer(String question, List<Evidence> evidence, AnswerListener listener) {
        listener.passages(evidence);
        Answer answer = answer(question, evidence);
        listener.delta(answer.text());
        return answer;
    }
}
