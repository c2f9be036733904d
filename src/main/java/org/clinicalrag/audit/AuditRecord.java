package org.clinicalrag.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One audited action: who (key id and role, never the key), when, what (ask, search, document change), the
 * de-identified question, what was cited or changed, and the outcome. Field order is the serialised order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(long seq, String time, String requestId, String caller, String role, String action,
                          String question, List<String> passages, List<String> documents, String status,
                          String answerer, String prev) {
}
