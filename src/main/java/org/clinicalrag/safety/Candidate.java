package org.clinicalrag.safety;

/**
 * A span some rule believes is an identifier. {@code priority} breaks ties between equally long
 * overlapping candidates: a value after an explicit cue ("NHS number 943 476 5919") beats a bare
 * pattern that happens to fit (a phone number shape).
 */
record Candidate(PhiType type, int start, int end, int priority) {

    static final int PATTERN = 1;
    static final int DICTIONARY = 2;
    static final int CUED = 3;

    int length() {
        return end - start;
    }
}
