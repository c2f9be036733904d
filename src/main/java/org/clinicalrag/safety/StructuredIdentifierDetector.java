package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers recognisable by their shape alone: e-mail addresses, URLs, IP addresses, phone and
 * fax numbers, SSNs and UK National Insurance numbers, DEA numbers (checksum), Medicare MBIs, card
 * numbers (Luhn), VINs and UK number plates, image file names, and very long bare digit strings.
 * Shapes that also occur in clinical text (doses, blood pressures, versions) are either validated
 * or left to {@link CuedIdentifierDetector}, which needs a cue word.
 */
final class StructuredIdentifierDetector implements PhiDetector {

    /** Decides the type of a match, or returns null to reject it. */
    private interface Classifier {
        PhiType classify(String text, MatchResult m);
    }

    /** {@code guard}, when set, is a cheap search the text must pass before the costlier pattern runs at every word. */
    private record Rule(Pattern pattern, int group, Classifier classifier, Pattern guard) {
        Rule(Pattern pattern, int group, Classifier classifier) {
            this(pattern, group, classifier, null);
        }
    }

    /** An HL7 component pair that is a code, not a name: an identifier type ("MRN^HOSP") or a test code ("TNI^Troponin"). */
    private static final Pattern HL7_CODE_COMPONENT = Pattern.compile("(?:MRN?|PI|PT|SS|SSN|DL|NPI|AN|PN|MB|MA|MC|HOSP|[A-Z]{2,6}\\^(?-i:Troponin"
            + "|Glucose|Sodium|Potassium|Creatinine|Hemoglobin|Haemoglobin|Platelets?|Lactate|Bilirubin|Albumin|Calcium|Magnesium|Ferritin"
            + "|Cortisol|Lipase|Amylase|Urea|Chloride|Bicarbonate|Phosphate|Insulin|Ammonia|Procalcitonin))(?:\\^|\\b)");
    private static final Pattern FAX_AFTER = Pattern.compile("(?i)\\s*[(\\[]?\\s*(?:fax|facsimile)\\b");
    private static final Pattern FAX_CUE = Pattern.compile("(?i)\\b(fax|facsimile)\\b");
    private static final Pattern VOICE_CUE = Pattern.compile(
            "(?i)\\b(phone|tel|telephone|mobile|cell|call|ring|text|landline|contact|ph)\\b");
    /** Terminology codes (SNOMED CT concept ids, PubMed ids) are long numbers but identify no one. */
    private static final Pattern CLINICAL_CODE_BEFORE = Pattern.compile(
            "(?i)\\b(?:snomed(?: ct)?|sctid|concept(?: id)?|loinc|icd(?:-?1[01])?|cpt|ndc|atc|rxnorm|rxcui|pmid|doi|isbn|read code|dm\\+d)(?:\\s*(?:numbers?|no\\.?|is|[:#]))*\\s*$|\\bcode\\s*[:#]?\\s*$");
    private static final Pattern VERSION_BEFORE = Pattern.compile("(?i)\\b(version|ver\\.?|v|release|rev\\.?)\\s*$");
    /** A quantity after a code-like shape makes it a titration or a range ("100-200-400 mg"), not an identifier. */
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "(?i)^\\s*(?:mg|mcg|µg|micrograms?|g|kg|ml|l|units?|iu|mmol|mmhg|%|x\\b|times|hours?|hrs?|days?|weeks?|months?|years?|bpm|cm|mm)\\b");
    /** Standards and terminologies with a letter prefix: "ISO-15189-2", "NDC-0069-1530-01", "EN-1789-2020". */
    private static final Pattern PUBLIC_CODE_PREFIX = Pattern.compile("(?:ISO|EN|BS|IEC|DIN|ANSI|ASTM|NDC|ICD|CPT|ATC|NCT|DOI|UN|EC)-");
    /** One group of an uncued code: digits, with at most two letters either side ("918", "K7", "04X"). */
    private static final String CODE_GROUP = "[A-Za-z]{0,2}\\d+[A-Za-z]{0,2}";

    private static final String EMAIL_DOT = "(?:\\.|\\s*[\\[({<]\\s*dot\\s*[\\])}>]\\s*|\\s+dot\\s+)";
    private static final String BRACKETED_AT = "\\s*[\\[({<]\\s*(?:at|@)\\s*[\\])}>]\\s*";
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String SPACED_DOT = "(?:\\s+\\.\\s*|\\s*\\.\\s+|\\s+dot\\s+|\\s*\\[(?:\\.|dot)\\]\\s*|\\s*\\((?:\\.|dot)\\)\\s*)";

    private static final List<Rule> RULES = List.of(
            // FHIR references flattened into text: "Patient/88213", "beneficiary=Patient/pt-20417", "Encounter/enc-5521"
            rule(PhiType.OTHER_ID, "\\b(?:Patient|Person|RelatedPerson|Practitioner|Encounter|EpisodeOfCare|Coverage|Account|Claim"
                    + "|Device|Media|DocumentReference|ServiceRequest|Specimen|Appointment)/[A-Za-z0-9][A-Za-z0-9.-]{0,63}(?![\\w/])"),
            // an identifier field of a flattened record or a log line: "transmitter_sn=8G4KT2", "\"patientId\":\"00731852\"",
            // "subscriberId=XEH492817733": the key says what the value is, whatever its shape
            new Rule(Pattern.compile("\\b[A-Za-z][A-Za-z]*(?:_(?:id|sn|serial|number|no|mrn)|(?<=[a-z])(?:Id|ID|Sn|SN|Serial|SerialNumber|Number|Mrn|MRN))"
                    + "\"?\\s*[=:]\\s*\"?(?<value>(?=[A-Za-z0-9._-]*\\d)[A-Za-z0-9][A-Za-z0-9._-]{3,40})(?![\\w-])"), 1,
                    (t, m) -> m.group().toLowerCase(Locale.ROOT).matches("(?s)\\w*(?:sn|serial\\w*)\\W.*") ? PhiType.DEVICE : PhiType.OTHER_ID),
            rule(PhiType.EMAIL, "(?<![\\w.+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
            // read out over the phone: "d dot ramirez at gmail dot com", "jsmith at yahoo dot co dot uk"
            new Rule(Pattern.compile("(?i)\\b[a-z0-9_-]++(?:(?:\\s+(?:dot|underscore|dash)\\s+|\\.)[a-z0-9_-]++){0,3}+\\s+(?:at|@)\\s+(?!(?:the|a|an|this|that|my|his|her|your|our|their|least|most|all|first|last|home|work)\\s)[a-z0-9-]+"
                    + "(?:\\s+dot\\s+[a-z0-9-]+)*\\s+dot\\s+(?:com|org|net|edu|gov|co|uk|ie|ca|au|nz|us|info|io|me)\\b"),
                    0, (t, m) -> PhiType.EMAIL, Pattern.compile("(?i)\\sdot\\s+(?:com|org|net|edu|gov|co|uk|ie|ca|au|nz|us|info|io|me)\\b")),
            // hidden from scrapers: "mercy.adeyemi[at]gmail[dot]com", "j.kowalczyk (at) uhb dot nhs dot uk"
            new Rule(Pattern.compile("(?i)\\b[a-z0-9_+-]+(?:" + EMAIL_DOT + "[a-z0-9_+-]+){0,3}" + BRACKETED_AT
                    + "[a-z0-9-]+(?:" + EMAIL_DOT + "[a-z0-9-]+)*" + EMAIL_DOT + "(?:com|org|net|edu|gov|co|uk|ie|ca|au|nz|us|info|io|me)\\b"),
                    0, (t, m) -> PhiType.EMAIL, Pattern.compile("(?i)" + BRACKETED_AT)),
            new Rule(Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+"), 0,
                    (t, m) -> PhiType.URL),
            new Rule(Pattern.compile("(?i)(?<![@\\w.-])(?:[a-z0-9-]++\\.)+(?:com|org|net|edu|gov|io|info|health|app|co\\.uk|org\\.uk|nhs\\.uk|ac\\.uk)"
                    + "(?:/[^\\s<>\"'()\\[\\]]*)?(?![\\w@])"), 0, (t, m) -> PhiType.URL),
            new Rule(Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\d|\\.\\d)"),
                    0, StructuredIdentifierDetector::ipv4),
            // national numbers by their own layout: a Brazilian CPF "123.456.789-09", a Chilean RUT "12.345.678-5",
            // a Mexican CURP "GOMC850312HDFRRR09", an IBAN "DE89 3704 0044 0532 0130 00"
            rule(PhiType.OTHER_ID, "(?<![\\d.])\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}(?![\\d-])|(?<![\\d.])\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dkK](?![\\w-])"
                    + "|\\b[A-Z][AEIOUX][A-Z]{2}\\d{6}[HM][A-Z]{5}[A-Z0-9]\\d\\b"),
            rule(PhiType.ACCOUNT, "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b"),
            // spaced or spoken out: "203 . 0 . 113 . 47", "10 dot 4 dot 22 dot 7", "192[.]168[.]1[.]20"
            new Rule(Pattern.compile("(?i)(?<![\\d.])" + OCTET + "(?:" + SPACED_DOT + OCTET + "){3}(?!\\d|\\s*\\.\\s*\\d)"),
                    0, StructuredIdentifierDetector::spacedIpv4, Pattern.compile("(?i)\\d" + SPACED_DOT + "\\d")),
            new Rule(Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::{1,2}[0-9A-Fa-f]{1,4}){2,7}:{0,2}(?![\\w:])"),
                    0, StructuredIdentifierDetector::ipv6),
            rule(PhiType.SSN, "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])"),
            rule(PhiType.SSN, "\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"),
            // "QH 48 27 61 C": spaced exactly as the card prints it, the shape is a National Insurance number whatever the prefix
            rule(PhiType.SSN, "\\b[A-Z]{2} \\d{2} \\d{2} \\d{2} [A-D]\\b"),
            // A Swiss AHV/AVS number: the country code 756 then 4.4.2 digits, as the insurance card prints it
            rule(PhiType.SSN, "(?<![\\d.])756\\.\\d{4}\\.\\d{4}\\.\\d{2}(?![\\d.])"),
            // France's NIR as the carte Vitale prints it: sex, year, month, département, commune, order, key ("2 84 07 75 112 043 27")
            rule(PhiType.SSN, "(?<![\\d.-])[12] \\d{2} (?:0[1-9]|1[0-2]|[2-9]\\d) (?:\\d{2}|2[AB]) \\d{3} \\d{3}(?: \\d{2})?(?![\\d.-])"),
            // Belgium's national number ("85.07.12-342.19") and Korea's resident registration number ("850714-1538204"):
            // a birth date, then a serial no date has
            rule(PhiType.SSN, "(?<![\\d.])\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}(?![\\d.])"
                    + "|(?<![\\d-])\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])-[1-8]\\d{6}(?![\\d-])"),
            // A Quebec health insurance (RAMQ) number: four letters of the name, then the birth date and two digits ("TREM 6811 2419")
            rule(PhiType.HEALTH_PLAN, "\\b[A-Z]{4} ?\\d{2}(?:[05]\\d|[16][0-2]) ?\\d{4}\\b"),
            // An SSN written with spaces ("523 71 9046"): the 3-2-4 grouping is its own, not a quantity's.
            new Rule(Pattern.compile("(?<![\\d.,-])(?!000|666|9\\d\\d)\\d{3} (?!00)\\d{2} (?!0000)\\d{4}(?![\\d-]|[.,]\\d)"), 0,
                    (t, m) -> UNIT_AFTER.matcher(t.substring(m.end(), Math.min(t.length(), m.end() + 12))).find() ? null : PhiType.SSN),
            // North American numbers: (617) 555-0199, 617-555-0199, 617.555.0199, +1 617 555 0199.
            new Rule(Pattern.compile("(?<![\\w.+-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}"
                    + "(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?(?![\\w.-]*\\d)"), 0, StructuredIdentifierDetector::phoneOrFax),
            // UK numbers: 07700 900123, 020 7946 0018, 0161 496 0000, +44 (0)20 7946 0018.
            new Rule(Pattern.compile("(?<![\\w.+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|0)\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\w.]*\\d)"),
                    0, StructuredIdentifierDetector::ukPhoneOrFax),
            // German and Austrian landlines with an extension after a hyphen: "040 7410-52345", "089/2180-0"
            new Rule(Pattern.compile("(?<![\\w.+])0\\d{2,4}[ /]\\d{3,8}-\\d{1,5}(?![\\w.]*\\d)"), 0, StructuredIdentifierDetector::phoneOrFax),
            // Australian, New Zealand and Dublin numbers: a one-digit area code after the trunk 0 ("(03) 9510 2246",
            // "08 8922 8899", "09 276 4410", "01 809 3344").
            new Rule(Pattern.compile("(?<![\\w.+(])(?:\\(0[1-9]\\)|0[1-9])[\\s-]?\\d{3,4}[\\s-]?\\d{4}(?![\\w.]*\\d)"),
                    0, (t, m) -> m.group().chars().filter(Character::isDigit).count() >= 9 ? phoneOrFax(t, m) : null),
            // French numbers: ten digits in pairs after the trunk 0 ("01 45 67 89 12", "06.12.34.56.78")
            new Rule(Pattern.compile("(?<![\\w.+])0[1-9](?:([ .])\\d{2})(?:\\1\\d{2}){3}(?![\\w.]*\\d)"), 0, StructuredIdentifierDetector::phoneOrFax),
            new Rule(Pattern.compile("(?<![\\w.])\\+(?:[2-9]\\d{0,2})[\\s-]?(?:\\d[\\s-]?){6,12}\\d(?!\\w|\\.\\d)"),
                    0, StructuredIdentifierDetector::phoneOrFax),
            // International numbers dialled with 00 rather than +: "00 971 50 318 2276", "0049-30-1234567".
            new Rule(Pattern.compile("(?<![\\w.+-])00[\\s-]?[1-9]\\d{0,2}[\\s-]?(?:\\d[\\s-]?){6,12}\\d(?!\\w|\\.\\d)"),
                    0, StructuredIdentifierDetector::zeroZeroDialled),
            new Rule(Pattern.compile("\\b[A-Z][A-Z9]\\d{7}\\b"), 0,
                    (t, m) -> validDea(m.group()) ? PhiType.LICENSE : null),
            rule(PhiType.HEALTH_PLAN, "\\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}\\b"),
            new Rule(Pattern.compile("(?<![\\d-])\\d{4}(?:[ -]?\\d{4}){2}[ -]?\\d{1,7}(?![\\d-])"), 0,
                    StructuredIdentifierDetector::cardOrLongNumber),
            new Rule(Pattern.compile("\\b[A-HJ-NPR-Z0-9]{17}\\b"), 0,
                    (t, m) -> hasLetterAndDigit(m.group()) ? PhiType.VEHICLE : null),
            rule(PhiType.VEHICLE, "\\b[A-HJ-PR-Y]{2}\\d{2}\\s?[A-HJ-PR-Z]{3}\\b"),
            // GS1 unique device identifiers in human-readable form: "(01)00884521180323(17)270601(21)RNB209417H",
            // the GTIN after application identifier 01, then dates, lot and serial each after its own bracketed AI.
            rule(PhiType.DEVICE, "\\(01\\)\\s?\\d{14}(?:\\s?\\(\\d{2,4}\\)\\s?[A-Za-z0-9][A-Za-z0-9\\-./]{0,19}(?![\\w\\-/]))*"),
            // HIBCC device identifiers: "+H123PUMP1A0/$$3270601LOT55/S7781Q" (labeler code, product, check character).
            rule(PhiType.DEVICE, "(?<![\\w+])\\+[A-Z]\\d{3}[A-Z0-9]{2,18}(?:/[$+%A-Z0-9]{3,24})*(?![\\w/])"),
            rule(PhiType.PHOTO, "(?i)(?<![\\w.-])[\\w-]+(?:\\.[\\w-]+)*\\.(?:jpe?g|png|gif|bmp|tiff?|heic|heif|webp|dcm)\\b"),
            // HL7 person names in pasted interface messages and audit extracts: "KOWALSKI^ANNA^M".
            // Not an identifier type's code before its assigning authority ("MRN^HOSP") nor a test's code before its name
            // ("TNI^Troponin I"); a PID or NK1 segment's name field in any case ("||baker^june^L||").
            new Rule(Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]+\\^\\p{Lu}[\\p{L}'’-]*(?:\\^\\p{Lu}[\\p{L}'’.-]*)*"),
                    0, (t, m) -> HL7_CODE_COMPONENT.matcher(m.group()).lookingAt() ? null : PhiType.NAME),
            new Rule(Pattern.compile("\\b(?:PID|NK1)\\|(?:[^|\\n]{0,40}\\|){1,6}?(\\p{L}[\\p{L}'’-]+\\^\\p{L}[\\p{L}'’-]*(?:\\^\\p{L}[\\p{L}'’.-]*)*)(?=\\|)"),
                    1, (t, m) -> HL7_CODE_COMPONENT.matcher(m.group(1)).lookingAt() ? null : PhiType.NAME),
            // A number with its check character in brackets, as Hong Kong, Macau and hospital numbers print it:
            // "y123456(7)", "5213487(3)", "HN03214567(X)"
            rule(PhiType.OTHER_ID, "(?i)(?<![\\w/.-])[a-z]{0,2}\\d{6,10}\\([0-9a-z]\\)"),
            // A FHIR HumanName's parts: "given":["Chidera"], "family":"Okonkwo"
            new Rule(Pattern.compile("\\b(?:given|family)\"\\s*:\\s*\\[?\\s*\"([\\p{L}'’ .-]{2,40})\""), 1, (t, m) -> PhiType.NAME),
            // Phones and messaging apps put spaces in their file names: "WhatsApp Image 2024-02-09 at 18.22.41.jpeg".
            rule(PhiType.PHOTO, "(?i)\\b(?:WhatsApp (?:Image|Video)|Screenshot|Screen Shot|Snapchat|Signal)"
                    + "[\\w .,()\\-]{0,40}?\\.(?:jpe?g|png|gif|heic|heif|webp|mp4|mov)\\b"),
            rule(PhiType.PHOTO, "(?i)\\b(?:full[- ]face|facial|passport[- ]style)\\s+(?:photo(?:graph)?|image|picture|selfie)s?\\b"),
            // Registry numbers written with slashes after the body's initials: "MDCN/R/45123", "NHIS/KN/2231045".
            new Rule(Pattern.compile("(?<![\\w/.-])(?<body>[A-Z]{2,6})(?:/[A-Z0-9]{1,8}){0,3}/(?!(?:19|20)\\d\\d(?!\\d))\\d{4,}(?:-\\d{2,})?(?![\\w/-])"), 0,
                    (t, m) -> switch (m.group("body")) {
                        case "MDCN", "HPCSA", "KMPDC", "MCR", "SAMC", "PCN", "NMC", "GMC", "MMC", "SMC" -> PhiType.LICENSE;
                        case "NHIS", "NHIF", "NHIA", "ABHA" -> PhiType.HEALTH_PLAN;
                        default -> PhiType.OTHER_ID;
                    }),
            // Uncued codes of three or more hyphen-joined digit groups: "3300-918-2", "K7-2291-04X".
            new Rule(Pattern.compile("(?<![\\w./-])(?:[A-Z]{1,4}|" + CODE_GROUP + ")(?:-" + CODE_GROUP + "){2,5}(?![\\w/]|[.\\-]\\w)"), 0,
                    StructuredIdentifierDetector::uncuedCode),
            // One token of letters and at least six digits: "ENC44190287", "71948263B", "QX7734112".
            new Rule(Pattern.compile("(?<![\\w.,/-])(?=[A-Za-z0-9]*[A-Za-z])(?=(?:[A-Za-z]*\\d){6})[A-Za-z0-9]{7,24}(?![\\w/-])"), 0,
                    StructuredIdentifierDetector::letterDigitCode),
            // Hyphenated codes with a group mixing letters and digits: "PV-00A7-93C1-E2", "RT-9F3A-221C".
            new Rule(Pattern.compile("(?<![\\w./-])[A-Za-z0-9]{1,6}(?:-[A-Za-z0-9]{1,6}){2,5}(?![\\w/]|[.\\-]\\w)"), 0,
                    StructuredIdentifierDetector::mixedGroupCode),
            new Rule(Pattern.compile("(?<![\\w.,/-])\\d{8,}(?![\\w.,/-]*\\d)"), 0,
                    (t, m) -> CLINICAL_CODE_BEFORE.matcher(t.substring(Math.max(0, m.start() - 20), m.start())).find()
                            ? null : PhiType.OTHER_ID));

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        for (Rule rule : RULES) {
            if (rule.guard() != null && !rule.guard().matcher(text).find()) {
                continue;
            }
            scanned.forEachMatch(rule.pattern(), m -> {
                PhiType type = rule.classifier().classify(text, m);
                if (type != null) {
                    int end = trimTrailingPunctuation(text, m.start(rule.group()), m.end(rule.group()));
                    out.add(new Candidate(type, m.start(rule.group()), end, Candidate.PATTERN));
                }
            });
        }
    }

    private static Rule rule(PhiType type, String regex) {
        return new Rule(Pattern.compile(regex), 0, (t, m) -> type);
    }

    /** URLs and file names often end a sentence; the full stop is not part of them. */
    private static int trimTrailingPunctuation(String text, int start, int end) {
        while (end > start + 1 && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static final Pattern ADDRESS_CUE_BEFORE = Pattern.compile("(?i)\\b(?:ip|address|addr|host|from|login|logged|src|dst|source|client|server)\\b");

    /** Spaced octets are an address only with a word that says so nearby; otherwise they may be a list of scores. */
    private static PhiType spacedIpv4(String text, MatchResult m) {
        return ADDRESS_CUE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find() ? PhiType.IP : null;
    }

    private static PhiType ipv4(String text, MatchResult m) {
        String before = text.substring(Math.max(0, m.start() - 12), m.start());
        return VERSION_BEFORE.matcher(before).find() ? null : PhiType.IP;
    }

    /** Eight hex groups, or fewer with exactly one "::"; clock times such as 12:30:45 fail both. */
    static PhiType ipv6(String text, MatchResult m) {
        String s = m.group();
        int compressions = s.split("::", -1).length - 1;
        if (compressions > 1) {
            return null;
        }
        String[] groups = s.replace("::", ":x:").split(":");
        int count = 0;
        for (String g : groups) {
            if (g.isEmpty()) {
                return compressions == 1 ? PhiType.IP : null;
            }
            if (!g.equals("x")) {
                count++;
            }
        }
        return (compressions == 1 && count <= 7 && count >= 2) || (compressions == 0 && count == 8) ? PhiType.IP : null;
    }

    /**
     * Thirteen to nineteen digits in groups of four: a card number when the Luhn check passes, and
     * otherwise still a number that identifies someone (an Australian IHI "8003 6012 3456 7890"),
     * unless a unit or a terminology cue makes it a quantity or a public code.
     */
    static PhiType cardOrLongNumber(String text, MatchResult m) {
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
        if (UNIT_AFTER.matcher(after).find()) {
            return null;
        }
        if (luhn(m.group())) {
            return PhiType.ACCOUNT;
        }
        return CLINICAL_CODE_BEFORE.matcher(before).find() ? null : PhiType.OTHER_ID;
    }

    /**
     * A code that no cue announces is still an identifier when it is made of digit groups (after at
     * most a letter prefix: "XK-99182-03") and
     * carries enough digits to single someone out: at least five, with a run of three. Names of
     * genes, organisms, scores and compounds ("miR-129-1-3p", "SARS-CoV-2", "CURB-65", "PF-04449913")
     * have a group without digits, fewer groups or fewer digits; a unit after it makes a titration
     * ("100-200-400 mg"); a terminology or version cue before it makes a public code.
     */
    static PhiType uncuedCode(String text, MatchResult m) {
        String code = m.group();
        int digits = 0;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < code.length(); i++) {
            if (Character.isDigit(code.charAt(i))) {
                digits++;
                longestRun = Math.max(longestRun, ++run);
            } else {
                run = 0;
            }
        }
        if (digits < 5 || longestRun < 3 || PUBLIC_CODE_PREFIX.matcher(code).lookingAt()) {
            return null;
        }
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
        if (CLINICAL_CODE_BEFORE.matcher(before).find() || VERSION_BEFORE.matcher(before).find()
                || UNIT_AFTER.matcher(after).find()) {
            return null;
        }
        return PhiType.OTHER_ID;
    }

    /** A dose written as one token ("100000IU", "500000units") is a quantity; so is a public code after its cue. */
    private static final Pattern DOSE_TOKEN = Pattern.compile("(?i)\\d+(?:iu|u|mg|mcg|ug|ng|g|kg|ml|l|units?|mmol|mol|mls)");

    /** Trial registries write their ids without a hyphen: "NCT04381936", "ISRCTN12345678". */
    private static final Pattern REGISTRY_ID = Pattern.compile("(?i)(?:NCT|ISRCTN|ACTRN|ChiCTR|DRKS|CTRI|EUCTR|PMC|PMID)\\d");

    static PhiType letterDigitCode(String text, MatchResult m) {
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        if (DOSE_TOKEN.matcher(m.group()).matches() || PUBLIC_CODE_PREFIX.matcher(m.group()).lookingAt()
                || REGISTRY_ID.matcher(m.group()).lookingAt()
                || CLINICAL_CODE_BEFORE.matcher(before).find() || VERSION_BEFORE.matcher(before).find()) {
            return null;
        }
        return PhiType.OTHER_ID;
    }

    /** At least nine digits after the 00 (country code and number), and no terminology cue before ("NDC 0074-…"). */
    static PhiType zeroZeroDialled(String text, MatchResult m) {
        long digits = m.group().chars().filter(Character::isDigit).count() - 2;
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        return digits >= 9 && !CLINICAL_CODE_BEFORE.matcher(before).find() ? phoneOrFax(text, m) : null;
    }

    /**
     * Three or more hyphen-joined groups, every one after the first holding a digit and one of at least four
     * characters mixing letters and digits ("00A7", "9F3A"): serials and template ids. Gene, score and organism names
     * ("miR-129-1-3p", "SARS-CoV-2", "CHA2DS2-VASc") have a group without digits, fewer groups or only short mixed ones.
     */
    static PhiType mixedGroupCode(String text, MatchResult m) {
        String[] groups = m.group().split("-");
        boolean mixedGroup = false;
        for (int i = 1; i < groups.length; i++) {
            String g = groups[i];
            if (g.chars().noneMatch(Character::isDigit)) {
                return null;
            }
            mixedGroup |= g.length() >= 4 && g.chars().anyMatch(Character::isLetter);
        }
        String before = text.substring(Math.max(0, m.start() - 30), m.start());
        return mixedGroup && !PUBLIC_CODE_PREFIX.matcher(m.group()).lookingAt()
                && !CLINICAL_CODE_BEFORE.matcher(before).find() && !VERSION_BEFORE.matcher(before).find()
                ? PhiType.OTHER_ID : null;
    }

    private static PhiType ukPhoneOrFax(String text, MatchResult m) {
        int digits = (int) m.group().chars().filter(Character::isDigit).count();
        boolean international = m.group().startsWith("+44");
        int national = international ? digits - 2 + (m.group().contains("(0)") ? 0 : 1) : digits;
        return national == 10 || national == 11 ? phoneOrFax(text, m) : null;
    }

    /** The nearest cue word before the number decides between phone and fax. */
    private static PhiType phoneOrFax(String text, MatchResult m) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start()).toLowerCase(Locale.ROOT);
        int fax = lastMatch(FAX_CUE, before);
        int voice = lastMatch(VOICE_CUE, before);
        if (fax < 0 && voice < 0 && FAX_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
            return PhiType.FAX; // "01 45 67 89 12 (fax)"
        }
        return fax > voice ? PhiType.FAX : PhiType.PHONE;
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /** DEA registration: (d1+d3+d5) + 2*(d2+d4+d6) ends in d7. */
    static boolean validDea(String s) {
        String d = s.substring(2);
        int odd = (d.charAt(0) - '0') + (d.charAt(2) - '0') + (d.charAt(4) - '0');
        int even = (d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0');
        return (odd + 2 * even) % 10 == d.charAt(6) - '0';
    }

    static boolean luhn(String s) {
        String digits = s.replaceAll("\\D", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static boolean hasLetterAndDigit(String s) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }
}
