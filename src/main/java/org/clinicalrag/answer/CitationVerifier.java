package org.clinicalrag.answer;

import org.clinicalrag.safety.DrugNameShape;
import org.clinicalrag.retrieve.Evidence;

import java.math.BigDecimal;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's reply sentence by sentence against the passages it was given. A sentence passes only when it
 * cites at least one [n], every [n] names a given passage, every number (with its unit and comparator) and every
 * drug-shaped or capitalised name in it occurs in the cited passages, and most of its content words do. Numbers
 * are compared after normalising units (mg, mL, mmol/L… in any case; "10mg" = "10 mg"; units per kg = units/kg),
 * comparators (≥ = >=), dashes and thousands separators. Sentences of a passage that read as instructions to a
 * model ("ignore previous instructions…") never count as evidence. Each passing sentence gets, per cited passage,
 * the passage sentence that supports it best, verbatim, as its quote.
 */
public final class CitationVerifier {

    /** Why a sentence failed. */
    public enum Failure {
        NO_CITATION("it cites no passage"),
        UNKNOWN_PASSAGE("it cites a passage that was not given"),
        UNSUPPORTED_NUMBER("a number, dose or unit in it is not in the cited passages"),
        UNSUPPORTED_NAME("a drug or other name in it is not in the cited passages"),
        OFF_TOPIC("most of its words are not in the cited passages"),
        REPEATS_INSTRUCTION("it repeats an instruction");

        public final String reason;

        Failure(String reason) {
            this.reason = reason;
        }
    }

    /** One sentence of the reply: its text without markers, the passage numbers it cites, the verdict, the quotes. */
    public record Sentence(String text, List<Integer> cited, Failure failure, String detail, Map<Integer, String> quotes) {

        public boolean verified() {
            return failure == null;
        }
    }

    /**
     * The checked sentences in reply order (the insufficient-evidence sentence excluded), whether the reply said the
     * passages do not answer, and the numbers of given passages that hold instruction-like text.
     */
    public record Result(List<Sentence> sentences, boolean insufficient, Set<Integer> passagesWithInstructions) {

        public List<Sentence> verified() {
            return sentences.stream().filter(Sentence::verified).toList();
        }

        public int failed() {
            return (int) sentences.stream().filter(s -> !s.verified()).count();
        }
    }

    /** Least share of a sentence's content words that its cited passages must hold (paraphrase is fine, topic drift is not). */
    static final double MIN_WORD_SUPPORT = 0.5;

