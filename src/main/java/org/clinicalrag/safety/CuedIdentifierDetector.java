package org.clinicalrag.safety;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers announced by a cue word: "MRN 00482913", "NHS number 943 476 5919", "member ID
 * XQH-44821", "serial no. PJM123456S", "DEA # AB1234563". The cue decides the type, which is why a
 * value found here outranks the same digits matched by shape alone. Values must contain a digit,
 * so a cue followed by ordinary words ("ID team reviewed") is ignored.
 */
final class CuedIdentifierDetector implements PhiDetector {

    private record CueRule(PhiType type, Pattern pattern, boolean phoneLike) {
    }

    /** Words that may sit between a cue and its value: "number", "no.", "#", ":", "is", a JSON field's quotes... */
    private static final String SEP =
            "(?:\\s*(?:(?:numbers?|no|nr|num|is|its|it['’]s|was|of|reads|id|identifier|code|on|at|file|reg|registration|card|folio)\\b\\.?|n[°º]|[#:=\\-–\"]"
            + "|\\((?-i:[A-Z]{2,3})\\)|\\((?:[a-z]+(?: [a-z]+)?)\\)))*\\s*";
    /** An alphanumeric code with at least one digit and four characters; a bare year never counts. */
    private static final String CODE = "(?!(?:19|20)\\d\\d(?![\\w/.\\-]))"
            + "(?=[A-Za-z0-9/.\\-]*\\d)[A-Za-z0-9](?:[A-Za-z0-9/.\\-]{2,30}[A-Za-z0-9])";
    /** A check letter standing alone after spaced groups: "88 214 907 K", "AB 4471 2209 C" ("A" and "I" are words). */
    private static final String CHECK_LETTER = "(?:[ -](?-i:[B-HJ-Z])(?![\\w&'’\\-/]|\\.\\w))?";
    /**
     * Digit groups: "943 476 5919", "55102-8834", "3300-918-2", "2951 84716 1" (a check digit may stand alone).
     * A value never stops in front of a further hyphenated group: "3300-918" of "3300-918-2A" would leak the rest.
     */
    /** An Ontario health card number with its version code: "6612 483 907 MX", "4532-887-901-KT". */
    private static final String OHIP_WITH_VERSION = "\\d{4}[ -]\\d{3}[ -]\\d{3}[ -]?(?-i:[A-Z]{2})(?![\\w-])";
    private static final String SPACED_DIGITS = "\\d{2,6}(?:[ -]\\d{2,6}){1,4}(?:[ -]\\d(?![.,]?\\d|\\s*(?:mg|mcg|g|ml|units?|days?"
            + "|weeks?|months?|years?|hours?|times|tablets?|doses?|x)\\b))?" + CHECK_LETTER + "(?!\\w|\\.\\d|-\\w)";
    /**
     * Spaced or hyphenated groups of capitals and digits, one of them mixing both: "7734 1129 0X", "AB12 448 21C",
     * "4471-22K 9". Every group holds a digit, so a value never runs on into a word ("MRN 4471 2207 DOB").
     */
    private static final String SPACED_MIXED = "(?-i:(?=[A-Z0-9]{2,}[ -][A-Z0-9])(?:\\d{1,6}[ -]){0,3}[A-Z0-9]{0,5}(?:\\d[A-Z]|[A-Z]\\d)[A-Z0-9]{0,5}"
            + "(?:[ -][A-Z0-9]{0,5}\\d[A-Z0-9]{0,5}){0,3})" + CHECK_LETTER + "(?![\\w.\\-/]\\w|\\w)";
    /** A letter prefix before digit groups: "RXH 448 2210", "VPR 55-2291", "PT-MED 448 902 117", "RH 4482917". */
    private static final String PREFIXED_DIGITS = "(?-i:[A-Z]{1,5}(?:-[A-Z]{1,5})?)\\s\\d{2,10}(?:[ -]\\d{2,6}){0,3}" + CHECK_LETTER + "(?!\\w|[.\\-/]\\w)";
    /** Read out a digit at a time, perhaps after a prefix and before a check letter: "PJN 7 7 2 0 3 1 H", "4 4 1 0 2 9". */
    private static final String SPELLED_DIGITS = "(?-i:[A-Z]{1,5} )?\\d(?: \\d){4,}(?: (?-i:[A-Z])(?![\\w'’]))?(?![\\w.])";
    /** An insurer's code then the person's number, as on a European card: "80752 1234567890". */
    private static final String INSTITUTION_AND_NUMBER = "\\d{3,6} \\d{7,12}(?![\\w.-])";
    /** A unit after a value makes it a quantity. */
    private static final Pattern QUANTITY_AFTER = Pattern.compile(
            "(?i)\\s*(?:mg|mcg|µg|g|kg|ml|l|units?|iu|mmol|mmhg|%|x|times|hours?|hrs?|days?|weeks?|months?|years?)\\b");
    private static final Pattern CHECK_CHARACTER = Pattern.compile("\\([0-9A-Z]\\)");
    /** A phone value never runs on past a full stop and a space into the next sentence's number. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s");
    private static final String PHONE_VALUE = "\\+?\\(?\\d[\\d\\s().\\-]{5,18}\\d";
    private static final String PLATE_VALUE =
            "(?-i:(?=[A-Z0-9 \\-]*\\d)[A-Z0-9]{1,4}(?:[ \\-]?[A-Z0-9]{1,6}){1,3}(?![A-Za-z0-9]))";

    private static final List<CueRule> RULES = List.of(
            cued(PhiType.MRN, "mrn|m\\.r\\.n\\.?|(?-i:MR) ?(?:#|(?i:no\\.?|number))|medical records? (?:number|no\\.?|#)|medical record|med(?:ical)? rec(?:ord)?"
                    + "|(?:hospital|hosp\\.?) (?:number|no\\.?|#|id)|nhs(?: number| no\\.?| #)?|(?-i:CHI)(?: number| no\\.?)?"
                    + "|unit (?:number|no\\.?)|(?-i:UR)(?: number| no\\.?)|(?-i:URN)|patient (?:number|no\\.?)"
                    + "|chart (?:number|no\\.?|#)|record (?:number|no\\.?)|case (?:number|no\\.?)|ehr (?:id|number)"
                    + "|(?-i:IHI|NHI)(?: number| no\\.?)?|individual healthcare identifier|national health index(?: number| no\\.?)?"
                    + "|(?-i:UHID)|(?-i:IP|OP|CR) ?(?-i:No|no|NO)\\.?|folder (?:number|no\\.?)|(?-i:HN|HRN)(?: number| no\\.?)?",
                    SPELLED_DIGITS + "|" + SPACED_MIXED + "|" + SPACED_DIGITS + "|" + CODE),
            cued(PhiType.HEALTH_PLAN, "member(?:ship)? (?:id|number|no\\.?|#)|policy (?:number|no\\.?|#|id)"
                    + "|insurance (?:id|number|no\\.?|policy|member id)|health ?plan (?:id|number|no\\.?|member id)"
                    + "|plan (?:id|number|no\\.?)|subscriber (?:id|number|no\\.?)|group (?:number|no\\.?|#)"
                    + "|medicare(?: beneficiary)?(?: identifier| number| no\\.?| id| card)?|medicaid(?: number| no\\.?| id)?"
                    + "|(?-i:MBI)|beneficiary (?:id|number|no\\.?)|insurer (?:ref|reference|id)|bupa (?:number|membership(?: number)?)"
                    + "|(?-i:OHIP|HCN)(?: number| no\\.?)?|phn|(?-i:PHIN)|personal health (?:number|no\\.?)|(?:health services|health insurance|provincial health) (?:number|no\\.?)|(?-i:AHCIP)(?: number| no\\.?)?|care ?card(?: number| no\\.?)?|health card(?: number| no\\.?)?|philhealth(?: number| no\\.?| id)?|(?-i:RAMQ)(?: card| number| no\\.?)?|medical card(?: number| no\\.?)?"
                    + "|(?-i:HMO)(?: number| no\\.?| id)|(?-i:EHIC|GHIC)(?: number| no\\.?| card)?|european health insurance card(?: number| no\\.?)?"
                    + "|adh[ée]rent|mutuelle|carte vitale|(?-i:NAM)|assurance maladie|versichertennummer|(?-i:KVNR)|krankenversicherungsnummer|(?-i:BSN)|burgerservicenummer|(?-i:PESEL)|(?-i:SNS)(?: number| no\\.?)?",
                    OHIP_WITH_VERSION + "|" + SPELLED_DIGITS + "|" + INSTITUTION_AND_NUMBER + "|" + SPACED_MIXED + "|" + SPACED_DIGITS + "|" + CODE),
            cued(PhiType.ACCOUNT, "(?:bank |billing |patient |hospital |checking |savings )?account(?: number| no\\.?| #)?"
                    + "|acct\\.?(?: no\\.?| #)?|a/c(?: no\\.?)?|billing (?:number|no\\.?|id|ref(?:erence)?)"
                    + "|invoice (?:number|no\\.?|#)|sort code|(?-i:IBAN)|(?:credit |debit )?card (?:number|no\\.?)"
                    + "|(?:card|acct|account) ending(?: in)?|payment ref(?:erence)?",
                    SPELLED_DIGITS + "|" + SPACED_MIXED + "|" + SPACED_DIGITS + "|" + CODE),
            cued(PhiType.LICENSE, "(?:driver'?s |driving |medical |nursing |pharmacy |state |professional |prescriber )?licen[cs]e"
                    + "(?: number| no\\.?| #)?|(?-i:DEA)(?: number| no\\.?| #| registration)?|(?-i:NPI)(?: number| no\\.?)?"
                    + "|(?-i:GMC)(?: number| no\\.?)?|(?-i:NMC)(?: pin| number)?|(?-i:GPhC)(?: number| no\\.?)?"
                    + "|certificate (?:number|no\\.?|#)|cert(?:ificate)? #|board certification (?:number|no\\.?)"
                    + "|(?<!car |vehicle )registration (?:number|no\\.?)|prescriber (?:number|no\\.?|id)"
                    + "|(?-i:CPSO|CPSBC|AHPRA|MCNZ|MCI|MDCN|PRC|IMC|MCRN|IMCRN|HPCSA|CMQ|OIIQ|RPPS|ADELI|INAMI)(?: number| no\\.?| #| registration)?|lic\\.|permis(?: d[e'’] ?exercice)?",
                    SPELLED_DIGITS + "|" + SPACED_MIXED + "|" + SPACED_DIGITS + "|" + CODE),
            cued(PhiType.VEHICLE, "(?:licen[cs]e|number|reg(?:istration)?|car|vehicle) plates?(?: number| no\\.?)?"
                    + "|plates?(?: number| no\\.?)?|(?:car|vehicle) reg(?:istration)?(?: number| no\\.?| mark)?"
                    + "|reg(?:istration)? mark|rego|reg|(?<![\\w-])(?<!(?:bed|name|id|wrist|skin|ear|asset|price)\\s)tags?|(?-i:VIN)(?: number| no\\.?)?|vehicle identification number|vehicle id",
                    PLATE_VALUE + "|" + CODE),
            // "car WXY 5521", "Ambulance KA 05 MN 4321": after a vehicle word only a plate with letters and digits
            cued(PhiType.VEHICLE, "car|driver of|ambulance|truck|van|taxi|motorbike|motorcycle|bike",
                    "(?-i:(?=[A-Z0-9 \\-]*[A-Z])(?=[A-Z]{1,3}[ \\-]?\\d|\\d{1,3}[ \\-]?[A-Z]))" + PLATE_VALUE),
            cued(PhiType.DEVICE, "serial(?: number| no\\.?| #)?|ser(?:\\.|\\.?\\s?#|\\.? no\\.?)|(?-i:S/N|SN)|device (?:id|identifier|serial(?: number)?|number|no\\.?)"
                    + "|(?-i:UDI)|(?:pacemaker|icd|implant|pump|insulin pump|cgm|sensor|monitor|defibrillator|device"
                    + "|hearing aid|cochlear implant|stimulator|wheelchair) (?:serial(?: number| no\\.?)?|id|s/n)"
                    + "|(?-i:IMEI)(?: number)?|model/serial",
                    SPELLED_DIGITS + "|" + CODE),
            // A body part that identifies ("finger", "palm-vein", "retina", "voice") named with what is stored of it
            // ("template", "scan", "print", "id"): "Retina template RT-9F3A-221C", "palm vein scan ref PV-0042".
            cued(PhiType.BIOMETRIC, "(?:finger[- ]?print|thumb[- ]?print|voice[- ]?print|palm[- ]?print|biometric"
                    + "|(?:voice|face|finger|palm|iris|retina)[- ]id|face[- ]recognition|facial recognition|gait signature|hand geometry|(?:(?:right|left)\\s+)?(?:(?:index|middle|ring|little)\\s+)?"
                    + "(?:finger|thumb|palm(?:[- ]?vein)?|finger[- ]?vein|vein|iris|retina|retinal|face|facial|voice|gait|hand|ear|keystroke)"
                    + "(?:\\s+(?:template|scan|print|pattern|signature|geometry|biometric|enrol(?:l)?ment|profile|hash)))"
                    + "(?: id| identifier| template| hash| code| ref(?:erence)?| record| token| signature| enrol(?:l)?ment)*",
                    CODE),
            cued(PhiType.PHOTO, "photo(?:graph)?(?: id| ref(?:erence)?| no\\.?| number| file| #| on file)|image (?:id|ref(?:erence)?|file)"
                    + "|(?:clinical |wound |patient )photo(?:graph)?(?: ref(?:erence)?| id)?",
                    CODE),
            cued(PhiType.OTHER_ID, "patient id(?:entifier)?|pt id|study (?:id|number|no\\.?|code)|trial (?:id|number|no\\.?)"
                    + "|participant (?:id|number|no\\.?|code)|subject (?:id|number|no\\.?)|enrol(?:l)?ment (?:id|number)"
                    + "|reference (?:number|no\\.?|code)|ref(?:erence)?\\.? (?:no\\.?|#)|ref:|case id|claim (?:number|no\\.?|id)"
                    + "|passport(?: number| no\\.?)?|employee (?:id|number|no\\.?)|staff (?:id|number|no\\.?)"
                    + "|badge (?:number|no\\.?|id)|national id(?: number)?|(?-i:ID)(?: number| no\\.?)?|identifier"
                    + "|voter id|student id|visit (?:id|number)|encounter (?:id|number)|accession (?:number|no\\.?)"
                    + "|specimen (?:id|number)|lab (?:id|number)|booking (?:ref(?:erence)?|number)"
                    + "|accession(?: id)?|sample (?:id|number|no\\.?)|barcode|randomi[sz]ation (?:code|number|no\\.?|id)"
                    + "|allocation (?:code|number)|confirmation (?:code|number|no\\.?|#)|order (?:number|no\\.?|#|id|ref(?:erence)?)|tracking (?:code|number)|access code"
                    + "|booking code|donor (?:id|number|no\\.?)|recipient (?:id|number)|registry (?:id|number)"
                    + "|(?:case|claim|our|your|my|file|incident|datix|complaint|report) ref(?:erence)?\\.?|incident (?:number|no\\.?|id|#)|(?:rx|prescription|script|repeat) (?:number|no\\.?|#|id)"
                    + "|user ?name|user id|login(?: id)?|log-in|username|handle|account name"
                    + "|wrist ?band|bed[- ]tag|name ?band|id band|arm ?band|aadhaa?r(?: number| no\\.?| card)?|(?-i:CPF|CURP|DNI|RUT|RUN|CUIL|CUIT|NIE|NIF|CI|RG|CNS)|(?-i:PPSN|PPS|IRN|NRIC|FIN|HKID|SA ID|TFN)"
                    + "|blue badge(?: number| no\\.?)?|(?:opd |queue |clinic )?token(?: number| no\\.?)?|queue (?:number|no\\.?|#)"
                    + "|receipt(?: number| no\\.?| #)?|transaction (?:id|code|number|no\\.?)|client (?:id|number|no\\.?)"
                    + "|(?-i:Case)(?=\\s*[:#])|(?:subject|user)(?!\\s*:)|accession",
                    SPELLED_DIGITS + "|" + SPACED_MIXED + "|" + SPACED_DIGITS + "|" + CODE),
            // "member 88213-A" with no "ID": four digits in a row, so gene names ("family member E2F3a") stay.
            cued(PhiType.HEALTH_PLAN, "member", "(?=[A-Za-z\\-]*\\d{4})" + CODE),
            // "group 00417" on an insurance card; short groups ("group 2", "group B strep") are clinical.
            cued(PhiType.HEALTH_PLAN, "group", "\\d{4,}(?!\\w|\\.\\d)"),
            // "Walgreens #10482", "claim #88213": four or more digits after "#" are a number of something particular.
            new CueRule(PhiType.OTHER_ID, Pattern.compile("(?<![\\w&#])#\\s?(?<value>(?=[A-Z0-9-]*\\d{4})[A-Z0-9][A-Z0-9-]{3,20})(?![\\w-])"), false),
            // "staff badge 009137", "pager 4417": a badge or pager number is whoever carries it.
            cued(PhiType.OTHER_ID, "badge|pager|bleep|locker|room key", "(?=(?:\\d-?){4})\\d{2,}(?:-\\d{2,})*(?!\\w|\\.\\d|-\\d)"),
            // "text me 514 227 90 43": a North American number grouped the French way, after a word that says it is a phone
            new CueRule(PhiType.PHONE, Pattern.compile("(?i)(?<![\\w/])(?:text me|text|call me|call|phone|tel|cell|mobile|ring me|ring"
                    + "|reach me at|whatsapp|sms|t[eé]l[eé]phone)(?!\\w)" + SEP + "(?<value>\\d{3}[ .]\\d{3}[ .]\\d{2}[ .]\\d{2})(?![\\d.-])"), false),
            // "locker 312": a locker's number is short, and nothing clinical is called a locker
            cued(PhiType.OTHER_ID, "locker|cubby", "\\d{2,}(?!\\w|\\.\\d)"),
            // "Police case OB 47/12/03/2025", "court case no. 1123/2024", "MLC 2317/24": a case file's number with its register's letters
            cued(PhiType.OTHER_ID, "police (?:case|report|incident|file|ref(?:erence)?)|court (?:case|file)|case file|(?-i:MLC)|medico-?legal(?: case)?",
                    "(?-i:[A-Z]{1,4}\\s?)?\\d{1,6}(?:/\\d{1,4}){1,4}(?![\\w/])|" + CODE),
            // "locker #B-117", "badge # 0412": after "#" a short code is the locker's or badge's own
            cued(PhiType.OTHER_ID, "badge|locker|room key|key fob|cubby", "(?<=#|# )(?-i:[A-Z]{0,2})-?\\d{2,}(?![\\w.-]*\\d)"),
            // "my NDIS number is 430 112 987", "CRN: 204 551 873": a scheme's acronym and "number" before digit groups
            cued(PhiType.OTHER_ID, "(?-i:[A-Z]{2,6})(?= (?i:number|no\\b|#|id\\b))", "\\d{3}[ -]\\d{3}[ -]\\d{3,4}(?![\\w.-]*\\d)"),
            cued(PhiType.SSN, "(?-i:SSN)|ssn|social security(?: number| no\\.?| #)?|national insurance(?: number| no\\.?)?"
                    + "|(?-i:NI|NINO)(?: number| no\\.?)?|(?-i:SIN)|social insurance(?: number| no\\.?)?",
                    "\\d{3}(?:[ -]?|\\s-\\s)\\d{2}(?:[ -]?|\\s-\\s)\\d{4}(?!\\d)|\\d{3}[ -]?\\d{3}[ -]?\\d{3}(?!\\d)|[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]"),
            // National numbers named by their scheme: "AHV-Nr 756…", "cédula 1.020.456.789", "personnummer 19581203-4471"
            cued(PhiType.SSN, "(?-i:AHV|AVS)(?:-?nr\\.?| number| no\\.?)?|c[eé]dula(?: de identidad| de ciudadan[ií]a)?|personnummer"
                    + "|f[øo]dselsnummer|(?-i:CPR)-?nr\\.?", CODE),
            // "CPR 120358-4471": a Danish CPR number is the birth date then four digits; resuscitation never has that shape
            cued(PhiType.SSN, "(?-i:CPR)", "(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}-?\\d{4}(?![\\d-])"),
            // "NIR 2 84 07 75 112 043 27", "RRN 850714-1538204", "My Number 4829 1037 5562": France's, Korea's and Japan's
            // national numbers after their scheme's name
            cued(PhiType.SSN, "(?-i:NIR|NNI|RRN|NRN)|num[ée]ro de s[ée]curit[ée] sociale|s[ée]cu(?:rit[ée] sociale)?|resident registration(?: number| no\\.?)?"
                    + "|(?-i:My ?Number)|individual number|num[ée]ro national|national number|rijksregisternummer",
                    "[12](?: ?\\d{2}){2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3}(?: ?\\d{2})?(?![\\w.-])|" + SPACED_DIGITS + "|" + CODE),
            // "portal username sunnyday_marge58": a handle with a digit, an underscore or a dot is the person's own
            cued(PhiType.OTHER_ID, "user ?name|user id|login(?: id| name)?|handle|screen ?name|portal (?:id|login)",
                    "(?=[\\w.\\-]*[\\d_.]\\w)[\\w][\\w.\\-]{2,39}(?<![.\\-])"),
            // "last four is 6620", "last 4 of her SSN: 1234": the end of a social security number, as veterans' care quotes it
            cued(PhiType.SSN, "last (?:four|4)(?: digits)?(?: of (?:(?:his|her|their|the|my) )?(?:ssn|social(?: security)?(?: number)?))?", "\\d{4}(?!\\d|[.,]\\d|\\s*(?:mg|ml|units?)\\b)"),
            // "Helsana policy 80756.0012.441": an insurer's policy number; four digits, so "policy 2" stays
            cued(PhiType.HEALTH_PLAN, "policy", SPACED_MIXED + "|(?=[A-Za-z0-9./\\-]*\\d{4})" + CODE),
            // "Patientennr 0048817265", "Fallnr 25-118734", "ZIS-nr 7702914": German and Dutch labels end in "nr" or "nummer"
            cued(PhiType.OTHER_ID, "\\p{L}{2,}-?(?:nr|nummer)\\.?", CODE),
            // "dexcom g6 transmitter 8GH3K2": a device part's own code mixes capitals and digits
            cued(PhiType.DEVICE, "transmitter|sensor|receiver|reader|pump|pod|handset|controller",
                    "(?-i:(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,12})(?![\\w-])"),
            phone(PhiType.FAX, "fax(?: number| no\\.?)?|facsimile"),
            phone(PhiType.PHONE, "(?:phone|mobile|cell|home|work|contact|daytime|landline)(?: phone)?(?: number| no\\.?)"
                    + "|phone|telephone|tel\\.?|t[ée]l[ée]phone|t[ée]l\\.?|portable|hp|h/p|handphone|mobile|cell|landline|ph\\.?|call (?:me |us |her |him |them )?(?:on|at)"
                    + "|ring (?:me |us |her |him )?on|text (?:me |her |him )?(?:on|at)|reach (?:me|her|him|them) (?:on|at)"));

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        for (CueRule rule : RULES) {
            scanned.forEachMatch(rule.pattern(), m -> {
                int start = m.start("value");
                int end = m.end("value");
                if (rule.phoneLike()) {
                    Matcher stop = SENTENCE_END.matcher(text).region(start, end);
                    end = trimToDigit(text, start, stop.find() ? stop.start() : end);
                    long digits = text.substring(start, end).chars().filter(Character::isDigit).count();
                    if (digits < 7 || digits > 15) {
                        return;
                    }
                }
                if (!rule.phoneLike() && QUANTITY_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
                    return; // "patient ID 20 30 mg" is a titration, not an id
                }
                Matcher check = CHECK_CHARACTER.matcher(text).region(end, text.length());
                if (!rule.phoneLike() && check.lookingAt()) {
                    end = check.end(); // "HKID A123456(7)": the bracketed check digit belongs to the value
                }
                out.add(new Candidate(rule.type(), start, end, Candidate.CUED));
            });
        }
    }

    /** A cue's words joined by a space, or by an underscore as in a JSON or CSV field name ("member_id", "nhs_no"). */
    private static CueRule cued(PhiType type, String cues, String value) {
        return new CueRule(type, Pattern.compile("(?i)(?<![\\w/])(?:" + cues.replace(" ", "[ _]") + ")(?!\\w)" + SEP
                + "(?<value>" + value + "|" + PREFIXED_DIGITS + ")"), false);
    }

    private static CueRule phone(PhiType type, String cues) {
        return new CueRule(type, Pattern.compile("(?i)(?<![\\w/])(?:" + cues + ")(?!\\w)" + SEP + "(?<value>" + PHONE_VALUE + ")"), true);
    }

    private static int trimToDigit(String text, int start, int end) {
        while (end > start && !Character.isDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
