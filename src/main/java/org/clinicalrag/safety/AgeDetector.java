package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages over 89, which Safe Harbor treats as identifying because so few people reach them. Ages up
 * to 89 are deliberately kept: dosing and risk scores depend on them. Only the number is replaced
 * ("a [AGE]-year-old"), and thresholds in guidance ("patients over 90", "aged 90 and over") are not
 * anyone's age, so they are skipped.
 */
final class AgeDetector implements PhiDetector {

    /**
     * 90-119 in words: "ninety-three", "ninety one", "a hundred and two", "one-hundred", "hundred-and-one". A
     * hyphen may follow only when a compound adjective goes on: "a ninety-seven-year-old", "hundred-year-old".
     */
    private static final String WORDS = "(?i:(?:ninety|(?:a |one[- ])?hundred)(?:(?:[- ]|\\s+and\\s+|-and-)"
            + "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen))?)(?!\\w|-(?!(?i:years?|yrs?|yo|y/o)\\b))";
    private static final String OLD = "(?<age>9\\d|1[01]\\d|" + WORDS + ")";
    private static final String ORDINAL_WORDS = "(?i:ninetieth|ninety[- ](?:first|second|third|fourth|fifth|sixth|seventh"
            + "|eighth|ninth)|(?:one )?hundredth|hundred and (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))";
    /**
     * A day or occasion after "on" or "at": "she'll be 92 on the 30th", "is 95 on Sunday", "will be 100
     * at Christmas". Any other "on"/"at" after a bare number is a reading ("he is 92 on air", "94 at rest").
     */
    private static final String WHEN = "(?:(?:the\\s+)?(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)\\b"
            + "|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b|(?:his|her|their|my|your)\\s+(?:next\\s+)?birthday\\b"
            + "|Christmas|Easter|New Year|Hanukkah|Diwali|Eid\\b|the (?:weekend|end of)\\b"
            + "|(?:0?[1-9]|[12]\\d|3[01])\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + "|(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b)";
    private static final Pattern THRESHOLD_BEFORE = Pattern.compile(
            "(?i)(?:over|above|under|below|than|≥|>=|>|<|≤|<=|least|beyond|past|older|from|to|between)(?:\\s+the)?(?:\\s+ages?(?:\\s+of)?)?\\s*$");
    /** "lived to 102", "made it to 95": a life's length, not a range's end. */
    private static final Pattern LIVED_TO = Pattern.compile("(?i)\\b(?:lived|made it|got|survived) to\\s*$");
    private static final Pattern SHES = Pattern.compile("(?i)\\b(she|he)s\\s+$");
    private static final Pattern THRESHOLD_AFTER = Pattern.compile(
            "(?i)^\\s*(?:\\+|plus|or (?:older|over|above|more)|and (?:over|older|above)|years? and (?:over|older)|[-–]\\d)");

    private static final Pattern VERB_BEFORE = Pattern.compile(
            "(?i)(?<subject>[\\p{L}\\d+]+(?:['’][\\p{L}]{2,})*|\\)|(?<![\\w'’])(?=im\\b)),?(?:im|'s|’s|'m|’m| am| is| was| turned| turns| will be|'ll be|’ll be"
            + "| just turned| who is| who's| is going to be| would have been| would be| becomes| became| celebrates| celebrated| is celebrating"
            + "| reached| reaches| hit| hits| lived to| lived to be| made it to)"
            + "(?: now| already| just| still| only| nearly| almost)?\\s+$");
    private static final Pattern BARE_NUMBER = Pattern.compile("(?i)(?<![\\w.])" + OLD
            + "(?:(?<=\\d)(?!\\d|[.,]\\d|\\p{L})|(?<!\\d))(?!\\s*(?:%|percent|mg|mcg|kg|mmhg|bpm|/|°|kgs|lbs|mmol|units|ml|cm|mm|x\\b"
            + "|on\\b(?!\\s+" + WHEN + ")|at\\b(?!\\s+" + WHEN + ")))");

