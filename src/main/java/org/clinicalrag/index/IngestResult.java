package org.clinicalrag.index;

import org.clinicalrag.ingest.GuidelineDocument;

/** The outcome of one ingest: the stored document version, and whether identical bytes were already known. */
public record IngestResult(GuidelineDocument document, boolean unchanged) {
}