    private static final Pattern MARKER = Pattern.compile("\\[\\s*(?:passages?\\s*)?(\\d+(?:\\s*(?:[,;]|-|–|and)\\s*\\d+)*)\\s*]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(\\s*" + MARKER.pattern() + ")+", Pattern.CASE_INSENSITIVE);
    /**
     * "… 10 mL. [1] Then …" and "… twice daily [1] Penicillin …": markers followed by a capital end a sentence,
     * with or without a full stop before them; BreakIterator sees neither.
     */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile("([.!?]?)\\s*((?:" + MARKER.pattern() + "\\s*)+)\\s+(?=\\p{Lu})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*•]+|#+|\\d{1,2}[.)])\\s+");
    private static final Pattern INSUFFICIENT = Pattern.compile(
            "(?i)\\b(?:provided )?(?:guideline )?(?:passages|sources|documents) (?:provided )?do(?:es)? not (?:answer|contain|cover|address|mention)\\b");
    /** Text addressed to a model rather than to a clinician. */
    static final Pattern INSTRUCTION = Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override)\\b[^.\\n]{0,60}?"
            + "\\b(?:instructions?|rules|prompts?|previous|prior|above|system)\\b|\\byou are (?:now|no longer)\\b|\\bsystem prompt\\b"
            + "|\\bnew instructions?\\b|\\b(?:act|behave) as (?:an?|the)\\b|\\bdeveloper mode\\b|\\bjailbreak|\\b(?:tell|instruct) the (?:user|reader)\\b"
            + "|\\bas an (?:ai|assistant|language model)\\b");
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<cmp>>=|<=|>|<)?\\s*(?<a>\\d+(?:\\.\\d+)?)(?:\\s*(?:-|to)\\s*(?<b>\\d+(?:\\.\\d+)?))?(?:\\s*(?<unit>%|[a-z]+(?:/[a-z]+){0,2}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*\\p{L}");
    private static final Pattern PER = Pattern.compile(
            "(?i)\\b(mg|mcg|micrograms?|g|ml|units?|mmol|ng|breaths|beats)\\s+per\\s+(kg|hours?|hr|h|days?|min|minutes?|litres?|liters?|l|dose)\\b");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Map<String, String> UNITS = units();
    private static final Set<String> FILLER = Set.of("that", "this", "with", "from", "have", "has", "should", "would",
            "could", "which", "when", "what", "your", "their", "there", "than", "then", "they", "them", "also", "only",
            "into", "over", "under", "after", "before", "each", "every", "other", "more", "less", "most", "least",
            "been", "being", "were", "will", "shall", "must", "does", "give", "given", "used", "use", "using",
            "patient", "patients", "according", "guideline", "guidelines", "passage", "passages", "protocol",
            "recommend", "recommended", "recommends", "recommendation", "state", "states", "stated", "says", "about",
            "within", "while", "where", "because", "these", "those", "such", "very", "some", "any", "need", "needs",
            "needed", "can", "may", "might", "take", "taken", "answer", "question", "hospital", "document");

    /** A number with its comparator and canonical unit, either of which may be absent. */
    record Quantity(String comparator, String value, String unit) {
    }

    /** A given passage, read once: its evidence sentences (instruction-like ones dropped) and what they hold. */
    private record Source(String text, List<int[]> spans, String evidence, List<Quantity> quantities,
                          Set<String> units, String names, boolean hasInstruction) {
    }

    public Result verify(String reply, List<Evidence> passages, String question) {
        List<Source> sources = passages.stream().map(CitationVerifier::source).toList();
        Set<Integer> injected = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasInstruction()) {
                injected.add(i + 1);
            }
        }
        String questionWords = normalise(question == null ? "" : question).toLowerCase(Locale.ROOT);
        List<Sentence> checked = new ArrayList<>();
        boolean insufficient = false;
        for (String raw : sentences(reply == null ? "" : reply)) {
            List<Integer> cited = markers(raw);
            String text = tidy(MARKER.matcher(raw).replaceAll(" "));
            if (text.isEmpty()) {
                continue;
            }
            if (INSUFFICIENT.matcher(text).find()) {
                insufficient = true;
                continue;
            }
            checked.add(check(text, cited, sources, questionWords));
        }
        return new Result(checked, insufficient, injected);
    }

    private Sentence check(String text, List<Integer> cited, List<Source> sources, String questionWords) {
        if (cited.isEmpty()) {
            return failed(text, cited, Failure.NO_CITATION, null);
        }
        for (int n : cited) {
            if (n < 1 || n > sources.size()) {
                return failed(text, cited, Failure.UNKNOWN_PASSAGE, "[" + n + "]");
            }
        }
        if (INSTRUCTION.matcher(text).find()) {
            return failed(text, cited, Failure.REPEATS_INSTRUCTION, null);
        }
        List<Source> sourcesCited = cited.stream().map(n -> sources.get(n - 1)).toList();
        String claim = normalise(text);
        List<Quantity> quantities = quantities(claim);
        for (Quantity q : quantities) {
            if (sourcesCited.stream().noneMatch(s -> supports(s, q))) {
                return failed(text, cited, Failure.UNSUPPORTED_NUMBER, q.value() + (q.unit() == null ? "" : " " + q.unit()));
            }
        }
        String names = String.join("\n", sourcesCited.stream().map(Source::names).toList());
        Matcher w = WORD.matcher(claim);
        int index = 0;
        while (w.find()) {
            String word = w.group();
            String lower = word.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
            boolean drugShaped = DrugNameShape.looksLikeDrug(lower);
            boolean named = index > 0 && !afterPause(claim, w.start()) && Character.isUpperCase(word.charAt(0))
                    && (word.length() >= 4 || (word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT))));
            if (drugShaped && !present(lower, names) || named && !present(lower, names) && !present(lower, questionWords)) {
                return failed(text, cited, Failure.UNSUPPORTED_NAME, word);
            }
            index++;
        }
        List<String> content = contentWords(claim);
        if (content.size() >= 2) {
            long held = content.stream().filter(c -> present(stem(c), names)).count();
            if (held < MIN_WORD_SUPPORT * content.size()) {
                return failed(text, cited, Failure.OFF_TOPIC, held + "/" + content.size());
            }
        }
        Map<Integer, String> quotes = new LinkedHashMap<>();
        for (int n : cited) {
            String quote = bestQuote(sources.get(n - 1), quantities, content);
            if (quote == null) {
                return failed(text, cited, Failure.OFF_TOPIC, "no evidence sentence in [" + n + "]");
            }
            quotes.put(n, quote);
        }
        return new Sentence(text, cited, null, null, quotes);
    }

    private static Sentence failed(String text, List<Integer> cited, Failure failure, String detail) {
        return new Sentence(text, cited, failure, detail, Map.of());
    }

    /** The passage sentence (verbatim) holding most of the claim's numbers, then most of its words. */
    private static String bestQuote(Source s, List<Quantity> quantities, List<String> content) {
        String best = null;
        double bestScore = -1;
        for (int[] span : s.spans()) {
            String quote = s.text().substring(span[0], span[1]);
            String normal = normalise(quote);
            List<Quantity> held = quantities(normal);
            Set<String> units = unitsIn(normal);
            double score = 0;
            for (Quantity q : quantities) {
                score += held.stream().anyMatch(h -> matches(q, h, units)) ? 3 : 0;
            }
            String lower = normal.toLowerCase(Locale.ROOT);
            for (String c : content) {
                score += present(stem(c), lower) ? 1 : 0;
            }
            if (score > bestScore) {
                best = quote;
                bestScore = score;
            }
        }
        return best;
    }

    private static Source source(Evidence e) {
        String text = e.passage().text();
        List<int[]> spans = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        boolean instruction = false;
        for (int[] span : ExtractiveAnswerer.spans(text)) {
            String sentence = text.substring(span[0], span[1]);
            if (INSTRUCTION.matcher(sentence).find()) {
                instruction = true;
                continue;
            }
            spans.add(span);
            evidence.append(sentence).append('\n');
        }
        String normal = normalise(evidence.toString());
        String context = e.document().title() + "\n" + (e.passage().sectionPath() == null ? "" : e.passage().sectionPath());
        return new Source(text, spans, normal, quantities(normal), unitsIn(normal),
                (normal + "\n" + normalise(context)).toLowerCase(Locale.ROOT), instruction);
    }

    private static boolean supports(Source s, Quantity q) {
        return s.quantities().stream().anyMatch(p -> matches(q, p, s.units()));
    }

    /** Same value; same unit (or the passage names the unit elsewhere, as a table header does); no contrary comparator. */
    static boolean matches(Quantity claim, Quantity passage, Set<String> passageUnits) {
        if (!claim.value().equals(passage.value())) {
            return false;
        }
        boolean unit = claim.unit() == null || claim.unit().equals(passage.unit())
                || passage.unit() == null && passageUnits.contains(claim.unit());
        boolean comparator = claim.comparator() == null || passage.comparator() == null
                || claim.comparator().equals(passage.comparator());
        return unit && comparator;
    }

    /** Sentences of a reply; markers that open a sentence ("… 10 mg. [1] Then …") belong to the one before. */
    static List<String> sentences(String reply) {
        List<String> out = new ArrayList<>();
        for (String line : MARKERS_AFTER_STOP.matcher(reply).replaceAll("$1 $2\n").split("\\R")) {
            String l = LIST_ITEM.matcher(line).replaceFirst("").replace("**", "").strip();
            if (l.isEmpty()) {
                continue;
            }
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(l);
            for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
                String sentence = l.substring(s, e).strip();
                Matcher lead = LEADING_MARKERS.matcher(sentence);
                if (lead.lookingAt() && !out.isEmpty()) {
                    out.set(out.size() - 1, out.getLast() + " " + lead.group().strip());
                    sentence = sentence.substring(lead.end()).strip();
                }
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    /** The passage numbers a sentence cites, in order, without repeats ("[1, 3]", "[2-4]" and "[1][2]" all count). */
    static List<Integer> markers(String sentence) {
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            for (String part : m.group(1).split("\\s*(?:[,;]|and)\\s*")) {
                String[] range = part.split("\\s*[-–]\\s*");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int n = from; n <= Math.min(to, from + 20); n++) {
                    cited.add(n);
                }
            }
        }
        return List.copyOf(cited);
    }

    /** One spelling for what is written several ways: ≥ and >=, dashes, thousands separators, µg, "per". */
    static String normalise(String s) {
        String t = s.replace("≥", ">=").replace("⩾", ">=").replace("≤", "<=").replace("⩽", "<=")
                .replace('–', '-').replace('—', '-').replace('−', '-').replace('‒', '-')
                .replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ')
                .replace("µ", "mc").replace("μ", "mc").replace('’', '\'');
        t = THOUSANDS.matcher(t).replaceAll("");
        return PER.matcher(t).replaceAll("$1/$2");
    }

    static List<Quantity> quantities(String normalised) {
        List<Quantity> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(normalised);
        while (m.find()) {
            String unit = m.group("unit") == null ? null : unit(m.group("unit"));
            out.add(new Quantity(m.group("cmp"), value(m.group("a")), unit));
            if (m.group("b") != null) {
                out.add(new Quantity(null, value(m.group("b")), unit));
            }
        }
        return out;
    }

    private static Set<String> unitsIn(String normalised) {
        Set<String> units = new HashSet<>();
        Matcher w = Pattern.compile("%|[a-z]+(?:/[a-z]+){0,2}", Pattern.CASE_INSENSITIVE).matcher(normalised);
        while (w.find()) {
            String u = unit(w.group());
            if (u != null) {
                units.add(u);
            }
        }
        return units;
    }

    /** The canonical unit ("mL/hour" → ml/h, "Units" → unit), or null when the word after a number is no unit. */
    static String unit(String raw) {
        String[] parts = raw.toLowerCase(Locale.ROOT).split("/");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String canonical = UNITS.get(part);
            if (canonical == null) {
                break;
            }
            out.append(out.isEmpty() ? "" : "/").append(canonical);
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String value(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private static List<String> contentWords(String claim) {
        List<String> out = new ArrayList<>();
        Matcher w = WORD.matcher(claim);
        while (w.find()) {
            String lower = w.group().toLowerCase(Locale.ROOT);
            if (lower.length() >= 4 && !FILLER.contains(lower) && UNITS.get(lower) == null) {
                out.add(lower);
            }
        }
        return out;
    }

    /** Enough of a word to match its inflections ("infusion", "infused"). */
    private static String stem(String word) {
        return word.length() > 6 ? word.substring(0, 5) : word.replaceAll("(?<=...)(?:es|s)$", "");
    }

    /** Whether a word (or each part of a hyphenated one) starts a word of the haystack. */
    private static boolean present(String word, String haystackLower) {
        String w = word.length() > 4 ? word.replaceAll("(?<=...)s$", "") : word;
        if (Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(w)).matcher(haystackLower).find()) {
            return true;
        }
        String[] parts = w.split("-");
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.length() >= 3 && !present(part, haystackLower)) {
                return false;
            }
        }
        return true;
    }

    /** A capital after a colon, semicolon, dash or bracket starts a clause rather than marking a name. */
    private static boolean afterPause(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && ":;(\"'-".indexOf(text.charAt(i)) >= 0;
    }

    private static String tidy(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ([.,;:!?])", "$1").strip();
    }

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        String[][] table = {
                {"mg", "mg", "milligram", "milligrams"}, {"mcg", "mcg", "microgram", "micrograms", "ug"},
                {"g", "g", "gram", "grams", "gm"}, {"kg", "kg", "kilogram", "kilograms"}, {"ng", "ng"},
                {"ml", "ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters"},
                {"l", "l", "litre", "litres", "liter", "liters"}, {"mmol", "mmol", "millimoles"}, {"mol", "mol"},
                {"mcmol", "mcmol", "micromol", "umol"}, {"meq", "meq"}, {"unit", "unit", "units", "u", "iu"},
                {"%", "%", "percent"}, {"h", "h", "hr", "hrs", "hour", "hours", "hourly"},
                {"min", "min", "mins", "minute", "minutes"}, {"s", "sec", "secs", "second", "seconds"},
                {"day", "day", "days", "daily"}, {"week", "week", "weeks", "wk", "wks"}, {"month", "month", "months"},
                {"year", "year", "years", "yr", "yrs"}, {"mmhg", "mmhg"}, {"bpm", "bpm"}, {"breath", "breath", "breaths"},
                {"tablet", "tablet", "tablets", "tab", "tabs"}, {"capsule", "capsule", "capsules"},
                {"puff", "puff", "puffs"}, {"dose", "dose", "doses"}, {"drop", "drop", "drops"},
                {"times", "times", "x"}, {"kcal", "kcal"}, {"vial", "vial", "vials"}, {"ampoule", "ampoule", "ampoules"},
                {"dl", "dl"}};
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                u.put(row[i], row[0]);
            }
        }
        return Map.copyOf(u);
    }
}
