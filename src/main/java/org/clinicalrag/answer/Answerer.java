package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;

import java.util.List;

/**
 * Writes an answer from retrieved evidence only, citing it, or abstains. Implementations: extractive (the embedded
 * default) and, with a model configured, generative.
 */
public interface Answerer {

    Answer answer(String question, List<Evidence> evidence);
}
