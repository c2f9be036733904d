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
            "(?i)\\b(?:zip(?:\\s*code)?|postal code|post ?code|postcode|(?-i:PLZ|CEP)|code postal|c[óo]digo postal)\\s*(?:is|:|#)?\\s*(?<zip>\\d{5}-\\d{3}|\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"
            + "|\\d{4}(?: ?(?-i:[A-Z]{2})(?![\\p{L}\\d]))?|\\d{2}-\\d{3}|\\d{4}-\\d{3})\\b");
    /** "we're in 55311", "she lives in 02118": a five-digit number where someone lives is their ZIP code. */
    private static final Pattern ZIP_WHERE_SOMEONE_LIVES = Pattern.compile("(?i)\\b(?:we['’]re|we are|i['’]m|i am|(?:s?he|they)['’]s"
            + "|(?:s?he|they) (?:is|are)|lives?|living|located|based|moved|resides?|residing)(?: \\w+)?\\s+in\\s+(?<zip>\\d{5}(?:-\\d{4})?)(?![\\w-]|[.,]\\d"
            + "|\\s*(?:units?|iu|mg|mcg|ml|cc|mmol|copies|cells|steps|kcal|cal|ft|feet|m|meters|metres)\\b)");
    /** Irish Eircodes: a routing key and a unique identifier ("D06 K7P2", "A65 F4E2"). */
    private static final Pattern EIRCODE = Pattern.compile(
            "\\b(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?(?=[0-9AC-FHKNPRTV-Y]{0,3}\\d)(?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}\\b");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\b(?:P\\.?\\s?O\\.?\\s?Box|(?-i:HC|RR|HCR)\\s?\\d+,?\\s+Box"
            + "|Rural Route\\s+\\d+,?\\s+Box|(?-i:PMB))\\s+\\d+\\b");
    /** Towns that name clinical scores, rules and scales (Glasgow Coma Scale, Ottawa ankle rules, Padua score…). */
    private static final Set<String> SCORE_PLACES = Set.of("glasgow", "ottawa", "geneva", "wells", "manchester", "duke", "rotterdam",
            "boston", "edinburgh", "denver", "padua", "deauville", "lugano", "bethesda");
    private static final Pattern SCORE_AFTER = Pattern.compile("(?i)\\s*(?:coma|score|scale|rules?|criteria|classification|outcome|system|category"
            + "|(?-i:I{1,3}|IV|VI?)\\b"
            + "|(?:of\\s+)?\\d{1,2}(?:\\s*/\\s*15)?(?![\\d.,]\\d|\\s*(?:(?-i:[A-Z]{2})\\b|\\p{Ll}{2,}\\s+(?:road|street|st|avenue|ave)\\b)))");
    /** A county's name goes with the facility it names: "Sheridan County Pharmacy", "Harlan County Hospital". */
    private static final Pattern COUNTY = Pattern.compile(
            "\\b(?:(?:[A-Z][a-z]+\\s){1,2}(?:County|Parish|Borough|Township)|County\\s+[A-Z][a-z]+)\\b"
            + "(?:\\s+(?:Pharmacy|Hospital|Clinic|Jail|Health(?:\\s+(?:Department|Dept|Center|Centre|Clinic))?"
            + "|Medical\\s+(?:Center|Centre)|Memorial|Nursing\\s+Home|Detention\\s+Center|Sheriff'?s\\s+Office)\\b)?");
    /**
     * Rural addresses are roads with numbers: "County Road 12", "FM 1960", and after a word that places them, "out on
     * CR 4120" or "off Hwy 64" (alone, "CR 112" may be a creatinine and "US 12" an ultrasound).
     */
    private static final Pattern RURAL_ROAD = Pattern.compile("(?i)\\b(?:County\\s+(?:Road|Rd\\.?)|Co\\.?\\s?Rd\\.?"
            + "|Farm[- ]to[- ]Market\\s+(?:Road|Rd\\.?)|Ranch\\s+Road|Township\\s+(?:Road|Rd\\.?)|Range\\s+(?:Road|Rd\\.?)"
            + "|Forest\\s+(?:Service\\s+)?(?:Road|Rd\\.?)|(?:Indian|BIA|Navajo)\\s+(?:Route|Rte\\.?|Road|Rd\\.?))\\s*#?\\d{1,5}[A-Za-z]?\\b");
    private static final Pattern PLACED_RURAL_ROAD = Pattern.compile("(?i)\\b(?:on|off|at|near|past|along|down|up|onto|via|by)\\s{1,2}"
            + "(?<road>(?-i:CR|FM|RM|RR|SR|Hwy\\.?|HWY|Highway|Rte\\.?|Route)\\s?-?\\d{1,4}[A-Za-z]?"
            + "(?:,?\\s(?i:Lot|Site|Box|Comp|Concession|Con)\\.?\\s?\\d{1,5}[A-Za-z]?)?)"
            + "(?![\\w.]|\\s*(?:mg|mcg|g|ml|units?|mmol|umol|µmol|%|x)\\b)");
    /**
     * House, plot and sector numbers and the barangay or purok of South Asian and Philippine addresses: "H.No 14,
     * Sector 22", "Purok 3, Brgy. San Isidro". The town after them is taken by the address tail.
     */
    private static final Pattern NUMBERED_LOCALITY = Pattern.compile("\\b(?:(?i:H\\.?\\s?No|House\\s+No|Plot\\s+No|Flat\\s+No|Door\\s+No"
            + "|Qtr\\.?\\s+No|Quarter\\s+No)\\.?\\s*[:#]?\\s*[A-Za-z]?\\d[\\w/-]{0,8}"
            + "|(?:Sector|Purok|Sitio|Gali|Mohalla|Phase|Block)\\s+(?:No\\.?\\s*)?\\d{1,3}[A-Z]?(?=,\\s*\\p{Lu})"
            + "|(?:Sector|Purok|Sitio|Gali)\\s+(?:No\\.?\\s*)?\\d{1,3}[A-Z]?"
            + "|(?:Brgy\\.?|Bgy\\.?|Barangay)\\s+(?:\\d{1,4}\\b|\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){0,2}))");
    /**
     * Latin American and Iberian neighbourhoods and numbered streets: "Urb. Villa Carolina", "Col. Centro", "Vila
     * Mariana", "Calle 42 Bloque 3 #15", "Calle 5 de Mayo 123", "Carrera 7 # 45-10".
     */
    private static final Pattern LATIN_LOCALITY = Pattern.compile("\\b(?:Urb\\.|Urbanizaci[oó]n|Col\\.|Colonia|Barrio|Bo\\.|Fracc\\.?"
            + "|Fraccionamiento|Reparto|Residencial|Vila|Villa|Bairro|Jardim|Conjunto)\\s+\\p{Lu}[\\p{L}'’-]+"
            + "(?:\\s+(?:de|del|la|las|los|do|da|dos|das|\\p{Lu}[\\p{L}'’-]+)){0,3}(?<![\\s])(?<!\\b(?:de|del|la|las|los|do|da|dos|das))"
            + "|\\b(?:Calle|Carrera|Cra\\.?|Avenida|Av\\.|Rua|Travessa|Carretera|Diagonal|Transversal)\\s+\\d{1,4}[A-Z]?"
            + "(?:\\s+de\\s+\\p{Lu}\\p{L}+)?(?:\\s+(?:Bloque|Bl\\.?|No\\.?|Nº|Núm\\.?|#)\\s*\\d+[A-Z]?(?:-\\d+)?|\\s*#\\s*\\d+(?:-\\d+)?|\\s+\\d{1,5}\\b)*");
    /**
     * Malaysian and Indonesian streets and estates: "No. 23, Jalan Kenari 5, Taman Sri Muda", "Lorong Bunga 3/2",
     * "Kampung Baru". The street or estate word itself is the cue, so the name may be any capitalised words.
     */
    private static final String MALAY_NAME = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}";
    private static final String MALAY_ESTATE = "(?:Taman|Tmn\\.?|Kampung|Kg\\.|Desa|Seksyen)\\s+(?:\\d{1,3}\\b|" + MALAY_NAME + ")";
    private static final Pattern MALAY_LOCALITY = Pattern.compile("\\b(?:(?:No\\.?|Lot)\\s?\\d{1,5}[A-Z]?(?:-\\d{1,4})?,?\\s+)?"
            + "(?:(?:Jalan|Jln\\.?|Lorong|Lrg\\.?|Persiaran|Lebuh)\\s+" + MALAY_NAME + "(?:\\s+\\d{1,3}[A-Z]?(?:/\\d{1,3}[A-Z]?)?\\b)?"
            + "(?:,\\s*" + MALAY_ESTATE + ")?|" + MALAY_ESTATE + ")");
    /** Searched for first, as plain strings: the patterns they start are costly at every word and rarely needed. */
    private static final List<String> MALAY_MARKERS = List.of("Jalan", "Jln", "Lorong", "Lrg", "Persiaran", "Lebuh", "Taman", "Tmn",
            "Kampung", "Kg.", "Desa", "Seksyen");
    private static final List<String> ZONE_MARKERS = List.of("Zone", "Ext");

    /** A numbered township zone or extension: "Diepkloof Zone 6", "Tembisa Ext 23"; the township must be no English word. */
    private static final Pattern TOWNSHIP_ZONE = Pattern.compile("\\b(?<town>\\p{Lu}\\p{Ll}+)\\s+(?:Zone|Ext\\.?|Extension)\\s+\\d{1,3}\\b");
    private static final String LOCALITY_SUFFIXES = "colony|nagar|mohalla|basti|enclave|vihar|cantt|housing\\s+society|layout";
    /** Searched first: the named-locality pattern is costly at every capitalised word and its suffixes are rare. */
    private static final Pattern LOCALITY_SUFFIX = Pattern.compile("(?i)" + LOCALITY_SUFFIXES);
    /** "Dhoke Hassu colony", "Lajpat Nagar", "Gulberg Housing Society": a locality named by its suffix. */
    private static final Pattern NAMED_LOCALITY = Pattern.compile("\\b(?<words>(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3})"
            + "(?i:" + LOCALITY_SUFFIXES + ")\\b(?!\\s+(?i:counts?|forming|stimulating))");

    /** "lives in X", "moved to X", "she's from X": strong enough to take an unlisted town. */
    private static final Pattern RESIDENCE_CUE = Pattern.compile(
            "(?i)\\b(?:(?:lives|living|live|lived|resides|residing|moved|moving|relocated|born|grew up|brought up|raised|based"
            + "|staying|stays|stayed|settled)"
            + "\\s+(?:in|to|near)|(?:he's|she's|i'm|i am|they're|is|am|are|was|were|comes|come|came|originally)\\s+from)\\s+");
    private static final Set<String> NOT_PLACES = Set.of(
            "the", "a", "an", "ward", "hospital", "clinic", "unit", "icu", "hdu", "theatre", "theatres", "surgery",
            "rehab", "home", "hospice", "ae", "a&e", "er", "ed", "cardiology", "oncology", "pharmacy", "work", "school",
            "abroad", "overseas", "there", "here", "his", "her", "their", "my", "our", "town", "city", "health", "medical",
            "centre", "center", "practice", "infirmary", "care", "resus", "majors", "minors", "recovery", "labour", "triage");

    /** The flat or unit after a street: "…, Apt 3C", "… Unit 2". */
    private static final String UNIT_AFTER_STREET = "(?:,?\\s+(?i:Apartment|apto|depto|dpto|Apt|Unit|Suite|Ste|Flat|piso|bloco|#)\\.?\\s*[A-Za-z0-9-]{1,5}\\b)?";

    /** Streets named first, as in French, Spanish, Italian and Portuguese addresses: "17 Rue des Lilas", "Via Roma 5". */
    private static final Pattern ROMANCE_STREET = Pattern.compile(
            "(?:\\b(?:Flat|Apt|Apartment|Unit|Suite|Appt?)\\.?\\s+\\w{1,4},?\\s+)?(?:(?<![\\w.,/-])\\d{1,5}[A-Za-z]?,?\\s+)?"
            + "\\b(?:Rue|Rua|Via|Viale|Vicolo|Calle|Carrer|Avenida|Avda\\.?|Avenue|Av\\.|Boulevard|Bd|Chemin|Route|Quai|Impasse|All[ée]e"
            + "|Piazza|Plaza|Pra[çc]a|Largo|Strada|Ulica|ul\\.)"
            + "(?:\\s+(?:(?:de la|des|de|du|del|della|di|dos|do|das|da|y)(?![\\p{L}])|[\\p{Lu}][\\p{L}'’]+(?:-[\\p{Lu}][\\p{L}'’]+)*)){1,4}"
            + "(?<![\\s])(?:\\s+\\d{1,5}[a-z]?(?:[/-]\\d{1,4}[a-z]?)?\\b)?" + UNIT_AFTER_STREET);
    /** Streets named last, as in German, Dutch and Nordic addresses: "Hauptstraße 12", "Kerkstraat 5". */
    private static final Pattern GERMANIC_STREET = Pattern.compile(
            "\\b(?:(?:Van|De|Den|Der|Von|Sankt|St\\.)\\s+)?[\\p{Lu}][\\p{L}-]*(?:stra(?:ß|ss)e|str\\.|weg|gasse|allee|platz|straat|laan|gracht|plein|vej|gade|gatan|v[äa]gen"
            + "|katu|tie|utca|-(?:Stra(?:ß|ss)e|Str\\.|Weg|Gasse|Allee|Platz|Straat|Laan|Plein|Vej|Gade))\\s+\\d{1,5}[a-z]?(?:[/-]\\d{1,4}[a-z]?)?\\b");
    /** Australian state or territory and four-digit postcode: "Bendigo VIC 3550". */
    private static final Pattern AU_STATE_POSTCODE = Pattern.compile(
            "\\b(?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT)\\.?,?\\s+(?<pc>\\d{4})(?!\\d|[.,]\\d|\\s*(?:mg|mcg|g|ml|units?|%))");
    /** Canadian postal codes ("H2X 1K4"); "T2N 0M0" would be a TNM stage, "E3V4M6" a Glasgow Coma Scale. */
    private static final Pattern CA_POSTCODE = Pattern.compile(
            "\\b(?!T\\d[NM]|E\\d ?V\\d ?M\\d)[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d\\b");
    /** "in Ballarat.", "near Tobermory,", "from Llanfairfechan": a cue before an unlisted proper noun that ends its phrase. */
    private static final Pattern PLACE_CUE = Pattern.compile(
            "(?i)\\b(?:in|near|at|outside|around|visiting|nr)\\s+$|(?:\\b(?:patient|pt|man|woman|lady|gentleman|family|boy|girl"
            + "|transfer(?:red)?|moved|moving|travell?ed|flew|drove|came|comes|returned|relocated|back|trip|holiday|visit"
            + "|referral|referred|discharged|admitted|ambulance)\\s+(?:(?:here|up|down|over|back|across|all the way)\\s+)?(?:from|to)\\s+)$");
    /** A journey's end points: "drove down from Llanrhaeadr to…", "flew back to Tromsø on…". */
    private static final Pattern TRAVEL_CUE = Pattern.compile(
            "(?i)\\b(?:drove|driven|drive|flew|fly|flown|travell?ed|travel|came|come|walked|cycled|transferred|returned)"
            + "\\s+(?:(?:here|up|down|over|back|across|all the way)\\s+)?(?:from|to)\\s+$");
    /** Words before "in" that make it about a quantity or a drug, not a place ("a change in Keppra"). */
    private static final Pattern NOT_PLACE_BEFORE = Pattern.compile(
            "(?i)\\b(?:change|changes|increase|decrease|reduction|rise|drop|fall|interest|interested|experience|shortage|role"
            + "|used|use|involved|contained|found|present|included|listed|available|dose|doses|dosing|trial|trials|study"
            + "|studies|effective|efficacy|safe|safety|problems|issues|errors|stable|started|switched|maintained|ok|okay)\\s+\\w+\\s+$");

    /**
     * Numeric postcodes of countries with no UK, US or Canadian shape: "0110" (NZ), "75011" (FR),
     * "1011 AB" (NL), "00-950" (PL), "1000-001" (PT). Alone they are numbers; after a town or an
     * address they are postcodes. A unit after one makes it a quantity, and a year is a year.
     */
    private static final String NUMERIC_POSTCODE =
            "(?:\\d{4}(?:\\s?[A-Z]{2}(?![\\p{L}\\d]))?|\\d{5}|\\d{6}|\\d{2}-\\d{3}|\\d{4}-\\d{3})";
    private static final String NOT_A_QUANTITY = "(?![\\d\\p{L}]|[.,/:\\-]\\d|\\s*(?:mg|mcg|µg|g|kg|ml|mL|l|L|units?|iu|IU|mmol|mmHg"
            + "|%|x|hours?|hrs?|days?|weeks?|months?|years?|times|steps|calories|kcal|patients|people|cases|deaths)\\b)";
    private static final Pattern POSTCODE_AFTER = Pattern.compile(",?\\s+(?<pc>" + NUMERIC_POSTCODE + ")" + NOT_A_QUANTITY);
    /** After a town alone (no street before it) a postcode follows directly and ends its phrase: "in Ballarat 3350 last year". */
    private static final Pattern POSTCODE_AFTER_TOWN = Pattern.compile("\\s(?<pc>" + NUMERIC_POSTCODE + ")" + NOT_A_QUANTITY
            + "(?=\\s*(?:$|[;,.:)!?—–\\-]|(?:and|in|on|at|for|since|last|next|this|to|from|with|but|or|is|was|where|which)\\b|\\p{Lu}))");
    private static final Pattern POSTCODE_BEFORE_TOWN = Pattern.compile(
            "(?<pc>\\d{4}\\s?[A-Z]{2}|\\d{4,5}|\\d{2}-\\d{3})\\s+(?=\\p{Lu}[\\p{Ll}])");
    private static final Pattern ADDRESS_COMMA = Pattern.compile(",\\s*");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    /** Suffixes that name a street with no number and no cue: "Wilmslow Road". "Lane", "Drive", "Park" need more. */
    private static final Set<String> STRONG_STREET_SUFFIXES = Set.of(
            "street", "road", "avenue", "terrace", "boulevard", "rd", "ave", "blvd", "expressway", "freeway", "turnpike", "thruway");
    /** Abbreviations that are also titles or a saint before a name: "Dr Patel", "St Mary's". */
    private static final Set<String> AMBIGUOUS_SUFFIXES = Set.of("st", "dr", "av", "pl", "ct", "cir", "run", "loop", "path");
    private static final Set<String> STREET_CUES = Set.of(
            "on", "off", "along", "near", "at", "in", "from", "to", "down", "up", "by", "past", "opposite", "behind",
            "beside", "onto", "into", "via", "round", "around", "across", "of", "nr");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west");

    /** Words in facility names that describe the facility, not where it is: "Royal", "General", "Children's". */
    private static final Set<String> FACILITY_DESCRIPTORS = Set.of(
            "royal", "general", "university", "universities", "district", "community", "county", "children's", "childrens",
            "children", "women's", "womens", "women", "memorial", "teaching", "cottage", "private", "independent", "eye",
            "dental", "heart", "cancer", "maternity", "psychiatric", "mental", "health", "care", "medical", "rehabilitation",
            "specialist", "day", "national", "regional", "city", "central", "nhs", "foundation", "trust", "veterans",
            "military", "naval", "army", "orthopaedic", "orthopedic", "sick", "queen", "king", "king's", "queen's", "princess",
            "prince", "st", "saint", "new", "old", "north", "south", "east", "west", "upper", "lower", "group", "family",
            "primary", "urgent", "emergency", "acute", "neurological", "spinal", "burns", "chest", "lung", "kidney", "renal",
            "liver", "fertility", "sexual", "travel", "pain", "memory", "fracture", "sports", "student", "hospital", "the",
            "infirmary", "clinic", "practice", "surgery", "centre", "center", "hospice", "great", "greater", "little", "main");
    private static final Set<String> FACILITY_HEADS = Set.of("hospital", "infirmary", "hospice", "surgery", "clinic");
    /**
     * A relative, a home or a person being somewhere before "in": "his grandmother in Kumasi is 97",
     * "we're in Lower Hutt now" are about where someone lives.
     */
    private static final Pattern PERSON_BEFORE_CUE = Pattern.compile(
            "(?i)\\b(?:" + NameDetector.RELATIONS + "|family|relatives|friends|folks|parents|grandparents|kids|children"
            + "|cousins|home|house|flat|bungalow|farm)s?\\s+(?:in|near|outside)\\s+$"
            + "|\\b(?:i|we|they|he|she)(?:'m|’m|'re|’re|'s|’s| am| are| is| was| were)(?:\\s+(?:now|currently|still|back|staying"
            + "|living|based|up|down|over))?\\s+(?:in|near|outside)\\s+$");

    private static final Pattern ZIP_AFTER_STATE = Pattern.compile(",?\\s+(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d-]|[.,]\\d"
            + "|\\s*(?:mg|mcg|g|kg|ml|mL|units?|iu|IU|mmol|%|x\\b|times|patients|people|cases))");

    /**
     * A lower-case street as typed in chat: "27 victoria st", "45 elm street, apt 2", "88 oak ridge rd". Only
     * street words that cannot end a dose or a distance ("2 tablets the same way", "lives 5 miles up the road")
     * count, and the words before them are checked one by one in {@link #isLowerCaseStreetWord}.
     */
    private static final Pattern LOWER_CASE_STREET = Pattern.compile(
            "(?<![\\w.,/-])(?:(?:apt|unit|flat|suite)\\.?\\s+\\w{1,4},?\\s+)?\\d{1,5}[a-z]?,?\\s+"
            + "(?:(?:n|s|e|w|north|south|east|west)\\.?\\s+)?(?<words>(?:[a-z][a-z'’]+\\s+){1,3})"
            + "(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|court|ct|close|crescent|cres|terrace|tce|place|pl"
            + "|highway|hwy|parkway|pkwy|circle|cir|grove|mews|gardens|way)\\b\\.?"
            + "(?:,?\\s+(?:apt|apartment|unit|suite|ste|flat|#)\\.?\\s*[a-z0-9-]{1,5}\\b)?");
    /** A French street typed in lower case: "88 rue des érables", "12 chemin du lac", "4 boul. st-joseph". */
    private static final Pattern LOWER_CASE_FRENCH_STREET = Pattern.compile("(?<![\\w.,/-])\\d{1,5}[a-z]?,?\\s+(?:rue|chemin|ch\\.|boul\\.?"
            + "|boulevard|impasse|allée|allee)\\s+(?:(?:de la|de|du|des|d['’]|l['’])\\s*)?\\p{L}[\\p{L}'’-]+");
    /** The lower-case rest of such an address: "boston ma 02118", "nashville tn 37205", "hamilton 3204". */
    private static final Pattern LOWER_CASE_TAIL = Pattern.compile(
            ",?\\s+(?<town>[a-z][a-z'’-]+(?:\\s+[a-z][a-z'’-]+){0,2}?)(?:,?\\s+(?<state>[a-z]{2}|[a-z]+(?:\\s[a-z]+)?)\\.?)??"
            + "(?:,?\\s+(?<pc>\\d{5}(?:-\\d{4})?|\\d{4})(?![\\d\\p{L}]|[.,/:-]\\d)|(?=\\s*(?:[.;,!?]|$)))");
    /** "boston ma 02118", "el paso, tx 79912": a lower-case town, a state code and a ZIP, with no street before. */
    private static final Pattern LOWER_CASE_TOWN_STATE_ZIP = Pattern.compile(
            "(?<![\\w-])(?<town>[a-z][a-z'’-]+(?:\\s+[a-z][a-z'’-]+)?),?\\s+(?<state>[a-z]{2})\\.?,?\\s+(?<zip>\\d{5}(?:-\\d{4})?)"
            + "(?![\\d-]|[.,]\\d|\\s*(?:mg|mcg|g|kg|ml|units?|iu|mmol|%|x\\b|times|patients|people|cases|steps))");
    /** State codes that are also words; without a street before, "in 12345" is no address. */
    private static final Set<String> WORD_STATE_CODES = Set.of("in", "or", "me", "hi", "ok", "de", "id", "co");
    /** Words of a dose, a count or a distance, and function words: never part of a street's or a town's name. */
    static final Set<String> NOT_STREET_WORDS = Set.of(
            "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "per", "by", "from", "up", "down", "this",
            "that", "same", "other", "each", "every", "my", "his", "her", "our", "their", "your", "its", "it's", "is", "was", "be",
            "been", "has", "have", "had", "we", "he", "she", "they", "i", "you", "but", "so", "then", "now", "just", "very",
            "hours", "hour", "hrs", "days", "day", "weeks", "week", "months", "years", "times", "mins", "minutes", "miles", "mile",
            "yards", "metres", "meters", "blocks", "floors", "steps", "stairs", "pills", "tablets", "tabs", "caps", "puffs", "doses",
            "dose", "drops", "units", "sachets", "patches", "injections", "beds", "bed", "rooms", "room", "cups", "glasses", "more",
            "local", "nearest", "nearby", "usual", "regular", "walk-in", "new", "old", "main", "community", "general", "private", "public",
            "less", "few", "all", "some", "any", "no", "not", "into", "onto", "out", "off", "over", "under", "around", "via");

    /** A care home or similar named with ordinary words: "Larkfield Care Home", "Sunrise Assisted Living", "Sunnyvale Manor ALF". */
    private static final Pattern RESIDENTIAL_FACILITY = Pattern.compile(
            "\\b(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})\\s+(?:Care Home|Nursing Home|Rest Home|Retirement Home"
            + "|Retirement Village|Residential Home|Assisted Living|Senior Living|Aged Care|Care Cent(?:re|er)|Nursing Cent(?:re|er)"
            + "|Health Sciences Cent(?:re|er)|Medical Cent(?:re|er)|Health Cent(?:re|er)|Skilled Nursing Facility|Nursing Facility"
            + "|(?-i:ALF|SNF|LTCF?))\\b");
    /**
     * A facility named by capitalised words before a head that only institutions carry: "Northwestern Memorial
     * Hospital", "Peachtree Family Dental", "Christian Medical College". Descriptors ("Eye Hospital", "Children's
     * Hospital") name no institution; a clinical tool after the name ("… Hospital prognostic score") is none.
     */
    private static final Pattern NAMED_FACILITY = Pattern.compile(
            "\\b(?<name>\\p{Lu}[\\p{L}'’.&-]*(?:\\s+\\p{Lu}[\\p{L}'’.&-]*){0,3})\\s+(?:Hospitals?|Infirmary|Hospice|Medical College"
            + "|Dental(?: Care| Clinic| Practice| Group| Surgery| Centre| Center)?|Pharmacy|Group Practice|Family Practice|Medical Cent(?:re|er)"
            + "|Health Cent(?:re|er)|Medical Group|Health System|Healthcare|Nursing Home|Care Home|(?-i:AMC|CBOC|VAMC|VA Medical Cent(?:er|re))(?![\\w-])"
            + "|(?:Rehab(?:ilitation)?(?: &| and) )?Skilled Nursing(?: Facility)?|Rehab(?:ilitation)? Cent(?:re|er)|Urgent Care|Primary Care"
            + "|Nursing (?:&|and) Rehab(?:ilitation)?(?: Cent(?:re|er)| Facility)?|Hosp\\.?(?=[\\s,;:)/]|$)|Medisch Centrum|Ziekenhuis|Gasthuis"
            + "|Pediatrics|Paediatrics|Cardiology|Pulmonology|Orthopa?edics|Dermatology|Oncology|Urology|Neurology|Gastroenterology"
            + "|Rheumatology|Nephrology|Endocrinology|Women's Health|Family Medicine|Internal Medicine|Physical Therapy|Imaging"
            + "|(?:Recovery|Treatment|Wellness|Crisis|Detox|Dialysis|Surgical|Surgery|Birth|Counsel(?:l)?ing|Resource|Youth|Senior)"
            + " Cent(?:re|er)|Shelter|Food Bank|(?:Regional )?Health Care (?:Facility|Cent(?:re|er))|Regional Health Care|Polyclinic|Mobile Home Park|Trailer Park"
            + "|RV Park|Children's|Childrens|Family Clinic|Medical Clinic|Health Clinic|Walk-in Clinic)\\b"
            + "(?!\\s+(?i:risk|prognostic|score|criteria|proceedings|index|scale|classification|formula|calculator|protocol|guidelines?"
            + "|guidance|policy|policies|pathway|manual|formulary|association|society|journal|council|committee|board|federation)\\b)");
    /** "CVS #2231", "Walgreens #10482": a store's number makes the chain's name one branch, a place. */
    private static final Pattern NUMBERED_BRANCH = Pattern.compile(
            "\\b(?<brand>\\p{Lu}[\\p{L}'’&-]*(?:\\s\\p{Lu}[\\p{L}'’&-]*){0,2})\\s?#\\s?\\d{3,6}\\b(?![-/.]\\d)");
    /** Words before "#" that announce a number of their own, not a branch: "Account # 7718", "CPSO #61234", "Room #1204". */
    private static final Pattern NUMBER_CUE = Pattern.compile("(?i).*\\b(?:account|acct|claim|policy|invoice|order|case|ref|reference"
            + "|ticket|room|bed|bay|ward|unit|suite|apt|flat|lot|gate|route|flight|seat|badge|pager|ext|rx|script|member|group|mrn"
            + "|dea|npi|cpso|ahpra|gmc|nmc|licen[cs]e|lic|id|no|number|patient|pt|study|subject|specimen|sample|batch|model|serial)$");
    /** An employer by a company suffix after "works at", "employed by", "employer:": "Harborline Logistics". */
    private static final Pattern EMPLOYER = Pattern.compile(
            "(?i:\\b(?:works?|working|worked|employed|job|employee|employer|operator|driver|clerk|manager|nurse|cashier|teacher)\\b"
            + "[^.;\\n]{0,30}?\\b(?:at|for|by|with|:)\\s+(?:the\\s+)?)(?<employer>\\p{Lu}[\\p{L}'’&-]*(?:\\s\\p{Lu}[\\p{L}'’&-]*){0,2}\\s"
            + "(?:Logistics|Inc\\.?|LLC|Ltd\\.?|Corp\\.?|Corporation|Company|Industries|Manufacturing|Construction|Transport"
            + "|Trucking|Foods|Motors|Distribution|Warehousing|Supermarkets?|Markets?|Stores?|Bank|Insurance|Builders|Plumbing|Electric"
            + "|(?i:distribution (?:center|centre)|(?:processing |packing |poultry |meat )?plant|factory|warehouse|mill|depot|call cent(?:er|re))))\\b");
    /** After a bare "general" or "memorial" a new clause or the department may follow, never a noun it qualifies. */
    private static final String NOT_A_CLAUSE_WORD = "(?!(?:and|or|but|on|in|at|for|to|since|is|was|has|had|er|ed|a&e|ward|icu|today"
            + "|yesterday|last|this|now|again|with|can|could|said|says)\\b)";
    /** "at rosewood lodge", "into sunnyside care home": a residential home typed in lower case where someone lives. */
    private static final Pattern LOWER_CASE_RESIDENCE = Pattern.compile(
            "\\b(?:at|in|from|to|into|(?:gp|gp's|gp’s|surgery|practice|doctor)\\s+is)\\s+(?:the\\s+)?(?<name>[a-z][a-z'’-]+(?:\\s+[a-z][a-z'’-]+)??)"
            + "\\s+(?:lodge|manor|care home|nursing home|rest home|retirement home|retirement village|residential home|assisted living"
            + "|(?:general|memorial)\\b(?![ \\t]+" + NOT_A_CLAUSE_WORD + "[a-z])|(?:general |royal |university |memorial )?(?:infirmary|hospital)"
            + "|medical cent(?:re|er)|health cent(?:re|er)|family practice|medical practice|senior cent(?:re|er)|senior living"
            + "|community cent(?:re|er)|(?:adult )?day cent(?:re|er)|dialysis cent(?:re|er)|urgent care)\\b");
    /** Where a person is taken or seen: the place that follows is a facility ("admitted at LUTH", "seen at St. Luke's"). */
    private static final String FACILITY_VISIT = "(?i:admitted|admission|seen|transferred|moved|taken|brought|appt|appointment"
            + "|referred|discharged|attending|attended|booked|delivered|born|treated|review(?:ed)?|follow[- ]?up|surgery|operation"
            + "|scan|dialysis|rehab|clinic|ward\\s+\\w+|bed\\s+\\w+|works?|nurse|doctor|consultant|gp|stay(?:ing|ed)?)";
    /** "brgy. san isidro", "Barangay 176 Bagong Silang", "purok 3": a Philippine village or its zone, in any case. */
    private static final Pattern BARANGAY = Pattern.compile("(?i)\\b(?:brgy|bgy|barangay|purok|sitio)\\.?(?:\\s+(?<number>\\d{1,3}[a-z]?)\\b)?"
            + "(?:\\s+(?<name>\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,2}))?");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** "st mary's primary", "St Vincent's Private": a saint's school or private hospital, named in any case. */
    private static final Pattern SAINT_SCHOOL = Pattern.compile("(?i)\\b(?:st\\.?|saint)\\s+\\p{L}+['’]s\\s+(?:primary|private|public"
            + "|school|college|academy|high|grammar|catholic|anglican|nursery|kindy|kindergarten|hospital|clinic|infirmary|hospice)\\b"
            + "(?:\\s+(?:school|college|hospital|clinic))?");
    /** "Maxima MC", "Isala UMC": a Dutch medical centre's name before its abbreviation ("5th MC joint" is a bone). */
    private static final Pattern MEDICAL_CENTRE_ABBREVIATION = Pattern.compile(
            "\\b(?<name>\\p{Lu}\\p{Ll}{3,})\\s(?:MC|UMC|MCL|ZGT)\\b(?!\\s*(?i:joints?|jts?|fractures?|heads?|bases?|shafts?|bones?))");
    /** "up the Gurnos estate", "Penrhys Estate": a housing estate by its own name. */
    private static final Pattern NAMED_ESTATE = Pattern.compile("\\b(?<name>\\p{Lu}\\p{Ll}{2,}(?:\\s\\p{Lu}\\p{Ll}{2,})?)\\s(?:[Ee]state|[Hh]ousing [Ee]state)\\b");
    /** Rural addresses: "RR 2 Fort Qu'Appelle", "Lot 12 Concession 4 Wikwemikong", "Box 118, Fort Chipewyan". */
    private static final Pattern RURAL_ADDRESS = Pattern.compile("\\b(?:(?-i:RR|R\\.R\\.)\\s?#?\\d{1,3}|(?-i:Lot)\\s\\d{1,4}[A-Z]?,?\\s(?-i:Concession|Con\\.?)\\s\\d{1,3}"
            + "|(?-i:Box)\\s\\d{1,5}(?=,))(?:,?\\s+(?:\\p{Lu}[\\p{L}'’-]+)(?:\\s\\p{Lu}[\\p{L}'’-]+){0,2})?");
    /** Pharmacy chains: one of their branches is named by the street or town after it ("CVS on Bergenline Ave"). */
    private static final String CHAINS = "chemist warehouse|priceline(?: pharmacy)?|terry ?white(?: chemmart)?|amcal|walgreens"
            + "|(?-i:CVS)(?: pharmacy)?|rite ?aid|boots(?: pharmacy)?|superdrug|lloyds ?pharmacy|mercury drug|watsons|shoppers drug mart"
            + "|rexall|jean coutu|pharmaprix|london drugs|duane reade|unichem|life pharmacy|well ?pharmacy|apollo pharmacy|medplus"
            + "|guardian pharmacy|(?:walmart|costco|kroger|target) pharmacy|davita|fresenius(?: kidney care)?|concentra|minute ?clinic"
            + "|labcorp|quest diagnostics";
    /** "the walgreens on mckinney ave", "davita on 5th st": a chain's branch named by its street, in any case. */
    private static final Pattern CHAIN_ON_STREET = Pattern.compile("(?i)\\b(?:" + CHAINS + ")\\s+(?:on|off|at)\\s+(?:(?:n|s|e|w|north|south|east|west)\\.?\\s+)?"
            + "(?:\\d{1,3}(?:st|nd|rd|th)|\\p{L}[\\p{L}'’-]+)(?:\\s+\\p{L}[\\p{L}'’-]+)?\\s+(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane"
            + "|hwy|highway|pkwy|parkway|way|pl|place|ct|court|pike|plaza)\\b\\.?");
    /**
     * "from baptist east", "mercy san juan", "Mayo Rochester", "at childrens mercy": a US health system's hospital named by
     * its branch (a compass word or a town), and children's hospitals known by a short name.
     */
    private static final Pattern HEALTH_SYSTEM_BRANCH = Pattern.compile("(?i)\\b(?:at|to|from|in|into|transferred to|admitted to)\\s+(?:the\\s+)?"
            + "(?<fac>children['’]?s mercy|childrens mercy|sick ?kids|children['’]?s national|cincinnati children['’]?s"
            + "|(?<system>baptist|methodist|presbyterian|adventist|mercy|providence|kaiser|sutter|ochsner|banner|atrium|advocate"
            + "|ascension|novant|piedmont|beaumont|sentara|inova|geisinger|intermountain|dignity|allina|essentia|sanford|avera|mayo)"
            + "\\s+(?<branch>\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+)?))(?![\\p{L}'’-])");
    private static final Set<String> COMPASS_BRANCHES = Set.of("east", "west", "north", "south", "central", "downtown", "midtown");
    private static final Pattern CHAIN_THEN_TOWN = Pattern.compile("(?i)\\b(?:" + CHAINS + ")(?:\\s+(?:in|at))?\\s+(?<town>\\p{L}[\\p{L}'’-]+)(?:\\s+(?:central|north|south|east|west|city|plaza|mall))?\\b");
    private static final Pattern PHARMACY_CHAIN = Pattern.compile("(?i)\\b(?:" + CHAINS + ")(?:\\s+(?:on|at|in|near))?\\s+$");

    /** "at St. Luke's BGC", "from st george", "transferred to Saint Vincent's": a saint after a locative word is a facility. */
    private static final Pattern SAINT_FACILITY = Pattern.compile(
            "(?i:\\b(?:at|to|from|in|into|sa|near)\\s+(?:the\\s+)?)(?<fac>(?i:st\\.?|saint)\\s+\\p{L}[\\p{L}'’-]+"
            + "(?:\\s+(?:\\p{Lu}[\\p{L}'’&-]*|(?i:hospital|hospitals|clinic|hospice|infirmary|medical cent(?:re|er)|health cent(?:re|er))\\b)){0,4})");
    /**
     * Patrons that name hospitals, schools and parishes more often than anything clinical: "Sacred Heart ER has her",
     * "Good Samaritan", "Our Lady of Lourdes". Capitalised only; "the good samaritan who called 911" is a person.
     */
    private static final Pattern PATRON_FACILITY = Pattern.compile("\\b(?:Sacred Heart|Good Samaritan|Good Shepherd|Holy Cross"
            + "|Holy Family|Holy Name|Holy Redeemer|Holy Spirit|Mount Sinai|Mt\\.? Sinai|Cedars[- ]Sinai|Our Lady of(?: the)? \\p{Lu}[\\p{L}'’-]+)"
            + "(?![\\p{L}'’-])");
    /**
     * A facility named after its kind, as in Malaysia, Latin America and Spain: "Hospital Sungai Buloh", "Klinik
     * Kesihatan Seremban 2", "Clínica del Valle", "Centro de Salud San Blas". The name must not be an English word,
     * so "Hospital Anxiety and Depression Scale" stays.
     */
    private static final Pattern KIND_FIRST_FACILITY = Pattern.compile("(?<lower>\\b(?i:at|in|to|from|into|la|el|en)\\s+(?:the\\s+)?)?"
            + "(?<kind>(?i:hospital general de|hospital universitario|hospital infantil|hospital regional|hospital|klinik(?: kesihatan)?"
            + "|cl[ií]nica|centro de salud|centro m[eé]dico|rumah sakit|puskesmas|farmacia|farm[aá]cia|drogaria|droguer[ií]a|sanatorio"
            + "|policl[ií]nica|posto de sa[uú]de|kinderspital|spital|klinikum|universitätsklinikum|krankenhaus|ziekenhuis)|(?-i:RSUD|RSUP|RS))"
            + "\\s+(?:(?i:del|de la|de los|de las|de|do|da|dos|das|san|santa|santo|são|la|el|los|las)\\s+)?"
            + "(?<name>[\\p{L}'’]{3,}(?:\\h+(?:(?i:de|del|do|da|dos|das|y)\\h+)?[\\p{L}'’]{3,}){0,2})(?<number>\\h+\\d{1,2}\\b)?(?![\\p{L}\\d-])");
    /**
     * French and Québécois facilities named kind first: "CHSLD Saint-Jude", "Cliniques universitaires Saint-Luc", "Hôpital
     * Sainte-Justine", "CLSC Côte-des-Neiges", "Centre hospitalier de Granby". The kind is written as it is only in French.
     */
    private static final Pattern FRENCH_FACILITY = Pattern.compile("\\b(?:CHSLD|CLSC|CHU|CHUM|CHUQ|CHUS|CHR|EHPAD|GMF|CIUSSS|CISSS|CSSS"
            + "|Cliniques? [Uu]niversitaires?|H[ôo]pital|Centre [Hh]ospitalier(?: [Uu]niversitaire)?|Clinique|Polyclinique|Maison de sant[ée])"
            + "\\s+(?:(?:de la|de l['’]|du|des|de|d['’])\\s*)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?");
    /** "qmh ward k7n", "RPA ward 9": a hospital's acronym before a ward names the hospital; "ward 4B" alone names no one's place. */
    private static final Pattern WARD_CODE = Pattern.compile("(?i)\\b(?<hospital>[a-z]{2,5})\\s+ward\\s+(?=[a-z]{0,2}\\d)[a-z0-9]{1,4}\\b");
    /** A Singapore or Malaysian flat: "Blk 123 Ang Mo Kio Ave 3 #04-56". */
    private static final Pattern HOUSING_BLOCK = Pattern.compile("\\b(?i:blk|block)\\s+\\d{1,4}[A-Za-z]?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,4}"
            + "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\d{1,2}\\b)?(?:,?\\s*#\\d{1,3}-\\d{1,4}[A-Za-z]?)?");
    /** "VFW Post 1503", "American Legion Post 44": a veterans' post by its number. */
    private static final Pattern VETERANS_POST = Pattern.compile("\\b(?:VFW|American Legion|AMVETS|DAV|Legion)\\s+Post\\s+(?:No\\.?\\s*|#\\s?)?\\d{1,5}\\b");
    /** "Little Haiti", "little saigon": a city's neighbourhood named after a country or city. */
    private static final Pattern LITTLE_NEIGHBOURHOOD = Pattern.compile("(?i)\\blittle\\s+(?:haiti|italy|saigon|india|havana|tokyo|korea|manila"
            + "|armenia|ethiopia|bangladesh|odessa|poland|arabia|senegal|guyana|portugal|lebanon|kabul|mogadishu|yemen|pakistan|bangkok|brazil)\\b");
    /** Particles inside a kind-first facility's name: "Hospital Universitario de Adultos". */
    private static final Set<String> KIND_FIRST_PARTICLES = Set.of("de", "del", "do", "da", "dos", "das", "y");

    /**
     * "Hospital Sungai Buloh", "at hospital sungai buloh", "la Clínica del Valle 2": the words after the kind keep its
     * case, are no English or clinical words, and a lower-case kind needs a locative word before it ("hospital LOS").
     */
    private void kindFirstFacility(Matcher m, List<Candidate> out) {
        boolean capitalised = Character.isUpperCase(m.group("kind").charAt(0));
        if (!capitalised && m.start("lower") < 0) {
            return;
        }
        String[] words = m.group("name").split("\\s+");
        int end = m.start("name");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            String lower = word.toLowerCase(Locale.ROOT);
            if (w > 0 && w + 1 < words.length && KIND_FIRST_PARTICLES.contains(word)) {
                continue; // "Hospital Universitario de Adultos": a particle inside the name
            }
            boolean sameCase = Character.isUpperCase(word.charAt(0)) == capitalised
                    && word.chars().skip(1).noneMatch(Character::isUpperCase);
            if (!sameCase || lexicon.isClinicalTerm(lower) || FACILITY_DESCRIPTORS.contains(lower) || NOT_STREET_WORDS.contains(lower)
                    || (w == 0 || !capitalised) && lexicon.isEnglishWord(lower)) {
                break;
            }
            end = m.start("name") + m.group("name").indexOf(word, end - m.start("name")) + word.length();
        }
        if (end == m.start("name")) {
            return;
        }
        if (m.start("number") >= 0 && end == m.end("name")) {
            end = m.end("number");
        }
        out.add(new Candidate(PhiType.LOCATION, m.start("kind"), end, Candidate.CUED));
    }

    /** "adm SGH", "from LUTH", "medevac to YKHC": an unknown acronym of a hospital ("…H", "…TH", "…HC") where a patient goes. */
    private static final Pattern HOSPITAL_ACRONYM = Pattern.compile("(?i:\\b(?:at|from|adm|admitted (?:to|at)|attends|attending"
            + "|transferred to|medevac(?:'d)? to|referred to|sent to|back to|seen at|discharged from)\\s+)"
            + "(?<acr>(?-i:[A-Z]{1,4}(?:H|TH|HC|HS|UH)))(?![\\p{L}\\d&/-])(?!\\s+(?!(?:on|in|with|for|and|to|today|yesterday|last|this"
            + "|requests?|says|said|ward|clinic|ed|er|icu|a&e|hospital|diabetic|since|after|before|but|was|is|has|had|now)\\b)\\p{Ll})");
    /** "1420 W Calle Sonora", "12 Jalan Ipoh": a street named with a Spanish or Malay street word first. */
    private static final Pattern STREET_WORD_FIRST = Pattern.compile("\\b\\d{1,5}\\s+(?:[NSEW]\\.?\\s+)?(?:Calle|Camino|Avenida|Paseo|Via"
            + "|Jalan|Lorong|Rua|Avenue de)\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?" + UNIT_AFTER_STREET + "|\\b(?:on|along|off|at|near)\\s+(?<bare>"
            + "(?:Jalan|Lorong|Calle|Camino)\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)");
    /** A First Nations community or reserve: "from Sandy Lake First Nation", "Six Nations of the Grand River". */
    private static final Pattern FIRST_NATION = Pattern.compile("\\b(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3}(?:First Nations?|Cree Nation"
            + "|Indian Reserve|Reservation|Rancheria)\\b|\\bSix Nations(?: of the Grand River)?\\b");
    /**
     * "at Mercy General", "on Kelowna General 4W": a hospital named by its place or patron and "General" alone. With no
     * locative cue before it the first word must be a listed town ("Regina General:").
     */
    private static final Pattern BARE_GENERAL = Pattern.compile(
            "(?<cue>(?i:\\b(?:at|to|from|in|into|on)\\s+(?:the\\s+)?))?\\b(?<fac>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?\\s+General)"
            + "(?![\\p{L}'’-])(?!\\s+(?:\\p{Lu}\\p{Ll}|" + NOT_A_CLAUSE_WORD + "\\p{Ll}))");
    /** "admitted at LUTH", "his appt is 2 Dec at KKH": an unknown acronym where a visit takes place names the hospital. */
    private static final Pattern FACILITY_ACRONYM = Pattern.compile(
            "\\b" + FACILITY_VISIT + "\\b[^.;!?\\n]{0,40}?\\b(?i:at|to|from|in|into|sa)\\s+(?:the\\s+)?(?<acr>\\p{Lu}{3,5})(?![\\p{L}\\d&/-])");
    private static final Pattern VISIT_THEN_ACRONYM = Pattern.compile("(?i)\\p{L}+\\s+(?:at|to|from|in|into|sa)\\s+(?:the\\s+)?\\p{Lu}+");
    /** Ward, unit and service acronyms a patient is admitted to or seen in, which name no hospital. */
    private static final Set<String> SERVICE_ACRONYMS = Set.of(
            "icu", "itu", "hdu", "ccu", "cicu", "micu", "sicu", "nicu", "picu", "scbu", "pacu", "amu", "mau", "sau", "eau", "cdu", "ed",
            "ae", "opd", "sdec", "ent", "gum", "camhs", "iapt", "salt", "slt", "mdt", "opat", "rrt", "ot", "gp", "pcp", "er", "or",
            "ir", "cath", "dsu", "epu", "acu", "tcu", "rau", "ama", "ccot", "ward", "home", "rehab", "npi", "usa", "uk", "nhs",
            "uae", "nyc", "cvs", "pacs", "epr", "ehr", "emr", "gmt", "bst", "est", "pst", "cst", "aest", "pdf", "sms", "dna");

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
                + "(?<![\\w.,/-])(?:\\d{1,4}[A-Za-z]?/)?\\d{1,5}[A-Za-z]?(?:[-–]\\d{1,5})?,?\\s+"
                + "(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?"
                + "(?:(?:[A-Z][a-z'’]+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}"
                + "(?:" + suffixes + ")\\b\\.?"
                + "(?:\\s+(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\\b\\.?)?"
                + "(?:,?\\s+(?i:Apt|Apartment|Unit|Suite|Ste|Flat|#)\\.?\\s*[A-Za-z0-9-]{1,5}\\b)?");
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        int first = out.size();
        addAll(scanned, street, out);
        addAll(scanned, PO_BOX, out);
        addAll(scanned, ROMANCE_STREET, out);
        addAll(scanned, GERMANIC_STREET, out);
        addAll(scanned, RURAL_ROAD, out);
        addAll(scanned, CHAIN_ON_STREET, out);
        scanned.forEachMatch(PLACED_RURAL_ROAD, m -> out.add(new Candidate(PhiType.LOCATION, m.start("road"), m.end("road"), Candidate.PATTERN)));
        addAll(scanned, NUMBERED_LOCALITY, out);
        addAll(scanned, LATIN_LOCALITY, out);
        if (scanned.containsAny(MALAY_MARKERS)) {
            addAll(scanned, MALAY_LOCALITY, out);
        }
        if (scanned.containsAny(ZONE_MARKERS)) {
            scanned.forEachMatch(TOWNSHIP_ZONE, m -> {
                String town = m.group("town").toLowerCase(Locale.ROOT);
                if (!lexicon.isEnglishWord(town) && !lexicon.isClinicalTerm(town) && !Lexicon.CLINICAL_VOCABULARY.contains(town)) {
                    out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
                }
            });
        }
        if (LOCALITY_SUFFIX.matcher(scanned.text()).find()) {
            scanned.forEachMatch(NAMED_LOCALITY, m -> namedLocality(m, out));
        }
        detectStreetNames(scanned, out);
        detectLowerCaseAddresses(scanned, out);
        int streets = out.size();
        for (int k = first; k < streets; k++) {
            detectAddressTail(scanned, out.get(k).end(), out);
        }
        addAll(scanned, UK_POSTCODE, out);
        addAll(scanned, EIRCODE, out);
        addAll(scanned, COUNTY, out);
        addAll(scanned, CA_POSTCODE, out);
        scanned.forEachMatch(AU_STATE_POSTCODE, m -> out.add(new Candidate(PhiType.LOCATION, m.start("pc"), m.end("pc"), Candidate.CUED)));
        detectBeforePattern(scanned, AU_STATE_POSTCODE, out);
        detectBeforePattern(scanned, CA_POSTCODE, out);
        detectAfterPlaceCue(scanned, out);
        detectTownBeforeStateCode(scanned, out);
        scanned.forEachMatch(ZIP_CUE, m -> out.add(new Candidate(PhiType.LOCATION, m.start("zip"), m.end("zip"), Candidate.CUED)));
        scanned.forEachMatch(ZIP_WHERE_SOMEONE_LIVES, m -> out.add(new Candidate(PhiType.LOCATION, m.start("zip"), m.end("zip"), Candidate.CUED)));
        detectAroundStates(scanned, out);
        detectPlaces(scanned, out);
        detectAfterResidenceCue(scanned, out);
        detectAfterFieldLabel(scanned, out);
        detectBeforePostcode(scanned, out);
        detectInsideFacilityNames(scanned, out);
        int towns = out.size();
        for (int k = streets; k < towns; k++) {
            detectPostcodeAfterTown(scanned, out.get(k), out);
        }
        detectTownAfterFacility(scanned, out);
        detectTownClosingFacilityName(scanned, out);
        detectNamedFacilities(scanned, out);
        detectVillagesSchoolsAndBranches(scanned, out);
        int located = out.size();
        for (int k = first; k < located; k++) {
            extendOverFacilityName(scanned, out.get(k), out);
        }
        String text = scanned.text();
        // "Glasgow 9", "GCS: Glasgow 12/15", "Ottawa rules", "Geneva score": a clinical score named after its city
        out.subList(first, out.size()).removeIf(c -> SCORE_PLACES.contains(text.substring(c.start(), c.end()).toLowerCase(Locale.ROOT))
                && SCORE_AFTER.matcher(text).region(c.end(), text.length()).lookingAt());
        out.subList(first, out.size()).removeIf(c -> c.type() == PhiType.LOCATION && namesACondition(text, c));
        joinTownStateAndZip(scanned.text(), out.subList(first, out.size()));
        extendOverResidenceKind(scanned.text(), out.subList(first, out.size()));
    }

    /** The lower-case words straight after a town, up to five: " breakage syndrome", " hand foot malformation". */
    private static final Pattern LOWER_CASE_WORDS_AFTER = Pattern.compile("(?:[ -][a-z][a-z']*){1,5}");
    /** Words that end a town's clause before a condition ("from Quebec with Down syndrome"): grammar, not a name's part. */
    private static final Set<String> NOT_IN_CONDITION_NAME = Set.of("with", "and", "or", "has", "had", "have", "is", "was", "were",
            "for", "to", "from", "in", "on", "at", "but", "who", "whose", "which", "that", "the", "a", "an", "her", "his", "their",
            "my", "our", "your", "got", "gets", "developed", "diagnosed", "having", "about", "of", "since", "after", "before", "because");

    /**
     * "Warsaw breakage syndrome", "Quebec platelet disorder", "Split hand foot malformation": a one-word town before the
     * lower-case words of a condition's name is part of that name.
     */
    private boolean namesACondition(String text, Candidate place) {
        if (text.substring(place.start(), place.end()).chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        Matcher after = LOWER_CASE_WORDS_AFTER.matcher(text).region(place.end(), text.length());
        if (!after.lookingAt()) {
            return false;
        }
        String[] words = after.group().substring(1).split("[ -]");
        for (int w = 1; w < words.length; w++) {
            if (NOT_IN_CONDITION_NAME.contains(words[w - 1])) {
                return false;
            }
            if (lexicon.isPathologyHead(words[w])) {
                return true;
            }
        }
        return false;
    }

    /** "Maple Grove nursing home", "Sunrise care home": the kind of residence after its name belongs to the name. */
    private static final Pattern RESIDENCE_KIND = Pattern.compile("\\h+(?:nursing home|care home|rest home|retirement (?:home|village)"
            + "|assisted living(?: facility)?|group home|residential home|aged care(?: facility| home)?|memory care|skilled nursing facility)\\b");

    private static void extendOverResidenceKind(String text, List<Candidate> found) {
        int size = found.size();
        for (int k = 0; k < size; k++) {
            Candidate place = found.get(k);
            Matcher kind = RESIDENCE_KIND.matcher(text).region(place.end(), text.length());
            if (kind.lookingAt()) {
                found.add(new Candidate(PhiType.LOCATION, place.start(), kind.end(), place.priority()));
            }
        }
    }

    private void namedLocality(Matcher m, List<Candidate> out) {
        for (String word : m.group("words").trim().split("\\s+")) {
            if (lexicon.isClinicalTerm(word.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.PATTERN));
    }

    private static final Pattern STATE_BETWEEN = Pattern.compile(",?\\s(?<state>[A-Z]{2,3}|Vic|Qld|Tas)\\.?,?\\s");
    private static final Pattern STATE_AFTER_TOWN = Pattern.compile(",?\\s(?<state>[A-Z]{2,3})(?![\\p{L}\\d-]|['’]\\p{L})");

    private boolean isStateCode(String code) {
        return lexicon.isUsState(code) || CANADIAN_PROVINCES.contains(code) || AUSTRALIAN_STATES.contains(code);
    }

    private static final Set<String> CANADIAN_PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    private static final Set<String> AUSTRALIAN_STATES = Set.of("NSW", "VIC", "Vic", "QLD", "Qld", "SA", "WA", "TAS", "Tas", "NT", "ACT");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{4,5}(?:-\\d{4})?|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d");

    /**
     * "Edison NJ 08817", "Brunswick VIC 3056", "Norway House MB R0B 1B0" are one address: the state or province between
     * a town and its postal code goes with them, so the placeholder stands for the whole line as a reader and a label see it.
     */
    private void joinTownStateAndZip(String text, List<Candidate> found) {
        int size = found.size();
        for (int a = 0; a < size; a++) {
            Candidate town = found.get(a);
            for (int b = 0; b < size; b++) {
                Candidate zip = found.get(b);
                if (zip.start() <= town.end() || zip.start() - town.end() > 6) {
                    continue;
                }
                Matcher state = STATE_BETWEEN.matcher(text).region(town.end(), zip.start());
                if (state.matches() && isStateCode(state.group("state"))
                        && POSTAL_CODE.matcher(text).region(zip.start(), zip.end()).matches()) {
                    found.add(new Candidate(PhiType.LOCATION, town.start(), zip.end(), Candidate.CUED));
                }
            }
        }
    }

    /**
     * "Tygerberg Hospital in Cape Town", "the Eye Clinic in Port Talbot": after a named facility and "in", one to
     * three capitalised words are its town, even when each is an English word. A country or state ("in Wales"), a
     * month, a descriptor ("in General Practice") or a title-case heading going on after them is none.
     */
    private void detectTownAfterFacility(ScannedText s, List<Candidate> out) {
        for (int h = 0; h + 2 < s.size(); h++) {
            boolean named = h > 0 && isFacilityHead(s, h) && facilityNameStart(s, h) >= 0;
            // "the practice in Ystradgynlais", "a care home in Llandrindod": an unnamed facility needs a word in no dictionary.
            boolean unnamed = !s.token(h).isCapitalised() && LOWERCASE_FACILITIES.contains(s.token(h).lower());
            if (!(named || unnamed) || !s.adjacent(h, h + 1) || !s.token(h + 1).lower().equals("in")
                    || s.token(h + 1).isCapitalised() || !s.adjacent(h + 1, h + 2)) {
                continue;
            }
            int i = h + 2;
            if (multiWordRegionEnd(s, i) >= i || (unnamed && !names.isUnknownProper(s, i) && !isListedPlaceWord(s.token(i).lower()))) {
                continue;
            }
            int last = -1;
            for (int j = i; j < s.size() && j < i + 3 && (j == i || s.adjacent(j - 1, j)); j++) {
                Token t = s.token(j);
                String lower = t.lower();
                if (!t.isCapitalised() || t.isAllCaps() || s.isClinical(j) || lexicon.isClinicalTerm(lower)
                        || NameDetector.isCalendarWord(lower) || lexicon.isRegion(lower) || FACILITY_DESCRIPTORS.contains(lower)
                        || NameDetector.NOT_NAMES.contains(lower) || NameDetector.TITLES.contains(lower) || lexicon.isEponymHead(lower)) {
                    break;
                }
                last = j;
                if (t.isPossessive()) {
                    break;
                }
            }
            boolean headingGoesOn = last >= 0 && last + 1 < s.size() && s.adjacent(last, last + 1)
                    && s.token(last + 1).isCapitalised();
            if (last >= 0 && !headingGoesOn) {
                out.add(new Candidate(PhiType.LOCATION, s.token(i).start(), s.token(last).coreEnd(), Candidate.CUED));
            }
        }
    }

    /**
     * "Mercy Hospital Dubuque", "St Vincent's Hospital Melbourne": a named facility followed directly by a word in no
     * dictionary or a listed place ends in its town. An ordinary word there ("… Hospital Switchboard") is left alone.
     */
    private void detectTownClosingFacilityName(ScannedText s, List<Candidate> out) {
        for (int h = 1; h + 1 < s.size(); h++) {
            if (!isFacilityHead(s, h) || !s.adjacent(h, h + 1) || !" ".equals(s.text().substring(s.token(h).end(), s.token(h + 1).start()))
                    || facilityNameStart(s, h) < 0) {
                continue;
            }
            int i = h + 1;
            Token t = s.token(i);
            String lower = t.lower();
            if (!t.isCapitalised() || t.isAllCaps() || s.isClinical(i) || lexicon.isClinicalTerm(lower)
                    || NameDetector.isCalendarWord(lower) || FACILITY_DESCRIPTORS.contains(lower) || NameDetector.NOT_NAMES.contains(lower)
                    || NameDetector.TITLES.contains(lower) || lexicon.isEponymHead(lower) || lexicon.isPathologyHead(lower)
                    || !(names.isUnknownWord(t) || isListedPlaceWord(lower))) {
                continue;
            }
            out.add(new Candidate(PhiType.LOCATION, t.start(), t.coreEnd(), Candidate.DICTIONARY));
        }
    }

    /**
     * A place inside or beside a facility's name makes the whole name a location, descriptors and all:
     * "Leeds General Infirmary", "Royal Infirmary of Edinburgh", "Ninewells Hospital, Dundee". Left with
     * only the place removed, "[LOCATION] General Infirmary" still names the hospital to anyone who knows
     * the region. The name is a run of capitalised words ending in a facility head ("Hospital",
     * "Infirmary", "Clinic", "Medical Centre", "NHS Trust"); a clinical tool after the head ("Cleveland
     * Clinic Risk Calculator") is no facility.
     */
    private void extendOverFacilityName(ScannedText s, Candidate place, List<Candidate> out) {
        if (place.type() != PhiType.LOCATION) {
            return;
        }
        int firstToken = s.tokenAtOrAfter(place.start());
        int lastToken = s.tokenAtOrAfter(place.end()) - 1;
        if (firstToken >= s.size() || lastToken < firstToken || s.token(firstToken).start() != place.start()
                || s.token(lastToken).isPossessive()) {
            return;
        }
        int start = place.start();
        int end = place.end();
        // The place opens the name: "Leeds General Infirmary", "Sheffield Teaching Hospitals NHS Foundation Trust".
        int head = facilityHeadAfter(s, lastToken);
        if (head > 0) {
            end = s.token(head).coreEnd();
            start = s.token(descriptorsBefore(s, firstToken)).start();
        }
        // The place closes the name: "Royal Infirmary of Edinburgh", "Ninewells Hospital, Dundee".
        if (firstToken >= 2) {
            String gap = s.text().substring(s.token(firstToken - 1).end(), s.token(firstToken).start());
            boolean of = gap.equals(" ") && s.token(firstToken - 1).lower().equals("of") && !s.token(firstToken - 1).isCapitalised()
                    && s.adjacent(firstToken - 2, firstToken - 1);
            int before = of ? firstToken - 2 : firstToken - 1;
            if ((of || gap.equals(", ") || gap.equals(" ")) && isFacilityHead(s, before)) {
                int nameStart = facilityNameStart(s, before);
                if (nameStart >= 0) {
                    if (!gap.equals(", ")) {
                        start = Math.min(start, s.token(nameStart).start());
                    } else {
                        out.add(new Candidate(PhiType.LOCATION, s.token(nameStart).start(), s.token(before).coreEnd(), Candidate.DICTIONARY));
                    }
                }
            }
        }
        if (start != place.start() || end != place.end()) {
            out.add(new Candidate(PhiType.LOCATION, start, end, place.priority()));
        }
    }

    private static final Set<String> LOWERCASE_FACILITIES = Set.of(
            "hospital", "hospice", "clinic", "surgery", "practice", "pharmacy", "chemist", "home", "infirmary", "centre", "center",
            "unit", "ward", "school", "nursery", "prison", "hostel", "shelter");
    private static final Set<String> FACILITY_NAME_HEADS = Set.of(
            "hospital", "hospitals", "infirmary", "hospice", "clinic", "surgery", "trust");

    /** A facility head word, capitalised, with no clinical tool named after it ("Clinic Risk Calculator"). */
    private boolean isFacilityHead(ScannedText s, int i) {
        Token t = s.token(i);
        String lower = t.lower();
        if (!t.isCapitalised() || t.isAllCaps()) {
            return false;
        }
        boolean head = FACILITY_NAME_HEADS.contains(lower) || ((lower.equals("centre") || lower.equals("center")
                || lower.equals("practice")) && i > 0 && s.adjacent(i - 1, i)
                && (s.token(i - 1).lower().equals("medical") || s.token(i - 1).lower().equals("health")));
        if (!head) {
            return false;
        }
        return !(i + 1 < s.size() && s.adjacent(i, i + 1) && (lexicon.isEponymHead(s.token(i + 1).lower())
                || lexicon.isPathologyHead(s.token(i + 1).lower()) || s.token(i + 1).lower().equals("prognostic")));
    }

    /** The last token of a run of facility descriptors after token i that ends in a facility head, or -1. */
    private int facilityHeadAfter(ScannedText s, int i) {
        int head = -1;
        for (int j = i + 1; j < s.size() && j <= i + 6 && s.adjacent(j - 1, j); j++) {
            Token t = s.token(j);
            if (!t.isCapitalised() || (s.token(j - 1).isPossessive() && !FACILITY_DESCRIPTORS.contains(s.token(j - 1).lower()))) {
                break;
            }
            boolean centre = (t.lower().equals("centre") || t.lower().equals("center")) && j > i + 1;
            if (isFacilityHead(s, j) || (centre && !t.isAllCaps())) {
                head = j;
            } else if (!FACILITY_DESCRIPTORS.contains(t.lower()) && !t.lower().equals("hospitals")) {
                break;
            }
        }
        return head;
    }

    private static final Set<String> RESIDENCE_NAME_WORDS = Set.of("manor", "gardens", "lodge", "house", "court", "village", "place",
            "park", "grove", "view", "heights", "hills", "meadows", "oaks", "pines", "springs", "terrace", "estates");

    /** "Sunnyvale Manor" before "ALF": a word no dictionary holds, with at most the words homes are named with. */
    private boolean acronymFacilityName(String name) {
        boolean proper = false;
        for (String word : name.split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            boolean english = lexicon.isEnglishWord(lower) || Lexicon.CLINICAL_VOCABULARY.contains(lower);
            if (english && !RESIDENCE_NAME_WORDS.contains(lower)) {
                return false;
            }
            proper |= !english;
        }
        return proper;
    }

    /** Capitalised descriptors before token i that belong to the name ("Royal" of "Royal Berkshire Hospital"). */
    private int descriptorsBefore(ScannedText s, int i) {
        int j = i;
        while (j - 1 >= 0 && j > i - 3 && s.adjacent(j - 1, j) && s.token(j - 1).isCapitalised()
                && !s.token(j - 1).isPossessive() && !s.token(j - 1).lower().equals("the")
                && FACILITY_DESCRIPTORS.contains(s.token(j - 1).lower())) {
            j--;
        }
        return j;
    }

    /**
     * The first token of a facility name ending in the head at token h: up to four capitalised words, none
     * clinical ("Royal Victoria Infirmary", "St Mary's Hospital"); -1 when the head stands alone.
     */
    private int facilityNameStart(ScannedText s, int h) {
        int j = h;
        while (j - 1 >= 0 && j > h - 4 && s.adjacent(j - 1, j) && s.token(j - 1).isCapitalised()
                && !lexicon.isClinicalTerm(s.token(j - 1).lower()) && !s.token(j - 1).lower().equals("the")
                && !NameDetector.TITLES.contains(s.token(j - 1).lower())
                && (!s.token(j - 1).isPossessive() || FACILITY_DESCRIPTORS.contains(s.token(j - 1).lower())
                        || j - 1 > 0 && isSaint(s.token(j - 2)))) {
            j--;
        }
        return j < h ? j : -1;
    }

    private static boolean isSaint(Token t) {
        return t.lower().equals("st") || t.lower().equals("saint");
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
            // "Asheville NC 28803": with a ZIP after the state, the town needs no comma.
            boolean spaceBefore = hasZip && cityLast >= 0 && s.adjacent(cityLast, i) && !s.token(cityLast).isPossessive();
            // "Framingham, MA 01702": beside a state and a ZIP even a town that names a score is a town
            if ((commaBefore || spaceBefore) && (hasZip || !AMBIGUOUS_STATE_CODES.contains(s.token(i).text()))
                    && (isTownWord(s, cityLast) || hasZip && isTownWordIgnoringClinical(s, cityLast))) {
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

    /**
     * Addresses typed in lower case, as patients do in chat: a street with a house number and a street word, then its
     * town, state and postcode; or a town, a state code and a ZIP on their own. The capitalised forms are found by
     * the patterns above, which need capitals to tell a street from a sentence.
     */
    private void detectLowerCaseAddresses(ScannedText s, List<Candidate> out) {
        String text = s.text();
        addAll(s, LOWER_CASE_FRENCH_STREET, out);
        s.forEachMatch(LOWER_CASE_STREET, m -> {
            if (!allStreetWords(s, m.start("words"), m.end("words"))) {
                return;
            }
            out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            Matcher tail = LOWER_CASE_TAIL.matcher(text).region(m.end(), text.length());
            if (!tail.lookingAt() || !allStreetWords(s, tail.start("town"), tail.end("town"))) {
                return;
            }
            String state = tail.group("state");
            boolean stateOk = state == null || lexicon.isUsState(state.toUpperCase(Locale.ROOT)) || lexicon.isRegion(state);
            if (!stateOk) {
                return;
            }
            out.add(new Candidate(PhiType.LOCATION, tail.start("town"), tail.end("town"), Candidate.CUED));
            if (tail.group("pc") != null && !YEAR.matcher(tail.group("pc")).matches()) {
                out.add(new Candidate(PhiType.LOCATION, tail.start("pc"), tail.end("pc"), Candidate.CUED));
            }
        });
        s.forEachMatch(LOWER_CASE_TOWN_STATE_ZIP, m -> {
            String state = m.group("state");
            if (WORD_STATE_CODES.contains(state) || !lexicon.isUsState(state.toUpperCase(Locale.ROOT))) {
                return;
            }
            int townStart = m.start("town");
            int space = text.indexOf(' ', townStart);
            if (space > 0 && space < m.end("town") && !allStreetWords(s, townStart, space)) {
                townStart = space + 1; // "in austin tx 78701": the town is the last word
            }
            if (!allStreetWords(s, townStart, m.end("town"))) {
                return;
            }
            out.add(new Candidate(PhiType.LOCATION, townStart, m.end("town"), Candidate.CUED));
            out.add(new Candidate(PhiType.LOCATION, m.start("zip"), m.end("zip"), Candidate.CUED));
        });
    }

    /** Every word between the offsets can name a street or a town: none is a function word, a quantity or clinical. */
    private boolean allStreetWords(ScannedText s, int from, int to) {
        boolean any = false;
        for (int i = s.tokenAtOrAfter(from); i < s.size() && s.token(i).start() < to; i++) {
            String lower = s.token(i).lower();
            if (NOT_STREET_WORDS.contains(lower) || NameDetector.NOT_NAMES.contains(lower) || s.isClinical(i)
                    || lexicon.isClinicalTerm(lower) || NameDetector.isCalendarWord(lower)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Villages, schools and branches named without a street: a barangay ("brgy. san isidro"), a saint's school in lower
     * case ("st mary's primary"), a Dutch medical centre ("Maxima MC"), a housing estate, a rural route or lot, and a
     * pharmacy chain with the town or street of its branch ("boots kirkcaldy", "CVS on Bergenline Ave").
     */
    private void detectVillagesSchoolsAndBranches(ScannedText s, List<Candidate> out) {
        String text = s.text();
        s.forEachMatch(BARANGAY, m -> {
            int end = m.end("number");
            if (m.start("name") >= 0) {
                Matcher word = WORD.matcher(m.group("name"));
                while (word.find()) {
                    String lower = word.group().toLowerCase(Locale.ROOT);
                    if (NOT_STREET_WORDS.contains(lower) || NOT_IN_VILLAGE_NAME.contains(lower) || lexicon.isClinicalTerm(lower)
                            || Lexicon.CLINICAL_VOCABULARY.contains(lower)) {
                        break;
                    }
                    end = m.start("name") + word.end();
                }
            }
            if (end > 0) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), end, Candidate.CUED));
            }
        });
        addAll(s, SAINT_SCHOOL, out);
        s.forEachMatch(MEDICAL_CENTRE_ABBREVIATION, m -> {
            String lower = m.group("name").toLowerCase(Locale.ROOT);
            if (!lexicon.isClinicalTerm(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower) && !NameDetector.NOT_NAMES.contains(lower)
                    && !ORDINAL_OR_SIDE.contains(lower)) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            }
        });
        s.forEachMatch(NAMED_ESTATE, m -> {
            String first = m.group("name").split("\\s")[0].toLowerCase(Locale.ROOT);
            if (!lexicon.isEnglishWord(first) && !lexicon.isClinicalTerm(first) && !Lexicon.CLINICAL_VOCABULARY.contains(first)
                    && !NameDetector.NOT_NAMES.contains(first)) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            }
        });
        addAll(s, RURAL_ADDRESS, out);
        // "boots kirkcaldy", "Chemist Warehouse Cairns": a chain and a town in any case is one branch
        s.forEachMatch(CHAIN_THEN_TOWN, m -> {
            String town = m.group("town").toLowerCase(Locale.ROOT);
            if (!lexicon.placesStartingWith(town).isEmpty() && !NOT_STREET_WORDS.contains(town)) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            }
        });
        // "CVS on [Bergenline Ave]", "chemist warehouse [cairns central]": the chain is part of the branch's name
        int found = out.size();
        for (int k = 0; k < found; k++) {
            Candidate place = out.get(k);
            if (place.type() == PhiType.LOCATION) {
                Matcher chain = PHARMACY_CHAIN.matcher(text).region(Math.max(0, place.start() - 40), place.start());
                if (chain.find()) {
                    out.add(new Candidate(PhiType.LOCATION, chain.start(), place.end(), place.priority()));
                }
            }
        }
    }

    /** Words after a village's name that place it, not name it: "brgy. santa cruz near the market". */
    private static final Set<String> NOT_IN_VILLAGE_NAME = Set.of("near", "beside", "behind", "opposite", "next", "across", "along",
            "where", "when", "since", "po", "lang", "pa", "na");

    /** Words before "MC" that make it a metacarpal: "5th MC", "left MC joint". */
    private static final Set<String> ORDINAL_OR_SIDE = Set.of("first", "second", "third", "fourth", "fifth", "left", "right",
            "proximal", "distal", "middle", "index", "ring", "little", "thumb", "both");

    /**
     * Facilities whose names hold no place or unknown word: care homes named with ordinary words ("Rosewood Rest
     * Home"), hospitals named after a saint ("St. Luke's BGC") or by "General" alone ("Mercy General"), and a
     * hospital's acronym where a visit takes place ("seen at SGH"). Each names where the patient is.
     */
    private void detectNamedFacilities(ScannedText s, List<Candidate> out) {
        s.forEachMatch(RESIDENTIAL_FACILITY, m -> {
            int first = s.tokenAtOrAfter(m.start("name"));
            if (Character.isUpperCase(s.text().charAt(m.end() - 1)) && !acronymFacilityName(m.group("name"))) {
                return; // "Recommend SNF placement": before "SNF" or "ALF" only a proper name names a home
            }
            boolean named = false;
            for (int i = first; i < s.size() && s.token(i).start() < m.end("name"); i++) {
                String lower = s.token(i).lower();
                if (NameDetector.NOT_NAMES.contains(lower) || lexicon.isClinicalTerm(lower) || s.isClinical(i)) {
                    first = i + 1; // "Discharged to Larkfield Care Home": the name starts after the verb
                    named = false;
                    continue;
                }
                named |= !FACILITY_DESCRIPTORS.contains(lower);
            }
            if (named && first < s.size()) {
                out.add(new Candidate(PhiType.LOCATION, s.token(first).start(), m.end(), Candidate.CUED));
            }
        });
        s.forEachMatch(NAMED_FACILITY, m -> {
            int first = s.tokenAtOrAfter(m.start("name"));
            int nameEnd = m.end("name");
            while (first < s.size() && s.token(first).start() < nameEnd && (NameDetector.NOT_NAMES.contains(s.token(first).lower())
                    || NameDetector.TITLES.contains(s.token(first).lower()))) {
                first++; // "The Alfred Hospital", "From Rathgar Medical Centre": the name starts after them
            }
            boolean named = false;
            for (int i = first; i < s.size() && s.token(i).start() < nameEnd; i++) {
                String lower = s.token(i).lower();
                // not s.isClinical: every capitalised word before "Hospital" is marked as an eponym's
                named |= !FACILITY_DESCRIPTORS.contains(lower) && !lexicon.isClinicalTerm(lower)
                        && !Lexicon.CLINICAL_VOCABULARY.contains(lower) && !NameDetector.isCalendarWord(lower) && !s.token(i).isAllCaps();
            }
            if (named) {
                out.add(new Candidate(PhiType.LOCATION, s.token(first).start(), m.end(), Candidate.DICTIONARY));
            }
        });
        s.forEachMatch(NUMBERED_BRANCH, m -> {
            if (!NUMBER_CUE.matcher(m.group("brand")).matches()) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            }
        });
        s.forEachMatch(EMPLOYER, m -> out.add(new Candidate(PhiType.LOCATION, m.start("employer"), m.end("employer"), Candidate.CUED)));
        s.forEachMatch(LOWER_CASE_RESIDENCE, m -> {
            String[] words = m.group("name").split("\\s+");
            String first = words[0];
            boolean bareHospital = m.group().endsWith("hospital") || m.group().endsWith("infirmary");
            // "at royal derby hospital": "royal" or "st" and a word that describes nothing is a hospital's own name
            boolean dedicated = words.length == 2 && (first.equals("royal") || first.equals("st") || first.equals("saint"))
                    && !FACILITY_DESCRIPTORS.contains(words[1]) && !lexicon.isClinicalTerm(words[1])
                    && !Lexicon.CLINICAL_VOCABULARY.contains(words[1]);
            // "at district hospital"; "in inpatient hospital deaths": before a bare hospital only a town or an unknown word
            boolean descriptor = !dedicated && (FACILITY_DESCRIPTORS.contains(first) || first.endsWith("-")
                    || bareHospital && lexicon.isEnglishWord(first) && lexicon.placesStartingWith(first).isEmpty());
            if (allStreetWords(s, m.start("name"), m.end("name")) && !descriptor) {
                out.add(new Candidate(PhiType.LOCATION, m.start("name"), m.end(), Candidate.CUED));
            }
        });
        s.forEachMatch(SAINT_FACILITY, m -> {
            String fac = m.group("fac");
            if (fac.matches("(?is).*\\b(?:day|wort|eve)\\b.*")) {
                return; // "on St Patrick's Day", "St John's wort"
            }
            out.add(new Candidate(PhiType.LOCATION, m.start("fac"), m.end("fac"), Candidate.CUED));
        });
        s.forEachMatch(PATRON_FACILITY, m -> out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED)));
        s.forEachMatch(FIRST_NATION, m -> out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED)));
        s.forEachMatch(HEALTH_SYSTEM_BRANCH, m -> {
            int end = m.end("fac");
            if (m.start("system") >= 0) {
                // the branch is a compass word or a listed town of one or two words: "baptist east", "mercy san juan"
                List<String> words = List.of(m.group("branch").toLowerCase(Locale.ROOT).split("\\s+"));
                int placeWords = COMPASS_BRANCHES.contains(words.getFirst()) ? 1 : lexicon.placesStartingWith(words.getFirst()).stream()
                        .mapToInt(place -> place.tokens().size() <= words.size()
                                && place.tokens().equals(words.subList(0, place.tokens().size())) ? place.tokens().size() : 0)
                        .max().orElse(0);
                if (placeWords == 0) {
                    return; // "from kaiser today" names no branch
                }
                end = placeWords == words.size() ? m.end("branch") : m.start("branch") + words.getFirst().length();
            }
            out.add(new Candidate(PhiType.LOCATION, m.start("fac"), end, Candidate.CUED));
        });
        s.forEachMatch(KIND_FIRST_FACILITY, m -> kindFirstFacility(m, out));
        addAll(s, FRENCH_FACILITY, out);
        addAll(s, VETERANS_POST, out);
        addAll(s, LITTLE_NEIGHBOURHOOD, out);
        addAll(s, HOUSING_BLOCK, out);
        s.forEachMatch(WARD_CODE, m -> {
            String hospital = m.group("hospital").toLowerCase(Locale.ROOT);
            if (!SERVICE_ACRONYMS.contains(hospital) && !lexicon.isEnglishWord(hospital) && !lexicon.isClinicalTerm(hospital)
                    && !Lexicon.CLINICAL_VOCABULARY.contains(hospital) && !NameDetector.NOT_NAMES.contains(hospital)) {
                out.add(new Candidate(PhiType.LOCATION, m.start(), m.end(), Candidate.CUED));
            }
        });
        s.forEachMatch(HOSPITAL_ACRONYM, m -> {
            String lower = m.group("acr").toLowerCase(Locale.ROOT);
            if (!SERVICE_ACRONYMS.contains(lower) && !lexicon.isClinicalTerm(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower)
                    && !lexicon.isEnglishWord(lower)) {
                out.add(new Candidate(PhiType.LOCATION, m.start("acr"), m.end("acr"), Candidate.CUED));
            }
        });
        s.forEachMatch(STREET_WORD_FIRST, m -> out.add(new Candidate(PhiType.LOCATION,
                m.start("bare") >= 0 ? m.start("bare") : m.start(), m.end(), Candidate.CUED)));
        s.forEachMatch(BARE_GENERAL, m -> {
            int first = s.tokenAtOrAfter(m.start("fac"));
            String lower = s.token(first).lower();
            if (NameDetector.TITLES.contains(lower) || lexicon.isClinicalTerm(lower) || s.isClinical(first)
                    || FACILITY_DESCRIPTORS.contains(lower) || NameDetector.NOT_NAMES.contains(lower)
                    || m.start("cue") < 0 && lexicon.placesStartingWith(lower).isEmpty()) {
                return; // "to Surgeon General", "in Internal General", "Attorney General said"
            }
            out.add(new Candidate(PhiType.LOCATION, m.start("fac"), m.end("fac"), Candidate.CUED));
        });
        s.forEachMatch(FACILITY_ACRONYM, m -> {
            String lower = m.group("acr").toLowerCase(Locale.ROOT);
            // "seen at HUG": straight after where a visit took place even an acronym that spells a word names the hospital
            boolean straightAfterVisit = VISIT_THEN_ACRONYM.matcher(m.group()).matches();
            if (SERVICE_ACRONYMS.contains(lower) || lexicon.isClinicalTerm(lower) || Lexicon.CLINICAL_VOCABULARY.contains(lower)
                    || lexicon.isUsState(m.group("acr")) || lexicon.isRegion(lower) || lexicon.isEnglishWord(lower) && !straightAfterVisit) {
                return;
            }
            out.add(new Candidate(PhiType.LOCATION, m.start("acr"), m.end("acr"), Candidate.CUED));
        });
    }

    /** Index of the last token of a state name or postal code starting at token i, or -1. */
    private int stateEndingAt(ScannedText s, int i) {
        Token t = s.token(i);
        if (!t.isCapitalised() || (t.end() < s.text().length() && Character.isDigit(s.text().charAt(t.end())))) {
            return -1; // "KY68 ZTF" is a number plate, not Kentucky
        }
        if (i + 1 < s.size() && s.adjacent(i, i + 1)
                && lexicon.isUsState(s.text().substring(t.start(), s.token(i + 1).end()))) {
            return i + 1;
        }
        return lexicon.isUsState(t.text()) ? i : -1;
    }

    /** A form's place field: "Town: Llanidloes", "Place of birth - Kumasi", "City: San Luis Obispo". */
    private static final Pattern FIELD_LABEL = Pattern.compile(
            "(?i)\\b(?:town|city|village|suburb|county|district|parish|place of birth|birthplace|birth place|pob|home ?town"
            + "|residence|locality|municipality)\\s*[:\\-–]\\s*");

    private void detectAfterFieldLabel(ScannedText s, List<Candidate> out) {
        s.forEachMatch(FIELD_LABEL, m -> {
            int i = s.tokenAtOrAfter(m.end());
            if (i >= s.size() || s.token(i).start() != m.end() || multiWordRegionEnd(s, i) >= i) {
                return;
            }
            String first = s.token(i).lower();
            if (lexicon.isEnglishWord(first) && lexicon.placesStartingWith(first).isEmpty()) {
                return; // "City: Pending", "District: Central"; "Town: Reading" is a listed place
            }
            int last = -1;
            for (int j = i; j < s.size() && j < i + 3 && (j == i || s.adjacent(j - 1, j)) && isTownWord(s, j)
                    && !NameDetector.isCalendarWord(s.token(j).lower()); j++) {
                last = j;
            }
            if (last >= 0) {
                out.add(new Candidate(PhiType.LOCATION, s.token(i).start(), s.token(last).coreEnd(), Candidate.CUED));
            }
        });
    }

    private void detectAfterResidenceCue(ScannedText scanned, List<Candidate> out) {
        scanned.forEachMatch(RESIDENCE_CUE, m -> {
            int i = scanned.tokenAtOrAfter(m.end());
            if (i >= scanned.size() || scanned.token(i).start() != m.end() || multiWordRegionEnd(scanned, i) > i) {
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
            // "Norway House MB R0B 1B0": the province stands between the town and its postal code
            if (last > 0 && CANADIAN_PROVINCES.contains(scanned.token(last).text())
                    && scanned.text().substring(scanned.token(last - 1).end(), scanned.token(last).start()).matches(",?\\s")) {
                last--;
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
            int region = multiWordRegionEnd(scanned, i);
            if (region > i) {
                i = region; // "in Papua New Guinea": a country, not the town "Papua New"
                continue;
            }
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
            if (rest.isEmpty() || !Character.isLowerCase(rest.charAt(0)) || PERSON_BEFORE_CUE.matcher(before).find()
                    || TRAVEL_CUE.matcher(before).find()) {
                out.add(new Candidate(PhiType.LOCATION, scanned.token(i).start(), scanned.token(last).coreEnd(), Candidate.CUED));
            }
            i = last;
        }
    }

    /** "from Tunica MS", "in Sag Harbor, NY": capitalised words between a place cue and a state's postal code. */
    private static final Pattern TOWN_BEFORE_STATE_CODE = Pattern.compile(
            "(?<town>\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?: \\p{Lu}\\p{Ll}[\\p{L}'’-]*){0,2}),? (?<state>[A-Z]{2})(?![\\p{L}\\d'’-])");

    private static final Pattern STATE_CODE_CUE = Pattern.compile("(?i)\\b(?:from|in|at|of|near|to|outside|around|nr)\\s+$");

    /**
     * A town named by the state after it, even when its name is also a word of anatomy or a surname ("Tunica", "Bourke"):
     * the cue before and the postal code after leave nothing else it could be. Titles never start one.
     */
    private void detectTownBeforeStateCode(ScannedText s, List<Candidate> out) {
        String text = s.text();
        s.forEachMatch(TOWN_BEFORE_STATE_CODE, m -> {
            String first = m.group("town").split(" ")[0].toLowerCase(Locale.ROOT);
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (!lexicon.isUsState(m.group("state")) || NameDetector.TITLES.contains(first) || NameDetector.NOT_NAMES.contains(first)
                    || lexicon.isClinicalTerm(first) || !STATE_CODE_CUE.matcher(before).find() || NOT_PLACE_BEFORE.matcher(before).find()) {
                return;
            }
            out.add(new Candidate(PhiType.LOCATION, m.start("town"), m.end("state"), Candidate.CUED));
        });
    }

    /**
     * Streets named without a house number: "lives off Wilmslow Road", "on Kowhai Street", "near
     * Holloway Lane". Up to three capitalised words before a street suffix count after a locative
     * cue ("off", "near", "along"...) when one of them is no English word, and a strong suffix
     * ("Road", "Street", "Avenue") needs only one of the two; "down Memory Lane" and "the Test Drive"
     * are neither. Clinical words and titles never start a street ("Dr", "St" are no suffix here).
     */
    private void detectStreetNames(ScannedText s, List<Candidate> out) {
        for (int k = 1; k < s.size(); k++) {
            Token suffix = s.token(k);
            // "off Sycamore St, Dearborn": "St" closing its phrase is a street; before a name it is a saint
            boolean streetAbbreviation = suffix.lower().equals("st") && suffix.end() < s.text().length()
                    && ",;)".indexOf(s.text().charAt(suffix.end())) >= 0;
            if (!suffix.isCapitalised() || !lexicon.isStreetSuffix(suffix.lower())
                    || AMBIGUOUS_SUFFIXES.contains(suffix.lower()) && !streetAbbreviation || suffix.isAllCaps()) {
                continue;
            }
            int first = k;
            boolean properWord = false;
            for (int j = k - 1; j >= 0 && j >= k - 3 && s.adjacent(j, j + 1) && isStreetWord(s, j); j--) {
                first = j;
                properWord |= !lexicon.isEnglishWord(s.token(j).lower()) || isListedPlaceWord(s.token(j).lower());
            }
            if (first == k) {
                continue;
            }
            boolean cue = first > 0 && s.adjacent(first - 1, first) && STREET_CUES.contains(s.token(first - 1).lower());
            boolean strong = STRONG_STREET_SUFFIXES.contains(suffix.lower()) || streetAbbreviation;
            if (!(strong && (cue || properWord)) && !(cue && properWord)) {
                continue;
            }
            int last = k;
            if (k + 1 < s.size() && s.adjacent(k, k + 1) && s.token(k + 1).isCapitalised()
                    && DIRECTIONS.contains(s.token(k + 1).lower())) {
                last = k + 1;
            }
            out.add(new Candidate(PhiType.LOCATION, s.token(first).start(), s.token(last).coreEnd(), Candidate.PATTERN));
        }
    }

    /** The last token of a region of two to four words starting at token i ("Papua New Guinea"), or -1. */
    private int multiWordRegionEnd(ScannedText s, int i) {
        if (!lexicon.isRegionWord(s.token(i).lower())) {
            return -1;
        }
        for (int last = Math.min(s.size() - 1, i + 3); last > i; last--) {
            boolean joined = true;
            for (int j = i + 1; j <= last && joined; j++) {
                joined = s.adjacent(j - 1, j);
            }
            if (joined && lexicon.isRegion(s.text().substring(s.token(i).start(), s.token(last).coreEnd()).toLowerCase(Locale.ROOT))) {
                return last;
            }
        }
        return -1;
    }

    /**
     * A word that may name the locality of a facility. The facility head itself marks the words
     * before it as an eponym ("Mayo Clinic" is no person), so the clinical test here is the word's
     * own: a stop-listed, drug-shaped or condition word never counts.
     */
    private boolean isFacilityPlaceWord(ScannedText s, int j) {
        Token t = s.token(j);
        String lower = t.lower();
        return t.isCapitalised() && !t.isAllCaps() && !t.isPossessive() && t.coreEnd() - t.start() >= 3
                && !lexicon.isClinicalTerm(lower) && !lexicon.isPathologyHead(lower) && !lexicon.isEponymHead(lower)
                && !NameDetector.drugShaped(lower) && !FACILITY_DESCRIPTORS.contains(lower) && !NOT_PLACES.contains(lower)
                && !NameDetector.NOT_NAMES.contains(lower) && !NameDetector.TITLES.contains(lower)
                && !NameDetector.isCalendarWord(lower) && !lexicon.isRegion(lower) && !lexicon.isStreetSuffix(lower);
    }

    /** A one-word place of the place list that is no name too: "High" (of "High Wycombe") and "Elizabeth" are none. */
    private boolean isListedPlaceWord(String lower) {
        return lexicon.placesStartingWith(lower).stream().anyMatch(p -> p.tokens().size() == 1 && !p.needsLocativeCue());
    }

    private boolean isStreetWord(ScannedText s, int j) {
        Token t = s.token(j);
        String lower = t.lower();
        return t.isCapitalised() && !s.isClinical(j) && !t.isAllCaps() && !NameDetector.NOT_NAMES.contains(lower)
                && !NameDetector.TITLES.contains(lower) && !NameDetector.isCalendarWord(lower) && !NOT_PLACES.contains(lower);
    }

    /**
     * The rest of an address after its street: "5 Kowhai Street, Whangarei 0110", "12 Rue des Lilas,
     * 75011 Paris", "off Wilmslow Road, Rusholme". The town needs a postcode beside it or a word in
     * no English dictionary; a state or country is not PHI and is left, its postcode is not.
     */
    private void detectAddressTail(ScannedText s, int from, List<Candidate> out) {
        // "…, Hamilton East, Hamilton 3216, New Zealand": up to three parts, each a town or a region.
        for (int part = 0; part < 3 && from >= 0; part++) {
            from = addressPart(s, from, out);
        }
    }

    /** One comma-separated part of an address tail; returns where it ends, or -1 when it is no place. */
    private int addressPart(ScannedText s, int from, List<Candidate> out) {
        String text = s.text();
        Matcher comma = ADDRESS_COMMA.matcher(text).region(from, text.length());
        if (!comma.lookingAt()) {
            return -1;
        }
        int at = comma.end();
        boolean postcode = false;
        Matcher lead = POSTCODE_BEFORE_TOWN.matcher(text).region(at, text.length());
        if (lead.lookingAt() && !YEAR.matcher(lead.group("pc")).matches()) {
            out.add(new Candidate(PhiType.LOCATION, lead.start("pc"), lead.end("pc"), Candidate.CUED));
            postcode = true;
            at = lead.end();
        }
        int i = s.tokenAtOrAfter(at);
        if (i >= s.size() || s.token(i).start() != at) {
            return -1;
        }
        int region = multiWordRegionEnd(s, i);
        if (region < 0 && s.token(i).isCapitalised() && lexicon.isRegion(s.token(i).lower())) {
            region = i;
        }
        if (region >= 0) {
            return s.token(region).end(); // a state or country: not PHI, but the address goes on
        }
        int last = -1;
        boolean properWord = false;
        for (int j = i; j < s.size() && j < i + 3; j++) {
            if ((j > i && !s.adjacent(j - 1, j)) || !isTownWord(s, j) || !isStreetWord(s, j)) {
                break;
            }
            last = j;
            properWord |= names.isUnknownProper(s, j) || isListedPlaceWord(s.token(j).lower());
            if (s.token(j).isPossessive()) {
                break;
            }
        }
        if (last < 0) {
            return -1;
        }
        int end = s.token(last).coreEnd();
        Matcher trail = POSTCODE_AFTER.matcher(text).region(s.token(last).end(), text.length());
        if (trail.lookingAt() && !YEAR.matcher(trail.group("pc")).matches()) {
            out.add(new Candidate(PhiType.LOCATION, trail.start("pc"), trail.end("pc"), Candidate.CUED));
            postcode = true;
            end = trail.end("pc");
        }
        if (!postcode && !properWord) {
            return -1;
        }
        int townEnd = s.token(last).coreEnd();
        Matcher state = STATE_AFTER_TOWN.matcher(text).region(townEnd, text.length());
        if (!postcode && state.lookingAt() && isStateCode(state.group("state"))) {
            townEnd = state.end("state"); // "…, Shreveport LA": the state goes with its town
            end = townEnd;
        }
        out.add(new Candidate(PhiType.LOCATION, s.token(i).start(), townEnd,
                postcode ? Candidate.CUED : Candidate.DICTIONARY));
        return end;
    }

    /** "in Whangarei 0110", "from Ballarat 3350": a number of postcode shape right after a town is its postcode. */
    private void detectPostcodeAfterTown(ScannedText s, Candidate town, List<Candidate> out) {
        String text = s.text();
        if (town.type() != PhiType.LOCATION || text.substring(town.start(), town.end()).chars().anyMatch(Character::isDigit)) {
            return;
        }
        Matcher pc = POSTCODE_AFTER_TOWN.matcher(text).region(town.end(), text.length());
        if (pc.lookingAt() && !YEAR.matcher(pc.group("pc")).matches()) {
            out.add(new Candidate(PhiType.LOCATION, pc.start("pc"), pc.end("pc"), Candidate.CUED));
        }
    }

    /**
     * The locality in a facility's name is a place: "Kings Heath Medical Centre", "Whittington
     * Hospital", "Mthatha Clinic". Words that describe the facility ("Royal", "General",
     * "Children's") are skipped; a saint, a possessive or a given name names a person. What the
     * locality must look like depends on the head: before "Medical Centre", "Health Centre" or
     * "Medical Practice", which are named after their neighbourhood, two ordinary words will do
     * ("Kings Heath"); before "Hospital", "Infirmary" or "Hospice" a word in no dictionary or a
     * listed place is needed; before "Clinic" or "Surgery", which mostly follow specialties and
     * procedures ("Anticoagulation Clinic", "Bariatric Surgery"), every word must be one.
     */
    private void detectInsideFacilityNames(ScannedText s, List<Candidate> out) {
        for (int k = 1; k < s.size(); k++) {
            Token head = s.token(k);
            String lower = head.lower();
            int h = k;
            if (!head.isCapitalised() || head.isAllCaps()) {
                continue;
            }
            boolean neighbourhoodHead = false;
            if (lower.equals("centre") || lower.equals("center") || lower.equals("practice")) {
                String before = s.token(k - 1).lower();
                if (!s.adjacent(k - 1, k) || !s.token(k - 1).isCapitalised() || !(before.equals("medical") || before.equals("health"))) {
                    continue;
                }
                h = k - 1;
                neighbourhoodHead = true;
            } else if (!FACILITY_HEADS.contains(lower)) {
                continue;
            }
            if (k + 1 < s.size() && s.adjacent(k, k + 1) && (lexicon.isEponymHead(s.token(k + 1).lower())
                    || lexicon.isPathologyHead(s.token(k + 1).lower()) || s.token(k + 1).lower().equals("prognostic"))) {
                continue; // "Royal Marsden Hospital prognostic score", "Cleveland Clinic Risk Calculator": a clinical tool
            }
            boolean specialtyHead = lower.equals("clinic") || lower.equals("surgery");
            int j = h - 1;
            while (j >= 0 && s.adjacent(j, j + 1) && s.token(j).isCapitalised() && FACILITY_DESCRIPTORS.contains(s.token(j).lower())) {
                j--;
            }
            int last = j;
            int first = j + 1;
            int unknown = 0;
            boolean givenName = false;
            for (; j >= 0 && j > last - 3 && s.adjacent(j, j + 1) && isFacilityPlaceWord(s, j); j--) {
                String word = s.token(j).lower();
                first = j;
                // Inside a hospital's name even a place that needs a locative cue elsewhere ("Royal Derby Hospital") is one.
                boolean anyPlace = !specialtyHead && lexicon.placesStartingWith(word).stream().anyMatch(p -> p.tokens().size() == 1);
                if (names.isUnknownWord(s.token(j)) || isListedPlaceWord(word) || anyPlace) {
                    unknown++;
                }
                givenName |= lexicon.isGivenName(word) && !isListedPlaceWord(word);
            }
            if (first > last || givenName || multiWordRegionEnd(s, first) >= 0) {
                continue;
            }
            int words = last - first + 1;
            boolean accepted = specialtyHead ? unknown == words : unknown > 0 || (neighbourhoodHead && words >= 2);
            boolean saint = first > 0 && s.adjacent(first - 1, first)
                    && (s.token(first - 1).lower().equals("st") || s.token(first - 1).lower().equals("saint"));
            boolean titled = first > 0 && NameDetector.TITLES.contains(s.token(first - 1).lower());
            if (accepted && !saint && !titled) {
                out.add(new Candidate(PhiType.LOCATION, s.token(first).start(), s.token(last).coreEnd(), Candidate.DICTIONARY));
            }
        }
    }

    private boolean isTownWordIgnoringClinical(ScannedText scanned, int i) {
        Token t = scanned.token(i);
        return t.isCapitalised() && !NOT_PLACES.contains(t.lower()) && !(t.isAllCaps() && t.text().length() <= 3)
                && !lexicon.isRegion(t.lower()) && !NameDetector.NOT_NAMES.contains(t.lower());
    }

    private boolean isTownWord(ScannedText scanned, int i) {
        Token t = scanned.token(i);
        return t.isCapitalised() && !scanned.isClinical(i) && !NOT_PLACES.contains(t.lower())
                && !(t.isAllCaps() && t.text().length() <= 3) && !lexicon.isRegion(t.lower());
    }

    /** Where someone lives, typed in lower case: "we live in surrey near newton", "im in burnaby", "moved to gresham". */
    private static final Pattern RESIDENCE_BEFORE = Pattern.compile("(?i)(?:(?<verb>\\b(?:live|lives|living|lived|moved|move|moving"
            + "|based|staying|stays|reside|resides|relocated|visiting)\\s+(?:(?:now|currently|still|back|out|over|down|up|here)\\s+)?"
            + "(?:in|to|near|outside|from))|\\b(?:i'?m|i’m|we'?re|we’re|they'?re|they’re|i am|we are|they are)\\s+(?:(?:now|currently"
            + "|still|back|based|staying|living|up|down|over|out)\\s+)?(?:in|near|outside|from)|\\b(?:we|they)\\s+(?:in|from)"
            + "|(?<chain>\\b(?:in|near|from)\\s+[a-z][a-z'’-]+(?:\\s+[a-z][a-z'’-]+)?\\s+(?:near|outside|by)))\\s+$");
    /** After a lower-case place that is also a word ("reading", "normal"), the phrase must end. */
    private static final Pattern PHRASE_ENDS = Pattern.compile("(?i)\\s*(?:$|[,.;:!?)]|(?:and|near|but|so|now|since|for|with"
            + "|outside|area|bc|wa|or)\\b|[A-Z]\\d|\\d)");

    /** "in the Bronx", "from the Wirral": a listed place whose name starts with "The", typed mid-sentence. */
    private static int theCapitalisedPlace(ScannedText scanned, int i, List<Lexicon.Place> candidates) {
        if (i + 1 >= scanned.size() || !scanned.token(i + 1).isCapitalised()) {
            return -1;
        }
        for (Lexicon.Place place : candidates) {
            int last = matchPlace(scanned, i, place);
            if (last > i && !place.needsLocativeCue()) {
                return last;
            }
        }
        return -1;
    }

    /** A ZIP, PIN or postcode of four to six digits right after a town: "washington heights 10033", "Kolkata 700014". */
    private static final Pattern POSTCODE_AFTER_PLACE = Pattern.compile(",?\\s+(?<zip>(?!(?:19|20)\\d\\d(?!\\d))\\d{4,6})(?![\\d-]|[.,:/]\\d"
            + "|\\s*(?:mg|mcg|g|kg|ml|mL|units?|iu|IU|mmol|%|x\\b|times|patients|people|cases|hours?|hrs|days?|steps|miles|km|m\\b|ft|feet))");

    /** "we in washington heights 10033", "Stellenbosch 7600": a postcode right after a town found without a state. */
    private static void addZipAfter(ScannedText scanned, int end, List<Candidate> out) {
        Matcher zip = POSTCODE_AFTER_PLACE.matcher(scanned.text()).region(end, scanned.text().length());
        if (zip.lookingAt()) {
            out.add(new Candidate(PhiType.LOCATION, zip.start("zip"), zip.end("zip"), Candidate.CUED));
        }
    }

    /** The facility words that make a lower-case town before them a facility's name: "brunswick medical", "derby hospital". */
    private static final Pattern FACILITY_AFTER_TOWN = Pattern.compile("\\s+(?:(?:general|district|base|private|community|royal)\\s+)?"
            + "(?:hospital|infirmary|medical(?:\\s+(?:cent(?:re|er)|practice|clinic|group))?|health\\s+cent(?:re|er)|surgery|clinic)\\b");
    private static final Pattern TOWN_FACILITY_PREFIX = Pattern.compile("(?:\\b(?:royal|st\\.?|saint|the royal)\\s+)$");

    /**
     * "brunswick medical", "at royal derby hospital": a listed town typed in lower case and a facility word after it name
     * a practice or hospital with no other cue. Towns that are also words need "royal" or "st" before them.
     */
    private boolean lowerCaseTownFacility(ScannedText scanned, int i, List<Lexicon.Place> candidates, List<Candidate> out) {
        String text = scanned.text();
        Token first = scanned.token(i);
        if (scanned.isClinical(i) || lexicon.isClinicalTerm(first.lower()) || Lexicon.CLINICAL_VOCABULARY.contains(first.lower())) {
            return false;
        }
        Matcher prefix = TOWN_FACILITY_PREFIX.matcher(text).region(Math.max(0, first.start() - 12), first.start());
        boolean prefixed = prefix.find();
        for (Lexicon.Place place : candidates) {
            int last = matchPlace(scanned, i, place);
            if (last < 0 || (place.needsLocativeCue() || lexicon.isEnglishWord(first.lower())) && !prefixed) {
                continue;
            }
            Matcher facility = FACILITY_AFTER_TOWN.matcher(text).region(scanned.token(last).end(), text.length());
            if (facility.lookingAt()) {
                out.add(new Candidate(PhiType.LOCATION, prefixed ? prefix.start() : first.start(), facility.end(), Candidate.CUED));
                return true;
            }
        }
        return false;
    }

    /** A lower-case place with a residence cue before it: "im in burnaby", "live in surrey near newton". */
    private int lowerCasePlace(ScannedText scanned, int i, List<Lexicon.Place> candidates) {
        Token first = scanned.token(i);
        Matcher cue = RESIDENCE_BEFORE.matcher(scanned.text()).region(Math.max(0, first.start() - 48), first.start());
        if (scanned.isClinical(i) || !cue.find()) {
            return -1;
        }
        boolean strongCue = cue.start("verb") >= 0 || cue.start("chain") >= 0;
        for (Lexicon.Place place : candidates) {
            int last = matchPlace(scanned, i, place);
            if (last < 0 || place.needsLocativeCue() && !(strongCue
                    && PHRASE_ENDS.matcher(scanned.text()).region(scanned.token(last).end(), scanned.text().length()).lookingAt())) {
                continue;
            }
            return last;
        }
        return -1;
    }

    private void detectPlaces(ScannedText scanned, List<Candidate> out) {
        for (int i = 0; i < scanned.size(); i++) {
            Token first = scanned.token(i);
            if (!first.isCapitalised()) {
                List<Lexicon.Place> candidates = lexicon.placesStartingWith(first.lower());
                int last = candidates.isEmpty() ? -1 : first.lower().equals("the") ? theCapitalisedPlace(scanned, i, candidates)
                        : lowerCasePlace(scanned, i, candidates);
                if (last < 0 && !candidates.isEmpty() && lowerCaseTownFacility(scanned, i, candidates, out)) {
                    continue;
                }
                if (last >= 0) {
                    out.add(new Candidate(PhiType.LOCATION, first.start(), scanned.token(last).coreEnd(), Candidate.CUED));
                    addZipAfter(scanned, scanned.token(last).coreEnd(), out);
                }
                continue;
            }
            List<Lexicon.Place> candidates = lexicon.placesStartingWith(
                    first.text().toLowerCase(Locale.ROOT).replace("’", "'"));
            if (candidates.isEmpty()) {
                candidates = lexicon.placesStartingWith(first.lower());
            }
            boolean innerCapitals = !first.isAllCaps() && first.text().chars().skip(1).anyMatch(Character::isUpperCase);
            for (Lexicon.Place place : candidates) {
                int last = matchPlace(scanned, i, place);
                if (last < 0) {
                    continue;
                }
                if (place.tokens().size() == 1 && (scanned.isClinical(i) || innerCapitals || first.isAllCaps() && place.needsLocativeCue())) {
                    continue; // "CobB", "TRIM proteins": a gene or protein, not the town
                }
                if (last > i && scanned.isClinical(i) && scanned.isClinical(last)) {
                    continue; // "San Francisco Syncope Rule": the town names the tool
                }
                if (place.needsLocativeCue() && !hasLocativeCue(scanned, i)) {
                    continue;
                }
                Token end = scanned.token(last);
                out.add(new Candidate(PhiType.LOCATION, first.start(),
                        last == i ? end.coreEnd() : end.end(), place.needsLocativeCue() ? Candidate.CUED : Candidate.DICTIONARY));
                addZipAfter(scanned, last == i ? end.coreEnd() : end.end(), out);
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
