package org.clinicalrag.ingest;

/** A document in a supported format whose text cannot be read (encrypted, corrupt, empty). Maps to HTTP 422. */
public class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String message) {
        super(message);
    }
}
