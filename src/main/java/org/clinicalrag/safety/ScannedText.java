package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input split into word tokens once, with two facts every word-level rule needs: whether a
 * token starts a sentence (capitalisation tells little there) and whether it sits in clinical
 * context (an eponym such as "Graves disease" or a stop-listed term such as "Eliquis").
 */
final class ScannedText {

    private static final int ASCII = 128;
    private static final Map<Pattern, boolean[]> FIRST_CHARACTERS = new ConcurrentHashMap<>();
    private static final Pattern WORD = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}]*(?:['’\\-]\\p{L}[\\p{L}\\p{M}]*)*['’]?");

    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "da", "das", "do", "dos", "van", "von", "der", "den", "di", "del", "della", "du", "le", "la", "al", "el",
            "din", "bin", "ibn", "y");
    private static final Set<String> DISEASE_MODIFIERS = Set.of("like", "plus", "x-linked", "type");
    /** What a named score or scale measures, between the eponym and its head: "Hughes disability score". */
    static final Set<String> SCALE_MODIFIERS = Set.of("disability", "functional", "severity", "performance", "frailty",
            "prognostic");
    private static final Pattern MODIFIER_SUFFIX = Pattern.compile("(?:al|ic|ar|ous|ive|oid|ary|ile)$");
    private static final Pattern CONDITION_SUFFIX = Pattern.compile(
            "(?:osis|itis|oma|pathy|plasia|trophy|aemia|emia|algia|ectasia|ism)$");

    private final String text;
    private final List<Token> tokens;
    private final boolean[] sentenceInitial;
    private final boolean[] clinical;
    private final int[] starts;

    ScannedText(String text, Lexicon lexicon) {
        this.text = text;
        this.tokens = tokenize(text);
        this.sentenceInitial = new boolean[tokens.size()];
        this.clinical = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            sentenceInitial[i] = startsSentence(tokens.get(i).start());
            clinical[i] = lexicon.isClinicalTerm(tokens.get(i).lower()) || isClinicalCompound(tokens.get(i), lexicon);
        }
        markSpacedCompounds(lexicon);
        markEponyms(lexicon);
        this.starts = matchStarts(text);
    }

    /**
     * Runs the pattern only where a word, number, "+" or "(" begins, instead of at every character.
     * Every rule's match begins at such a place, and trying ~1 position in 5 is what keeps a
     * 4,000-character question well under the latency budget. Matches do not overlap, as with find().
     */
    void forEachMatch(Pattern pattern, Consumer<Matcher> action) {
        boolean[] canStart = FIRST_CHARACTERS.computeIfAbsent(pattern, ScannedText::probeLeadingCharacters);
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int consumedTo = 0;
        for (int start : starts) {
            if (start < consumedTo || !mayStartAt(canStart, start)) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                action.accept(m);
                consumedTo = Math.max(m.end(), start + 1);
            }
        }
    }

    private boolean mayStartAt(boolean[] canStart, int start) {
        char first = text.charAt(start);
        if (first >= ASCII) {
            return true;
        }
        char second = start + 1 < text.length() ? text.charAt(start + 1) : 0;
        return second < ASCII ? canStart[first * ASCII + second] : canStart[first * ASCII];
    }

    /**
     * Which ASCII character pairs can begin a match: a two-character input that neither matches nor
     * reaches its end ({@link Matcher#hitEnd()}) rules that pair out. Skipping such starts spares
     * wide alternations (month names, cue words) nearly all of their work. Index [c * 128] with
     * c's pair partner 0 stands for "c at the end of the text".
     */
    private static boolean[] probeLeadingCharacters(Pattern pattern) {
        boolean[] canStart = new boolean[ASCII * ASCII];
        for (char first = 0; first < ASCII; first++) {
            Matcher single = pattern.matcher(String.valueOf(first));
            if (!single.lookingAt() && !single.hitEnd()) {
                continue;
            }
            canStart[first * ASCII] = true;
            for (char second = 1; second < ASCII; second++) {
                Matcher pair = pattern.matcher(new String(new char[] {first, second}));
                canStart[first * ASCII + second] = pair.lookingAt() || pair.hitEnd();
            }
        }
        return canStart;
    }

    private static int[] matchStarts(String text) {
        int[] found = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opener = Character.isLetterOrDigit(c) || c == '+' || c == '(' || c == '#';
            if (opener && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** Whether any marker occurs as a plain string: a cheap test before a pattern that is costly at every word. */
    boolean containsAny(List<String> markers) {
        for (String marker : markers) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    boolean isSentenceInitial(int i) {
        return sentenceInitial[i];
    }

    boolean isClinical(int i) {
        return clinical[i];
    }

    /** A middle or first initial: one capital letter, followed by a full stop unless it is an unlikely word. */
    boolean isInitial(int i) {
        Token t = tokens.get(i);
        if (t.text().length() != 1 || !Character.isUpperCase(t.text().charAt(0))
                || t.start() > 0 && Character.isDigit(text.charAt(t.start() - 1))
                || t.end() < text.length() && Character.isDigit(text.charAt(t.end()))) {
            return false; // "72M John": a sex after an age; "Hamilton C6": a model
        }
        boolean dotted = t.end() < text.length() && text.charAt(t.end()) == '.';
        return dotted || t.isInitial();
    }

    /** True when only a single space (or a space after an initial's full stop) separates the tokens. */
    boolean adjacent(int left, int right) {
        if (left < 0 || right >= tokens.size()) {
            return false;
        }
        Token a = tokens.get(left);
        Token b = tokens.get(right);
        String gap = text.substring(a.end(), b.start());
        return gap.equals(" ") || (a.text().length() == 1 && gap.equals(". ")) || gap.equals("\u00a0");
    }

    /** Index of the first token starting at or after the offset, or size() if none. */
    int tokenAtOrAfter(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(Token.of(text, m.start(), m.end()));
        }
        return tokens;
    }

    private boolean startsSentence(int offset) {
        int i = offset - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(' && c != '“' && c != '‘'
                    && c != '-' && c != '*' && c != '•') {
                return false;
            }
            i--;
        }
        return true;
    }

    /** "stevens johnson", "guillain barre": a hyphenated eponym typed without its hyphen is as clinical. */
    private void markSpacedCompounds(Lexicon lexicon) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (adjacent(i, i + 1) && lexicon.isClinicalTerm(tokens.get(i).lower() + "-" + tokens.get(i + 1).lower())) {
                clinical[i] = true;
                clinical[i + 1] = true;
            }
        }
    }

    /** "Guillain-Barré" or "Stevens-Johnson": a hyphenated token any part of which is clinical. */
    private static boolean isClinicalCompound(Token token, Lexicon lexicon) {
        if (token.lower().indexOf('-') < 0) {
            return false;
        }
        for (String part : token.lower().split("-")) {
            if (lexicon.isClinicalTerm(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Protects the capitalised run before a clinical head noun ("Wilson disease", "Glasgow Coma
     * Scale", "Bell's palsy"). Before a weak head ("test", "clinic") a plain given name ends the run
     * so that "Mary's test results" still counts as a name. Before a condition noun ("syndrome",
     * "dysplasia") given names, name particles ("Koolen de Vries") and up to three disease adjectives
     * ("Becker muscular dystrophy", "Kniest like dysplasia") belong to the eponym; only a possessive
     * given name ("Mary's disease") is still a person. "Dystrophy of Bowman layer" and "syndrome of
     * Sanchez Cascos" name their eponym after "of".
     */
    private void markEponyms(Lexicon lexicon) {
        for (int head = 1; head < tokens.size(); head++) {
            String headWord = tokens.get(head).lower();
            boolean condition = lexicon.isPathologyHead(headWord)
                    || (!tokens.get(head).isCapitalised() && endsWith(CONDITION_SUFFIX, headWord, 8));
            if (!condition && !lexicon.isEponymHead(headWord)) {
                continue;
            }
            int j = head - 1;
            if (!condition && j > 0 && adjacentOrHyphen(j, j + 1) && !tokens.get(j).isCapitalised()
                    && SCALE_MODIFIERS.contains(tokens.get(j).lower())) {
                j--; // "Hughes disability score", "Karnofsky performance scale"
            }
            for (int skipped = 0; condition && skipped < 3 && j >= 0 && adjacentOrHyphen(j, j + 1)
                    && isDiseaseModifier(tokens.get(j)); skipped++) {
                j--;
            }
            boolean first = true;
            boolean clinicalInRun = false;
            for (; j >= 0 && adjacentOrHyphen(j, j + 1); j--) {
                Token t = tokens.get(j);
                if (condition && !t.isCapitalised() && NAME_PARTICLES.contains(t.lower()) && !first) {
                    continue;
                }
                if (!t.isCapitalised() || (t.isPossessive() && !first)) {
                    break;
                }
                boolean givenName = lexicon.isGivenName(t.lower()) && !lexicon.isNameWord(t.lower())
                        && !lexicon.isClinicalTerm(t.lower());
                // "San Francisco Syncope Rule", "Milan criteria": a town's name before a tool's words is the tool's
                boolean town = clinicalInRun || !t.isPossessive() && !lexicon.placesStartingWith(t.lower()).isEmpty();
                if (givenName && (!condition || t.isPossessive()) && !town) {
                    break;
                }
                clinicalInRun |= Lexicon.CLINICAL_VOCABULARY.contains(t.lower()) || lexicon.isClinicalTerm(t.lower());
                clinical[j] = true;
                first = false;
            }
            if (tokens.get(head).isCapitalised()) {
                clinical[head] = true;
            }
            if ((condition || headWord.endsWith("s")) && !first) {
                markEnumeratedEponyms(j + 1);
            }
        }
        markEponymsAfterOf(lexicon);
        markPossessiveDiseases();
        markDifferentialEponyms(lexicon);
        markHerbalRemedies();
    }

    /** "can she drink dong quai soup", "suan zao ren tang for sleep": a remedy's words are its name, not a person's. */
    private void markHerbalRemedies() {
        for (int[] remedy : Lexicon.herbalRemedies(text)) {
            for (int k = tokenAtOrAfter(remedy[0]); k < tokens.size() && tokens.get(k).end() <= remedy[1]; k++) {
                clinical[k] = true;
            }
        }
    }

    /** "Duchenne vs Becker", "Takayasu vs Horton", "?Pancoast": words that weigh one diagnosis against another. */
    private static final Set<String> VERSUS = Set.of("vs", "vs.", "versus", "v");

    /**
     * A bare eponym is the disease itself when it is weighed against another diagnosis ("Takayasu vs Horton") or queried
     * with "?" as clinical shorthand writes a differential ("?Pancoast"), however much it looks like a surname or a town.
     */
    private void markDifferentialEponyms(Lexicon lexicon) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.isCapitalised() || !Lexicon.CLINICAL_VOCABULARY.contains(t.lower())
                    || k > 0 && NameDetector.TITLES.contains(tokens.get(k - 1).lower())) {
                continue;
            }
            boolean queried = t.start() > 0 && text.charAt(t.start() - 1) == '?';
            boolean weighed = k >= 2 && VERSUS.contains(tokens.get(k - 1).lower()) && diagnosis(lexicon, k - 2)
                    || k + 2 < tokens.size() && VERSUS.contains(tokens.get(k + 1).lower()) && diagnosis(lexicon, k + 2);
            if (queried || weighed) {
                clinical[k] = true;
            }
        }
    }

    private boolean diagnosis(Lexicon lexicon, int k) {
        Token t = tokens.get(k);
        return clinical[k] || t.isAllCaps() || Lexicon.CLINICAL_VOCABULARY.contains(t.lower()) || lexicon.isClinicalTerm(t.lower());
    }

    /** What follows a disease named by its eponym alone: "his Addison's meds", "her Crohn's flare". */
    private static final Set<String> DISEASE_CONTEXT = Set.of("meds", "medication", "medications", "medicine", "medicines", "tablets",
            "pills", "treatment", "symptoms", "flare", "flares", "flare-up", "crisis", "diagnosis", "nurse", "team", "clinic",
            "specialist", "patients", "drugs", "steroids", "dose", "doses", "bloods", "review", "tremor", "is", "was", "has");

    private void markPossessiveDiseases() {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isPossessive() && t.isCapitalised() && Lexicon.CLINICAL_VOCABULARY.contains(t.lower())
                    && DISEASE_CONTEXT.contains(tokens.get(k + 1).lower()) && adjacentOrHyphen(k, k + 1)
                    && (k == 0 || !NameDetector.TITLES.contains(tokens.get(k - 1).lower()))) {
                clinical[k] = true;
            }
        }
    }

    /**
     * "Michels, Malpuech, Carnevale and Mingarelli syndromes", "Wilson or Menkes disease": the capitalised words
     * listed before an eponym that starts at token {@code start} share its head.
     */
    private void markEnumeratedEponyms(int start) {
        int j = start;
        while (j >= 1) {
            String gap = text.substring(tokens.get(j - 1).end(), tokens.get(j).start());
            Token before = tokens.get(j - 1);
            int member;
            if (j >= 2 && gap.equals(" ") && (before.lower().equals("and") || before.lower().equals("or"))
                    && text.substring(tokens.get(j - 2).end(), before.start()).matches(",? ")) {
                member = j - 2;
            } else if (gap.equals(", ")) {
                member = j - 1;
            } else {
                break;
            }
            Token t = tokens.get(member);
            if (!t.isCapitalised()) {
                break;
            }
            clinical[member] = true;
            j = member;
        }
    }

    private void markEponymsAfterOf(Lexicon lexicon) {
        for (int k = 0; k + 2 < tokens.size(); k++) {
            String word = tokens.get(k).lower();
            if (!(lexicon.isPathologyHead(word) || endsWith(CONDITION_SUFFIX, word, 8))
                    || !tokens.get(k + 1).lower().equals("of") || !adjacentOrHyphen(k, k + 1)) {
                continue;
            }
            for (int j = k + 2; j < tokens.size() && j <= k + 4 && adjacentOrHyphen(j - 1, j)
                    && tokens.get(j).isCapitalised() && !tokens.get(j).lower().equals("the"); j++) {
                clinical[j] = true;
            }
        }
    }

    /**
     * Whether a suffix pattern (an alternation anchored with "$", no alternative longer than {@code longest}) matches the
     * end of the word. Searching only the last characters spares find() a try at every position of every word.
     */
    static boolean endsWith(Pattern suffixes, String word, int longest) {
        return suffixes.matcher(word).useTransparentBounds(true).region(Math.max(0, word.length() - longest), word.length()).find();
    }

    /** Lower-case adjectives of disease names: "muscular", "congenital", "x-linked", "like", "plus". */
    private static boolean isDiseaseModifier(Token t) {
        String w = t.lower();
        return !t.isCapitalised() && (DISEASE_MODIFIERS.contains(w) || endsWith(MODIFIER_SUFFIX, w, 4));
    }

    private boolean adjacentOrHyphen(int left, int right) {
        String gap = text.substring(tokens.get(left).end(), tokens.get(right).start());
        return gap.equals(" ") || gap.equals("-") || gap.equals("–");
    }
}
