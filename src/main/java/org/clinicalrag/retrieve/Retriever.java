package org.clinicalrag.retrieve;

import java.util.List;

/** Finds the passages that best match a question, best first. One implementation per retrieval model. */
public interface Retriever {

    List<Hit> retrieve(Question question, SearchFilter filter, int k);
}
