package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the English-language lists miss in Malaysia and Singapore: a Tamil or Malay name joined by a patronymic
 * particle ("Muthusamy a/l Karuppiah", "Ravi s/o Krishnan"), and a romanised Chinese name — a common surname then one
 * or two given-name syllables ("Tan Ah Kow", "Lim Boon Huat", "chong ah seng" after a cue). Syllables come from a
 * closed list, so "Low Dose Aspirin" or "Tan skin" are no name.
 */
final class MalaysianSingaporeanNameDetector implements PhiDetector {

    private static final String WORD = "\\p{Lu}[\\p{L}'’-]+";
    /** Titles and labels before a name that the shared title list lacks. */
    private static final Set<String> TITLES = Set.of("pt", "patient", "mdm", "madam", "encik", "puan", "cik", "tuan", "haji", "hajjah");
    private static final Pattern PATRONYMIC = Pattern.compile(
            "\\b" + WORD + "(?:\\s+" + WORD + ")?\\s+(?i:a/l|a/p|s/o|d/o|w/o)\\s+" + WORD + "(?:\\s+" + WORD + ")?");
    private static final Set<String> SURNAMES = Set.of(
            "tan", "lim", "lee", "ng", "ong", "goh", "koh", "chong", "chan", "wong", "teo", "tay", "toh", "yeo", "lau", "low",
            "ho", "lai", "ang", "chua", "chia", "foo", "kwok", "leong", "loh", "neo", "quek", "seah", "sim", "soh", "tang",
            "wee", "yap", "yong", "chew", "chin", "chow", "chee", "choo", "heng", "hoe", "khoo", "kok", "kwan", "liew", "loke",
            "mok", "ooi", "pang", "phua", "poh", "sng", "tee", "teh", "thong", "wan", "yeoh", "yew", "lum", "liu", "lin",
            "zhang", "wang", "chen", "huang", "zhao", "wu", "zhou", "xu", "zhu", "guo", "gao");
    private static final Set<String> SYLLABLES = Set.of(
            "ah", "ai", "an", "ang", "boon", "beng", "bee", "bin", "bing", "chai", "chee", "cheng", "chin", "choo", "chong",
            "chuan", "chun", "eng", "fatt", "fook", "gek", "guan", "hai", "hao", "hock", "hong", "hoon", "huat", "hui", "hwa",
            "hwee", "jia", "jie", "jun", "kah", "kai", "kang", "keat", "keng", "kheng", "kiat", "kim", "kok", "kong", "kow",
            "kwang", "lai", "lay", "leng", "liang", "lian", "lin", "ling", "mei", "meng", "ming", "mui", "nam", "peng", "ping",
            "poh", "qing", "seng", "seow", "siang", "siew", "siong", "soon", "swee", "tat", "teck", "teng", "tiong", "wah",
            "wai", "wee", "wei", "wen", "xin", "xiao", "yee", "yong", "yew", "yi", "yu", "yun", "zhi", "hua", "jing", "li",
            "hean", "huay", "khim", "lee", "lye", "onn", "sheng", "sin", "tuck", "wing", "yik", "yeow", "choon");
    private static final String SURNAME = "(?i:" + String.join("|", SURNAMES) + ")";
    private static final Pattern CAPITALISED_NAME = Pattern.compile("\\b(?=\\p{Lu})(" + SURNAME + ")\\s+(\\p{Lu}\\p{Ll}{1,5})"
            + "(?:\\s+(\\p{Lu}\\p{Ll}{1,5}))?\\b");
    /** In lower case only after someone introduces or names a person: "i'm goh kah hock", "my pa chong ah seng". */
    private static final Pattern LOWER_CASE_NAME = Pattern.compile("(?i:\\b(?:i'?m|i’m|its|it's|this is|name is|my (?:pa|ma|mum|mom|dad"
            + "|father|mother|son|daughter|wife|husband|grandma|grandpa|ah ma|ah gong|uncle|aunty|auntie)|patient|pt)\\s+)"
            + "(?=\\p{Ll})(" + SURNAME + ")\\s+(\\p{Ll}{1,5})(?:\\s+(\\p{Ll}{1,5}))?\\b");

    private final Lexicon lexicon;

    MalaysianSingaporeanNameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        scanned.forEachMatch(PATRONYMIC, m -> {
            int start = m.start();
            int space = m.group().indexOf(' ');
            if (NameDetector.TITLES.contains(m.group().substring(0, space).toLowerCase(Locale.ROOT).replace(".", ""))
                    || TITLES.contains(m.group().substring(0, space).toLowerCase(Locale.ROOT))) {
                start += space + 1; // "Pt Rajesh s/o Subramaniam", "Encik Ahmad …": the title is no part of the name
            }
            out.add(new Candidate(PhiType.NAME, start, m.end(), Candidate.PATTERN));
        });
        scanned.forEachMatch(CAPITALISED_NAME, m -> addChineseName(m, out));
        scanned.forEachMatch(LOWER_CASE_NAME, m -> addChineseName(m, out));
    }

    private void addChineseName(Matcher m, List<Candidate> out) {
        String second = m.group(2).toLowerCase(Locale.ROOT);
        if (!SURNAMES.contains(m.group(1).toLowerCase(Locale.ROOT)) || !SYLLABLES.contains(second)) {
            return;
        }
        if (m.group(3) != null && SYLLABLES.contains(m.group(3).toLowerCase(Locale.ROOT))) {
            out.add(new Candidate(PhiType.NAME, m.start(1), m.end(3), Candidate.PATTERN));
        } else if (second.length() >= 3 && !lexicon.isEnglishWord(second)) {
            out.add(new Candidate(PhiType.NAME, m.start(1), m.end(2), Candidate.PATTERN)); // "Ong Wei", not "Lim Boon"
        }
    }
}
