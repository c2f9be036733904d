package org.clinicalrag.safety;

import java.util.Objects;

/**
 * One identifier found in a text: its type and its [start, end) offsets in the original text.
 * It holds no copy of the value, so it is safe to log.
 */
public record PhiSpan(PhiType type, int start, int end) {

    public PhiSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
