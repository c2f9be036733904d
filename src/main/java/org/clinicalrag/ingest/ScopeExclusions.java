package org.clinicalrag.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topics a document says it does not cover ("It does not cover hospital-acquired pneumonia, aspiration
 * pneumonia…", "HHS is managed under the separate HHS protocol"). Guidelines state their scope so that readers do
 * not apply them outside it; the answerer honours that instead of quoting the closest passage.
 */
public final class ScopeExclusions {

    private static final Pattern EXCLUDES_AFTER = Pattern.compile(
            "(?i)\\b(?:does not (?:cover|apply to|include|address)|do not (?:cover|apply to)|is not for|are not covered|"
                    + "excludes?|excluding|not (?:covered|included) (?:here|in this (?:guideline|protocol|document))?\\s*:?|"
                    + "outside the scope of this \\w+(?: are)?\\s*:?)\\s+(.+)");
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile(
            "(?i)^(.+?)\\s+(?:is|are) (?:managed|covered|treated|dealt with) (?:under|in|by) (?:a|the) separate\\b.*");
    private static final Pattern PARENTHESIS = Pattern.compile("\\(([^)]*)\\)");
    /** List items: split at commas and semicolons, and at "and"/"nor" joining two items (not inside one). */
    private static final Pattern ITEMS = Pattern.compile("\\s*(?:[,;]\\s*(?:or|and|nor)?|\\s(?:and|nor)\\s(?=(?:the |a |an )?[a-z]))\\s*");
    private static final Pattern ASIDE = Pattern.compile("\\([^)]*[\\s,][^)]*\\)");
    private static final Pattern ABBREVIATED = Pattern.compile("^(.{3,}?)\\s*\\(([A-Za-z0-9/-]{2,10})\\)$");
    /** A relative clause ends the list: ", in whom DOACs are contraindicated", ", where sedation is…". */
    private static final Pattern CLAUSE_END = Pattern.compile("(?i),?\\s+(?:in whom|where|which|who|because|as they|since|unless)\\b.*$");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:or|and|nor|of|to|for|in|the|a|an|any|other|patients? with|people with|those with|for example)\\s+");
    private static final Pattern NOT_A_TOPIC = Pattern.compile("(?i)\\b(?:is|are|was|be|see|by|repeating)\\b");
    private static final Pattern QUALIFIER = Pattern.compile("(?i)\\s+(?:beyond|unless|except|who|which|where|because)\\b.*$");

    private ScopeExclusions() {
    }

    /** Excluded topics, each as a short phrase; parenthesised abbreviations become phrases of their own. */
    public static List<String> find(String text) {
        Set<String> out = new LinkedHashSet<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int s = sentences.first(), e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
            String sentence = text.substring(s, e).strip().replaceAll("[.]$", "");
            Matcher after = EXCLUDES_AFTER.matcher(sentence);
            Matcher before = EXCLUDED_BEFORE.matcher(sentence);
            if (after.find()) {
                addItems(after.group(1), out);
            } else if (before.matches()) {
                addItems(before.group(1), out);
            }
        }
        return List.copyOf(out);
    }

    private static void addItems(String list, Set<String> out) {
        // asides such as "(contact the obstetric team, …)" go first, so their commas do not split the list
        String clause = ASIDE.matcher(CLAUSE_END.matcher(list).replaceFirst("")).replaceAll(" ");
        for (String item : ITEMS.split(clause)) {
            item = LEADING.matcher(item.strip()).replaceFirst("");
            Matcher abbreviated = ABBREVIATED.matcher(item);
            if (abbreviated.matches() && abbreviated.group(1).split("\\s+").length <= 4) {
                // "Hyperosmolar hyperglycaemic state (HHS)": the abbreviation names the same topic
                add(abbreviated.group(1), out);
                add(abbreviated.group(2), out);
                continue;
            }
            String phrase = PARENTHESIS.matcher(item).replaceAll(" ").replaceAll("\\s+", " ").strip();
            add(phrase, out);
            String[] alternatives = phrase.split("\\s+or\\s+");
            if (alternatives.length > 1) {
                for (String alternative : alternatives) {
                    String part = LEADING.matcher(alternative.strip()).replaceFirst("");
                    if (part.split("\\s+").length >= 2) {
                        add(part, out);
                    }
                }
            }
        }
    }

    private static void add(String phrase, Set<String> out) {
        String p = QUALIFIER.matcher(phrase.strip()).replaceFirst("").replaceAll("[.\\s]+$", "").strip();
        if (p.length() >= 3 && p.split("\\s+").length <= 6 && !NOT_A_TOPIC.matcher(p).find()) {
            out.add(p);
        }
    }
}
