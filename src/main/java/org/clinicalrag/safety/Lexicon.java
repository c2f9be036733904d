package org.clinicalrag.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind the name and place rules, loaded once from {@code /deid/*.txt} on the
 * classpath. Kept as data files so that clinicians can extend them without touching the rules.
 * Immutable after construction, so one instance is shared by all threads.
 */
final class Lexicon {

    /** A multi-word place name, lower-cased token by token. */
    record Place(List<String> tokens, boolean needsLocativeCue) {
    }

    private final Set<String> givenNames;
    private final Set<String> surnames;
    private final Set<String> nameWords;
    private final Set<String> clinicalTerms;
    private final Set<String> eponymHeads;
    private final Set<String> streetSuffixes;
    private final Set<String> usStates;
    private final Map<String, List<Place>> placesByFirstToken;
    private final Set<String> regions;
    private final Set<String> englishWords;
    private final Set<String> pathologyHeads;
    private final Set<String> curatedNames;
    private final Set<String> stateNames;
    private final Set<String> regionWords;
    private final Set<String> givenNameWords;

    private Lexicon(Set<String> givenNames, Set<String> surnames, Set<String> nameWords,
            Set<String> clinicalTerms, Set<String> eponymHeads, Set<String> streetSuffixes,
            Set<String> usStates, Map<String, List<Place>> placesByFirstToken, Set<String> regions,
            Set<String> englishWords, Set<String> pathologyHeads, Set<String> curatedNames, Set<String> givenNameWords) {
        this.givenNames = givenNames;
        this.surnames = surnames;
        this.nameWords = nameWords;
        this.clinicalTerms = clinicalTerms;
        this.eponymHeads = eponymHeads;
        this.streetSuffixes = streetSuffixes;
        this.usStates = usStates;
        this.placesByFirstToken = placesByFirstToken;
        this.regions = regions;
        this.englishWords = englishWords;
        this.pathologyHeads = pathologyHeads;
        this.curatedNames = curatedNames;
        this.givenNameWords = givenNameWords;
        this.stateNames = usStates.stream().filter(s -> s.length() > 2).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Set<String> inRegions = new HashSet<>();
        for (String region : regions) {
            inRegions.addAll(List.of(region.split("\\s+")));
        }
        for (String state : stateNames) {
            inRegions.addAll(List.of(state.split("\\s+")));
        }
        this.regionWords = Set.copyOf(inRegions);
    }

    /**
     * Medical vocabulary that is no ordinary English (drug names and their ward shorthand, tests, Latin, the everyday
     * health words of everyday-clinical-words.txt, which hold no name by construction): a lower-case
     * word here is no unknown proper noun, though most of it may still be a name when capitalised.
     */
    static final Set<String> CLINICAL_VOCABULARY = words("clinical-words.txt", "everyday-clinical-words.txt");
    /** The everyday health words alone (everyday-clinical-words.txt), chat and Spanish included: none is meant as a name. */
    static final Set<String> EVERYDAY_VOCABULARY = words("everyday-clinical-words.txt");
    /** Herbal and traditional remedies by their first word, longest first ("suan zao ren tang" before "suan zao ren"). */
    private static final Map<String, List<List<String>>> HERBAL_REMEDIES = herbalRemediesByFirstWord();
    private static final Pattern REMEDY_WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");
    private static final Pattern REMEDY_GAP = Pattern.compile("[\\s-]+");

    private static Map<String, List<List<String>>> herbalRemediesByFirstWord() {
        Map<String, List<List<String>>> byFirst = new HashMap<>();
        for (String remedy : words("herbal-remedies.txt")) {
            List<String> parts = List.of(remedy.split("\\s+"));
            byFirst.computeIfAbsent(parts.getFirst(), k -> new ArrayList<>()).add(parts);
        }
        byFirst.replaceAll((k, v) -> v.stream().sorted((a, b) -> Integer.compare(b.size(), a.size())).toList());
        return Map.copyOf(byFirst);
    }

    /**
     * Where herbal and traditional remedies are named whole in the text ("can she drink dong quai soup", "yunnan
     * baiyao"), as [start, end) pairs: their words are clinical only together, as "huang" alone may be a surname.
     */
    static List<int[]> herbalRemedies(String text) {
        List<int[]> words = REMEDY_WORD.matcher(text).results().map(r -> new int[] {r.start(), r.end()}).toList();
        List<int[]> found = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            List<List<String>> candidates = HERBAL_REMEDIES.get(lower(text, words.get(k)));
            if (candidates == null) {
                continue;
            }
            for (List<String> remedy : candidates) {
                int last = k + remedy.size() - 1;
                boolean whole = last < words.size();
                for (int w = 1; whole && w < remedy.size(); w++) {
                    whole = remedy.get(w).equals(lower(text, words.get(k + w)))
                            && REMEDY_GAP.matcher(text).region(words.get(k + w - 1)[1], words.get(k + w)[0]).matches();
                }
                if (whole) {
                    found.add(new int[] {words.get(k)[0], words.get(last)[1]});
                    k = last;
                    break;
                }
            }
        }
        return found;
    }

    private static String lower(String text, int[] word) {
        return text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
    }
    /** Common Chinese surnames in Cantonese, Mandarin and Taiwanese romanisation (NameDetector's Chinese names). */
    static final Set<String> CHINESE_SURNAMES = Set.of("au", "bai", "cai", "cao", "chan", "chang", "chao", "chen", "cheng", "cheung", "chien", "chiu", "choi", "chong", "chou", "chow", "chu", "chung", "cui", "deng", "ding", "dong", "du", "duan", "fan", "fang", "feng", "fong", "fung", "gao", "guo", "han", "hao", "ho", "hon", "hou", "hsieh", "hsu", "huang", "hui", "hung", "ip", "jia", "jiang", "jin", "kan", "ko", "kong", "koo", "kuo", "kwan", "kwok", "kwong", "lai", "lam", "lau", "law", "lee", "lei", "leung", "li", "liang", "liao", "lim", "lin", "liu", "lo", "lu", "lui", "luk", "luo", "ma", "mak", "meng", "mok", "ng", "ngai", "pan", "pang", "peng", "poon", "pun", "qin", "qiu", "ren", "shao", "shen", "shi", "sin", "siu", "so", "song", "su", "sun", "sze", "tam", "tan", "tang", "tian", "tong", "tsai", "tsang", "tse", "tseng", "tsoi", "tsui", "tung", "wan", "wang", "wei", "wong", "wu", "xia", "xiao", "xie", "xiong", "xu", "xue", "yam", "yan", "yang", "yao", "yau", "ye", "yeung", "yim", "yin", "yip", "yu", "yuan", "yuen", "zeng", "zhang", "zhao", "zhong", "zhou", "zhu", "zou");
    /** Syllables of Chinese given names in those romanisations. */
    static final Set<String> CHINESE_GIVEN_SYLLABLES = Set.of("bin", "bo", "chak", "chang", "chen", "cheong", "cheuk", "chi", "chia", "chih", "chin", "chiu", "choi", "chuen", "chun", "dan", "fai", "fang", "fei", "feng", "fong", "fu", "fun", "fung", "gang", "guang", "guo", "hai", "han", "hang", "hao", "hei", "hin", "ho", "hoi", "hong", "hsin", "hsiu", "hsuan", "hua", "hui", "hung", "jia", "jian", "jie", "jing", "jiwoo", "ju", "juan", "jun", "ka", "kai", "kam", "kei", "keung", "ki", "kin", "kit", "kiu", "kong", "kuo", "kuok", "kwai", "kwan", "kwok", "lai", "lam", "lan", "lei", "lin", "ling", "lok", "long", "lu", "lun", "lung", "man", "mei", "ming", "minjun", "mo", "na", "nga", "ngai", "ning", "oi", "on", "pak", "pei", "peng", "ping", "po", "pong", "pui", "qiang", "qing", "rui", "san", "sau", "seojun", "shan", "shing", "shu", "shuk", "sin", "siu", "suet", "sum", "sze", "tak", "tao", "tian", "tin", "ting", "tsz", "tung", "tze", "tzu", "wa", "wah", "wai", "wan", "wei", "wen", "wing", "wong", "wun", "xia", "xiao", "xin", "xiu", "xuan", "xue", "ya", "yan", "yang", "yat", "yau", "yee", "yen", "yi", "yin", "ying", "yiu", "yu", "yue", "yuk", "yun", "yung", "zhen", "zhi", "zhong", "zi");
    /** French endings that turn a clinical noun into its French spelling or adjective; "e" alone last. */
    private static final List<String> FRENCH_ADJECTIVE_ENDINGS = List.of("ienne", "ique", "aire", "euse", "ale", "e");

    /**
     * A Spanish, Portuguese or Italian spelling of a clinical word, which swaps the English ending for a vowel:
     * "warfarina", "heparina", "isoniazida", "prednisona", "lactato". Seven letters at least, so that short given
     * names ending in a vowel ("Teresa", "Rosa") are not read as "teres" or "rose".
     */
    static boolean isRomanceClinicalForm(String lower, Set<String> vocabulary) {
        int n = lower.length();
        if (n >= 7 && lower.charAt(n - 1) == 'e') {
            // French: "bléomycine" (bleomycin), "zostérienne" (zoster), "hépatique" (hepat-): the stem must be in the
            // vocabulary itself, as French given names end in "e" too ("Antoine", "Adrienne")
            String folded = folded(lower);
            for (String suffix : FRENCH_ADJECTIVE_ENDINGS) {
                if (folded.endsWith(suffix) && folded.length() - suffix.length() >= 4
                        && vocabulary.contains(folded.substring(0, folded.length() - suffix.length()))) {
                    return true;
                }
            }
            return false;
        }
        if (n < 7 || lower.charAt(n - 1) != 'a' && lower.charAt(n - 1) != 'o') {
            return false;
        }
        String stem = folded(lower.substring(0, n - 1));
        return vocabulary.contains(stem) || vocabulary.contains(stem + "e") || DrugNameShape.looksLikeDrug(stem)
                || DrugNameShape.looksLikeDrug(stem + "e");
    }

    static Lexicon loadDefault() {
        Map<String, List<Place>> places = new HashMap<>();
        for (String line : java.util.stream.Stream.concat(lines("places.txt").stream(), lines("world-cities.txt").stream()).toList()) {
            boolean needsCue = line.startsWith("~");
            String name = needsCue ? line.substring(1).trim() : line;
            List<String> tokens = new ArrayList<>();
            for (String part : name.toLowerCase(Locale.ROOT).split("[\\s.]+")) {
                if (!part.isEmpty()) {
                    tokens.add(part);
                }
            }
            places.computeIfAbsent(tokens.getFirst(), k -> new ArrayList<>())
                    .add(new Place(List.copyOf(tokens), needsCue));
        }
        // Longest candidates first so that "Newcastle upon Tyne" wins over "Newcastle".
        places.replaceAll((k, v) -> v.stream()
                .sorted((a, b) -> Integer.compare(b.tokens().size(), a.tokens().size()))
                .toList());
        Set<String> states = new HashSet<>();
        for (String line : lines("us-states.txt")) {
            if (line.matches("[A-Z]{2}(\\s+[A-Z]{2})*")) {
                for (String code : line.split("\\s+")) {
                    states.add(code);
                }
            } else {
                states.add(line);
            }
        }
        // The generated lists (Datafaker's names of ~40 locales, see eval/deid/lexicon) hold only
        // names that are neither English nor medical words, so they can anchor a name on their own.
        return new Lexicon(words("given-names.txt", "generated-given-names.txt"),
                words("surnames.txt", "generated-surnames.txt"), words("name-words.txt"),
                words("clinical-stoplist.txt"), words("eponym-heads.txt", "pathology-heads.txt"),
                words("street-suffixes.txt"), Set.copyOf(states), Map.copyOf(places), words("regions.txt"),
                words("english-words.txt"), words("pathology-heads.txt"), words("given-names.txt", "surnames.txt"),
                words("given-name-words.txt"));
    }

    boolean isGivenName(String lower) {
        return givenNames.contains(lower) || hasAccentFreeForm(givenNames, lower);
    }

    boolean isSurname(String lower) {
        return surnames.contains(lower) || hasAccentFreeForm(surnames, lower);
    }

    /**
     * The word without its accents ("siobhán" → "siobhan", "zoë" → "zoe"), or the word itself when it has
     * none. Writers drop or add fadas, umlauts and acutes at will, and the name lists hold mostly one spelling.
     */
    static String folded(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) {
                String decomposed = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD);
                return ACCENTS.matcher(decomposed).replaceAll("");
            }
        }
        return lower;
    }

    private static boolean hasAccentFreeForm(Set<String> names, String lower) {
        String plain = folded(lower);
        return plain != lower && names.contains(plain);
    }

    private static final java.util.regex.Pattern ACCENTS = java.util.regex.Pattern.compile("\\p{M}+");

    /** A name that is also an ordinary word ("Will", "Grace", "Brown") and so needs corroboration. */
    boolean isNameWord(String lower) {
        return nameWords.contains(lower);
    }

    /** A name-word that is mostly a given name ("Hope", "Will"), not a surname or an eponym ("Bell", "Graves"). */
    boolean isGivenNameWord(String lower) {
        return givenNameWords.contains(lower);
    }

    boolean isAnyName(String lower) {
        return isGivenName(lower) || isSurname(lower) || nameWords.contains(lower);
    }

    /**
     * An ordinary lower-case English word (SCOWL). A capitalised token whose lower-case form is not
     * one, nor a clinical or listed word, is probably a proper noun: a name, a place or a brand.
     */
    boolean isEnglishWord(String lower) {
        return englishWords.contains(lower);
    }

    boolean isClinicalTerm(String lower) {
        return clinicalTerms.contains(lower);
    }

    boolean isEponymHead(String lower) {
        return eponymHeads.contains(lower);
    }

    /** A head noun naming a condition ("syndrome", "dysplasia"): see pathology-heads.txt. */
    boolean isPathologyHead(String lower) {
        return pathologyHeads.contains(lower);
    }

    /**
     * In the hand-curated given-name or surname list. Only these count in capitals: the generated
     * lists are long enough to hold most acronyms ("TAVI", "PURA") as some locale's name.
     */
    boolean isCuratedName(String lower) {
        return curatedNames.contains(lower) || hasAccentFreeForm(curatedNames, lower);
    }

    boolean isStreetSuffix(String lower) {
        return streetSuffixes.contains(lower);
    }

    /** State names and two-letter codes, compared exactly as written (codes are upper case). */
    boolean isUsState(String text) {
        return usStates.contains(text);
    }

    /** Countries, nations and US states: too large to be PHI. Compared in lower case. */
    boolean isRegion(String lower) {
        return regions.contains(lower) || stateNames.contains(lower);
    }

    /** A word of some country, region or state name, in lower case ("rico" of "puerto rico"). */
    boolean isRegionWord(String lower) {
        return regionWords.contains(lower);
    }

    List<Place> placesStartingWith(String lowerToken) {
        return placesByFirstToken.getOrDefault(lowerToken, List.of());
    }

    Set<String> streetSuffixes() {
        return streetSuffixes;
    }

    Set<String> usStates() {
        return usStates;
    }

    static Set<String> words(String... resources) {
        Set<String> words = new HashSet<>();
        for (String resource : resources) {
            for (String line : lines(resource)) {
                words.add(line.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(words);
    }

    private static List<String> lines(String resource) {
        String path = "/deid/" + resource;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing de-identification resource " + path);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        lines.add(trimmed);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read de-identification resource " + path, e);
        }
    }
}
