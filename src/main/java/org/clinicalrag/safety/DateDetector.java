package org.clinicalrag.safety;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date elements more specific than a year: "12 March 2024", "March 12th", "03/12/2024",
 * "2024-03-12", "March 2024", "DOB 4/7/51". A year on its own is allowed by Safe Harbor and left
 * alone. Numbers that merely look like dates are the main hazard here: "5/2" or "3/7" without a
 * year is only a date after a cue such as "on" or "since", blood pressures fail the day/month
 * check, and "5-10-20 mg" is a titration, not a date.
 */
final class DateDetector implements PhiDetector {

    /** Capitalised month names and abbreviations; lower-case full names except "may" (a verb). */
    private static final String MONTH = "(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?(?![a-z])"
            + "|January|February|March|April|May|June|July|August|September|October|November|December"
            + "|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
            + "|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
            + "|january|february|march|april|june|july|august|september|october|november|december)";
    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})";
    /** "11 Jul 23": after a day and a month, two digits are the year unless a unit follows. */
    private static final String SHORT_YEAR = "(?:\\d{2}(?![\\d:.,/%]|\\.\\d|\\s*(?:mg|mcg|g\\b|kg|ml|mL|units?|mmol|%|x\\b|hours?|days?|weeks?)))";
    private static final String ORDINAL_DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)";
    /** What may follow a lone ordinal day: the end of a phrase, a conjunction, a pronoun or a time, never a noun. */
    private static final String ORDINAL_ENDS_PHRASE = "(?=\\s*(?:$|[,.;:!?)\\-–—…\"”]|(?:and|or|at|when|but|so|then|this|next|last"
            + "|in the|for|with|because|if|as|after|before|until|till|around|about|from|she|he|they|i|we|you|it|my|his|her"
            + "|their|our|please|again|instead|too|like|was|is|were|got|gets|has|had|will|would|went|needs|needed|clashes|clashed|w(?=/)"
            + "|(?:to|till|until)\\s+the\\s+\\d{1,2}(?:st|nd|rd|th)(?=\\s*(?:$|[,.;:!?)\\-–—]|(?:and|or|but|when|at)\\b)))\\b))";
    /** Days of the month in words: "the twelfth of March", "March the twenty-first". */
    private static final String DAY_WORD = "(?i:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
            + "|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
            + "|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
    /** Abbreviations only capitalised ("sat", "wed" are words); full names in any case. */
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\\.?"
            + "|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day))";
    /** Lower-case month abbreviations ("2nd jan"): dates only beside an ordinal day, elsewhere they may be words. */
    private static final String LOWER_MONTH_ABBREVIATION = "(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\\.?";
    /** A weekday just before a date belongs to it: "Sunday 7 April", "Sat, 1/6", "Monday the 11th of March". */
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile("\\b" + WEEKDAY + ",?\\s+(?:the\\s+)?$");
    /**
     * Holidays are dates: with the year of the admission or any other fact they give the day.
     * "Christmas disease" (haemophilia B) and "Christmas factor" are clinical and excluded.
     */
    private static final String HOLIDAY = "(?:(?:Christmas|Xmas)(?: Day| Eve)?|Boxing Day|New Year'?s?(?: Day| Eve)|Hogmanay"
            + "|Easter(?: Sunday| Monday| Saturday| Day| weekend)?|Good Friday|Maundy Thursday|Holy (?:Thursday|Saturday)"
            + "|Shrove Tuesday|Pancake Day|Ash Wednesday|Palm Sunday|Whit (?:Sunday|Monday)|Pentecost|Thanksgiving(?: Day)?"
            + "|Independence Day|(?:the )?(?:Fourth|4th) of July|Memorial Day|Labou?r Day|Veterans'? Day|Presidents'? Day"
            + "|(?:Martin Luther King(?: Jr\\.?)?|MLK) Day|Columbus Day|Juneteenth|Hallowe'?en|Valentine'?s Day"
            + "|(?:St\\.?|Saint) (?:Patrick|Andrew|David|George)'?s Day|Mother'?s Day|Mothering Sunday|Father'?s Day"
            + "|Guy Fawkes(?: Night| Day)?|Bonfire Night|Remembrance (?:Day|Sunday)|Armistice Day|Anzac Day|Australia Day"
            + "|Canada Day|Victoria Day|Waitangi Day|Burns Night|May Day|(?:Early May|Spring|Summer|August) Bank Holiday"
            + "|Diwali|Deepavali|Hanukkah|Chanukah|Rosh Hashanah|Yom Kippur|Passover|Eid(?: al-Fitr| al-Adha| ul-Fitr| ul-Adha)?"
            + "|Lunar New Year|Chinese New Year|Vesak|Holi|Nowruz)";
    private static final String UNIT_AFTER = "(?!\\s*(?:mg|mcg|µg|g|kg|ml|mL|l|L|units?|iu|IU|mmol|mmHg|%|hours?|hrs?|h\\b|days?|weeks?|months?|years?|times|x\\b|diet|ratio|split|doses?|tabs?|tablets?|history|hx|ago)(?!\\w))"; // whole words: "2023  LOS" is no litre
    private static final String DATE_CUE = "(?:on|since|from|until|till|by|dated|dob|d\\.o\\.b\\.?|born|adm|admit|admitted|admission|discharged|discharge"
            + "|seen|last|next|appointment|appt|reviewed|review|started|stopped|commenced|due|scheduled|booked|visit|surgery|procedure|date"
            + "|clinic|taken|done|performed|drawn|collected|received|rec'd|recd|rcvd|sent|called|phoned|rang|emailed|faxed|arrived|presented"
            + "|attended|injured|fell|operated|delivered|died|death|dod|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow)";

    private static final List<Pattern> PATTERNS = List.of(
            // 12 March 2024, 12th of March, 3 Jan '24, 12-14 March 2024
            Pattern.compile("\\b" + DAY + "(?:\\s*[-–]\\s*" + DAY + ")?(?:\\s+of)?[\\s-]+" + MONTH + "(?:,?[\\s-]+" + YEAR
                    + "|[ -]" + SHORT_YEAR + ")?(?![\\w'])"),
            // March 12, 2024 / March 12th / Mar 12
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "(?![\\d:]|\\.\\d)(?:,?\\s+" + YEAR + ")?(?![\\w'])" + UNIT_AFTER),
            // March 2024, Sept 2023, March of 2024
            Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b"),
            // 2024-03-12, 2024/03/12
            Pattern.compile("(?<![\\d./-])(?:19|20)\\d{2}([-/.])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12]\\d|3[01])(?![\\d/])"),
            // 03/12/2024, 4/7/51, 12.03.2024, 12-03-2024
            Pattern.compile("(?<![\\w./-])(\\d{1,2})([/.\\-])(\\d{1,2})\\2((?:19|20)\\d{2}|\\d{2})(?![\\d/]|\\.\\d|-\\d)" + UNIT_AFTER),
            // 03/2024
            Pattern.compile("(?<![\\w./-])(?:0?[1-9]|1[0-2])/(?:19|20)\\d{2}(?![\\d/])"),
            // "on 3/7", "since 12/3": day/month without year only after a date cue
            Pattern.compile("(?i)\\b" + DATE_CUE + "(?:\\s+the)?,?[:\\s]\\s*(?:(?:was|is|on|for)\\s+)?\\(?(?-i:(\\d{1,2})/(\\d{1,2}))(?![\\d/]|\\.\\d)" + UNIT_AFTER),
            // a bare month after a temporal cue: "in March", "since April"
            Pattern.compile("\\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Dd]uring|[Ll]ast|[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Bb]eginning of|[Ss]tart of)[\\s-]+"
                    + "(?<bare>January|February|March|April|May|June|July|August|September|October|November|December)\\b"),
            // Christmas Day, Boxing Day, Easter Monday, New Year's Eve, Thanksgiving, Diwali
            Pattern.compile("\\b" + HOLIDAY + "(?![\\w'’])(?!\\s+(?:disease|factor))"),
            // "Tuesday the 5th", "Tue 5th", "Friday, 3rd", and in chat "thurs 23rd": an abbreviation in any case before an ordinal
            Pattern.compile("\\b(?:" + WEEKDAY + "|(?i:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\\.?),?\\s+(?:the\\s+)?"
                    + ORDINAL_DAY + "\\b"),
            // "on the 14th", "since the 3rd," "by 21st and", "on the 30th — ", "on the 2nd she fell": an ordinal
            // alone is a day of the month only after a date cue and at the end of its phrase or before a
            // new clause ("on the 3rd dose", "on 2nd line" are not dates).
            Pattern.compile("(?i)\\b(?:(?:since|from|until|till|before|after|to|not)\\s+(?<ord>the\\s+" + ORDINAL_DAY + ")"
                    + "|(?:on|by|dated|due)\\s+(?<ord2>(?:the\\s+)?" + ORDINAL_DAY + "))" + ORDINAL_ENDS_PHRASE),
            // "her birthday is the 30th", "the appointment was 3rd", "op's on the 12th": a dated event names the day.
            Pattern.compile("(?i)\\b(?:birthday|anniversary|appointment|appt|review|operation|op|surgery|scan|procedure|clinic"
                    + "|induction|infusion|due date|follow-up|check-up|results?|discharge|admission|funeral|wedding|party)"
                    + "(?:\\s+(?:is|was|will be|falls)|'s|’s)(?:\\s+on)?\\s+(?<ord>(?:the\\s+)?" + ORDINAL_DAY + ")" + ORDINAL_ENDS_PHRASE),
            // "the 14th of this month", "the 2nd of next month"
            Pattern.compile("(?i)\\b(?<ord>(?:the\\s+)?" + ORDINAL_DAY + "\\s+of\\s+(?:this|next|last|the)\\s+month)\\b"),
            // "the twelfth of March", "the first of May, 2024", "March the twenty-first"
            Pattern.compile("\\b(?:(?i:the)\\s+)?" + DAY_WORD + "\\s+of\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?(?![\\w'])"),
            Pattern.compile("\\b" + MONTH + "\\s+(?i:the)\\s+" + DAY_WORD + "(?![\\w'-])(?:,?\\s+" + YEAR + ")?"),
            // "15 Ramadan", "1st of Shawwal 1445": Hijri months with a day (a month alone, "during Ramadan", is clinical context)
            Pattern.compile("\\b" + DAY + "(?:\\s+of)?\\s+(?:Muharram|Safar|Rabi(?:'|\\s)?(?:al|ul)[- ]?(?:Awwal|Thani|Akhir)|Jumada(?:\\s|-)?(?:al|ul)[- ]?(?:Awwal|Ula|Thani|Akhirah)"
                    + "|Rajab|Sha'?ban|Ramadan|Ramadhan|Ramazan|Shawwal|Dhu(?:\\s|-)?al[- ]?(?:Qi'?dah|Hijjah)|Dhul[- ]?(?:Qadah|Hijjah))(?:,?\\s+\\d{4})?(?![\\w'])"),
            // (indices above are fixed: NUMERIC_WITH_YEAR…ORDINAL_OF_MONTH)
            // 28-Feb-24, 03-MAR-2024: hyphens on both sides of the month are a date stamp, whatever punctuation follows
            Pattern.compile("\\b" + DAY + "-(?:" + MONTH + "|(?i:ene|abr|ago|dic|set|out|dez|okt|mrz|mär|mei|maj|mai))-(?:(?:19|20)\\d{2}|\\d{2})(?![\\w'])"),
            // French: "le 3 mars 1985", "1er janvier"
            Pattern.compile("(?i)\\b(?:le\\s+)?(?:0?[1-9]|[12]\\d|3[01]|1er)\\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout"
                    + "|septembre|octobre|novembre|décembre|decembre)(?:\\s+(?:19|20)\\d{2})?(?![\\w'])"),
            // German, Dutch and Scandinavian: "12. März 2025", "3 oktober", "1 januari 2024", "14. maj"
            Pattern.compile("(?i)\\b(?:0?[1-9]|[12]\\d|3[01])\\.?\\s+(?:januar|jänner|januari|februar|februari|märz|maerz|maart|marts"
                    + "|april|mai|mei|maj|juni|juli|august|augustus|augusti|september|oktober|november|dezember|december)(?:\\s+(?:19|20)\\d{2})?(?![\\w'])"),
            // "near Ingolstadt 3 nov 2024", "Opname 1 dec 2024": a day, a lower-case month abbreviation and a year
            Pattern.compile("\\b(?:0?[1-9]|[12]\\d|3[01])\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\\.?,?\\s+(?:19|20)\\d{2}(?![\\w'])"),
            // "2nd jan", "jan 2nd", "3rd of sept 2024"
            Pattern.compile("\\b" + ORDINAL_DAY + "(?:\\s+of)?\\s+" + LOWER_MONTH_ABBREVIATION + "(?:,?\\s+" + YEAR + ")?(?![\\w'])"),
            Pattern.compile("\\b" + LOWER_MONTH_ABBREVIATION + "\\s+" + ORDINAL_DAY + "(?:,?\\s+" + YEAR + ")?(?![\\w'])"),
            // "next visit aug 3 still on", "appt sept 14 at 2pm": a lower-case month abbreviation and a day ("may", "mar" are words)
            Pattern.compile("\\b(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+(?:0?[1-9]|[12]\\d|3[01])(?![\\w'’]|[.,:/]\\d"
                    + "|\\s*(?:mg|mcg|g\\b|ml|units?|%|x\\b|hours?|hrs?|days?|weeks?|tabs?|tablets?|doses?|times))"),
            // "interrogated 11/02", "05/11": a zero-padded day or month is written by date pickers and EHR
            // columns, never by scores, ratios or doses ("7/10", "25/100"), so it needs no cue
            Pattern.compile("(?<![\\w./:-])(\\d{1,2})/(\\d{1,2})(?![\\w/]|\\.\\d)" + UNIT_AFTER),
            // "opened at 02:14 on 14.02": a dotted day.month after a date cue, two digits each (a dose has its unit)
            Pattern.compile("(?i)\\b" + DATE_CUE + "(?:\\s+the)?,?[:\\s]\\s*(?-i:(\\d{2})\\.(\\d{2}))(?![\\d.]\\d|\\d|\\s*(?:am|pm)\\b)" + UNIT_AFTER),
            // Spanish and Portuguese: "el 3 de marzo", "22 de enero de 2024", "5 de março"
            Pattern.compile("(?i)\\b(?:0?[1-9]|[12]\\d|3[01])\\s+de\\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre"
                    + "|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)"
                    + "(?:\\s+(?:de|del)\\s+(?:19|20)\\d{2})?\\b"),
            // "booked for 15 aug", "since 3 sept": a day and a lower-case month abbreviation after a date cue ("may" is a verb)
            Pattern.compile("(?i:\\b(?:for|on|since|from|until|till|by|due|appt|appointment|booked|dated)\\s+)(?<dm>(?:0?[1-9]|[12]\\d|3[01])"
                    + "\\s+(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)(?![\\w'])"),
            // "triage 2/7 14:20": a day/month with a time after it is a date whatever its numbers
            Pattern.compile("(?<![\\w./:-])(\\d{1,2})/(\\d{1,2})(?=,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}\\b)"));

    /** "Seen 12/03 and 19/03": a day/month joined to a date already found is a date too. */
    private static final Pattern CHAINED_DAY_MONTH = Pattern.compile(
            "\\G\\s*(?:and|to|or|&|,|-|–|then)\\s*(\\d{1,2})/(\\d{1,2})(?![\\d/]|\\.\\d)" + UNIT_AFTER);

    /** "pain 7/10 at 09:00", "GCS 14/15 at 02:10": a score read at a time is no date. */
    private static final Pattern SCORE_BEFORE = Pattern.compile("(?i)\\b(?:pain|gcs|score|scored|rated|mmse|moca|amts|power|strength"
            + "|apgar|nrs|vas|va|acuity|severity|sats|mrc|nihss|grade|bp)\\s*(?:of|was|is|=|:)?\\s*$");
    private static final Pattern THE_BEFORE = Pattern.compile("(?i)\\bthe\\s+$");
    private static final Pattern ORDINAL_START = Pattern.compile(ORDINAL_DAY + "\\b|(?i)" + DAY_WORD + "\\b");
    /** "booked 17/IV", "17.IV.2024": a month in Roman numerals, as Central and Eastern Europe write it ("stage 3/IV" is none). */
    private static final Pattern ROMAN_MONTH_DATE = Pattern.compile("(?<!grade |stage |class |cn |nerve )\\b(?:0?[1-9]|[12]\\d|3[01])[./]"
            + "(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)(?:[./](?:19|20)?\\d{2})?(?![\\w/])(?!\\s*(?i:fluids?|access|line|push|drip|abx|antibiotics)\\b)");
    private static final int NUMERIC_WITH_YEAR = 4;
    private static final int CUED_DAY_MONTH = 6;
    private static final int BARE_MONTH = 7;
    private static final int CUED_ORDINAL = 10;
    private static final int EVENT_ORDINAL = 11;
    private static final int ORDINAL_OF_MONTH = 12;
    private static final int ZERO_PADDED_DAY_MONTH = PATTERNS.size() - 5;
    private static final int CUED_DOTTED_DAY_MONTH = PATTERNS.size() - 4;
    private static final int CUED_LOWER_DAY_MONTH = PATTERNS.size() - 2;
    private static final int DAY_MONTH_BEFORE_TIME = PATTERNS.size() - 1;

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        scanned.forEachMatch(ROMAN_MONTH_DATE, m -> out.add(new Candidate(PhiType.DATE, m.start(), m.end(), Candidate.PATTERN)));
        for (int i = 0; i < PATTERNS.size(); i++) {
            int p = i;
            scanned.forEachMatch(PATTERNS.get(p), m -> {
                int start = m.start();
                int end = m.end();
                if (p == NUMERIC_WITH_YEAR && !plausibleDayMonth(m.group(1), m.group(3))) {
                    return;
                }
                if (p == ZERO_PADDED_DAY_MONTH && !(zeroPadded(m.group(1)) || zeroPadded(m.group(2)))
                        || p == ZERO_PADDED_DAY_MONTH && !plausibleDayMonth(m.group(1), m.group(2))) {
                    return;
                }
                if (p == DAY_MONTH_BEFORE_TIME && (!plausibleDayMonth(m.group(1), m.group(2))
                        || SCORE_BEFORE.matcher(text).region(Math.max(0, start - 24), start).find())) {
                    return;
                }
                if (p == CUED_LOWER_DAY_MONTH) {
                    start = m.start("dm");
                }
                if (p == CUED_DAY_MONTH || p == CUED_DOTTED_DAY_MONTH) {
                    if (!plausibleDayMonth(m.group(1), m.group(2))) {
                        return;
                    }
                    start = m.start(1);
                }
                if (p == BARE_MONTH) {
                    start = m.start("bare");
                    end = m.end("bare");
                }
                if (p == CUED_ORDINAL || p == EVENT_ORDINAL || p == ORDINAL_OF_MONTH) {
                    String group = p == CUED_ORDINAL && m.start("ord") < 0 ? "ord2" : "ord";
                    start = m.start(group);
                    end = m.end(group);
                }
                if (p == NUMERIC_WITH_YEAR && m.group(2).equals(".") && versionBefore(text, start)) {
                    return;
                }
                Matcher the = THE_BEFORE.matcher(text).useTransparentBounds(true).region(Math.max(0, start - 5), start);
                if (ORDINAL_START.matcher(text).region(start, end).lookingAt() && the.find()) {
                    start = the.start(); // "the 3rd of May 1941" is one date, as "the 22nd" is
                }
                Matcher weekday = WEEKDAY_BEFORE.matcher(text).useTransparentBounds(true).region(Math.max(0, start - 16), start);
                if (weekday.find()) {
                    start = weekday.start();
                }
                out.add(new Candidate(PhiType.DATE, start, end, Candidate.PATTERN));
                addChained(text, end, out);
            });
        }
    }

    private static void addChained(String text, int from, List<Candidate> out) {
        Matcher chain = CHAINED_DAY_MONTH.matcher(text);
        int at = from;
        while (at < text.length() && chain.find(at) && chain.start() == at && plausibleDayMonth(chain.group(1), chain.group(2))) {
            out.add(new Candidate(PhiType.DATE, chain.start(1), chain.end(2), Candidate.PATTERN));
            at = chain.end();
        }
    }

    private static boolean zeroPadded(String number) {
        return number.length() == 2 && number.charAt(0) == '0';
    }

    private static boolean plausibleDayMonth(String a, String b) {
        int x = Integer.parseInt(a);
        int y = Integer.parseInt(b);
        if (x == 0 || y == 0) {
            return false;
        }
        return (x <= 12 && y <= 31) || (x <= 31 && y <= 12);
    }

    private static boolean versionBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 10), start).toLowerCase();
        return before.matches(".*(version|ver\\.?|v|release)\\s*$");
    }
}
