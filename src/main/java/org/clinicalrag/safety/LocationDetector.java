package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Geographic units smaller than a state: street addresses, PO boxes, towns and cities from the
 * place list, counties, US ZIP codes and UK postcodes. State names are allowed by Safe Harbor and
 * kept. Place names that double as ordinary words or names ("Reading", "Bath", "Jackson") count
 * only after a locative cue, and nothing inside an eponym ("Glasgow Coma Scale") counts at all.
 */
final class LocationDetector implements PhiDetector {

    private static final Set<String> LOCATIVE_CUES = Set.of(
            "in", "from", "to", "near", "at", "outside", "around", "visiting", "visited", "of", "nr");
    private static final Set<String> AMBIGUOUS_STATE_CODES = Set.of(
            "MD", "PA", "ME", "OR", "IN", "OK", "HI", "DE", "CO", "MS", "AL", "LA", "ID", "NP", "DC");
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "\\b(?:GIR ?0AA|[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?) ?\\d[ABD-HJLNP-UW-Z]{2})\\b");
    private static final Pattern ZIP_CUE = Pattern.compile(
            "(?i)\\b(?:zip(?:\\s*code)?|postal code|post ?code)\\s*(?:is|:|#)?\\s*(?<zip>\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\b");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s?Box\\s+\\d+\\b");
    private static final Pattern COUNTY = Pattern.compile(
            "\\b(?:(?:[A-Z][a-z]+\\s){1,2}(?:County|Parish|Borough|Township)|County\\s+[A-Z][a-z]+)\\b");

    /** "lives in X", "moved to X", "she's from X": strong enough to take an unlisted town. */
    private static final Pattern RESIDENCE_CUE = Pattern.compile(
            "(?i)\\b(?:(?:lives|living|live|resides|residing|moved|moving|relocated|born|grew up|based|staying|stays|settled)"
            + "\\s+(?:in|to|near)|(?:he's|she's|i'm|i am|they're|is|am|are|was|were|comes|come|came|originally)\\s+from)\\s+");
    private static final Set<String> NOT_PLACES = Set.of(
            "the", "a", "an", "ward", "hospital", "clinic", "unit", "icu", "hdu", "theatre", "theatres", "surgery",
            "rehab", "home", "hospice", "ae", "a&e", "er", "ed", "cardiology", "oncology", "pharmacy", "work", "school",
            "abroad", "overseas", "there", "here", "his", "her", "their", "my", "our", "town", "city");

    /** Streets named first, as in French, Spanish, Italian and Portuguese addresses: "17 Rue des Lilas", "Via Roma 5". */
    private static final Pattern ROMANCE_STREET = Pattern.compile(
            "(?:\\b(?:Flat|Apt|Apartment|Unit|Suite|Appt?)\\.?\\s+\\w{1,4},?\\s+)?(?:(?<![\\w.,/-])\\d{1,5}[A-Za-z]?,?\\s+)?"
            + "\\b(?:Rue|Rua|Via|Viale|Vicolo|Calle|Carrer|Avenida|Avda\\.?|Avenue|Av\\.|Boulevard|Bd|Chemin|Route|Quai|Impasse|All[ée]e"
            + "|Piazza|Plaza|Pra[çc]a|Largo|Strada|Ulica|ul\\.)"
            + "(?:\\s+(?:(?:de la|des|de|du|del|della|di|dos|do|das|da|y)(?![\\p{L}])|[\\p{Lu}][\\p{L}'’]+(?:-[\\p{Lu}][\\p{L}'’]+)*)){1,4}"
            + "(?<![\\s])(?:\\s+\\d{1,5}[a-z]?\\b)?");
    /** Streets named last, as in German, Dutch and Nordic addresses: "Hauptstraße 12", "Kerkstraat 5". */
    private static final Pattern GERMANIC_STREET = Pattern.compile(
            "\\b[\\p{Lu}][\\p{L}-]*(?:stra(?:ß|ss)e|str\\.|weg|gasse|allee|platz|straat|laan|gracht|plein|vej|gade|gatan|v[äa]gen"
            + "|katu|tie|utca)\\s+\\d{1,5}[a-z]?\\b");
    /** Australian state or territory and four-digit postcode: "Bendigo VIC 3550". */
    private static final Pattern AU_STATE_POSTCODE = Pattern.compile(
            "\\b(?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT)\\.?,?\\s+(?<pc>\\d{4})(?!\\d|[.,]\\d|\\s*(?:mg|mcg|g|ml|units?|%))");
    /** Canadian postal codes ("H2X 1K4"); "T2N 0M0" would be a TNM stage. */
    private static final Pattern CA_POSTCODE = Pattern.compile(
            "\\b(?!T\\d[NM])[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d\\b");
    /** "in Ballarat.", "near Tobermory,", "from Llanfairfechan": a cue before an unlisted proper noun that ends its phrase. */
    private static final Pattern PLACE_CUE = Pattern.compile(
            "(?i)\\b(?:in|near|at|outside|around|visiting|nr)\\s+$|(?:\\b(?:patient|pt|man|woman|lady|gentleman|family|boy|girl"
            + "|transfer(?:red)?|moved|moving|travell?ed|flew|drove|came|comes|returned|relocated|back|trip|holiday|visit"
            + "|referral|referred|discharged|admitted|ambulance)\\s+(?:here\\s+)?(?:from|to)\\s+)$");
    /** Words before "in" that make it about a quantity or a drug, not a place ("a change in Keppra"). */
    private static final Pattern NOT_PLACE_BEFORE = Pattern.compile(
            "(?i)\\b(?:change|changes|increase|decrease|reduction|rise|drop|fall|interest|interested|experience|shortage|role"
            + "|used|use|involved|contained|found|present|included|listed|available|dose|doses|dosing|trial|trials|study"
            + "|studies|effective|efficacy|safe|safety|problems|issues|errors|stable|started|switched|maintained|ok|okay)\\s+\\w+\\s+$");

    private static final Pattern ZIP_AFTER_STATE = Pattern.compile(",?\\s+(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d-])");

    private final Lexicon lexicon;
    private final NameDetector names;
    private final Pattern street;

    LocationDetector(Lexicon lexicon, NameDetector names) {
        this.lexicon = lexicon;
        this.names = names;
        String suffixes = lexicon.streetSuffixes().stream()
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // "22 Mill Lane", "1600 N. Main St., Apt 4B", "Flat 3, 14 Rosewood Crescent"
        this.street = Pattern.compile(
                "(?:\\b(?:Flat|Apt|Apartment|Unit|Suite)\\.?\\s+\\w{1,4},?\\s+)?"
                + "(?<![\\w.,/-])\\d{1,5}[A-Za-z]?(?:[-–]\\d{1,5})?,?\\s+"
                + "(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?"
                + "(?:(?:[A-Z][a-z'’]+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}"
                + "(?:" + suffixes + ")\\b\\.?"
                + "(?:\\s+(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\\b\\.?)?"
                + "(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|#)\\.?\\s*[A-Za-z0-9-]{1,5}\\b)?");
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        addAll(scanned, street, out);
        addAll(scanned, PO_BOX, out);
        addAll(scanned, UK_POSTCODE, out);
        addAll(scanned, COUNTY, out);
        addAll(scanned, ROMANCE_STREET, out);
        addAll(scanned, GERMANIC_STREET, out);
        addAll(scanned, CA_POSTCODE, out);
        scanned.forEachMatch(AU_STATE_POSTCODE, m -> out.add(new Candidate(PhiType.LOCATION, m.start("pc"), m.end("pc"), Candidate.CUED)));
        detectBeforePattern(scanned, AU_STATE_POSTCODE, out);
        detectBeforePattern(scanned, CA_POSTCODE, out);
        detectAfterPlaceCue(scanned, out);
        scanned.forEachMatch(ZIP_CUE, m -> out.add(new Candidate(PhiType.LOCATION, m.start("zip"), m.end("zip"), Candidate.CUED)));
        detectAroundStates(scanned, out);
        detectPlaces(scanned, out);
        detectAfterResidenceCue(scanned, out);
        detectBeforePostcode(scanned, out);
    }

    /**
     * "Springfield, IL 62704": the town and the ZIP are PHI, the state is not. Without a ZIP, codes
     * that are also credentials or words ("John Smith, MD", "Jane Doe, PA") would turn names into
     * towns, so only unambiguous codes and full state names count.
     */
    private void detectAroundStates(ScannedText s, List<Candidate> out) {
        String text = s.text();
        for (int i = 0; i < s.size(); i++) {
            int last = stateEndingAt(s, i);
            if (last < 0) {
                continue;
            }
            Matcher zip = ZIP_AFTER_STATE.matcher(text).region(s.token(last).end(), text.length());
            boolean hasZip = zip.lookingAt();
            if (hasZip) {
                out.add(new Candidate(PhiType.LOCATION, zip.start("zip"), zip.end("zip"), Candidate.CUED));
            }
            int cityLast = i - 1;
            boolean commaBefore = cityLast >= 0 && text.substring(s.token(cityLast).end(), s.token(i).start()).matches(",\\s*");
            if (commaBefore && (hasZip || !AMBIGUOUS_STATE_CODES.contains(s.token(i).text())) && isTownWord(s, cityLast)) {
                int cityFirst = cityLast;
                while (cityFirst - 1 >= 0 && cityFirst > cityLast - 2 && s.adjacent(cityFirst - 1, cityFirst)
                        && isTownWord(s, cityFirst - 1)) {
                    cityFirst--;
                }
                out.add(new Candidate(PhiType.LOCATION, s.token(cityFirst).start(), s.token(cityLast).coreEnd(), Candidate.CUED));
            }
            i = last;
        }
    }

    /** Index of the last token of a state name or postal code starting at token i, or -1. */
    private int stateEndingAt(ScannedText s, int i) {
        Token t = s.token(i);
        if (!t.isCapitalised()) {
            return -1;
        }
        if (i + 1 < s.size() && s.adjacent(i, i + 1)
                && lexicon.isUsState(s.text().substring(t.start(), s.token(i + 1).end()))) {
            return i + 1;
        }
        return lexicon.isUsState(t.text()) ? i : -1;
    }

    private void detectAfterResidenceCue(ScannedText scanned, List<Candidate> out) {
        scanned.forEachMatch(RESIDENCE_CUE, m -> {
            int i = scanned.tokenAtOrAfter(m.end());
            if (i >= scanned.size() || scanned.token(i).start() != m.end()) {
                return;
            }
            int last = -1;
            for (int j = i; j < scanned.size() && j < i + 3; j++) {
                Token t = scanned.token(j);
                if ((j > i && !scanned.adjacent(j - 1, j)) || !isTownWord(scanned, j)) {
                    break;
                }
                last = j;
                if (t.isPossessive()) {
                    break;
                }
            }
            if (last >= i && !lexicon.isRegion(scanned.text().substring(scanned.token(i).start(), scanned.token(last).coreEnd())
                    .toLowerCase(Locale.ROOT))) {
                out.add(new Candidate(PhiType.LOCATION, scanned.token(i).start(), scanned.token(last).coreEnd(), Candidate.CUED));
            }
        });
    }

    /** "Ballymena BT43 5AB": the capitalised words just before a postcode name the town. */
    private void detectBeforePostcode(ScannedText scanned, List<Candidate> out) {
        detectBeforePattern(scanned, UK_POSTCODE, out);
    }

    private void detectBeforePattern(ScannedText scanned, Pattern postcode, List<Candidate> out) {
        scanned.forEachMatch(postcode, m -> {
            int next = scanned.tokenAtOrAfter(m.start());
            int last = next - 1;
            if (last < 0 || !scanned.text().substring(scanned.token(last).end(), m.start()).matches(",?\\s")) {
                return;
            }
            int first = last;
            while (first - 1 >= 0 && first > last - 2 && scanned.adjacent(first - 1, first) && isTownWord(scanned, first - 1)) {
                first--;
            }
            if (isTownWord(scanned, last) && !lexicon.isStreetSuffix(scanned.token(last).lower())) {
                out.add(new Candidate(PhiType.LOCATION, scanned.token(first).start(), scanned.token(last).end(), Candidate.PATTERN));
            }
        });
    }

    /**
     * An unlisted proper noun (no English, clinical or name word; see {@link NameDetector#isUnknownProper})
     * after a locative cue, ending its phrase: "lives alone in Tobermory.", "transfer from St Luke's in
     * Ballarat;", "patient from Llanfairfechan,". A lower-case word after it ("in Humira users") or
     * a quantity before the cue ("a change in Keppra") means it is no place.
     */
    private void detectAfterPlaceCue(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        for (int i = 0; i < scanned.size(); i++) {
            if (!names.isUnknownProper(scanned, i) && !(i + 1 < scanned.size() && scanned.adjacent(i, i + 1)
                    && isTownWord(scanned, i) && names.isUnknownProper(scanned, i + 1))) {
                continue;
            }
            String before = text.substring(Math.max(0, scanned.token(i).start() - 40), scanned.token(i).start());
            if (!PLACE_CUE.matcher(before).find() || NOT_PLACE_BEFORE.matcher(before).find()) {
                continue;
            }
            int last = i;
            while (last + 1 < scanned.size() && last < i + 2 && scanned.adjacent(last, last + 1) && isTownWord(scanned, last + 1)
                    && !scanned.token(last).isPossessive()) {
                last++;
            }
            String rest = text.substring(scanned.token(last).end()).stripLeading();
            if (rest.isEmpty() || !Character.isLowerCase(rest.charAt(0))) {
                out.add(new Candidate(PhiType.LOCATION, scanned.token(i).start(), scanned.token(last).coreEnd(), Candidate.CUED));
            }
            i = last;
        }
    }

    private boolean isTownWord(ScannedText scanned, int i) {
        Token t = scanned.token(i);
        return t.isCapitalised() && !scanned.isClinical(i) && !NOT_PLACES.contains(t.lower())
                && !(t.isAllCaps() && t.text().length() <= 3) && !lexicon.isRegion(t.lower());
    }

    private void detectPlaces(ScannedText scanned, List<Candidate> out) {
        for (int i = 0; i < scanned.size(); i++) {
            Token first = scanned.token(i);
            if (!first.isCapitalised()) {
                continue;
            }
            List<Lexicon.Place> candidates = lexicon.placesStartingWith(
                    first.text().toLowerCase(Locale.ROOT).replace("’", "'"));
            if (candidates.isEmpty()) {
                candidates = lexicon.placesStartingWith(first.lower());
            }
            for (Lexicon.Place place : candidates) {
                int last = matchPlace(scanned, i, place);
                if (last < 0) {
                    continue;
                }
                if (place.tokens().size() == 1 && scanned.isClinical(i)) {
                    continue;
                }
                if (place.needsLocativeCue() && !hasLocativeCue(scanned, i)) {
                    continue;
                }
                Token end = scanned.token(last);
                out.add(new Candidate(PhiType.LOCATION, first.start(),
                        last == i ? end.coreEnd() : end.end(), place.needsLocativeCue() ? Candidate.CUED : Candidate.DICTIONARY));
                break;
            }
        }
    }

    /** Returns the index of the place's last token, or -1 if the tokens from i do not spell it. */
    private static int matchPlace(ScannedText scanned, int i, Lexicon.Place place) {
        List<String> words = place.tokens();
        for (int k = 0; k < words.size(); k++) {
            int idx = i + k;
            if (idx >= scanned.size()) {
                return -1;
            }
            Token t = scanned.token(idx);
            String lower = t.text().toLowerCase(Locale.ROOT).replace("’", "'");
            boolean same = k == words.size() - 1 ? lower.equals(words.get(k)) || t.lower().equals(words.get(k))
                    : lower.equals(words.get(k));
            if (!same || (k > 0 && !gapIsSpaceOrDot(scanned, idx - 1, idx))) {
                return -1;
            }
        }
        return i + words.size() - 1;
    }

    private static boolean gapIsSpaceOrDot(ScannedText scanned, int left, int right) {
        String gap = scanned.text().substring(scanned.token(left).end(), scanned.token(right).start());
        return gap.equals(" ") || gap.equals(". ") || gap.equals(".");
    }

    private boolean hasLocativeCue(ScannedText scanned, int i) {
        if (i > 0 && LOCATIVE_CUES.contains(scanned.token(i - 1).lower())
                && scanned.text().substring(scanned.token(i - 1).end(), scanned.token(i).start()).isBlank()) {
            return true;
        }
        // "Reading, PA" or "Bath BA1 1AA" also settle it.
        String after = scanned.text().substring(scanned.token(i).end(),
                Math.min(scanned.text().length(), scanned.token(i).end() + 12));
        return after.matches("^,\\s*[A-Z]{2}\\b[\\s\\S]*") || UK_POSTCODE.matcher(after).lookingAt()
                || after.matches("^\\s+[A-Z]{1,2}\\d[\\s\\S]*");
    }


    private static void addAll(ScannedText scanned, Pattern pattern, List<Candidate> out) {
        String text = scanned.text();
        scanned.forEachMatch(pattern, m -> {
            int end = m.end();
            while (end > m.start() && (text.charAt(end - 1) == ',' || Character.isWhitespace(text.charAt(end - 1)))) {
                end--;
            }
            out.add(new Candidate(PhiType.LOCATION, m.start(), end, Candidate.PATTERN));
        });
    }
}
