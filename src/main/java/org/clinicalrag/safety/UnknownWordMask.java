package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check on de-identified text before it leaves the server's memory: a model request, the audit trail, the
 * feedback log. The rules find identifiers by shape and context; this masks, as {@code [WORD]}, every word that no
 * vocabulary the server holds can vouch for — not ordinary English, not in the clinical lexicon, not a word of the
 * indexed guidelines, not shaped like a drug or a medical term — and every long run of digits or code-like mix of
 * letters and digits the guidelines do not contain. That is where identifiers no rule foresaw live: an unlisted
 * surname, a transliterated given name, a reference number without a cue.
 *
 * <p>The price is paid only outside retrieval: a clinical word found in none of those vocabularies reaches the model
 * masked, but the search that picks the passages still saw it, and a word the guidelines lack cannot be grounded in
 * them anyway. Names that are English words ("Rose", "Will") pass unless a masked word stands beside them ("frank
 * [delaney]"); elsewhere the rules' context cues are what catch those.
 */
public final class UnknownWordMask {

    public static final String PLACEHOLDER = "[WORD]";

    /** Words (letters, inner apostrophes and hyphens) and runs of letters and digits. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*+(?:['’.\\-_][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*+)*+"); // possessive: no recursion per character
    /** "Addison's", "I've", "she'll", "don't": the stem decides. */
    private static final Pattern CONTRACTION = Pattern.compile("['’](?:s|ve|ll|re|d|m|t)$|n['’]t$");
    private static final List<String> INFLECTIONS = List.of("s", "es", "ed", "ing", "ly", "er", "est");
    private static final Pattern SEPARATOR = Pattern.compile("['’.\\-_]");
    private static final Pattern NEXT_WORD = Pattern.compile("(?:['’]s)?[\\s-]+(\\p{L}+)");
    private static final Pattern PREVIOUS_WORD = Pattern.compile("(\\p{L}+) $");
    private static final Pattern CAPITALISED_NEXT = Pattern.compile(" (\\p{Lu}\\p{L}+)(?![\\p{L}'’.-])");
    private static final Pattern CAPITALISED_PREVIOUS = Pattern.compile("(?<![\\p{L}'’.-])(\\p{Lu}\\p{L}+) $");
    /** Words that name an institution or a service, not a condition: no evidence that the word beside them is clinical. */
    private static final Set<String> INSTITUTION_WORDS = Set.of("hospital", "hospitals", "clinic", "clinics", "center", "centre",
            "medical", "health", "healthcare", "care", "pharmacy", "practice", "surgery", "hospice", "infirmary", "home", "nursing",
            "memorial", "general", "community", "university", "regional", "family", "dental", "rehabilitation", "rehab",
            "institute", "foundation", "trust", "group", "associates", "partners", "services", "system", "living", "residence",
            "lodge", "manor", "village", "court", "house", "unit", "ward", "wing", "campus", "school", "college", "academy",
            "church", "chapel", "station", "department", "office", "pediatrics", "paediatrics", "cardiology", "oncology",
            "orthopedics", "orthopaedics", "dermatology", "urology", "neurology", "imaging", "therapy", "urgent", "primary",
            "specialty", "specialists", "physicians", "doctors", "wellness", "diagnostics", "laboratories", "labs");
    private static final Pattern PLACEHOLDER_WORD = Pattern.compile("[A-Z_]+");
    /** A dose or reading written as one token: "5mg", "0.5mg/kg", "2L", "10units", "1.2g". */
    private static final Pattern DOSE = Pattern.compile("(?i)\\d+(?:\\.\\d+)?(?:mg|mcg|µg|ug|g|kg|ml|l|mmol|micromol|iu|units?|u|mmhg|"
            + "bpm|h|hr|hrs|hours?|d|days?|wk|wks|weeks?|mo|months?|y|yr|yrs|yo|x|am|pm|st|nd|rd|th|cm|mm|m|%)(?:/\\w+)*");
    /** What may follow a long number that is a measurement, not a code: "250000 copies/mL", "150000 cells". */
    private static final Pattern UNIT_AFTER = Pattern.compile("(?i)\\s*(?:copies|cells|iu|units?|/|x\\s*10|per|mg|mcg|g\\b|ml|mmol|steps|kcal|cal)");
    /** Endings of Greek and Latin medical vocabulary: "cholangiocarcinoma", "hyponatraemia", "spondylolisthesis". */
    private static final Pattern MEDICAL_FORM = Pattern.compile(".{3,}(?:itis|osis|oses|iasis|aemia|emia|aemias|emias|ectomy|otomy|ostomy"
            + "|plasty|scopy|scope|graphy|gram|pathy|algia|oma|omas|omata|uria|penia|cytosis|trophy|plegia|paresis|lysis|lytic"
            + "|genic|genesis|ology|ologist|ological|cele|rrhoea|rrhea|rrhage|sclerosis|stenosis|megaly|ectasis|ptosis|plasia"
            + "|phagia|phasia|kinesia|tonia|thermia|capnia|kalaemia|kalemia|natraemia|natremia|glycaemia|glycemia|ase|ases"
            + "|itic|otic|emic|aemic|ectomies|opathy|opathic"
            // French: "névralgie", "neuropathie", "aponévrotomie", "échographie", "glycémie" (not "Jérémie")
            + "|algie|pathie|tomie|plastie|scopie|graphie|(?<!jer)emie)");

    /**
     * Combining forms of medical and chemical vocabulary, for words of eight letters or more ("hydroxyglutaric",
     * "acrofacial", "spondylometaphyseal"); none starts a given name or surname in the name lists often enough to matter.
     */
    private static final Pattern MEDICAL_PREFIX = Pattern.compile("(?:hydroxy|methyl|ethyl|keto|amino|acetyl|glutar|phospho|sulf|sulph"
            + "|dehydro|hyper|hypo|neuro|cardio|gastro|hepato|nephro|osteo|myo|dys|acro|cranio|cerebro|encephalo|chondro|fibro"
            + "|glyco|lipo|leuko|leuco|erythro|thrombo|haemo|hemo|immuno|ophthalm|spondylo|arthro|dermato|cyto|onco|retino|angio"
            + "|adeno|carcino|myelo|lymph|oligo|brachy|ankylo|kerato|xero|ichthyo|micro|macro|achro|amyo|bleph|ablephar|chromo"
            + "|dysto|epiphys|metaphys|oculo|odonto|pachy|polydactyl|syndactyl|tricho|cutaneo|muco|musculo|vesico|uretero|pyelo"
            + "|cholecyst|choledoch|pancreat|duoden|jejun|ile|colo|recto|procto|hystero|oophor|salping|orchi|prostat|cysto)\\p{L}{3,}");
    /**
     * A month and a day with nothing to say so: "come 11/23", "free 23/11". Only pairs that no fraction in clinical
     * shorthand can be — a day of 13 or more beside a month — and not "x/7", "x/12", "x/52" (days, months, weeks),
     * visual acuity ("6/18", "6/24") or a count out of a whole ("3/14 nodes", "14 of").
     */
    private static final Pattern BARE_DAY_MONTH = Pattern.compile("(?<![\\w./-])(?!0?6/(?:18|24)\\b)(?:(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\\d|3[01])"
            + "|(?:1[3-9]|2\\d|3[01])/(?:0?[1-689]|1[01]))(?![\\w/%]|[.,]\\d)(?!\\s*(?:of|nodes?|lymph|cores?|samples?|biopsies|positive"
            + "|hours?|hrs?|h\\b|days?|weeks?|months?|years?|doses?|dilution|strength|vision|acuity|units?|mg|mcg|ml|%)\\b)");
    /** A score, a scale or visual acuity just before: "GCS 12/15", "MMSE 12/30", "VA 6/18", "scored 4/20". */
    private static final Pattern SCORE_BEFORE = Pattern.compile("(?i)\\b(?:gcs|mmse|moca|amts?|nihss|phq-?9|gad-?7|audit|epds|va|vision"
            + "|acuity|score[ds]?|scale|out of|ratio|dilution|fraction|power|strength|mrc|ecog|apgar|bishop|ldl|hdl|bp)\\b[^.;\\n]{0,16}$");
    /** Chromosome bands: "22q11.2", "15q13.3", "17q23.1q23.2", "Xp22". */
    private static final Pattern CHROMOSOME_BAND = Pattern.compile("(?i)(?:\\d{1,2}|x|y)[pq]\\d+(?:\\.\\d+)?(?:[pq]\\d+(?:\\.\\d+)?)?");

    /** A number read out digit by digit, as a caller spells an SSN or an account: "4 1 2 6 6 9 0 3 1", "7 7 0 3 - 1 1 8 2". */
    private static final Pattern SPACED_DIGITS = Pattern.compile("(?<![\\w.,/])\\d(?:(?: ?[-.] ?| )\\d(?![\\d.,/]\\d)){6,}(?![\\w/%])");
    /**
     * Seven or more digits in words, or words and single digits mixed, as a voicemail transcript or a caller writes a
     * phone number: "six oh six, five five five, oh one…", "oh seven seven double 0, 9 three 1 4 5 2".
     */
    private static final Pattern SPOKEN_DIGITS = Pattern.compile("(?i)\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)"
            + "(?:[\\s,.-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\\d(?!\\d))){6,}\\b");

    private static final String NUMBER_WORD = "zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple";
    /** "6 four 7-3 one 9-2208": digit groups and number words read out together, starting with either. */
    private static final Pattern MIXED_SPOKEN_NUMBER = Pattern.compile("(?i)(?<![\\w.])(?:\\d{1,4}(?![\\d.,]\\d)|(?:" + NUMBER_WORD + ")\\b)"
            + "(?:[ ,.-]{1,2}(?:\\d{1,4}(?![\\d.,]\\d)|(?:" + NUMBER_WORD + ")\\b)){3,}");
    private static final Pattern SPOKEN_DIGIT = Pattern.compile("(?i)\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b");

    /** Two or more digits said as words and seven or more digits in all: a phone or a number, not "1 or 2, one at night". */
    private static boolean readOutNumber(String run) {
        long words = SPOKEN_DIGIT.matcher(run).results().count();
        long digits = run.chars().filter(Character::isDigit).count();
        return words >= 2 && words + digits >= 7;
    }

    /** A token of the text and whether no vocabulary knows it. */
    private record Word(int start, int end, boolean unknown) {

        boolean lettersOnly(String text) {
            return text.substring(start, end).chars().allMatch(Character::isLetter);
        }
    }

    private final Lexicon lexicon;
    /** The clinical word list, SCOWL's rarer English words and nationality adjectives (all lower case). */
    private final Set<String> clinicalWords;
    private final Predicate<String> inGuidelines;

    /**
     * A mask sharing the rules' word lists.
     *
     * @param inGuidelines whether a lower-case word occurs in the indexed guidelines
     */
    public static UnknownWordMask beside(RuleBasedDeidentifier rules, Predicate<String> inGuidelines) {
        return new UnknownWordMask(rules.lexicon(), Lexicon.words("clinical-words.txt", "everyday-clinical-words.txt", "english-words-rare.txt", "demonyms.txt"), inGuidelines);
    }

    UnknownWordMask(Lexicon lexicon, Set<String> clinicalWords, Predicate<String> inGuidelines) {
        this.lexicon = lexicon;
        this.clinicalWords = clinicalWords;
        this.inGuidelines = inGuidelines;
    }

    /** The text with every unknown word replaced by {@link #PLACEHOLDER}; placeholders already in it stay. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<PhiSpan> unknown = unknownWords(text);
        return unknown.isEmpty() ? text : RuleBasedDeidentifier.render(text, unknown);
    }

    /** The rules' output for {@code original} with the unknown words outside their spans masked as well. */
    public Deidentified mask(String original, Deidentified rules) {
        List<PhiSpan> spans = new ArrayList<>(rules.removed());
        for (PhiSpan word : unknownWords(original)) {
            if (rules.removed().stream().noneMatch(r -> r.overlaps(word.start(), word.end()))) {
                spans.add(word);
            }
        }
        if (spans.size() == rules.removed().size()) {
            return rules;
        }
        spans.sort(java.util.Comparator.comparingInt(PhiSpan::start));
        return new Deidentified(RuleBasedDeidentifier.render(original, spans), spans);
    }

    /** Where the unknown words are, in order. */
    public List<PhiSpan> unknownWords(String text) {
        List<Word> tokens = new ArrayList<>();
        List<int[]> remedies = Lexicon.herbalRemedies(text);
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            boolean remedy = remedies.stream().anyMatch(r -> r[0] <= start && end <= r[1]); // "yunnan baiyao": known only whole
            tokens.add(new Word(start, end, !remedy && !known(text, start, end)));
        }
        List<PhiSpan> unknown = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Word t = tokens.get(i);
            if (t.unknown() || nameBesideUnknownWord(text, tokens, i) || capitalisedBesideUnknownProperNoun(text, tokens, i)
                    || placePrefixBeforeUnknownWord(text, tokens, i)
                    || postcodeAfterUnknownWord(text, tokens, i)) {
                unknown.add(new PhiSpan(PhiType.UNKNOWN_WORD, t.start(), t.end()));
            }
        }
        Matcher dayMonth = BARE_DAY_MONTH.matcher(text);
        while (dayMonth.find()) {
            if (!SCORE_BEFORE.matcher(text).region(Math.max(0, dayMonth.start() - 24), dayMonth.start()).find()) {
                unknown.add(new PhiSpan(PhiType.DATE, dayMonth.start(), dayMonth.end()));
            }
        }
        // the mixed read-out pattern is costly at every digit; it needs two spoken digits, which few texts hold
        boolean spoken = SPOKEN_DIGIT.matcher(text).results().limit(2).count() == 2;
        for (Pattern spelledOut : spoken ? List.of(SPACED_DIGITS, SPOKEN_DIGITS, MIXED_SPOKEN_NUMBER) : List.of(SPACED_DIGITS, SPOKEN_DIGITS)) {
            Matcher digits = spelledOut.matcher(text);
            while (digits.find()) {
                if (spelledOut == MIXED_SPOKEN_NUMBER && !readOutNumber(digits.group())) {
                    continue;
                }
                int from = digits.start();
                int to = digits.end();
                unknown.removeIf(word -> word.start() >= from && word.end() <= to);
                unknown.add(new PhiSpan(PhiType.OTHER_ID, from, to));
            }
        }
        unknown.sort(java.util.Comparator.comparingInt(PhiSpan::start));
        return unknown;
    }

    /** An ICD-10 code ("G56.03", "E11.65") or an HGVS variant ("c.68_69delAG", "p.Arg117His"). */
    private static final Pattern CLINICAL_CODE = Pattern.compile("(?i)[a-z]\\d{2}(?:\\.\\d{1,4})?[a-z]?|[cgmnpr]\\.[\\w*>_+-]+");

    /** The second band of a range, or a band's decimal part: "q42" in "1q41-q42", "22" in "Xp11.22". */
    private static final Pattern BAND_ARM = Pattern.compile("(?i)[pq]?\\d+");

    /**
     * Letters and at least four digits joined by separators: a reference, not a range ("30-50"), a dose ("10mg-20mg"), a
     * variant name ("COVID-19", "CHA2DS2-VASc") or a gene band.
     */
    private static boolean codeOfLettersAndDigits(String token) {
        if (token.chars().filter(Character::isDigit).count() < 4 || CLINICAL_CODE.matcher(token).matches()
                || SEPARATOR.splitAsStream(token).allMatch(part -> CHROMOSOME_BAND.matcher(part).matches() || BAND_ARM.matcher(part).matches())) {
            return false;
        }
        for (String part : SEPARATOR.split(token)) {
            if (part.chars().anyMatch(Character::isLetter) && !DOSE.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A listed name directly beside an unknown word: "frank [delaney]", "[Ngata] Brown". The unknown word is most likely
     * a surname or given name no list holds, and the listed word beside it the rest of the same name, which the mask
     * alone would leave half-spelled.
     */
    private boolean nameBesideUnknownWord(String text, List<Word> tokens, int i) {
        Word t = tokens.get(i);
        String lower = text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT);
        if (!t.lettersOnly(text) || !lexicon.isAnyName(lower) || lexicon.isClinicalTerm(lower) || isShortAcronym(text, t)
                || lexicon.isEponymHead(lower) || lexicon.isPathologyHead(lower) || NOT_NAME_NEIGHBOURS.contains(lower)) {
            return false;
        }
        return (i > 0 && unknownWordBeside(text, tokens.get(i - 1), t) || i + 1 < tokens.size() && unknownWordBeside(text, tokens.get(i + 1), t))
                && !conditionNameFollows(text, t.end());
    }

    private static final Pattern WORD_IN_PHRASE = Pattern.compile("[\\s-]+(\\p{L}+)");

    /** "Pierre Robin sequence", "Best vitelliform macular dystrophy": within the phrase, a condition's head names a disease, not a person. */
    private boolean conditionNameFollows(String text, int end) {
        Matcher next = WORD_IN_PHRASE.matcher(text);
        for (int at = end, words = 0; words < 4 && next.region(at, text.length()).lookingAt(); words++, at = next.end()) {
            String lower = next.group(1).toLowerCase(Locale.ROOT);
            if (conditionHead(lower) || MEDICAL_FORM.matcher(lower).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Rainer [Osterhaus]", "[Hebden] Bridge": a capitalised word beside a capitalised unknown one is most likely the rest
     * of the same name or place, even when it is also an ordinary word or one the guidelines use. Only the clinical lists
     * themselves, titles and the words that name institutions keep it; a sentence's first word needs not to be English.
     */
    private boolean capitalisedBesideUnknownProperNoun(String text, List<Word> tokens, int i) {
        Word t = tokens.get(i);
        String token = text.substring(t.start(), t.end());
        if (!t.lettersOnly(text) || token.length() < 2 || !Character.isUpperCase(token.charAt(0))
                || token.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return false;
        }
        boolean beside = i > 0 && capitalisedUnknownBeside(text, tokens.get(i - 1), t)
                || i + 1 < tokens.size() && capitalisedUnknownBeside(text, tokens.get(i + 1), t);
        String lower = token.toLowerCase(Locale.ROOT);
        String folded = Lexicon.folded(lower);
        return beside && !clinicalWords.contains(lower) && !clinicalWords.contains(folded) && !lexicon.isClinicalTerm(lower)
                && !lexicon.isEponymHead(lower) && !lexicon.isPathologyHead(lower) && !NameDetector.TITLES.contains(lower)
                && !INSTITUTION_WORDS.contains(lower) && !NOT_NAME_NEIGHBOURS.contains(lower) && !lexicon.isRegion(lower)
                && !DrugNameShape.looksLikeDrug(lower) && !MEDICAL_FORM.matcher(folded).matches()
                && (midSentence(text, t.start()) || !lexicon.isEnglishWord(lower))
                && (!conditionNameFollows(text, t.end()) || OWN_RECORD_AHEAD.matcher(text).region(t.end(), text.length()).lookingAt());
    }

    private static boolean capitalisedUnknownBeside(String text, Word neighbour, Word word) {
        return unknownWordBeside(text, neighbour, word) && Character.isUpperCase(text.charAt(neighbour.start()));
    }

    /** "St. [Helena]", "Mt [Vernon]", "Fort [Kent]": the abbreviation or word that starts a place's name goes with it. */
    private static final Set<String> PLACE_PREFIXES = Set.of("st", "mt", "ft", "saint", "mount", "fort", "port", "san", "santa", "new");
    /** A ZIP or postcode of digits ("58501", "58501-1234", "2031"), never a year. */
    private static final Pattern POSTCODE_DIGITS = Pattern.compile("(?!(?:19|20)\\d\\d\\b)\\d{4,5}(?:-\\d{4})?");

    private boolean placePrefixBeforeUnknownWord(String text, List<Word> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        Word t = tokens.get(i);
        Word next = tokens.get(i + 1);
        String word = text.substring(t.start(), t.end());
        int gap = next.start() - t.end();
        boolean joined = gap == 1 || gap == 2 && text.charAt(t.end()) == '.';
        return next.unknown() && joined && Character.isUpperCase(word.charAt(0)) && Character.isUpperCase(text.charAt(next.start()))
                && PLACE_PREFIXES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** "from [bismarck] 58501": digits right after a masked word are its postcode, not a count, unless a unit follows. */
    private boolean postcodeAfterUnknownWord(String text, List<Word> tokens, int i) {
        Word t = tokens.get(i);
        if (i == 0 || !POSTCODE_DIGITS.matcher(text).region(t.start(), t.end()).matches()
                || UNIT_AFTER.matcher(text).region(t.end(), text.length()).lookingAt()) {
            return false;
        }
        Word previous = tokens.get(i - 1);
        String gap = text.substring(previous.end(), t.start());
        return previous.unknown() && (gap.equals(" ") || gap.equals(", ")) && previous.lettersOnly(text);
    }

    /** An unknown word of letters only, one space from the name. */
    private static boolean unknownWordBeside(String text, Word neighbour, Word name) {
        boolean before = neighbour.end() < name.start();
        int gapStart = before ? neighbour.end() : name.end();
        int gapEnd = before ? name.start() : neighbour.start();
        return neighbour.unknown() && gapEnd == gapStart + 1 && text.charAt(gapStart) == ' ' && neighbour.lettersOnly(text);
    }

    /** Name-list words that are far more often grammar: "may", "will", "can". */
    private static final Set<String> NOT_NAME_NEIGHBOURS = Set.of("may", "will", "can", "is", "an", "the", "and", "or", "to", "in", "on",
            "at", "of", "by", "for", "with", "my", "his", "her", "mr", "mrs", "ms", "dr", "see", "so", "do", "be", "go");

    private boolean known(String text, int start, int end) {
        String token = text.substring(start, end);
        if (start > 0 && text.charAt(start - 1) == '[' && end < text.length() && text.charAt(end) == ']'
                && PLACEHOLDER_WORD.matcher(token).matches()) {
            return true; // a placeholder the rules left: "[NAME]"
        }
        if (CHROMOSOME_BAND.matcher(token).matches() || ANTIBODY.matcher(token).matches()) {
            return true; // "anti-SSA", "anti-Scl-70", "anti-TPO": an antibody
        }
        if (token.chars().anyMatch(Character::isDigit) && SEPARATOR.matcher(token).find()) {
            if (codeOfLettersAndDigits(token) && !inGuidelines.test(token.toLowerCase(Locale.ROOT))) {
                return false; // "PV-7731-0925-AX", "CARD-HF-0412": each part is harmless, together they name one record
            }
            // "30-50", "4.5g", "co-amoxiclav-2": each part on its own, so a range is two numbers, not a code
            int at = start;
            for (String part : SEPARATOR.split(token)) {
                if (!part.isEmpty() && !known(text, at, at + part.length())) {
                    return false;
                }
                at += part.length() + 1;
            }
            return true;
        }
        long digits = token.chars().filter(Character::isDigit).count();
        if (digits == token.length()) {
            return digits < 6 || UNIT_AFTER.matcher(text).region(end, text.length()).lookingAt();
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (digits > 0) {
            // "HbA1c", "CHA2DS2", "B12", "NEWS2", "5mg": a code is known when it is short or the guidelines use it
            return digits < 4 || DOSE.matcher(token).matches() || inGuidelines.test(lower);
        }
        if (token.length() == 1 || isAcronym(token) || token.length() == 2 && lower.equals(token)) {
            return true; // an initial, "SIADH", "mg"; a capitalised pair ("Li", "Wu") must be a known word
        }
        if (IRISH_PATRONYMIC.matcher(lower).matches()) {
            return false; // "o'reilly", "O’Dowd": a surname whatever its stem
        }
        if (DOSE_NEXT.matcher(text).region(end, text.length()).lookingAt()
                && !GIVEN_TO.matcher(text).region(Math.max(0, start - 12), start).find()) {
            return true; // "the redipred 15mg", "is Salagen 5 mg ok": what a dose follows is a drug ("give Tom 5 mg" is not)
        }
        String word = CONTRACTION.matcher(lower).replaceFirst("");
        if (properNounMidSentence(text, start, token, word)) {
            return false; // "seen by Grace", "lives in Revere": a capitalised word mid-sentence names someone or somewhere
        }
        if (knownWord(word) || eponymBeforeItsHead(text, end) && !(word.length() < lower.length() && OWN_RECORD.matcher(text).region(end, text.length()).lookingAt())) {
            return true; // "Brightwater's chart" is a person's chart, "Snellen chart" a tool
        }
        if (Character.isUpperCase(token.charAt(0)) && word.length() == lower.length() && inConditionName(text, end)
                && !OWN_RECORD_AHEAD.matcher(text).region(end, text.length()).lookingAt()) {
            return true; // "Edinburgh Postnatal Depression Scale", "Ross River fever": the first word of a tool's or disease's name
        }
        // "STA-MCA": acronyms of three letters or more joined by hyphens are each known ("CRM-SP" is a register's code)
        boolean joinedAcronyms = word.contains("-") && java.util.Arrays.stream(token.split("-")).allMatch(p -> p.length() >= 3 && isAcronym(p));
        for (String part : word.split("[-'’._]")) {
            if (!part.isEmpty() && part.length() > 1 && !knownWord(part) && !joinedAcronyms) {
                return false;
            }
        }
        return word.contains("-") || word.contains("'") || word.contains("’") || word.contains(".") || word.contains("_");
    }

    /** An antibody by what it is against ("anti-SSA", "anti-Scl-70", "Anti-GBM"; never a long code), or by its own name ("Scl-70", "Jo-1"). */
    private static final Pattern ANTIBODY = Pattern.compile("(?i)anti-[a-z][a-z0-9]{1,8}(?:-[a-z0-9]{1,4})?"
            + "|scl-70|jo-1|ss-[ab]|ro-52|ro-60|pm-scl|u1-rnp|mi-2|mda-5|pl-7|pl-12|ej-1|ha-1|ca-125|ca-19-9|hla-b27|hla-b\\*?5701");
    /** A dose straight after a word: "redipred 15mg", "Salagen 5 mg", "Astonin H 0.1 mg". */
    private static final Pattern DOSE_NEXT = Pattern.compile("(?:\\s\\p{Lu})?\\s?\\d+(?:[.,]\\d+)?\\s?(?:mg|mcg|µg|ug|g|ml|mL|iu|IU|units?|mmol)\\b");
    /** Whom a dose is given to: "give Tom 5 mg", "for Aroha 10 mg". */
    private static final Pattern GIVEN_TO = Pattern.compile("(?i)\\b(?:give|gave|giving|gives|given|to|for|let|got|get|gets|dose|dosed)\\s+$");
    /** "Day 3", "Version 3.2", "Bay 4": an ordinary word that counts or labels something; a ZIP is too long. */
    private static final Pattern SMALL_NUMBER_NEXT = Pattern.compile(" \\d{1,3}(?:\\.\\d+)?(?!\\w)");

    /** What a possessive name owns rather than names: "Brightwater's chart", "Ngata's bag". */
    private static final String OWNED = "\\s+(?:chart|charts|bag)\\b";
    /** "Ansel [Brightwater's chart]": a name whose run ends in a possessive before what a person owns. */
    private static final Pattern OWN_RECORD_AHEAD = Pattern.compile("(?:\\s+\\p{Lu}[\\p{L}-]*){0,3}['’]s" + OWNED, Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN_RECORD = Pattern.compile(OWNED, Pattern.CASE_INSENSITIVE);
    private static final Pattern IRISH_PATRONYMIC = Pattern.compile("o['’](?!clock)\\p{L}{3,}");
    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest");
    private static final Pattern WARD_BEFORE = Pattern.compile("(?<![\\d.,:/-])\\b\\d{1,2}[A-Za-z]?\\s$");

    /**
     * A capitalised word where no sentence starts that is no clinical word: a proper noun — a person, a place, a shop
     * ("seen by Grace", "lives in Revere", "works at Star Market") — far more often than the ordinary word it also is.
     * A word in a disease's or sign's name ("Hope's criteria", "Ross River fever") stays. Mostly-given-name words are
     * taken even when clinical lists know them ("Grace", "May"), unless a disease's head follows at once.
     */
    private boolean properNounMidSentence(String text, int start, String token, String word) {
        if (!Character.isUpperCase(token.charAt(0)) || token.chars().skip(1).anyMatch(Character::isUpperCase)
                || word.indexOf('-') >= 0 || word.indexOf('.') >= 0 || !midSentence(text, start)) {
            return false;
        }
        if (lexicon.isGivenNameWord(word)) {
            return !eponymBeforeItsHead(text, start + word.length());
        }
        if (COMPASS.contains(word) && WARD_BEFORE.matcher(text).region(Math.max(0, start - 8), start).find()) {
            return false; // "4 West", "Ward 7 North": a ward, not a place
        }
        return !clinicalWord(word) && !inConditionName(text, start + word.length()) && !modelAfterBrand(text, start)
                && !besideClinicalWord(text, start, start + token.length())
                && !(lexicon.isEnglishWord(word) && SMALL_NUMBER_NEXT.matcher(text).region(start + token.length(), text.length()).lookingAt());
    }

    /**
     * In a run of capitalised words one of which is clinical: a title-cased heading or disease name ("Hereditary Spastic
     * Paraplegia", "Breast Cancer Screening"). Titles and the words that name institutions are no evidence: "Dr Chase",
     * "Revere Family Clinic" stay proper nouns.
     */
    private boolean besideClinicalWord(String text, int start, int end) {
        Matcher next = CAPITALISED_NEXT.matcher(text);
        for (int at = end, words = 0; words < 3 && next.region(at, text.length()).lookingAt(); words++, at = next.end()) {
            if (clinicalAnchor(next.group(1))) {
                return true;
            }
        }
        Matcher previous = CAPITALISED_PREVIOUS.matcher(text);
        for (int at = start, words = 0; words < 3 && previous.region(Math.max(0, at - 40), at).find(); words++, at = previous.start()) {
            if (clinicalAnchor(previous.group(1))) {
                return true;
            }
        }
        return false;
    }

    private boolean clinicalAnchor(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return word.chars().skip(1).noneMatch(Character::isUpperCase) && !NameDetector.TITLES.contains(lower)
                && !INSTITUTION_WORDS.contains(lower) && !lexicon.isGivenNameWord(lower) && clinicalWord(lower);
    }

    /** After a word or comma on the same line; a tab or a run of spaces separates fields ("Age: 71    Sex: F"). */
    private static boolean midSentence(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return start - i <= 2 && i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || ",;(".indexOf(text.charAt(i)) >= 0);
    }

    /** "Medtronic Azure", "Abbott Libre": a product after its maker's or brand's name, which only the clinical list holds. */
    private boolean modelAfterBrand(String text, int start) {
        Matcher previous = PREVIOUS_WORD.matcher(text).region(Math.max(0, start - 40), start);
        if (!previous.find()) {
            return false;
        }
        String brand = previous.group(1);
        String lower = brand.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(brand.charAt(0)) && clinicalWords.contains(lower) && !lexicon.isEnglishWord(lower)
                && !NameDetector.TITLES.contains(lower);
    }

    /** A word of the clinical vocabularies (not ordinary English): what a capitalised word must be to pass. */
    private boolean clinicalWord(String lower) {
        String folded = Lexicon.folded(lower);
        return clinicalWords.contains(lower) || clinicalWords.contains(folded) || lexicon.isClinicalTerm(lower)
                || lexicon.isEponymHead(lower) || lexicon.isPathologyHead(lower) || NameDetector.TITLES.contains(lower)
                || folded.length() >= 8 && MEDICAL_PREFIX.matcher(folded).matches() || lexicon.isRegion(lower)
                || DrugNameShape.looksLikeDrug(lower) || MEDICAL_FORM.matcher(folded).matches()
                || inGuidelines.test(lower) || inGuidelines.test(folded) || clinicalAdjective(folded);
    }

    /**
     * Followed by a condition's or sign's head through capitalised words and at most one lower-case word just before
     * it: "Ross River fever", "Rocky Mountain spotted fever", "West Nile virus".
     */
    private boolean inConditionName(String text, int end) {
        Matcher next = NEXT_WORD.matcher(text);
        for (int words = 0; words < 4; words++) {
            if (!next.region(end, text.length()).lookingAt()) {
                return false;
            }
            String following = next.group(1);
            String head = following.toLowerCase(Locale.ROOT);
            if (conditionHead(head)) {
                return true;
            }
            if (!Character.isUpperCase(following.charAt(0))) {
                return eponymBeforeItsHead(text, next.end());
            }
            end = next.end();
        }
        return false;
    }

    /**
     * "Takayasu arteritis", "Kikuchi disease", "Hughes disability score": a word named in a disease's, sign's or scale's
     * name is clinical.
     */
    private boolean eponymBeforeItsHead(String text, int end) {
        Matcher next = NEXT_WORD.matcher(text).region(end, text.length());
        if (!next.lookingAt()) {
            return false;
        }
        String head = next.group(1).toLowerCase(Locale.ROOT);
        if (ScannedText.SCALE_MODIFIERS.contains(head) && next.region(next.end(), text.length()).lookingAt()) {
            head = next.group(1).toLowerCase(Locale.ROOT);
        }
        return conditionHead(head);
    }

    /** A disease's, sign's or tool's head noun; "Clinic" and "Hospital" head the names of places ("Revere Clinic"). */
    private boolean conditionHead(String head) {
        return (lexicon.isEponymHead(head) || lexicon.isPathologyHead(head)) && !INSTITUTION_WORDS.contains(head);
    }

    /**
     * "SIADH", "NSTEMI", "TAVI", "NG", "QTc", "KCl", "CrCl": short tokens of mostly capitals are abbreviations far
     * more often than names.
     */
    /** "ED", "OR", "AL" in capitals: a department or a state beside a place, not the given name it spells. */
    private static boolean isShortAcronym(String text, Word t) {
        return t.end() - t.start() <= 3 && text.substring(t.start(), t.end()).chars().allMatch(Character::isUpperCase);
    }

    private static boolean isAcronym(String token) {
        long capitals = token.chars().filter(Character::isUpperCase).count();
        return token.length() <= 6 && (capitals == token.length() || token.length() <= 5 && capitals >= 2);
    }

    private boolean knownWord(String lower) {
        String folded = Lexicon.folded(lower);
        return lexicon.isEnglishWord(lower) || lexicon.isEnglishWord(folded) || clinicalWords.contains(lower)
                || clinicalWords.contains(folded) || lexicon.isClinicalTerm(lower) || lexicon.isEponymHead(lower)
                || lexicon.isPathologyHead(lower) || NameDetector.TITLES.contains(lower)
                || folded.length() >= 8 && MEDICAL_PREFIX.matcher(folded).matches() || lexicon.isRegion(lower)
                || lexicon.isRegionWord(lower) || DrugNameShape.looksLikeDrug(lower) || MEDICAL_FORM.matcher(folded).matches()
                || inGuidelines.test(lower) || inGuidelines.test(folded) || englishInflection(lower) || clinicalAdjective(lower)
                || Lexicon.isRomanceClinicalForm(lower, clinicalWords);
    }

    /** "Addisonian", "Parkinsonian", "cushingoid": an adjective made from an eponym or clinical word. */
    private static final List<String> ADJECTIVE_SUFFIXES = List.of("ian", "ean", "oid", "ism");

    private boolean clinicalAdjective(String lower) {
        for (String suffix : ADJECTIVE_SUFFIXES) {
            if (lower.length() > suffix.length() + 3 && lower.endsWith(suffix)) {
                String stem = lower.substring(0, lower.length() - suffix.length());
                if (clinicalWords.contains(stem) || lexicon.isClinicalTerm(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "pains", "dizzier", "micrograms": SCOWL and the clinical list hold most inflections, not all. */
    private boolean englishInflection(String lower) {
        for (String suffix : INFLECTIONS) {
            if (lower.length() > suffix.length() + 2 && lower.endsWith(suffix)
                    && (lexicon.isEnglishWord(lower.substring(0, lower.length() - suffix.length()))
                    || clinicalWords.contains(lower.substring(0, lower.length() - suffix.length())))) {
                return true;
            }
        }
        return false;
    }
}
