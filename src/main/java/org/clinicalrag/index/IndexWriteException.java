package org.clinicalrag.index;

/** A write to the index failed and was rolled back; the index is as it was before. */
public class IndexWriteException extends RuntimeException {
    public IndexWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