    /** "93y male", "a 93-y-old", "93-y-o": "93y" is one token and goes whole; "93-y-old" keeps its suffix, like "93-year-old". */
    private static final Pattern SHORTHAND = Pattern.compile(
            "(?<![\\w.])(?:(?<age>(?:9\\d|1[01]\\d)(?i:y)(?![\\w/.-]))|(?<age2>9\\d|1[01]\\d)-?(?i:y(?:-old|-o)?)(?![\\w/.-]))");

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<![\\w.])" + OLD + "\\s*(?:-|\\s)?\\s*(?i:years?|yrs?|yo|y/o|y\\.o\\.?|yr|años|anos|ans|jahre|jährige[rn]?|jaar|jarige|lat|år|anni|ani|vuotias)(?i:[\\s-]*old)?(?!\\w)"),
            SHORTHAND,
            // Age and sex in a note's header: "93/F", "Age/Sex: 93/M", "F/93".
            Pattern.compile("(?<![\\w./])" + OLD + "\\s?/\\s?(?-i:[MF])(?![\\w/])"),
            Pattern.compile("(?<![\\w./])(?-i:[MF])\\s?/\\s?(?<age>9\\d|1[01]\\d)(?![\\w/.])"),
            // "a woman of 94", "a gentleman of ninety-one"
            Pattern.compile("(?i)\\b(?:man|woman|lady|gentleman|gent|person|patient|widow|widower|boy|girl) of " + OLD
                    + "(?![\\d.,]\\d|\\s*(?:kg|kgs|lbs?|st|stone|cm|mm|%|mg|units|patients|people|cases)\\b)"),
            Pattern.compile("(?i)\\b(?:aged|age|ages|age:|aged:|age of|age=|age\\s*=)\\s*\"?" + OLD + "(?!\\d|\\.\\d|\\s*(?:d|days?|wks?|weeks?|mo|months?)\\b)"),
            Pattern.compile("(?<![\\d.])" + OLD + "(?:M|F|yoM|yoF|yom|yof)\\b"),
            // "she is 93", "Will is 91", "(...) turned 95": checked against VERB_BEFORE below.
            BARE_NUMBER,
            Pattern.compile("(?i)\\b(?:in (?:his|her|their) )(?<age>(?:late |early |mid[- ])?(?:nineties|90s|hundreds))\\b"),
            Pattern.compile("(?i)\\b(?<age>nonagenarian|centenarian)\\b"),
            // "turned 99 on Sunday", "turns ninety-one next week": an age verb needs no other context.
            Pattern.compile("(?i)\\b(?:turned|turns|turning|will turn|is turning|turn)\\s+" + OLD + "(?![\\d.,%]|\\s*(?:°|deg))"),
            // "her 100th birthday", "his ninety-first birthday"
            Pattern.compile("(?i)(?<![\\w.])(?<age>(?:9\\d|1[01]\\d)(?:st|nd|rd|th)|" + ORDINAL_WORDS + ")\\s+birthday\\b"),
            // "barry's 90th was yesterday", "Mum's ninety-fifth is on Sunday": a person's ordinal is a birthday.
            Pattern.compile("(?i)\\b\\p{L}+['’]s\\s+(?<age>(?:9\\d|1[01]\\d)(?:st|nd|rd|th)|" + ORDINAL_WORDS + ")(?!\\w|\\s+(?:percentile|centile|dose|cycle|day|week|visit|admission))"),
            // "in her ninety-fifth year", "in his 101st year": a person's year of life.
            Pattern.compile("(?i)\\b(?:his|her|their|my|your)\\s+(?<age>(?:9\\d|1[01]\\d)(?:st|nd|rd|th)|" + ORDINAL_WORDS
                    + ")\\s+year\\b"),
            // "at ninety-six she still drives", "at the age of 97 he moved": an age before its person.
            Pattern.compile("(?i)(?:^|[.!?;,(]\\s*|\\b(?:and|but|even|now|still|yet)\\s+)at\\s+(?:the\\s+age\\s+of\\s+)?" + OLD + ",?\\s+(?=(?:he|she|they|i|we)\\b)"));

    /** Subjects whose "is 95" is a measurement, not an age. */
    private static final Set<String> MEASUREMENTS = Set.of(
            "hr", "rate", "pulse", "sats", "saturation", "saturations", "spo2", "o2", "bp", "pressure", "weight", "wt",
            "glucose", "sugar", "sugars", "bm", "level", "levels", "score", "count", "temp", "temperature", "rr",
            "respiratory", "creatinine", "egfr", "gfr", "crp", "sodium", "potassium", "na", "k", "hb", "haemoglobin",
            "hemoglobin", "platelets", "plt", "wcc", "wbc", "ferritin", "b12", "folate", "tsh", "alt", "ast", "alp",
            "inr", "bilirubin", "albumin", "urea", "lactate", "ph", "fev1", "fvc", "qtc", "qt", "pr", "ef", "lvef",
            "fraction", "it", "this", "that", "dose", "result", "reading", "value", "number", "figure", "total",
            "systolic", "diastolic", "map", "height", "volume", "output", "intake", "heart", "oxygen", "ldl", "hdl",
            "cholesterol", "hba1c", "a1c", "troponin", "trop", "ck", "amylase", "lipase", "mcv", "calcium", "phosphate",
            "magnesium", "chloride", "bicarbonate", "osmolality", "vitamin", "d", "iron", "gcs", "apgar", "news", "centile",
            "percentile", "bmi", "age", "limit", "threshold", "cutoff", "cut-off", "target", "goal", "mine", "his", "hers",
            "theirs", "ours", "yours", "which", "what", "there", "here", "speed", "price", "cost", "room", "bed", "bay", "page");

    /** A pronoun, a relative or a capitalised name: who a number at the end of a clause can be the age of. */
    private static final Pattern RELATION_WORD = Pattern.compile(
            "(?:he|she|they|i|you|we|who|male|female|m|f|(?:" + NameDetector.RELATIONS + ")|grandad|granddad|pops|nanna|grandmother|grandfather"
            + "|gramps|lady|man|woman|gentleman|gent|resident|pt|patient|client)");
    private static final Pattern PERSON_SUBJECT = Pattern.compile(
            "(?i:he|she|they|i|you|we|who|(?:" + NameDetector.RELATIONS + ")s?|grandad|granddad|pops|nanna|grandmother|grandfather"
            + "|gramps|lady|man|woman|gentleman|gent|resident|pt|patient|client)|\\p{Lu}[\\p{L}'’-]*");

    /** A relative or pronoun in the singular ("Mum", "Grandad", "she"), a listed name or a word in no dictionary. */
    private boolean setOffPerson(Token t) {
        String lower = t.lower();
        if (MEASUREMENTS.contains(lower) || lexicon.isClinicalTerm(lower) || t.isAllCaps() || lower.endsWith("s")
                && PERSON_SUBJECT.matcher(lower.substring(0, lower.length() - 1)).matches()) {
            return false; // "Patients, 95, were included" is a count
        }
        return RELATION_WORD.matcher(lower).matches()
                || (t.isCapitalised() && ((lexicon.isAnyName(lower) && !lexicon.isNameWord(lower)) || names.isUnknownWord(t)))
                // "my mam siobhan byrne (91)": a listed surname typed in lower case that is no English word
                || (!t.isCapitalised() && lexicon.isSurname(lower) && !lexicon.isNameWord(lower) && !lexicon.isEnglishWord(lower));
    }

    /** "Mrs Beryl Graves, 90,": a capitalised word one or two words after a title is a person's name, eponym or not. */
    private static boolean titledName(ScannedText s, int i) {
        if (!s.token(i).isCapitalised() || s.token(i).isAllCaps()) {
            return false;
        }
        for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
            if (!s.adjacent(j, j + 1) && !s.text().substring(s.token(j).end(), s.token(j + 1).start()).matches("\\.?\\s")) {
                return false;
            }
            Token t = s.token(j);
            if (NameDetector.TITLES.contains(t.lower()) && t.isCapitalised()) {
                return true;
            }
            if (!t.isCapitalised()) {
                return false;
            }
        }
        return false;
    }

    private static boolean personSubject(String subject) {
        return PERSON_SUBJECT.matcher(subject).matches();
    }

    /**
     * An age set off after the person it belongs to: "Mum (94) has AF", "Mrs Okafor (96) fell",
     * "Dad, 93, is on apixaban", "Grandad, 101 next month". The word before must be a person: a
     * pronoun, a relative or a name; a lab or a reading there ("Sats (94)", "Urate, 95,") is none.
     */
    static final Pattern SET_OFF = Pattern.compile(
            "\\(\\s*(?<age>9\\d|1[01]\\d)\\s*(?:y|yo|yrs?|years?)?\\s*\\)"
            + "|(?<age2>9\\d|1[01]\\d)(?=\\s*(?:,|;|\\)|—|–|$|(?:next|last|this)\\s|(?:yo|y/o|yrs?|years?)\\b)"
            // "Corazon Villanueva, 94 na po", "Dad, 93 and still driving": any word but a unit after the person's comma
            + "|\\s+(?!(?i:mg|mcg|µg|g|kg|ml|l|units?|iu|mmol|mmhg|bpm|percent|percentile|centile|cm|mm|lbs?|beats|breaths"
            + "|min|mins|minutes|sec|seconds|hours?|hrs?|days?|weeks?|wks?|months?|points?|x)\\b)\\p{L})");
    /** "pt lily marsh, 91,": one to three words after "pt" or a title are the person, whatever words they are. */
    private static final Pattern ANNOUNCED_PERSON_BEFORE = Pattern.compile("(?i)(?:^|[\\s(])(?:pt|patient|mrs?|ms|miss|mx)\\.?(?:\\s+[\\p{L}'’-]+){1,3}$");
    /** "now" set off after its person, before the age: "Mrs Obi, now 96,". */
    private static final Pattern NOW_BEFORE = Pattern.compile(",\\s{1,2}now\\s+$");
    /** A bracketed aside and a comma just before a set-off age: "Mrs Tan (NRIC S3124578H), 90,". */
    private static final Pattern AFTER_BRACKET = Pattern.compile("\\s*\\([^()]{1,40}\\),\\s{1,2}$");
    /** Between the person and the bracket or the comma. */
    private static final Pattern SET_OFF_GAP = Pattern.compile("\\s*|,\\s{1,2}");

    private final Lexicon lexicon;
    private final NameDetector names;

    AgeDetector(Lexicon lexicon, NameDetector names) {
        this.lexicon = lexicon;
        this.names = names;
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        scanned.forEachMatch(SET_OFF, m -> {
            String group = m.start("age") >= 0 ? "age" : "age2";
            int subject = scanned.tokenAtOrAfter(m.start()) - 1;
            if (subject < 0) {
                return;
            }
            int gapEnd = group.equals("age") ? m.start() : m.start(group);
            Matcher bracketed = AFTER_BRACKET.matcher(text).region(Math.max(0, gapEnd - 48), gapEnd);
            boolean afterBracket = group.equals("age2") && bracketed.find();
            if (afterBracket) {
                // "Mdm Tan (NRIC S3124578H), 90, seen at…": the person stands before the bracket
                subject = scanned.tokenAtOrAfter(bracketed.start()) - 1;
                gapEnd = bracketed.start();
                if (subject < 0) {
                    return;
                }
            }
            Matcher now = NOW_BEFORE.matcher(text).region(Math.max(0, gapEnd - 12), gapEnd);
            if (group.equals("age2") && !afterBracket && now.find()) {
                // "the patient, now 93, is on apixaban": the person stands before "now"
                subject = scanned.tokenAtOrAfter(now.start()) - 1;
                gapEnd = text.indexOf("now", now.start());
                if (subject < 0) {
                    return;
                }
            }
            Token t = scanned.token(subject);
            if (t.end() > gapEnd || !SET_OFF_GAP.matcher(text.substring(t.end(), gapEnd)).matches()
                    || (group.equals("age2") && !afterBracket && text.substring(t.end(), gapEnd).indexOf(',') < 0)) {
                return;
            }
            if (setOffPerson(t) || titledName(scanned, subject)
                    || ANNOUNCED_PERSON_BEFORE.matcher(text).region(Math.max(0, t.end() - 48), t.end()).find()
                    && !MEASUREMENTS.contains(t.lower()) && !lexicon.isClinicalTerm(t.lower()) && !scanned.isClinical(subject)) {
                out.add(new Candidate(PhiType.AGE, m.start(group), m.end(group), Candidate.PATTERN));
            }
        });
        for (int p = 0; p < PATTERNS.size(); p++) {
            boolean bareNumber = PATTERNS.get(p) == BARE_NUMBER;
            boolean withUnit = p == 0;
            scanned.forEachMatch(PATTERNS.get(p), m -> {
                String group = m.pattern() == SHORTHAND && m.start("age") < 0 ? "age2" : "age";
                int start = m.start(group);
                // "93yo", "96 y/o", "93-year-old" go whole: the placeholder says it is an age, and a label may hold the unit
                int end = withUnit ? m.end() : m.end(group);
                // "shes 97", "hes 93": chat drops the apostrophe
                String before = SHES.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).replaceFirst("$1's ");
                String after = text.substring(end, Math.min(text.length(), end + 24));
                if ((THRESHOLD_BEFORE.matcher(before).find() && !LIVED_TO.matcher(before).find()) || THRESHOLD_AFTER.matcher(after).find()) {
                    return;
                }
                if (bareNumber) {
                    Matcher verb = VERB_BEFORE.matcher(before);
                    if (!verb.find() || MEASUREMENTS.contains(verb.group("subject").toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    if (after.matches("(?s)^[.,;].*") && !personSubject(verb.group("subject"))) {
                        return; // "the median sample size was 112," is a count; "Dad is 93," an age
                    }
                }
                out.add(new Candidate(PhiType.AGE, start, end, Candidate.PATTERN));
            });
        }
    }
}
