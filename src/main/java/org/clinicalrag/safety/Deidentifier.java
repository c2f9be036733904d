package org.clinicalrag.safety;

/**
 * Removes protected health information from free text before it goes anywhere else.
 *
 * <p>Every question that reaches the server passes through this first, because patient
 * identifiers must never reach the retrieval logs, the LLM prompt or the audit trail: once an
 * identifier is written to any of them it cannot be taken back. Implementations must be
 * deterministic and safe to share between threads.
 */
public interface Deidentifier {

    Deidentified deidentify(String text);
}
