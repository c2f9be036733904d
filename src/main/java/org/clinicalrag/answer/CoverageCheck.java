package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;

import java.util.List;
import java.util.Optional;

/**
 * Decides, before any answer is written, that the sources do not cover what the question is about: a drug they
 * never name, a topic the best document's scope excludes, a child when they are for adults. Both answerers abstain
 * on it, so a language model is never asked to answer around a gap the passages cannot fill.
 */
@FunctionalInterface
public interface CoverageCheck {

    /** Why the sources do not cover the question, or empty when they may. */
    Optional<String> notCovered(String question, List<Evidence> evidence);
}
