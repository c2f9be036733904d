package org.clinicalrag.safety;

import java.util.Locale;

/**
 * One word of the input with its offsets. {@code coreEnd} excludes a trailing possessive
 * ("Mary's" → "Mary") so that a replaced name keeps its grammatical tail.
 */
record Token(int start, int end, int coreEnd, String text, String lower) {

    static Token of(String source, int start, int end) {
        String text = source.substring(start, end);
        int coreEnd = end;
        if (text.length() > 2 && (text.endsWith("'s") || text.endsWith("’s"))) {
            coreEnd = end - 2;
        } else if (text.length() > 1 && (text.endsWith("'") || text.endsWith("’"))) {
            coreEnd = end - 1;
        }
        String core = source.substring(start, coreEnd);
        return new Token(start, end, coreEnd, text, core.toLowerCase(Locale.ROOT));
    }

    boolean isCapitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    boolean isAllCaps() {
        if (coreEnd - start < 2) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    boolean isPossessive() {
        return coreEnd < end;
    }

    /** A single upper-case letter, as in a middle initial. "I" and "A" are too common to count. */
    boolean isInitial() {
        return text.length() == 1 && Character.isUpperCase(text.charAt(0))
                && !text.equals("I") && !text.equals("A");
    }
}
