package org.clinicalrag.api;

import java.util.List;

/** Body of POST /v1/ask (DESIGN.md). Every field but {@code question} is optional. */
public record AskRequest(String question, String audience, List<HistoryTurn> history, Filters filters, Integer topK,
                         String mode) {

    public record HistoryTurn(String role, String content) {
    }

    public record Filters(List<String> documentIds, List<String> tags, Boolean includeSuperseded) {
    }
}
