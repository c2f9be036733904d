package org.clinicalrag.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of an evaluation set in the DESIGN.md format. {@code review}: {@code "draft"} on items exported from
 * feedback ({@link DraftEvalItem}) that a clinician has not yet reviewed; absent on reviewed items.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalItem(String id, String question, String audience, List<JsonNode> history,
                       @JsonProperty("expected_doc") String expectedDoc,
                       @JsonProperty("expected_section") String expectedSection,
                       @JsonProperty("expected_page") Integer expectedPage,
                       @JsonProperty("key_facts") List<String> keyFacts,
                       @JsonProperty("must_not") List<String> mustNot,
                       String expect, JsonNode filters, String review) {

    private static final Pattern ALTERNATIVES = Pattern.compile("\\|");

    /** Not yet reviewed: its expected sources are only what the rated answer cited, and it has no key facts. */
    public boolean draft() {
        return DraftEvalItem.DRAFT.equals(review);
    }

    public boolean expectsAbstention() {
        return "insufficient_evidence".equals(expect);
    }

    /** A fact holds when any of its {@code a|b} alternatives appears in the text (case-insensitive). */
    static boolean contains(String text, String fact) {
        String haystack = normalise(text);
        for (String alternative : ALTERNATIVES.split(fact)) {
            if (!alternative.isBlank() && haystack.contains(normalise(alternative))) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace('\u2013', '-').replace('\u2014', '-')
                .replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
