package org.clinicalrag.ingest;

/** The uploaded bytes are in a format the server does not read. Maps to HTTP 415. */
public class UnsupportedFormatException extends RuntimeException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
