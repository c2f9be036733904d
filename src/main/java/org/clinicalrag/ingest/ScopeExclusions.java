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
                    + "excludes|excluding|not (?:covered|included) (?:here|in this (?:guideline|protocol|document))?\\s*:?|"
                    + "outside the scope of this \\w+(?: are)?\\s*:?)\\s+(.+)");
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile(
            "(?i)^(.+?)\\s+(?:is|are) (?:managed|covered|treated|dealt with) (?:under|in|by) (?:a|the) separate\\b.*");
    /** "Children are managed under … and are not covered here": the subject is the excluded topic. */
    private static final Pattern NOT_COVERED_SUBJECT = Pattern.compile(
            "(?i)^(.+?)\\s+(?:is|are)\\s+(?:.+\\s+)?not (?:covered|included)(?:\\s+(?:here|in this \\w+|by this \\w+))?$");
    /** "Delirium tremens from alcohol withdrawal": the head may be the topic on its own (see {@link #find}). */
    private static final Pattern QUALIFIED_HEAD = Pattern.compile(
            "(?i)^(.+?)\\s+(?:from|due to|secondary to|caused by|induced by)\\s+.+$");
    /** "nausea and vomiting", "neonates or children": coordination inside one list item. */
    private static final Pattern CONJUNCTION = Pattern.compile("\\s+(?:and|or|nor)\\s+");
    private static final Pattern PARENTHESIS = Pattern.compile("\\(([^)]*)\\)");
    /** List items: split at commas and semicolons; "and"/"or" inside an item are handled by {@link #conjuncts}. */
    private static final Pattern ITEMS = Pattern.compile("\\s*[,;]\\s*(?:or|and|nor)?\\s*");
    private static final Pattern ASIDE = Pattern.compile("\\([^)]*[\\s,][^)]*\\)");
    private static final Pattern ABBREVIATED = Pattern.compile("^(.{3,}?)\\s*\\(([A-Za-z0-9/-]{2,10})\\)$");
    /** A relative clause ends the list: ", in whom DOACs are contraindicated", ", where sedation is…". */
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?i)(?:,?\\s+(?:in whom|where|which|who|because|as they|since|unless)\\b|;\\s*(?:they|these|this|it|see|refer)\\b).*$");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:or|and|nor|of|to|for|in|the|a|an|any|other|patients? with|people with|those with|for example)\\s+");
    private static final Pattern NOT_A_TOPIC = Pattern.compile("(?i)\\b(?:is|are|was|be|see|by|repeating)\\b");
    private static final Pattern QUALIFIER = Pattern.compile("(?i)\\s+(?:beyond|unless|except|who|which|where|because)\\b.*$");

    private ScopeExclusions() {
    }

    /**
     * Excluded topics, each as a short phrase; parenthesised abbreviations become phrases of their own. A qualified
     * topic ("delirium tremens from alcohol withdrawal") also yields its head ("delirium tremens") when the document
     * never names the head outside its scope statement: then the document does not cover the head at all.
     */
    public static List<String> find(String text) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder outsideScope = new StringBuilder();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int s = sentences.first(), e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
            String sentence = text.substring(s, e).strip().replaceAll("[.]$", "");
            Matcher subject = NOT_COVERED_SUBJECT.matcher(sentence);
            Matcher after = EXCLUDES_AFTER.matcher(sentence);
            Matcher before = EXCLUDED_BEFORE.matcher(sentence);
            if (subject.matches()) {
                addItems(subject.group(1), out);
            } else if (after.find()) {
                addItems(after.group(1), out);
            } else if (before.matches()) {
                addItems(before.group(1), out);
            } else {
                outsideScope.append(sentence).append('\n');
            }
        }
        String rest = outsideScope.toString().toLowerCase(Locale.ROOT);
        for (String topic : List.copyOf(out)) {
            Matcher head = QUALIFIED_HEAD.matcher(topic);
            if (head.matches() && head.group(1).contains(" ") && !rest.contains(head.group(1).toLowerCase(Locale.ROOT))) {
                add(head.group(1), out);
            }
        }
        return List.copyOf(out);
    }

    private static void addItems(String list, Set<String> out) {
        // asides such as "(contact the obstetric team, …)" go first, so their commas do not split the list
        String clause = ASIDE.matcher(CLAUSE_END.matcher(list).replaceFirst("")).replaceAll(" ");
        for (String item : ITEMS.split(clause)) {
            for (String conjunct : conjuncts(LEADING.matcher(item.strip()).replaceFirst(""))) {
                String phrase = LEADING.matcher(conjunct.strip()).replaceFirst("");
                Matcher abbreviated = ABBREVIATED.matcher(phrase);
                if (abbreviated.matches() && abbreviated.group(1).split("\\s+").length <= 4) {
                    // "Hyperosmolar hyperglycaemic state (HHS)": the abbreviation names the same topic
                    add(abbreviated.group(1), out);
                    add(abbreviated.group(2), out);
                } else {
                    add(PARENTHESIS.matcher(phrase).replaceAll(" ").replaceAll("\\s+", " "), out);
                }
            }
        }
    }

    /**
     * The topics of "A and B" / "A or B". A one-word conjunct after a longer first one shares that one's modifiers:
     * "chemotherapy-induced nausea and vomiting" excludes chemotherapy-induced vomiting, not vomiting.
     */
    static List<String> conjuncts(String item) {
        String[] parts = CONJUNCTION.split(item);
        if (parts.length == 1) {
            return List.of(item);
        }
        List<String> out = new ArrayList<>();
        String[] first = parts[0].strip().split("\\s+");
        String modifiers = first.length > 1 ? String.join(" ", java.util.Arrays.copyOf(first, first.length - 1)) : "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean bare = i > 0 && !part.contains(" ") && !modifiers.isEmpty();
            out.add(bare ? modifiers + " " + part : part);
        }
        return out;
    }

    private static void add(String phrase, Set<String> out) {
        String p = QUALIFIER.matcher(phrase.strip()).replaceFirst("").replaceAll("[.\\s]+$", "").strip();
        if (p.length() >= 3 && p.split("\\s+").length <= 6 && !NOT_A_TOPIC.matcher(p).find()) {
            out.add(p);
        }
    }
}
