package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * De-identification by rules and curated word lists, with no model to download: regular
 * expressions for structured identifiers, cue words for typed numbers and names, and dictionaries
 * of given names, surnames and places, held back by a clinical stop-list so that eponyms, drug
 * names, doses, lab values, scores and ages up to 89 pass through untouched.
 *
 * <p>Every rule proposes candidate spans; overlaps resolve to the longest span, and each surviving
 * span is replaced by its type's placeholder. Instances are immutable and thread-safe.
 */
public final class RuleBasedDeidentifier implements Deidentifier {

    private final Lexicon lexicon;
    private final List<PhiDetector> detectors;
    private final SpanResolver resolver = new SpanResolver();

    public RuleBasedDeidentifier() {
        this(Lexicon.loadDefault());
    }

    /**
     * The default rules, loaded once per process by the first caller: the server starts loading them while Quarkus
     * is still booting, and the pipeline picks up that same instance.
     */
    public static RuleBasedDeidentifier shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final RuleBasedDeidentifier INSTANCE = new RuleBasedDeidentifier();
    }

    RuleBasedDeidentifier(Lexicon lexicon) {
        this.lexicon = lexicon;
        NameDetector names = new NameDetector(lexicon);
        this.detectors = List.of(
                new StructuredIdentifierDetector(),
                new PastedTableDetector(),
                new CuedIdentifierDetector(),
                new DateDetector(),
                new AgeDetector(lexicon, names),
                new LocationDetector(lexicon, names),
                new MalaysianSingaporeanNameDetector(lexicon),
                new IntroducedNameDetector(lexicon),
                new InvertedNameDetector(lexicon),
                names);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public Deidentified deidentify(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return new Deidentified(text, List.of());
        }
        ScannedText scanned = new ScannedText(text, lexicon);
        List<Candidate> candidates = new ArrayList<>();
        for (PhiDetector detector : detectors) {
            detector.detect(scanned, candidates);
        }
        List<PhiSpan> spans = agesAfterNames(text, joinNameParts(text, joinPlaceParts(text, resolver.resolve(candidates))));
        return new Deidentified(render(text, spans), spans);
    }

    /** One or two lower-case words between two parts of an address, set off by spaces or commas: "…, glasgow G3 6QU". */
    private static final Pattern WORDS_BETWEEN_ADDRESS_PARTS = Pattern.compile(",?[ \\t]+(\\p{Ll}[\\p{Ll}'’-]*)(?:[ \\t]+(\\p{Ll}[\\p{Ll}'’-]*))?,?[ \\t]+");

    /**
     * "[flat 3, 17 buccleuch st], glasgow [G3 6QU]", "[cermak rd], chicago il [60608]": a town or state typed in lower
     * case between a street and its postcode belongs to the same address, whatever word it also is; grammar and
     * clinical words between two places ("Leeds to York") keep them apart. A removed place also takes what is left of a
     * hospital's name around it: "at [The Christie]", "[Addenbrooke's]", "[Port of Spain General]".
     */
    private List<PhiSpan> joinPlaceParts(String text, List<PhiSpan> spans) {
        List<PhiSpan> joined = new ArrayList<>(spans.size());
        for (PhiSpan span : spans) {
            PhiSpan previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && previous.type() == PhiType.LOCATION && span.type() == PhiType.LOCATION) {
                Matcher gap = WORDS_BETWEEN_ADDRESS_PARTS.matcher(text).region(previous.end(), span.start());
                if (gap.matches() && addressWord(gap.group(1)) && (gap.group(2) == null || addressWord(gap.group(2)))) {
                    joined.set(joined.size() - 1, new PhiSpan(PhiType.LOCATION, previous.start(), span.end()));
                    continue;
                }
            }
            joined.add(span);
        }
        for (int k = 0; k < joined.size(); k++) {
            PhiSpan span = joined.get(k);
            if (span.type() == PhiType.NAME && FACILITY_AT_END.matcher(text).region(span.start(), span.end()).find()) {
                span = new PhiSpan(PhiType.LOCATION, span.start(), span.end()); // "Dr. [Sulaiman Al Habib Hospital]"
                joined.set(k, span);
            }
            Matcher the = span.type() == PhiType.NAME || span.type() == PhiType.LOCATION
                    ? THE_BEFORE_PLACE.matcher(text).region(Math.max(0, span.start() - 16), span.start()) : null;
            if (the != null && the.find() && (k == 0 || joined.get(k - 1).end() <= the.start("the"))) {
                span = new PhiSpan(PhiType.LOCATION, the.start("the"), span.end()); // "at [The Christie]", "from [The Alfred]"
                joined.set(k, span);
            }
            Matcher rest = span.type() == PhiType.LOCATION ? REST_OF_FACILITY.matcher(text).region(span.end(), text.length()).useTransparentBounds(true) : null;
            if (rest != null && rest.lookingAt()) {
                PhiSpan next = k + 1 == joined.size() ? null : joined.get(k + 1);
                if (next != null && next.start() < rest.end() && next.type() == PhiType.LOCATION && next.end() <= rest.end()) {
                    joined.remove(k + 1); // "[Brookdale Senior Living] of [Tulsa]": the town is part of the home's name
                    next = k + 1 == joined.size() ? null : joined.get(k + 1);
                }
                if (next == null || next.start() >= rest.end()) {
                    joined.set(k, new PhiSpan(PhiType.LOCATION, span.start(), rest.end())); // "[Addenbrooke]'s", "[Port of Spain] General"
                }
            }
        }
        return joined;
    }

    /** One capitalised word between two parts of a name is its middle name, whatever else it spells: "[Mehmet] Can [Demir]". */
    private static final Pattern MIDDLE_NAME = Pattern.compile(" (\\p{Lu}\\p{Ll}{1,14}) ");

    private boolean middleName(String text, int from, int to) {
        Matcher m = MIDDLE_NAME.matcher(text).region(from, to);
        if (!m.matches()) {
            return false;
        }
        String lower = m.group(1).toLowerCase(Locale.ROOT);
        return !lexicon.isClinicalTerm(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower) && !BETWEEN_TWO_PEOPLE.contains(lower);
    }

    /** Capitalised words that stand between two people's names, not inside one: "[Ann] And [Bob]", "[Dr Li] To [Dr Ho]". */
    private static final java.util.Set<String> BETWEEN_TWO_PEOPLE = java.util.Set.of("and", "or", "the", "to", "from", "with", "by", "for",
            "of", "vs", "versus", "cc", "re", "per", "via", "then", "also", "not", "nor", "but", "plus", "dr", "mr", "mrs", "ms", "rn");

    /** What joins two parts of one name: "[Consuelo Vda]. de [Arriaga]", "[María] de la [Cruz]", "[Ana] y [Soto]", "[marcus] st. [fleur]". */
    private static final Pattern NAME_JOINER = Pattern.compile("\\.?[ \\t]+(?:(?:vda|viuda|wwe|wed)\\.?[ \\t]+)?(?:de la|de los|de|del|da|do|dos|y|e|van|von|van der|van den|st\\.?|saint|ste\\.?)[ \\t]+",
            Pattern.CASE_INSENSITIVE);
    /** The last word of a name in capitals up to the end of its pasted field, whatever it spells ("ALI", "MAY"). */
    private static final Pattern CAPITALS_TO_FIELD_END = Pattern.compile(" (?:\\p{Lu}[\\p{Lu}'’-]+)(?=[ \\t]{2,}|\\t|\\s*[|\\n]|\\s*$)");
    /** "pt [jun-ho] park;": a listed surname in lower case straight after a lower-case name, before punctuation. */
    private static final Pattern LOWER_CASE_SURNAME_AFTER = Pattern.compile("[ \\t](?<surname>\\p{Ll}[\\p{Ll}'’-]+)(?=[;,.:)]|\\s*$)");

    /**
     * Parts of one name the detectors found apart: "[Consuelo Vda]. de [Arriaga]" becomes one name, and "pt [jun-ho] park;"
     * takes its surname, which as a word ("park") no rule alone would remove.
     */
    private List<PhiSpan> joinNameParts(String text, List<PhiSpan> spans) {
        List<PhiSpan> joined = new ArrayList<>(spans.size());
        for (PhiSpan span : spans) {
            PhiSpan previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && previous.type() == PhiType.NAME && span.type() == PhiType.NAME
                    && (NAME_JOINER.matcher(text).region(previous.end(), span.start()).matches() || middleName(text, previous.end(), span.start()))) {
                joined.set(joined.size() - 1, new PhiSpan(PhiType.NAME, previous.start(), span.end()));
                continue;
            }
            joined.add(span);
        }
        for (int k = 0; k < joined.size(); k++) {
            PhiSpan name = joined.get(k);
            String words = text.substring(name.start(), name.end());
            Matcher capitals = name.type() == PhiType.NAME && words.contains(" ") && words.equals(words.toUpperCase(Locale.ROOT))
                    ? CAPITALS_TO_FIELD_END.matcher(text).region(name.end(), text.length()) : null;
            if (capitals != null && capitals.lookingAt() && (k + 1 == joined.size() || joined.get(k + 1).start() >= capitals.end())) {
                joined.set(k, new PhiSpan(PhiType.NAME, name.start(), capitals.end())); // "Name: [SYED IMRAN] ALI   MR#: …"
                continue;
            }
            if (name.type() != PhiType.NAME || !words.equals(words.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Matcher after = LOWER_CASE_SURNAME_AFTER.matcher(text).region(name.end(), text.length());
            if (after.lookingAt() && lexicon.isSurname(after.group("surname")) && !lexicon.isClinicalTerm(after.group("surname"))
                    && !Lexicon.CLINICAL_VOCABULARY.contains(after.group("surname"))
                    && (k + 1 == joined.size() || joined.get(k + 1).start() >= after.end())) {
                joined.set(k, new PhiSpan(PhiType.NAME, name.start(), after.end()));
            }
        }
        return joined;
    }

    private static final Pattern NAME_TO_AGE = Pattern.compile(",[ \\t]{1,2}|[ \\t]*(?=\\()");

    /**
     * "[Ivy GRANT], 96, …", "[mary-kate flanagan] (94)": an age over 89 set off right after a removed name is that
     * person's, whatever the words of the name were (the age rules alone see only the word before the number).
     */
    private static List<PhiSpan> agesAfterNames(String text, List<PhiSpan> spans) {
        List<PhiSpan> ages = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            PhiSpan name = spans.get(k);
            Matcher gap = name.type() == PhiType.NAME ? NAME_TO_AGE.matcher(text).region(name.end(), text.length()) : null;
            if (gap == null || !gap.lookingAt()) {
                continue;
            }
            Matcher age = AgeDetector.SET_OFF.matcher(text).region(gap.end(), text.length());
            if (age.lookingAt()) {
                String group = age.start("age") >= 0 ? "age" : "age2";
                int start = age.start(group);
                int end = age.end(group);
                if (k + 1 == spans.size() || spans.get(k + 1).start() >= end) {
                    ages.add(new PhiSpan(PhiType.AGE, start, end));
                }
            }
        }
        if (ages.isEmpty()) {
            return spans;
        }
        List<PhiSpan> all = new ArrayList<>(spans);
        all.addAll(ages);
        all.sort(java.util.Comparator.comparingInt(PhiSpan::start));
        return all;
    }

    /** A name that ends in an institution's head is the institution's: "Dr. Sulaiman Al Habib Hospital". */
    private static final Pattern FACILITY_AT_END = Pattern.compile("\\s(?:Hospital|Clinic|Infirmary|Hospice|Rehab|Rehabilitation|Medical Cent(?:er|re))$");

    /** A capitalised "The" mid-sentence after "at" or "from": part of the hospital's name that follows. */
    private static final Pattern THE_BEFORE_PLACE = Pattern.compile("\\b(?:at|from|to|in|into)\\s+(?<the>The)\\s+$");

    /** What a removed place leaves of a hospital's name: its possessive, "General", "Infirmary", "Hosp" after it, or "of" its town. */
    private static final Pattern REST_OF_FACILITY = Pattern.compile("['’]s?(?!\\w)|\\s(?:General|Infirmary|Hospital|Hosp\\b\\.?|Rehab(?:ilitation)?)"
            + "(?:\\s+(?:Hospital|Cent(?:er|re)))?\\b"
            // "[Sunrise Senior Living] of Tulsa": a home's or hospital's name goes on with "of" and its town;
            // "[Manipal Hospital] Old Airport Road", "[… Hospital], Olaya branch": with the road or branch it stands on
            + "|(?<=Living|Hospital|Home|Center|Centre|Clinic|Village|Rehab|Hospice|Infirmary|Manor|Lodge|Care)(?:\\s+of\\s+(?:the\\s+)?"
            + "\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?|(?:\\s+\\p{Lu}\\p{Ll}+){1,3}\\s+(?:Road|Rd|Street|St|Avenue|Ave|Marg|Nagar)\\b\\.?"
            + "|,?\\s+\\p{Lu}\\p{Ll}+\\s+(?:branch|campus|site))");

    /** Words that relate two places rather than name one: "coquitlam near port moody". */
    private static final java.util.Set<String> BETWEEN_PLACES = java.util.Set.of("near", "outside", "beside", "between", "past",
            "towards", "toward", "then", "than", "not", "nr");

    private boolean addressWord(String lower) {
        // a town that names a scale ("glasgow") is still the town here
        return !LocationDetector.NOT_STREET_WORDS.contains(lower) && !BETWEEN_PLACES.contains(lower) && (!lexicon.isClinicalTerm(lower)
                && !Lexicon.CLINICAL_VOCABULARY.contains(lower) || !lexicon.placesStartingWith(lower).isEmpty());
    }

    /** The text with each of the disjoint, ordered spans replaced by its type's placeholder. */
    static String render(String text, List<PhiSpan> spans) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PhiSpan span : spans) {
            out.append(text, at, span.start()).append(span.type().placeholder());
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
