package org.clinicalrag.retrieve;

import org.clinicalrag.ingest.Passage;

/** A retrieved passage with its score under one retriever (or the fused score) and its stored vector. */
public record Hit(Passage passage, double score, float[] vector) {

    public Hit withScore(double newScore) {
        return new Hit(passage, newScore, vector);
    }
}
