package org.clinicalrag.retrieve;

import org.clinicalrag.ingest.GuidelineDocument;
import org.clinicalrag.ingest.Passage;

/**
 * A retrieved passage with what an answerer needs to judge it: its document version (title, status, dates), its
 * retrieval score and rank, and its cosine similarity to the question.
 */
public record Evidence(Passage passage, GuidelineDocument document, double score, int rank, double similarity) {
}
