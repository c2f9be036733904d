package org.clinicalrag.answer;

import org.clinicalrag.retrieve.Evidence;

import java.util.List;

/**
 * Hears an answer being written, for streaming: first the numbered passages the answerer reads, then its text as
 * it arrives. The text heard here is provisional; only the returned {@link Answer} is verified.
 */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() {
        @Override
        public void passages(List<Evidence> numbered) {
        }

        @Override
        public void delta(String text) {
        }

        @Override
        public boolean wantsText() {
            return false;
        }
    };

    /** The passages in the order of their [n] numbers (the first is [1]). */
    void passages(List<Evidence> numbered);

    void delta(String text);

    /** False when nobody reads the deltas, so an answerer need not stream. */
    default boolean wantsText() {
        return true;
    }
}
