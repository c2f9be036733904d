package org.clinicalrag.safety;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, found three ways, strongest first:
 * <ol>
 * <li>after a title ("Dr Okafor", "Mrs J. Hughes"), which overrides every clinical stop-list;</li>
 * <li>after a context cue ("patient named", "my name is", "my son Jack", "Next of kin:");</li>
 * <li>from the given-name and surname dictionaries, widened to adjoining capitalised words.</li>
 * </ol>
 * Names that are also words ("Grace", "Will", "Brown") need corroboration from a cue or an
 * adjoining name, and tokens in clinical context (eponyms, drug brands) are never names unless a
 * title precedes them.
 */
final class NameDetector implements PhiDetector {

    static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "nurse", "sister",
            "rev", "reverend", "sir", "dame", "matron", "mister", "madam", "mme", "mlle", "herr", "frau", "mevr", "mevrouw", "dhr",
            "sra", "srta", "sr", "dona", "pani", "sig", "signora", "signor", "mdm", "encik", "puan", "cik", "tuan");
    private static final Set<String> LOWERCASE_TITLES = Set.of("mr", "mrs", "ms", "dr", "miss");

    /** Capitalised words that follow cues without being names ("my son, Who ...", "my GP Practice"). */
    static final Set<String> NOT_NAMES = Set.of(
            "i", "i've", "i'm", "i'd", "i'll", "i’ve", "i’m", "i’d", "i’ll",
            "the", "a", "an", "he", "she", "they", "we", "it", "his", "her", "their", "is", "was", "has",
            "had", "and", "or", "but", "if", "who", "what", "when", "why", "how", "which", "can", "could",
            "should", "would", "does", "did", "yes", "no", "not", "please", "thanks", "ok", "okay", "today",
            "yesterday", "tomorrow", "patient", "hospital", "clinic", "ward", "unit", "department", "team",
            "practice", "surgery", "pharmacy", "service", "services", "centre", "center", "trust", "doctor",
            "nurse", "mum", "mom", "dad", "son", "daughter", "also", "just", "recently", "currently", "now",
            "then", "on", "in", "at", "of", "for", "with", "to", "from", "by", "about", "after", "before",
            "unknown", "none", "n/a", "na", "redacted", "same", "above", "below", "here", "there", "this",
            "that", "these", "those", "my", "our", "your", "me", "him", "them", "us", "dear", "hi", "hello",
            "regards", "best", "kind", "sincerely", "signed", "reviewed", "seen", "discussed", "attending",
            "consultant", "registrar", "resident", "intern", "fellow", "gp", "pcp", "md", "rn", "np", "pa",
            "do", "phd", "frcp", "mrcp", "mbbs", "bsc", "msc", "er", "ed", "icu", "ccu", "hdu", "ae", "ae's");
    private static final Set<String> FACILITY_WORDS = Set.of(
            "hospital", "hospitals", "infirmary", "clinic", "hospice", "centre", "center", "practice", "surgery",
            "ward", "school", "foundation", "trust", "university", "college", "institute", "medical", "health",
            "building", "wing", "house", "lodge", "pavilion", "memorial", "children's", "nursing", "care",
            "hall", "street", "road", "avenue", "lane", "drive", "way", "close", "court", "square", "park");

    static final String RELATIONS = "son|daughter|wife|husband|mother|mum|mom|mam|mommy|mummy|father|dad|daddy"
            + "|brother|sister|partner|spouse|grandmother|grandfather|grandma|grandpa|grandad|granddad|gran|granny|nan|nana|nanna"
            + "|grandson|granddaughter|grandchild|aunt|auntie|aunty|uncle|niece|nephew|cousin|friend|neighbour|neighbor"
            + "|carer|caregiver|fiancée?|boyfriend|girlfriend|child|baby|toddler|boy|girl|twin|stepson|stepdaughter"
            + "|stepfather|stepmother|stepdad|stepmum|kid|patient|client|colleague|gp|doctor|nurse|consultant"
            + "|midwife|dentist|pharmacist|surgeon|cardiologist|oncologist|physician|therapist|physio|key worker"
            + "|social worker|health visitor|landlord|employer|boss|flatmate|roommate|housemate|relative";

    private static final List<Pattern> STRONG_CUES = List.of(
            Pattern.compile("(?i)\\b(?:patient|pt|client|resident|baby|infant|child|lady|gentleman|man|woman|boy|girl|person|someone)"
                    + "\\s+(?:named|called|by the name of)\\s+"),
            Pattern.compile("(?i)\\b(?:named|name\\s+is|name's|names\\s+are|names?\\s*[:\\-–])\\s*"),
            Pattern.compile("(?i)\\b(?:surname|forename|first name|last name|full name|given name|family name|next of kin|nok"
                    + "|emergency contact|contact person|guardian|attending|attending physician|consultant|gp|physician"
                    + "|referrer|referring (?:clinician|doctor|physician)|author|signed|signed by|dictated by|cc|pt|patient|carer"
                    + "|caregiver|parent|mother|father|husband|wife|informant"
                    // the same field labels in French, Dutch and Spanish EHR pastes: "Nom: TREMBLAY, Marc-André"
                    + "|nom|pr[ée]nom|nom de famille|patiente|naam|achternaam|voornaam|nombre|apellidos?|paciente)\\s*:\\s*"),
            Pattern.compile("(?i)\\b(?:my|his|her|their|our|your|the patient's|patient's|pt's|this patient's)\\s+"
                    + "(?:(?:\\d{1,2}[- ](?:year|yr|month|week|day)s?[- ]old|elderly|little|older|younger|big|baby|teenage|adult"
                    + "|eldest|youngest|oldest|twin|new|late|only|main|usual|regular|own|best|adopted|foster|\\d{1,2}(?:yo|y/o))\\s+){0,3}"
                    + "(?:" + RELATIONS + ")s?(?:-in-law)?\\b\\s*(?:,\\s*)?(?:is\\s+)?"));
    private static final List<Pattern> WEAK_CUES = List.of(
            Pattern.compile("(?i)\\b(?:called|dear|hi|hello|thanks|thank you|i am|i'm|this is|seen by|reviewed by|referred by"
                    + "|examined by|assessed by|spoke to|spoke with|speak to|speak with|ask|asked|tell|told|per|cc|lives with"
                    + "|living with|stays with|cared for by|looked after by|accompanied by|brought in by|collected by)\\s+"),
            // Kin words used as titles: "Granny Adaeze", "Uncle Bob's warfarin", "auntie Ngozi".
            Pattern.compile("(?i)\\b(?:granny|grandma|grandpa|grandad|granddad|gran|nana|nanna|auntie|aunty|aunt|uncle|cousin"
                    + "|great-(?:aunt|uncle|gran|granny|grandma|grandpa))\\s+"),
            // A nurse's or pharmacist's credential written before the name, as sign-off and override logs do: "by RN Dawn Riviera"
            Pattern.compile("\\b(?:RN|LPN|LVN|NP|APRN|CRNA|CNM|RPh|PharmD|RRT|PA-C|CNA|EMT|RM|ANP)\\s+(?=\\p{Lu}\\p{Ll}+\\s\\p{Lu}\\p{Ll})"));
    /** "Contact Dawn on 07700 900461", "ring Will at 0161…": a person to call, named before the number. */
    private static final Pattern CALL_CUE = Pattern.compile(
            "(?i)\\b(?:contact|call|ring|phone|text|message|bleep|page|whatsapp)\\s+(?=(?-i:\\p{Lu}[\\p{L}'’-]+)(?:\\s(?-i:\\p{Lu}[\\p{L}'’-]+))?"
            + "\\s+(?:on|at)\\s+[+(]?\\d)");
    /** "pt Grace has…", "patient Will's INR": the patient named in shorthand, always capitalised ("patient wellbeing" is none). */
    private static final Pattern PATIENT_CUE = Pattern.compile("(?<![\\w/])(?:pt|Pt|patient)\\s+");
    /** A name set off by commas after the patient or a relation: "The patient, Olamide, is allergic…". */
    private static final Pattern APPOSITION_CUE = Pattern.compile("(?i)\\b(?:patient|pt|client|resident|" + RELATIONS + ")s?,\\s+"
            + "(?=(?-i:\\p{Lu})[\\p{L}\\p{M}'’-]+(?:\\s(?-i:\\p{Lu})[\\p{L}\\p{M}'’-]+)?\\s*[,)—–])");
    /** A relation with no "my" before a capitalised name: "NOK: husband Folarin", "Daughter Anjali", "spoke to son Kwabena". */
    private static final Pattern BARE_RELATION_CUE = Pattern.compile("(?i)(?<![\\w/'’-])(?<relation>" + RELATIONS + ")s?\\s+");

    private static final Pattern DOTTED_INITIALS = Pattern.compile("(?<![\\w.])(?:[A-Z]\\.\\s?){1,3}[A-Z]\\.(?![\\w])");
    /** Dotted abbreviations that are not initials. */
    private static final Set<String> DOTTED_ABBREVIATIONS = Set.of(
            "us", "uk", "usa", "eu", "un", "am", "pm", "md", "do", "rn", "np", "pa", "po", "iv", "im", "sc", "sq", "od", "bd",
            "bid", "tid", "tds", "qds", "qid", "qd", "qhs", "hs", "prn", "nbm", "npo", "dnr", "dnar", "cpr", "nb", "ps", "pto",
            "dob", "dod", "eg", "ie", "etc", "vs", "gp", "ed", "ae", "er", "icu", "ok", "tv", "id", "bp", "hr", "rr", "ecg",
            "ekg", "ct", "mri", "os", "ou", "ad", "as", "au", "ac", "pc", "stat", "mane", "nocte", "pr", "pv", "ng", "ngt",
            "uti", "tia", "cva", "mi", "af", "dvt", "pe", "copd", "ckd", "aki", "dka", "hhs", "gi", "gu", "ent", "ot", "pt",
            "slt", "vte", "nhs", "va", "dc", "la", "ny", "nj", "bc", "ce", "phd", "mbbs", "frcp", "mrcp", "bsc",
            "msc", "ba", "ma", "jr", "sr", "st", "no", "vol", "fig", "approx", "dept", "univ", "inc", "ltd", "co", "ph", "rx",
            "dx", "hx", "tx", "fx", "sx", "ix", "mg", "ml", "kg");
    private static final Set<String> NAME_PREFIXES = Set.of("al", "el", "bin", "ben", "abu", "abd", "ibn", "bint", "van", "von", "de", "di", "da", "le", "la", "mac", "mc", "o");
    /** Chat shorthand that is no English word and no name. */
    private static final Set<String> CHAT_WORDS = Set.of(
            "pls", "plz", "thx", "thnx", "abt", "tmrw", "tmr", "asap", "btw", "fyi", "imo", "idk", "lol", "wrt", "ppl",
            "meds", "bcos", "cuz", "coz", "dunno", "gonna", "wanna", "gotta", "kinda", "sorta", "yeah", "yep", "nope",
            "okay", "ok", "hiya", "heya", "cheers", "ta", "xx", "xxx", "abit", "alot", "pt's", "pts", "hrs", "mins",
            "mane", "nocte", "stat", "prn", "tds", "qds", "bd", "od");
    private static final Pattern DRUG_STEM = Pattern.compile(
            "(?:mab|nib|pril|sartan|olol|alol|statin|azole|cillin|mycin|micin|floxacin|cycline|vir|dipine|prazole|tidine"
            + "|gliflozin|gliptin|glutide|parin|xaban|gatran|zepam|zolam|triptan|lukast|afil|setron|oxetine|pramine|triptyline"
            + "|azine|idone|apine|caine|profen|fenac|ifen|ifene|olone|asone|semide|thiazide|haler|pen|vax|zumab|kinra|cept|ase)$");
    /**
     * Endings of medical and other Latin or Greek vocabulary ("Myasthenia Gravis", "Tabes Dorsalis",
     * "Atrial", "Sacrococcygeal", "Implantable") and of demonyms ("Indian"). Only words missing from
     * every dictionary are tested, so listed names with these endings ("Olivia", "Marcus") still count.
     */
    private static final Pattern WORDLIKE_SUFFIX = Pattern.compile(
            "(?:itis|osis|oses|iasis|emia|aemia|uria|penia|pathy|plasia|trophy|ectomy|otomy|ostomy|plasty|scopy|graphy|gram"
            + "|algia|cele|rrhea|rrhoea|rrhage|lysis|genesis|ism|oma|omas|ia|ias|al|ial|ic|ics|ica|ous|(?<!a)is|us|um|ae|ary|ive"
            + "|ile|able|ible|tion|sion|ment|ness|ity|ide|ine|ate|ose|ase|oid|form|cyte|cytes|blast|philia|phobia|therapy"
            + "|logy|logist|ian|ean|ese|ish)$");
    private static final Pattern NAME_CAPITAL_PREFIX = Pattern.compile("(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|La|Le|Van|Von|Fitz)");
    private static final Pattern DOSE_AFTER = Pattern.compile(
            "(?i)\\s*(?:\\d+(?:[.,]\\d+)?\\s*(?:mg|mcg|µg|micrograms?|g|ml|units?|iu|mmol|%|puffs?|tabs?|tablets?|caps?)\\b"
            + "|(?:injection|infusion|tablets?|capsules?|cream|gel|patch|inhaler|pen|syrup|suspension|solution|dose|doses|xl|sr|mr|er|cr|la)\\b)");
    private static final Pattern PERSON_VERB_AFTER = Pattern.compile(
            "(?i)\\s+(?:(?:has |had |was |is )?(?:just |also |still |now )?(?:said|says|asked|asks|told|tells|wants|wanted|wonders"
            + "|wondered|feels|felt|thinks|thought|lives|lived|died|passed away|rang|phoned|emailed|texted|complains|complained"
            + "|reports|reported|mentioned|explains|explained|refuses|refused|declines|declined|agreed|agrees|consented|walked"
            + "|fell|drove|works|worked|went|came|visited|brought|called|is allergic|was born|turned|turns|saw|sees|noticed"
            + "|notices|remembers|forgot|forgets|cannot remember|can't remember|keeps forgetting|gets|got|takes|took|started taking"
            + "|stopped taking|missed|has been feeling|has been having|is pregnant|is breastfeeding|gave birth|weighs"
            + "|(?:is|was|has been|got|fell|became) (?:ill|unwell|sick|poorly|worse)))\\b");
    /** What two people do together: "both want", "live", "said", "were born". */
    private static final Pattern PAIR_VERB_AFTER = Pattern.compile(
            "(?i)\\s+(?:(?:both|each|also|still|now|just|have|had|were)\\s+){0,2}(?:want|wanted|say|said|ask|asked|told"
            + "|wonder|wondered|live|lived|feel|felt|think|thought|went|came|visit|visited|rang|phoned|emailed|texted|complain"
            + "|complained|report|reported|share|shared|play|played|attend|attended|stay|stayed|sleep|slept|argue|argued"
            + "|got married|married|separated|divorced|born|been told|been feeling|been having|go to school|go to nursery)\\b");
    private static final Pattern PERSON_NOUNS = Pattern.compile(
            "(?:son|daughter|wife|husband|mother|mum|mom|father|dad|brother|sister|partner|spouse|grandmother|grandfather"
            + "|grandma|grandpa|gran|granny|nan|grandson|granddaughter|aunt|auntie|uncle|niece|nephew|cousin|friend|boyfriend"
            + "|girlfriend|fianc[ée]e?|family|parents|kids|children|baby|school|birthday|house|home|flat|address|phone|email"
            + "|mobile|car|job|work|wedding|funeral|bedroom|blood|temperature|temp|fever|rash|cough|breathing|sugar|skin|eye"
            + "|ear|tooth|teeth|tummy|stomach|back|leg|arm|head|chest|knee|hip|foot|feet|weight|height|growth|nappy|sleep|mood"
            + "|behaviour|behavior|memory|eczema|asthma|gp|doctor|nurse|consultant|appointment|appt|medication|meds|tablet|inhaler"
            + "|insulin|bloods|result|scan|operation|carer|allerg(?:y|ies)|symptom|pain|seizure|fit|fall|bp|sats|nebuli[sz]er|spacer"
            + "|wheelchair|walker|glasses|hearing aid|cast|splint|epipen|pill organi[sz]er|dosette|catheter|stoma|nappies)s?");
    private static final Pattern PERSON_QUESTION_BEFORE = Pattern.compile(
            "(?i)(?:^|[.!?]\\s*|\\b(?:and|so|but)\\s+)(?:can|could|should|may|will|would|does|did|must|is it (?:ok|okay|safe|fine) for)\\s+$");
    private static final Pattern PERSON_ACTION_AFTER = Pattern.compile(
            "(?i)\\s+(?:to\\s+)?(?:still\\s+|now\\s+|safely\\s+)?(?:take(?!\\s+(?:effect|place|time|longer|a while|hold|over|weeks|days|months))|get|drive|fly|travel|eat|drink|go|swim|breastfeed|come|return|attend"
            + "|walk|shower|bathe|sleep|exercise|work|play|receive|be discharged|be seen|go home|have (?:the|a|an|her|his|my) "
            + "(?:vaccine|jab|flu|mmr|covid|booster|injection|procedure|operation|surgery|scan|test|bloods))\\b");
    /** Given-name words that are also verbs: after "my son" or before a surname they are read as verbs. */
    private static final Set<String> VERB_LIKE_NAME_WORDS = Set.of(
            "will", "rose", "drew", "sue", "rob", "mark", "bill", "pat", "chance", "frank", "max", "ray", "hope", "art", "norm");
    /** What a person may go on or stop doing with a treatment: "can hope keep taking…", "should Grace stop…". */
    private static final Pattern TREATMENT_ACTION_AFTER = Pattern.compile(
            "(?i)\\s+(?:to\\s+)?(?:still\\s+|safely\\s+)?(?:keep (?:taking|using|on)|continue(?: taking| using| on| with)?|carry on|stop(?: taking)?"
            + "|start(?: taking)?|restart|resume|switch|use|have|be given|be started|be switched|be on)\\b");
    /** What a person has, measured or prescribed, after a possessive: "Will's CURB-65", "Hope's creatinine". */
    private static final Pattern ATTRIBUTE_NOUNS = Pattern.compile(
            "(?:creatinine|egfr|gfr|inr|potassium|sodium|haemoglobin|hemoglobin|platelets?|saturations?|oxygen|hba1c|a1c|glucose"
            + "|levels?|results?|scans?|x-?rays?|ecg|ekg|mri|echo|doses?|dosing|medications?|medicines?|pills?|prescriptions?"
            + "|warfarin|pulse|urine|stools?|wound|stitches|diagnosis|prognosis|referral|discharge|admission|surgery|notes|chart"
            + "|records?|history|kidneys?|liver|lungs?|heart|legs?|arms?|hips?|knees?|eyes?|ears?|mother|father|wife|husband|son"
            + "|daughter|carer|mum|dad|condition|treatment|therapy|infusion|injection|jab|vaccine|booster|rash|pain|cough|fever)");
    /**
     * A relation set off after a name: "Sunny (my husband, 90 next birthday)", "Dawn, my wife, has AF", "Tavita (her
     * granddaughter)". The relation ends its aside, so "Eliquis, my mum's tablet" and "warfarin, my dad says" are no apposition.
     */
    private static final Pattern RELATION_APPOSITION = Pattern.compile(
            "(?i)\\s*(?:\\(\\s*|,\\s*)(?:my|his|her|our|their|the patient's|patient's)\\s+(?:(?:elderly|little|older|younger|eldest"
            + "|youngest|twin|late|only|adopted|foster|step|ex)[- ]?)?(?:" + RELATIONS + ")(?:-in-law)?(?![\\w'’-])\\s*(?:[,)]|\\d|—|–)");
    /** A modal before what a person may do: "Faith could continue her sertraline", "Joy can't take ibuprofen". */
    private static final Pattern MODAL_BEFORE_ACTION = Pattern.compile(
            "(?i)\\s+(?:can|could|should|may|might|must|will|would|can't|cannot|couldn't|shouldn't|won't|wouldn't)(?:\\s+not)?(?=\\s)");
    /** What only a person has: "has a rash", "had a fall", "has got chickenpox". */
    private static final Pattern HAS_SYMPTOM_AFTER = Pattern.compile(
            "(?i)\\s+(?:has|had|has got|has had|'s got|’s got|keeps getting|gets|got)\\s+(?:(?:a|an|the|bad|high|terrible|awful|another"
            + "|new|really bad|nasty)\\s+){0,2}(?:rash|fever|temperature|temp|cough|cold|headache|migraine|sore throat|earache"
            + "|ear infection|tummy ache|stomach ache|diarrhoea|diarrhea|vomiting|chest pain|back pain|uti|flu|covid|chickenpox"
            + "|measles|mumps|shingles|croup|tonsillitis|asthma attack|nosebleed|nose bleed|fall|fit|seizure|stroke|heart attack"
            + "|nappy rash|eczema flare|runny nose|bruise|lump)\\b");
    /** A person's state after "X's been": "feeling dizzy", "vomiting", "in hospital", "off school". */
    private static final Pattern BEEN_STATE_AFTER = Pattern.compile(
            "(?i)\\s+(?:(?:really|very|so|quite|a bit|really)\\s+)?(?:feeling|having|taking|vomiting|coughing|sleeping|crying|complaining"
            + "|struggling|suffering|told|diagnosed|admitted|referred|seen by|in hospital|off (?:school|work|sick)|ill|unwell|sick|poorly"
            + "|confused|breathless|dizzy|tired|waiting|asking|wheezy|wheezing|limping|bleeding|falling)\\b");
    private static final Pattern BEEN_ON_AFTER = Pattern.compile("(?i)\\s+(?:still\\s+|now\\s+)?on\\s+");
    /** "is on apixaban", "has been on warfarin", "has Parkinson disease": a person's treatment or condition. */
    private static final Pattern STATE_AFTER = Pattern.compile(
            "(?i)\\s+(?:is|was|has been|had been)\\s+(?:still\\s+|now\\s+|already\\s+)?on\\s+(?:\\d[\\d.]*\\s*(?:mg|mcg|g|units?)\\s+(?:of\\s+)?)?");

    private final Lexicon lexicon;

    NameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void detect(ScannedText s, List<Candidate> out) {
        int before = out.size();
        detectAfterTitles(s, out);
        detectAfterCues(s, STRONG_CUES, true, out);
        detectAfterCues(s, WEAK_CUES, false, out);
        detectPersonToCall(s, out);
        detectAfterCapitalisedCue(s, PATIENT_CUE, out);
        detectAfterCapitalisedCue(s, BARE_RELATION_CUE, out);
        detectAfterCapitalisedCue(s, APPOSITION_CUE, out);
        detectNicknamedNames(s, out);
        detectFromDictionary(s, confirmedNames(s, out.subList(before, out.size())), out);
        detectInitials(s, out);
        detectLowercaseNames(s, out);
        detectUnknownProperNouns(s, out);
        detectGivenNameWords(s, out);
        detectLowercaseQuestionSubjects(s, out);
        detectEnumeratedPeople(s, out);
        detectRelationThenSubject(s, out);
        detectPatientBeforeAgeAndSex(s, out);
        detectParticleNames(s, out);
        s.forEachMatch(GIVEN_THEN_SURNAME_IN_CAPITALS, m -> {
            String given = m.group("given").toLowerCase(java.util.Locale.ROOT);
            String surname = m.group("surname").toLowerCase(java.util.Locale.ROOT);
            boolean surnameShaped = lexicon.isSurname(surname) || lexicon.isNameWord(surname) || !lexicon.isEnglishWord(surname) && surname.length() >= 4;
            if ((lexicon.isCuratedName(given) || lexicon.isGivenNameWord(given)) && surnameShaped && !lexicon.isClinicalTerm(surname) && !lexicon.isClinicalTerm(given)
                    && !Lexicon.CLINICAL_VOCABULARY.contains(surname) && !lexicon.isEponymHead(surname) && !drugShaped(surname)
                    && !s.isClinical(s.tokenAtOrAfter(m.start("surname")))) {
                out.add(new Candidate(PhiType.NAME, m.start(), m.end(), Candidate.DICTIONARY));
            }
        });
        if (s.containsAny(BABY_MARKERS)) {
            s.forEachMatch(BABY_NAME, m -> {
                String given = m.group("given").toLowerCase(java.util.Locale.ROOT);
                // whatever word it is ("Baby Rhea"), unless it names care for babies ("Baby Health Checkup", "Baby Friendly")
                if (!lexicon.isClinicalTerm(given) && !Lexicon.CLINICAL_VOCABULARY.contains(given) && !lexicon.isEponymHead(given)
                        && !lexicon.isPathologyHead(given) && !FACILITY_WORDS.contains(given) && !NOT_NAMES.contains(given)
                        && !NOT_BABY_NAMES.contains(given) && !s.isClinical(s.tokenAtOrAfter(m.start("given")))) {
                    out.add(new Candidate(PhiType.NAME, m.start("given"), m.end("given"), Candidate.CUED));
                }
            });
        }
        if (s.containsAny(IRISH_PARTICLES)) {
            s.forEachMatch(IRISH_SURNAME, m -> {
                String lower = m.group("surname").toLowerCase(java.util.Locale.ROOT);
                if (!lexicon.isClinicalTerm(lower) && !lexicon.isEponymHead(lower) && !FACILITY_WORDS.contains(lower)) {
                    out.add(new Candidate(PhiType.NAME, m.start(), m.end(), Candidate.CUED));
                }
            });
        }
        int found = out.size();
        detectLowerCaseSignOff(s, out);
        found = out.size();
        for (int k = before; k < found; k++) {
            extendOverEponymSurname(s, out.get(k), out);
            addBracketedNickname(s, out.get(k), out);
            extendOverParticles(s, out.get(k), out);
            extendOverGivenNameBefore(s, out.get(k), out);
            extendOverLowerCaseSurnameBefore(s, out.get(k), out);
            extendOverSaintSurname(s, out.get(k), out);
            emitListedWith(s, out.get(k), out);
        }
        detectHonorificSuffixes(s, out);
        detectNamesBeforeBirthDate(s, out);
        detectLastFourShorthand(s, out);
        detectChineseNames(s, out);
    }

    /** "check lyme serology for marek lis dob 2/9/58": two words before a birth date are the person's name, in any case. */
    private static final Pattern NAME_BEFORE_BIRTH_DATE = Pattern.compile("(?i)\\b(?:for|re|pt|patient|of|on)\\s+(?<name>\\p{L}[\\p{L}'’-]+"
            + "\\s+\\p{L}[\\p{L}'’-]+)\\s*,?\\s+(?:dob|d\\.o\\.b\\.?|born)\\b");

    private void detectNamesBeforeBirthDate(ScannedText s, List<Candidate> out) {
        s.forEachMatch(NAME_BEFORE_BIRTH_DATE, m -> {
            String[] words = m.group("name").toLowerCase(java.util.Locale.ROOT).split("\\s+");
            boolean aName = false;
            for (String w : words) {
                if (NOT_NAMES.contains(w) || NOT_PATIENT_NAME_WORDS.contains(w) || lexicon.isClinicalTerm(w)
                        || Lexicon.CLINICAL_VOCABULARY.contains(w) || lexicon.isEponymHead(w) || drugShaped(w)) {
                    return;
                }
                aName |= lexicon.isAnyName(w) || !lexicon.isEnglishWord(w);
            }
            if (aName) {
                out.add(new Candidate(PhiType.NAME, m.start("name"), m.end("name"), Candidate.CUED));
            }
        });
    }

    /** "pt smith 1234", "vet garcia 4471,": a surname and the last four of the SSN, as veterans' care writes a patient. */
    private static final Pattern LAST_FOUR_SHORTHAND = Pattern.compile("(?i)\\b(?:pt|patient|vet|veteran)\\s+(?<name>\\p{L}[\\p{L}'’-]+)"
            + "\\s+(?<four>\\d{4})(?=[,;:)]|\\s|$)(?!\\s*(?:mg|mcg|ml|units?|iu|mmol|g|hrs?|hours?)\\b)");

    private void detectLastFourShorthand(ScannedText s, List<Candidate> out) {
        s.forEachMatch(LAST_FOUR_SHORTHAND, m -> {
            String lower = m.group("name").toLowerCase(java.util.Locale.ROOT);
            // an eponym's name is a surname here ("pt smith 1234"), a clinical word that is no name ("pt ekg 1234") is not
            boolean clinical = lexicon.isClinicalTerm(lower) || Lexicon.CLINICAL_VOCABULARY.contains(lower) || drugShaped(lower);
            // and an ordinary word is no name ("pt arrived 0930" is a time)
            boolean named = lexicon.isAnyName(lower) || !lexicon.isEnglishWord(lower) && !clinical;
            if (!NOT_NAMES.contains(lower) && !NOT_PATIENT_NAME_WORDS.contains(lower) && !isCalendarWord(lower) && named) {
                out.add(new Candidate(PhiType.NAME, m.start("name"), m.end("name"), Candidate.CUED));
                out.add(new Candidate(PhiType.SSN, m.start("four"), m.end("four"), Candidate.CUED));
            }
        });
    }

    /**
     * "tsang ka yan", "SO Chi Keung", "chiu ya-ting": a Chinese surname and a two-syllable given name, in Cantonese,
     * Mandarin or Taiwanese romanisation and any case; and "(candy lau)", "kelly wong": a listed given name before a
     * Chinese surname that is no English word. Every syllable must be listed and one part must be no English word, so
     * "so to speak" or "ho ho ho" is no one. Looked up token by token: a pattern of every surname at every word was slow.
     */
    private void detectChineseNames(ScannedText s, List<Candidate> out) {
        for (int i = 0; i + 1 < s.size(); i++) {
            String lower = s.token(i).lower();
            String next = s.token(i + 1).lower();
            if (!s.adjacent(i, i + 1)) {
                continue;
            }
            if (Lexicon.CHINESE_SURNAMES.contains(lower) && !lexicon.isClinicalTerm(lower)) {
                if (next.indexOf('-') > 0) {
                    String[] syllables = next.split("-");
                    if (syllables.length == 2 && java.util.Arrays.stream(syllables).allMatch(Lexicon.CHINESE_GIVEN_SYLLABLES::contains)) {
                        emit(s, i, i + 1, Candidate.DICTIONARY, out); // "chiu ya-ting"
                        continue;
                    }
                }
                if (i + 2 < s.size() && s.adjacent(i + 1, i + 2)) {
                    String third = s.token(i + 2).lower();
                    boolean syllables = Lexicon.CHINESE_GIVEN_SYLLABLES.contains(next) && Lexicon.CHINESE_GIVEN_SYLLABLES.contains(third);
                    boolean foreign = !lexicon.isEnglishWord(lower) || !lexicon.isEnglishWord(next) || !lexicon.isEnglishWord(third);
                    if (syllables && foreign && !lexicon.isClinicalTerm(next) && !lexicon.isClinicalTerm(third)) {
                        emit(s, i, i + 2, Candidate.DICTIONARY, out); // "tsang ka yan"
                        continue;
                    }
                }
            }
            if (Lexicon.CHINESE_SURNAMES.contains(next) && !lexicon.isEnglishWord(next) && !Lexicon.CLINICAL_VOCABULARY.contains(next)
                    && (lexicon.isGivenName(lower) || lexicon.isGivenNameWord(lower)) && !NOT_NAMES.contains(lower)
                    && !lexicon.isClinicalTerm(lower) && !lexicon.isClinicalTerm(next)) {
                emit(s, i, i + 1, Candidate.DICTIONARY, out); // "candy lau"
            }
        }
    }

    /**
     * "Sunday Adeyemi-Cole", "Precious Dlamini": a capitalised given name right before a name already found is its first
     * part, even when the word is also a day of the week or an ordinary word.
     */
    private void extendOverGivenNameBefore(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int first = s.tokenAtOrAfter(c.start());
        if (first <= 0 || first >= s.size() || s.token(first).start() != c.start() || !s.token(first).isCapitalised()
                || !" ".equals(s.text().substring(s.token(first - 1).end(), c.start()))) {
            return;
        }
        Token before = s.token(first - 1);
        String lower = before.lower();
        boolean weekday = WEEKDAYS.contains(lower);
        if (before.isCapitalised() && !before.isAllCaps() && !before.isPossessive() && (weekday || !s.isClinical(first - 1)
                && (lexicon.isGivenName(lower) || lexicon.isGivenNameWord(lower)) && !lexicon.isClinicalTerm(lower)
                && !Lexicon.CLINICAL_VOCABULARY.contains(lower))
                && !lexicon.isEponymHead(lower) && !NOT_NAMES.contains(lower)
                && !TITLES.contains(lower) && !FACILITY_WORDS.contains(lower) && !lexicon.isRegion(lower)) {
            out.add(new Candidate(PhiType.NAME, before.start(), c.end(), c.priority()));
        }
    }

    /** Days of the week, given names in West Africa: "Sunday Adeyemi-Cole", "Monday Okafor". */
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** "Nadège Saint-Amand", "Luc St-Pierre": a hyphenated saint's name right after a name is the surname. */
    private void extendOverSaintSurname(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int next = s.tokenAtOrAfter(c.end());
        if (next < s.size() && " ".equals(s.text().substring(c.end(), s.token(next).start()))
                && SAINT_SURNAME.matcher(s.token(next).text()).matches() && !s.isClinical(next)) {
            out.add(new Candidate(PhiType.NAME, c.start(), s.token(next).coreEnd(), c.priority()));
        }
    }

    private static final Pattern SAINT_SURNAME = Pattern.compile("(?:Saint|Sainte|St|Ste)-\\p{Lu}[\\p{L}'’-]+");

    /** "pt chow siu fong": a name found in lower case after "pt" takes a listed surname before it, as Chinese names lead with it. */
    private void extendOverLowerCaseSurnameBefore(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int first = s.tokenAtOrAfter(c.start());
        if (first < 2 || first >= s.size() || s.token(first).start() != c.start() || s.token(first).isCapitalised()
                || !s.adjacent(first - 1, first)) {
            return;
        }
        Token before = s.token(first - 1);
        String cue = s.token(first - 2).lower();
        if (!before.isCapitalised() && lexicon.isAnyName(before.lower()) && !s.isClinical(first - 1)
                && !lexicon.isClinicalTerm(before.lower()) && !Lexicon.CLINICAL_VOCABULARY.contains(before.lower())
                && !NOT_NAMES.contains(before.lower()) && (cue.equals("pt") || cue.equals("patient")) && s.adjacent(first - 2, first - 1)) {
            out.add(new Candidate(PhiType.NAME, before.start(), c.end(), c.priority()));
        }
    }

    /** "sato haruki-san", "Tanaka-sensei", "Minjun-ssi": a Japanese or Korean honorific after one or two words of a name. */
    private static final Pattern HONORIFIC_SUFFIX = Pattern.compile(
            "(?<![\\w-])(?<name>(?:\\p{L}+\\s)?\\p{L}+)-(?:san|sama|chan|kun|sensei|ssi|nim)\\b", Pattern.CASE_INSENSITIVE);

    private void detectHonorificSuffixes(ScannedText s, List<Candidate> out) {
        if (!s.containsAny(HONORIFIC_MARKERS)) {
            return;
        }
        s.forEachMatch(HONORIFIC_SUFFIX, m -> {
            int start = m.start("name");
            String[] words = m.group("name").toLowerCase(java.util.Locale.ROOT).split("\\s");
            if (words.length == 2 && (NOT_NAMES.contains(words[0]) || Lexicon.CLINICAL_VOCABULARY.contains(words[0])
                    || lexicon.isClinicalTerm(words[0]) || lexicon.isEnglishWord(words[0]) && !lexicon.isAnyName(words[0]))) {
                start = m.start("name") + words[0].length() + 1; // "asked tanaka-san": only the name itself
            }
            String last = words[words.length - 1];
            if (!lexicon.isClinicalTerm(last) && !Lexicon.CLINICAL_VOCABULARY.contains(last) && !NOT_NAMES.contains(last)) {
                out.add(new Candidate(PhiType.NAME, start, m.end(), Candidate.CUED));
            }
        });
    }

    private static final List<String> HONORIFIC_MARKERS = List.of("-san", "-sama", "-chan", "-kun", "-sensei", "-ssi", "-nim");

    /**
     * "my mum rose is 93", "my gran May was discharged", "my dad bill takes warfarin": after "my" and a relation, a
     * given name is the relation's name when the sentence goes on with that person's verb, in any case, even when the
     * name is also a word. "my mum may be", "my son will go" do not match: only a verb that needs a subject follows,
     * or a comma and the person's pronoun ("my brother dean, his ni number is …").
     */
    private void detectRelationThenSubject(ScannedText s, List<Candidate> out) {
        s.forEachMatch(RELATION_THEN_SUBJECT, m -> {
            String word = m.group("name");
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if ((lexicon.isGivenName(lower) || lexicon.isGivenNameWord(lower) || lexicon.isNameWord(lower))
                    && !lexicon.isClinicalTerm(lower) && !NOT_SUBJECT_NAMES.contains(lower)) {
                String surname = m.group("surname") == null ? null : m.group("surname").toLowerCase(java.util.Locale.ROOT);
                if (surname != null && !(lexicon.isSurname(surname) || lexicon.isAnyName(surname) || !lexicon.isEnglishWord(surname))) {
                    return;
                }
                // "my grandad stan addison has …": before the verb, even an eponym's name is his surname
                out.add(new Candidate(PhiType.NAME, m.start("name"), surname == null ? m.end("name") : m.end("surname"), Candidate.CUED));
            }
        });
    }

    private static final Pattern RELATION_THEN_SUBJECT = Pattern.compile("(?i)\\b(?:my|his|her|their|our|your)\\s+(?:"
            + RELATIONS + ")(?:-in-law)?\\s+(?<name>\\p{L}[\\p{L}'’-]*)(?:\\s+(?<surname>\\p{L}[\\p{L}'’-]*))??"
            + "(?:\\s*,\\s*(?=(?:his|her|their|he|she|who|aged?|dob|born)\\b)|\\s+(?=(?:is|was|has|had|takes|took|got|gets|needs"
            + "|needed|said|says|went|goes|keeps|kept|started|stopped|fell|felt|feels|seems|seemed|lives|lived|uses|used"
            + "|became|passed|died|collapsed|woke|wakes|sleeps|slept|ate|eats|drinks|drank|complains|complained)\\b)"
            // "my nan dot (dorothy pearce) is 94": the name is glossed by a fuller one in brackets
            + "|\\s*(?=\\(\\p{L}+(?:\\s+\\p{L}+){0,2}\\)))");

    /** "pt", "Pt:", "patient" before the patient's name. */
    private static final String PATIENT_WORD = "(?i)\\b(?:pt|patient)\\.?:?\\s+";
    /**
     * "Pt rose bloom 67M", "for pt hunter wolf (34M, …)", "pt lam wai man, 71M": two or three words between "pt" and the
     * age-and-sex are the patient's name.
     */
    private static final Pattern PATIENT_BEFORE_AGE_AND_SEX = Pattern.compile(PATIENT_WORD
            + "(?<name>\\p{L}[\\p{L}'’-]+\\s+\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+)?)(?:,?\\s+\\(?\\d{1,3}\\s?(?:yo|y/o|yrs?|years? old|[mf])\\b"
            + "|(?<listed>\\s*[,;(]))");
    /** "pt hunter, ruby fell at 0300": a listed surname, a comma and a listed given name after "pt", as ward lists write them. */
    private static final Pattern PATIENT_SURNAME_COMMA_GIVEN = Pattern.compile(
            PATIENT_WORD + "(?<surname>\\p{L}[\\p{L}'’-]+),\\s*(?<given>\\p{L}[\\p{L}'’-]+)\\b");
    /** "who only goes by 'Bishop'", "known as “Tiny”": the name a person is called by, in quotes. */
    private static final Pattern CALLED_BY = Pattern.compile("\\b(?:(?i:goes by|calls (?:him|her|them)sel(?:f|ves)|answers to|nicknamed)"
            + "\\s+(?i:the name\\s+)?['\"‘“](?<name>\\p{L}[\\p{L}'’.-]*(?:\\s\\p{L}[\\p{L}'’.-]*){0,2})"
            // "known as" and "called" also introduce terms ("often called 'blood thinners'"): only a capitalised name there
            + "|(?i:known as|called)\\s+['\"‘“](?<capitalised>\\p{Lu}\\p{Ll}[\\p{L}'’.-]*(?:\\s\\p{Lu}[\\p{L}'’.-]*){0,2}))['\"’”]");
    /** Words that can stand between "pt" and an age without being a name: "pt seen today 67M", "pt is a 67M". */
    private static final Set<String> NOT_PATIENT_NAME_WORDS = Set.of("is", "was", "a", "an", "the", "seen", "today", "now", "here",
            "aged", "age", "who", "with", "without", "has", "had", "known", "presents", "presenting", "admitted", "also",
            "male", "female", "man", "woman", "lady", "gentleman", "boy", "girl", "baby", "child", "infant", "teen", "adult",
            "elderly", "old", "young", "yesterday", "tonight", "currently", "still", "again", "alert", "stable", "well", "unwell");

    private void detectPatientBeforeAgeAndSex(ScannedText s, List<Candidate> out) {
        s.forEachMatch(PATIENT_SURNAME_COMMA_GIVEN, m -> {
            String surname = m.group("surname").toLowerCase(java.util.Locale.ROOT);
            String given = m.group("given").toLowerCase(java.util.Locale.ROOT);
            if (lexicon.isSurname(surname) && (lexicon.isGivenName(given) || lexicon.isGivenNameWord(given))
                    && !lexicon.isClinicalTerm(surname) && !lexicon.isClinicalTerm(given) && !NOT_PATIENT_NAME_WORDS.contains(surname)) {
                out.add(new Candidate(PhiType.NAME, m.start("surname"), m.end("given"), Candidate.CUED));
            }
        });
        s.forEachMatch(CALLED_BY, m -> {
            String group = m.start("name") >= 0 ? "name" : "capitalised";
            String lower = m.group(group).toLowerCase(java.util.Locale.ROOT);
            if (!lexicon.isClinicalTerm(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower)) {
                out.add(new Candidate(PhiType.NAME, m.start(group), m.end(group), Candidate.CUED));
            }
        });
        s.forEachMatch(PATIENT_BEFORE_AGE_AND_SEX, m -> {
            if (m.start("listed") >= 0) {
                // "ED pt will parsons, …": without an age, only a listed given name and a listed surname
                String[] pair = m.group("name").toLowerCase(java.util.Locale.ROOT).split("\\s+");
                if (pair.length == 2 && (lexicon.isGivenName(pair[0]) || lexicon.isGivenNameWord(pair[0])) && lexicon.isSurname(pair[1])
                        && !lexicon.isClinicalTerm(pair[1]) && !Lexicon.CLINICAL_VOCABULARY.contains(pair[1])
                        && !NOT_PATIENT_NAME_WORDS.contains(pair[1]) && !NOT_NAMES.contains(pair[1])) {
                    out.add(new Candidate(PhiType.NAME, m.start("name"), m.end("name"), Candidate.CUED));
                }
                return;
            }
            boolean aName = false;
            for (String word : m.group("name").split("\\s+")) {
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (NOT_PATIENT_NAME_WORDS.contains(lower) || NOT_NAMES.contains(lower) || NOT_SUBJECT_NAMES.contains(lower)
                        || lexicon.isClinicalTerm(lower) || lexicon.isEponymHead(lower) || lexicon.isPathologyHead(lower)
                        || isCalendarWord(lower) || drugShaped(lower)) {
                    return;
                }
                // an eponym's name is a surname here ("hunter wolf"), but one name must be no clinical word ("chest pain")
                aName |= lexicon.isAnyName(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower) || !lexicon.isEnglishWord(lower)
                        && !Lexicon.CLINICAL_VOCABULARY.contains(lower);
            }
            if (aName) {
                out.add(new Candidate(PhiType.NAME, m.start("name"), m.end("name"), Candidate.CUED));
            }
        });
    }

    /** "Albert 'Bert' Chambers", "William “Bill” Okafor", "Margaret (Peggy) Hughes": a nickname inside a full name. */
    private static final Pattern NICKNAMED = Pattern.compile(
            "\\b(?<first>\\p{Lu}\\p{Ll}+)\\s+(?:'|\"|‘|“|\\()(?<nick>\\p{Lu}\\p{Ll}+)(?:'|\"|’|”|\\))\\s+(?<last>\\p{Lu}[\\p{L}'’-]+)");

    /**
     * A nickname between a given name and a capitalised word makes all three one name, and the nickname is then
     * known for its other mentions ("Bert is 95").
     */
    private void detectNicknamedNames(ScannedText s, List<Candidate> out) {
        s.forEachMatch(NICKNAMED, m -> {
            String first = m.group("first").toLowerCase(java.util.Locale.ROOT);
            String last = m.group("last").toLowerCase(java.util.Locale.ROOT);
            if (!lexicon.isAnyName(first) || lexicon.isClinicalTerm(last) || lexicon.isClinicalTerm(first)
                    || lexicon.isEponymHead(last) || FACILITY_WORDS.contains(last)) {
                return;
            }
            out.add(new Candidate(PhiType.NAME, m.start(), m.end("last"), Candidate.CUED));
        });
    }
    /** Words after "my mum" that are names in some list but here are the sentence's own words. */
    private static final Set<String> NOT_SUBJECT_NAMES = Set.of("who", "also", "still", "just", "now", "then", "never",
            "always", "often", "only", "really", "already", "recently", "suddenly", "finally", "usually");

    /**
     * "Ama, Kofi and Esi all have malaria": the other members of an enumeration that holds a name are names too,
     * as long as each is a single capitalised word in a name list or in no dictionary, and no clinical word.
     * A list needs its "and", "or" or "&": "Kofi, Paracetamol" is no list.
     */
    private void emitListedWith(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int first = s.tokenAtOrAfter(c.start());
        int last = s.tokenAtOrAfter(c.end()) - 1;
        if (first >= s.size() || last < first || last - first > 2) {
            return;
        }
        List<Integer> items = new java.util.ArrayList<>();
        boolean conjunction = false;
        int j = first;
        while (j >= 2 || j == 1) {
            String gap = s.text().substring(s.token(j - 1).end(), s.token(j).start());
            if (gap.equals(", ") && !s.token(j - 1).isPossessive()) {
                items.add(j - 1);
                j--;
            } else if (gap.equals(" ") && j >= 2 && isListConjunction(s.token(j - 1))
                    && s.text().substring(s.token(j - 2).end(), s.token(j - 1).start()).matches(",? ")) {
                items.add(j - 2);
                conjunction = true;
                j -= 2;
            } else {
                break;
            }
        }
        j = last;
        while (j + 1 < s.size() && !s.token(j).isPossessive()) {
            String gap = s.text().substring(s.token(j).end(), s.token(j + 1).start());
            if (gap.equals(", ") && !conjunctionAhead(s, j + 1)) {
                items.add(j + 1);
                j++;
            } else if ((gap.equals(" ") || gap.equals(", ")) && isListConjunction(s.token(j + 1)) && j + 2 < s.size()
                    && s.text().substring(s.token(j + 1).end(), s.token(j + 2).start()).equals(" ")) {
                items.add(j + 2);
                conjunction = true;
                break;
            } else if (gap.equals(" & ")) {
                items.add(j + 1);
                conjunction = true;
                break;
            } else {
                break;
            }
        }
        if (!conjunction || items.size() < 2) {
            return; // a pair joined by "and" is emitCoordinated's; a list has three members or more
        }
        int firstItem = Math.min(first, items.stream().mapToInt(Integer::intValue).min().orElse(first));
        int lastItem = Math.max(last, items.stream().mapToInt(Integer::intValue).max().orElse(last));
        String after = s.text().substring(s.token(lastItem).end(), Math.min(s.text().length(), s.token(lastItem).end() + 60));
        String before = s.text().substring(Math.max(0, s.token(firstItem).start() - 40), s.token(firstItem).start());
        boolean people = LIST_VERB_AFTER.matcher(after).lookingAt() || PAIR_VERB_AFTER.matcher(after).lookingAt()
                || PERSON_QUESTION_BEFORE.matcher(before).find();
        if (!people) {
            return; // lists of authors, eponyms ("Michels, Malpuech and Carnevale syndromes"), genes and regions do nothing
        }
        for (int item : items) {
            if (listMember(s, item)) {
                emit(s, item, item, Candidate.DICTIONARY, out);
            }
        }
    }

    /** What people listed together do: "Ama, Kofi and Esi all have malaria", "…, Tolu and Ife need the MMR". */
    private static final Pattern LIST_VERB_AFTER = Pattern.compile(
            "(?i)\\s+(?:(?:all|both|each|also|still|now|have|had)\\s+)?(?:have|had|has|got|need|needed|take(?!\\s+(?:effect|place|time|longer|a while|hold|over))|took|want|wanted|live|lived"
            + "|say|said|go|went|come|came|get|caught|developed|started|attend|attended|were told|are coming|are going|were seen"
            + "|are allergic|are on|were on|are due|were born)\\b");

    /**
     * An enumeration of three or more single words, each in a name list or in no dictionary, that does what people do or is
     * asked about as people are: "Can Ife, Tolu and Grace take ibuprofen?", "Ama, Esi and Yaa were told to fast".
     */
    private void detectEnumeratedPeople(ScannedText s, List<Candidate> out) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (!s.token(i).isCapitalised() || s.token(i).isPossessive()
                    || !s.text().startsWith(", ", s.token(i).end()) || !listMember(s, i)) {
                continue;
            }
            List<Integer> items = new java.util.ArrayList<>(List.of(i));
            int j = i;
            boolean conjunction = false;
            while (j + 1 < s.size() && !s.token(j).isPossessive()) {
                String gap = s.text().substring(s.token(j).end(), s.token(j + 1).start());
                if (gap.equals(", ") && listMember(s, j + 1)) {
                    j++;
                } else if ((gap.equals(" ") || gap.equals(", ")) && isListConjunction(s.token(j + 1)) && j + 2 < s.size()
                        && s.text().substring(s.token(j + 1).end(), s.token(j + 2).start()).equals(" ") && listMember(s, j + 2)) {
                    j += 2;
                    conjunction = true;
                } else {
                    break;
                }
                items.add(j);
                if (conjunction) {
                    break;
                }
            }
            if (conjunction && items.size() >= 3) {
                String after = s.text().substring(s.token(j).coreEnd(), Math.min(s.text().length(), s.token(j).coreEnd() + 60));
                String before = s.text().substring(Math.max(0, s.token(i).start() - 40), s.token(i).start());
                boolean people = LIST_VERB_AFTER.matcher(after).lookingAt() || PAIR_VERB_AFTER.matcher(after).lookingAt()
                        || (PERSON_QUESTION_BEFORE.matcher(before).find() && (PERSON_ACTION_AFTER.matcher(after).lookingAt()
                                || TREATMENT_ACTION_AFTER.matcher(after).lookingAt()));
                if (people) {
                    for (int item : items) {
                        emit(s, item, item, Candidate.DICTIONARY, out);
                    }
                }
            }
            i = j;
        }
    }

    private static boolean isListConjunction(Token t) {
        return t.lower().equals("and") || t.lower().equals("or");
    }

    private static boolean conjunctionAhead(ScannedText s, int i) {
        return i < s.size() && isListConjunction(s.token(i));
    }

    private boolean listMember(ScannedText s, int i) {
        Token t = s.token(i);
        String lower = t.lower();
        return t.isCapitalised() && !t.isAllCaps() && t.coreEnd() - t.start() >= 2 && !s.isClinical(i)
                && (lexicon.isAnyName(lower) || isUnknownWord(t)) && !lexicon.isClinicalTerm(lower) && !NOT_NAMES.contains(lower)
                && !TITLES.contains(lower) && !FACILITY_WORDS.contains(lower) && !isCalendarWord(lower)
                && !lexicon.isEponymHead(lower) && !lexicon.isRegion(lower) && !drugShaped(lower) && !gluedToDigit(s, t)
                && !doseFollows(s, i);
    }

    /** "Contact Dawn on 0770…": a listed name; a company in no list ("contact Pfizer at …") is no person. */
    private void detectPersonToCall(ScannedText s, List<Candidate> out) {
        s.forEachMatch(CALL_CUE, m -> {
            int i = s.tokenAtOrAfter(m.end());
            if (i < s.size() && s.token(i).start() == m.end() && !s.isClinical(i) && !NOT_NAMES.contains(s.token(i).lower())
                    && !FACILITY_WORDS.contains(s.token(i).lower()) && !TITLES.contains(s.token(i).lower())
                    && lexicon.isAnyName(s.token(i).lower())) {
                int last = i + 1 < s.size() && s.adjacent(i, i + 1) && s.token(i + 1).isCapitalised()
                        && acceptableAfterCue(s, i + 1) ? i + 1 : i;
                emit(s, i, last, Candidate.DICTIONARY, out);
            }
        });
    }

    /** The first word of every relation, to try the relation cues only where one stands. */
    private static final Set<String> RELATION_STARTS = java.util.Arrays.stream(RELATIONS.split("\\|"))
            .map(r -> r.split(" ")[0].replace("e?", "")).collect(java.util.stream.Collectors.collectingAndThen(
                    java.util.stream.Collectors.toSet(), starts -> {
                        starts.addAll(List.of("pt", "resident", "fiancee", "fiance"));
                        return Set.copyOf(starts);
                    }));

    /** After a cue that is no title ("pt", "husband"), a capitalised name in a list or in no dictionary. */
    private void detectAfterCapitalisedCue(ScannedText s, Pattern cue, List<Candidate> out) {
        forEachCueMatch(s, cue, m -> {
            if (cue == BARE_RELATION_CUE && m.group("relation").equalsIgnoreCase("patient")) {
                return; // "Patient Bill of Rights": the lower-case "patient" is PATIENT_CUE's
            }
            int i = s.tokenAtOrAfter(m.end());
            if (i < s.size() && s.token(i).start() == m.end() && s.token(i).isCapitalised() && !s.token(i).isAllCaps()
                    && !TITLES.contains(s.token(i).lower())) {
                int last = weakRun(s, i);
                String lower = s.token(i).lower();
                if (last < i && cue == APPOSITION_CUE && !s.isClinical(i) && !lexicon.isEnglishWord(lower)
                        && !lexicon.isClinicalTerm(lower) && !drugShaped(lower) && !NOT_NAMES.contains(lower)) {
                    last = i; // set off by commas after "the patient", even a word with a medical ending is the name ("Olamide")
                }
                if (last >= i) {
                    emit(s, i, last, Candidate.DICTIONARY, out);
                }
            }
        });
    }

    /**
     * Relation cues are tried only at a relation word (a set look-up per token), not at every word start: the
     * alternation of ~100 relations is the costliest pattern of the name rules.
     */
    private static void forEachCueMatch(ScannedText s, Pattern cue, java.util.function.Consumer<Matcher> action) {
        if (cue == PATIENT_CUE) {
            s.forEachMatch(cue, action);
            return;
        }
        Matcher m = cue.matcher(s.text()).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < s.size(); i++) {
            String lower = s.token(i).lower();
            String singular = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
            if (RELATION_STARTS.contains(lower) || RELATION_STARTS.contains(singular)
                    || RELATION_STARTS.contains(Lexicon.folded(lower))) {
                m.region(s.token(i).start(), s.text().length());
                if (m.lookingAt()) {
                    action.accept(m);
                }
            }
        }
    }

    /** Particles inside a surname: "Van der Berg", "de la Cruz", "Ní Bhriain", "Ó Súilleabháin", "bin Salleh". */
    /** "Ivy GRANT", "Kerry-Ann JOSEPH": a listed given name and a surname in capitals, as wristbands and handover lists print them. */
    private static final Pattern GIVEN_THEN_SURNAME_IN_CAPITALS = Pattern.compile(
            "\\b(?<given>\\p{Lu}\\p{Ll}+)\\s(?<surname>\\p{Lu}{3,}(?:['’-]\\p{Lu}{2,})?)(?![\\p{L}\\d])");

    /** "Baby Rhea, born 30/12": a neonate's given name after "Baby", as cots and handover lists name them. */
    private static final Pattern BABY_NAME = Pattern.compile("\\b(?:Baby|baby|BABY|Infant|infant)\\s(?<given>\\p{Lu}\\p{Ll}+)\\b");

    private static final List<String> BABY_MARKERS = List.of("aby", "ABY", "nfant");
    private static final List<String> IRISH_PARTICLES = List.of("Ó ", "Ní ", "NÍ ", "Nic ", "NIC ", "Uí ", "UÍ ", "Mhic ", "MHIC ");
    private static final Set<String> NOT_BABY_NAMES = Set.of("friendly", "boomers", "boom", "food", "formula", "milk", "monitor",
            "unit", "clinic", "care", "bath", "steps", "shampoo", "wipes", "powder", "oil", "blues", "box", "bank", "group");

    /** "Cathal Ó MURCHÚ", "Siobhan NÍ BHRIAIN", "Nic Aodha": an Irish surname's own particle, written capitalised, opens it. */
    private static final Pattern IRISH_SURNAME = Pattern.compile("(?<![\\p{L}])(?:Ó|Ní|NÍ|Nic|NIC|Uí|UÍ|Mhic|MHIC)\\s(?<surname>\\p{Lu}[\\p{L}'’-]+)");

    static final Set<String> NAME_PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "degli", "di", "da", "das", "dos", "do", "du", "la", "las", "los", "le", "ter", "ten",
            "bin", "binti", "bint", "ibn", "al", "el", "y", "ó", "ní", "nic", "mac", "ua", "uí", "ap", "ferch");

    /**
     * "Thomas Parkinson, MRN …", "Dr Hannah Addison said": after a given name, a surname that is also an eponym is the
     * person's, unless the disease or sign itself follows ("Thomas Parkinson disease" reads as neither).
     */
    private void extendOverEponymSurname(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int last = s.tokenAtOrAfter(c.end()) - 1;
        if (last < 0 || last + 1 >= s.size() || s.token(last).end() != c.end() || s.token(last).isPossessive()
                || !(lexicon.isGivenName(s.token(last).lower()) || lexicon.isGivenNameWord(s.token(last).lower())) || !" ".equals(s.text().substring(c.end(), s.token(last + 1).start()))) {
            return;
        }
        Token next = s.token(last + 1);
        if (!next.isCapitalised() || next.isAllCaps() || next.isPossessive() || !s.isClinical(last + 1)) {
            return;
        }
        boolean headFollows = last + 2 < s.size() && s.adjacent(last + 1, last + 2)
                && (lexicon.isEponymHead(s.token(last + 2).lower()) || lexicon.isPathologyHead(s.token(last + 2).lower())
                || s.isClinical(last + 2));
        if (!headFollows) {
            out.add(new Candidate(PhiType.NAME, c.start(), next.end(), c.priority()));
        }
    }

    private static final Pattern BRACKETED_NICKNAME = Pattern.compile("\\s?\\((?<nick>\\p{L}[\\p{L}'’-]+)\\)");

    /** "mr Ashworth (frank)", "Margaret Hughes (Peggy)": a given name in brackets after a name is the same person's. */
    private void addBracketedNickname(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        Matcher m = BRACKETED_NICKNAME.matcher(s.text()).region(c.end(), s.text().length());
        if (!m.lookingAt()) {
            return;
        }
        String lower = m.group("nick").toLowerCase(java.util.Locale.ROOT);
        if ((lexicon.isGivenName(lower) || lexicon.isGivenNameWord(lower)) && !lexicon.isClinicalTerm(lower) && !NOT_NAMES.contains(lower)) {
            out.add(new Candidate(PhiType.NAME, m.start("nick"), m.end("nick"), Candidate.CUED));
        }
    }

    /** "… is that why im so tired - sally mae": a given name signing off the end of a message, in any case. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)(?:(?:^|\\s)[-–—~]|\\b(?:thanks|thank you|thx|cheers|regards|love|from|xx|x),?)\\s*(?<name>\\p{L}[\\p{L}'’-]+(?:\\s+\\p{L}[\\p{L}'’-]+){0,2})[\\s.!x]*$");

    private static final Pattern TITLE_CASE_FULL_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}[\\p{L}'’-]+){1,2}");

    private void detectLowerCaseSignOff(ScannedText s, List<Candidate> out) {
        Matcher m = SIGN_OFF.matcher(s.text());
        if (!m.find()) {
            return;
        }
        String first = m.group("name").split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        // "thanks, Beau Thibodeaux": a full name in title case signs off even when no list holds its given name
        // (after a word that signs off, not a dash: "Trust - Diabetes Centre", "Section 3 – License Conditions" are titles)
        boolean fullName = Character.isLetter(m.group().strip().charAt(0)) && TITLE_CASE_FULL_NAME.matcher(m.group("name")).matches()
                && java.util.Arrays.stream(m.group("name").toLowerCase(java.util.Locale.ROOT).split("[ -]"))
                        .noneMatch(w -> Lexicon.CLINICAL_VOCABULARY.contains(w) || FACILITY_WORDS.contains(w) || lexicon.isClinicalTerm(w));
        if ((lexicon.isGivenName(first) || fullName) && !lexicon.isClinicalTerm(first) && !NOT_NAMES.contains(first)) {
            int end = m.end("name");
            int i = s.tokenAtOrAfter(m.start("name"));
            for (int j = i; j < s.size() && s.token(j).start() < m.end("name"); j++) {
                if (s.isClinical(j) || NOT_NAMES.contains(s.token(j).lower())) {
                    end = j > i ? s.token(j - 1).end() : -1;
                    break;
                }
            }
            if (end > 0) {
                out.add(new Candidate(PhiType.NAME, m.start("name"), end, Candidate.CUED));
            }
        }
    }

    /**
     * "Jan de Vries", "Sabine von Hohenstein", "Maria das Graças": lower-case particles between two capitalised words
     * join a given name to a surname, even when the given name is a month or no list holds either. A place ("Rio de
     * Janeiro") or a disease named after the person ("Cornelia de Lange syndrome") is none.
     */
    private void detectParticleNames(ScannedText s, List<Candidate> out) {
        for (int i = 0; i + 2 < s.size(); i++) {
            Token first = s.token(i);
            // "mevr. van der Berg", "Herr von Stein": after a title the particles open the surname
            boolean titled = TITLES.contains(first.lower()) && i + 1 < s.size()
                    && s.text().substring(first.end(), s.token(i + 1).start()).matches("\\.?\\s");
            if (titled) {
                int j = i + 1;
                while (j < s.size() && j <= i + 3 && NAME_PARTICLES.contains(s.token(j).lower()) && !s.token(j).isCapitalised()
                        && (j == i + 1 || s.adjacent(j - 1, j))) {
                    j++;
                }
                if (j > i + 1 && j < s.size() && s.adjacent(j - 1, j) && s.token(j).isCapitalised() && !s.isClinical(j)) {
                    emit(s, i + 1, j, Candidate.CUED, out);
                }
                continue;
            }
            if (!first.isCapitalised() || first.isAllCaps() || first.isPossessive() || s.isClinical(i)
                    || NOT_NAMES.contains(first.lower()) || FACILITY_WORDS.contains(first.lower()) || lexicon.isRegion(first.lower())
                    || !lexicon.placesStartingWith(first.lower()).isEmpty() || NAME_PARTICLES.contains(first.lower())) {
                continue;
            }
            int j = i + 1;
            while (j < s.size() && j <= i + 3 && s.adjacent(j - 1, j) && !s.token(j).isCapitalised()
                    && NAME_PARTICLES.contains(s.token(j).lower()) && !s.token(j).lower().equals("y")) {
                j++;
            }
            if (j == i + 1 || j >= s.size() || !s.adjacent(j - 1, j)) {
                continue;
            }
            Token surname = s.token(j);
            String lower = surname.lower();
            if (!surname.isCapitalised() || surname.isAllCaps() || s.isClinical(j) || lexicon.isClinicalTerm(lower) || drugShaped(lower)
                    || lexicon.isRegion(lower) || FACILITY_WORDS.contains(lower) || TITLES.contains(lower)
                    || !(lexicon.isAnyName(first.lower()) || lexicon.isAnyName(lower) || !lexicon.isEnglishWord(lower))
                    || j + 1 < s.size() && s.adjacent(j, j + 1) && (lexicon.isEponymHead(s.token(j + 1).lower())
                            || lexicon.isPathologyHead(s.token(j + 1).lower()))) {
                continue;
            }
            emit(s, i, j, Candidate.DICTIONARY, out);
        }
    }

    /**
     * A name found by any rule goes on over one or two particles to the capitalised word after them:
     * "Dr. Ilse Van der Berg", "Ludwig van Beethoven", "Siobhán Ní Bhriain". A clinical word, a facility word or
     * a word that is never a name after the particles ends it. A name typed in lower case goes on to a listed surname in
     * lower case ("maria de la cruz").
     */
    private void extendOverParticles(ScannedText s, Candidate c, List<Candidate> out) {
        if (c.type() != PhiType.NAME) {
            return;
        }
        int last = s.tokenAtOrAfter(c.end()) - 1;
        if (last < 0 || s.token(last).coreEnd() != c.end() || s.token(last).isPossessive()) {
            return;
        }
        int j = last + 1;
        int particles = 0;
        while (j < s.size() && particles < 3 && s.adjacent(j - 1, j) && NAME_PARTICLES.contains(s.token(j).lower())
                && !s.token(j).isPossessive()) {
            j++;
            particles++;
        }
        if (particles == 0 || j >= s.size() || !s.adjacent(j - 1, j)) {
            return;
        }
        Token t = s.token(j);
        String lower = t.lower();
        boolean lowerCaseSurname = !t.isCapitalised() && !Character.isUpperCase(s.text().codePointAt(c.start()))
                && lexicon.isSurname(lower) && !lexicon.isEnglishWord(lower);
        if (!(t.isCapitalised() || lowerCaseSurname) || t.isAllCaps() || s.isClinical(j) || NOT_NAMES.contains(lower) || TITLES.contains(lower)
                || FACILITY_WORDS.contains(lower) || isCalendarWord(lower) || lexicon.isEponymHead(lower) || lexicon.isRegion(lower)
                || lexicon.isClinicalTerm(lower) || drugShaped(lower)) {
            return;
        }
        out.add(new Candidate(PhiType.NAME, c.start(), t.coreEnd(), c.priority()));
    }

    /**
     * Words a title or cue has already shown to be names in this text. Any other capitalised
     * occurrence of them is a name too: "Jack Brown (my son Jack)" settles the first "Jack".
     */
    private static Set<String> confirmedNames(ScannedText s, List<Candidate> found) {
        Set<String> names = new java.util.HashSet<>();
        for (Candidate c : found) {
            for (int i = s.tokenAtOrAfter(c.start()); i < s.size() && s.token(i).start() < c.end(); i++) {
                if (!s.isClinical(i) && s.token(i).isCapitalised() && s.token(i).text().length() > 1) {
                    names.add(s.token(i).lower());
                }
            }
        }
        return names;
    }

    private void detectAfterTitles(ScannedText s, List<Candidate> out) {
        for (int i = 0; i + 1 < s.size(); i++) {
            Token title = s.token(i);
            if (!TITLES.contains(title.lower()) || title.isPossessive()) {
                continue;
            }
            String gap = s.text().substring(title.end(), s.token(i + 1).start());
            if (!(gap.equals(" ") || gap.equals(". ") || gap.equals("."))) {
                continue;
            }
            if (title.isAllCaps() && s.isClinical(i + 1)) {
                continue; // "XT DR MRI SureScan" (a dual-chamber pacemaker), not Dr MRI: an all-caps title needs a name after it
            }
            if (title.isCapitalised()) {
                int last = i;
                for (int j = i + 1; j < s.size() && j <= i + 3; j++) {
                    Token t = s.token(j);
                    boolean joined = j == i + 1 || s.adjacent(j - 1, j);
                    boolean notName = NOT_NAMES.contains(t.lower()) && !s.isInitial(j);
                    if (!joined || !t.isCapitalised() || notName || lexicon.isEponymHead(t.lower())
                            || TITLES.contains(t.lower())) {
                        break;
                    }
                    last = j;
                    if (t.isPossessive()) {
                        break;
                    }
                }
                if (last > i) {
                    emit(s, i + 1, last, Candidate.CUED, out);
                }
            } else if (LOWERCASE_TITLES.contains(title.lower()) && (lexicon.isAnyName(s.token(i + 1).lower()) || eponymAsSurname(s, i + 1))) {
                int last = i + 1;
                if (last + 1 < s.size() && s.adjacent(last, last + 1) && lexicon.isAnyName(s.token(last + 1).lower())) {
                    last++;
                }
                emit(s, i + 1, last, Candidate.CUED, out);
            }
        }
    }

    /**
     * "mr addison, 58M": after a title typed in lower case, a word no dictionary holds — often one that names a disease —
     * is the person's surname unless the disease's head follows ("dr graves disease" is no one).
     */
    private boolean eponymAsSurname(ScannedText s, int i) {
        Token t = s.token(i);
        if (lexicon.isEnglishWord(t.lower()) || t.isPossessive() || t.text().length() < 4 || !t.text().chars().allMatch(Character::isLetter)
                || NOT_NAMES.contains(t.lower()) || drugShaped(t.lower())) {
            return false;
        }
        return i + 1 >= s.size() || !s.adjacent(i, i + 1)
                || !(lexicon.isEponymHead(s.token(i + 1).lower()) || lexicon.isPathologyHead(s.token(i + 1).lower()) || s.isClinical(i + 1));
    }

    private void detectAfterCues(ScannedText s, List<Pattern> cues, boolean strong, List<Candidate> out) {
        for (Pattern cue : cues) {
            s.forEachMatch(cue, m -> {
                int i = s.tokenAtOrAfter(m.end());
                if (i >= s.size() || s.token(i).start() != m.end() || TITLES.contains(s.token(i).lower())) {
                    return; // a title is left to the title rule
                }
                int last = strong ? strongRun(s, i) : weakRun(s, i);
                if (last >= i) {
                    emit(s, i, last, strong ? Candidate.CUED : Candidate.DICTIONARY, out);
                    emitCoordinated(s, last, out);
                }
            });
        }
    }

    /** After a strong cue any capitalised, non-clinical word is taken, up to three ("Jones, Mary" too). */
    private int strongRun(ScannedText s, int i) {
        Token first = s.token(i);
        if (!first.isCapitalised()) {
            boolean plainGivenName = lexicon.isGivenName(first.lower()) && !lexicon.isNameWord(first.lower());
            // "my nan joy is 94": after a relation a given-name word is the name, unless it reads as a verb ("my son will").
            boolean givenNameWord = lexicon.isGivenNameWord(first.lower()) && !VERB_LIKE_NAME_WORDS.contains(first.lower());
            if (!(plainGivenName || givenNameWord) || s.isClinical(i)) {
                return -1;
            }
            int last = i;
            if (i + 1 < s.size() && s.adjacent(i, i + 1) && !first.isPossessive()
                    && lexicon.isSurname(s.token(i + 1).lower()) && !lexicon.isNameWord(s.token(i + 1).lower())) {
                last = i + 1;
            }
            return last;
        }
        if (!acceptableAfterCue(s, i)) {
            return -1;
        }
        int last = i;
        for (int j = i + 1; j < s.size() && j <= i + 2; j++) {
            if (s.token(j - 1).isPossessive()) {
                break;
            }
            boolean joined = s.adjacent(j - 1, j) || commaInverted(s, j - 1, j);
            if (!joined || !s.token(j).isCapitalised() || !acceptableAfterCue(s, j)) {
                break;
            }
            last = j;
        }
        return last;
    }

    /** After a weak cue ("seen by", "thanks") the word must itself be in a name list. */
    private int weakRun(ScannedText s, int i) {
        Token first = s.token(i);
        if (!first.isCapitalised()) {
            return isLowercaseName(s, i) || isLowercaseUnknown(s, i) ? lowercaseRun(s, i) : -1;
        }
        boolean named = lexicon.isAnyName(first.lower()) && !s.isClinical(i) && !isCalendarWord(first.lower());
        if (!named && !isUnknownProper(s, i)) {
            return -1;
        }
        int last = i;
        while (last + 1 < s.size() && last < i + 2 && s.adjacent(last, last + 1) && !s.token(last).isPossessive()
                && s.token(last + 1).isCapitalised() && acceptableAfterCue(s, last + 1)) {
            last++;
        }
        return last;
    }

    private boolean acceptableAfterCue(ScannedText s, int i) {
        Token t = s.token(i);
        return !s.isClinical(i) && !NOT_NAMES.contains(t.lower()) && !lexicon.isEponymHead(t.lower())
                && !isCalendarWord(t.lower()) && !FACILITY_WORDS.contains(t.lower()) && !(t.isAllCaps() && t.text().length() <= 3);
    }

    private void detectFromDictionary(ScannedText s, Set<String> confirmed, List<Candidate> out) {
        for (int i = 0; i < s.size(); i++) {
            boolean confirmedHere = isNameShaped(s, i) && confirmed.contains(s.token(i).lower());
            if (!confirmedHere && !isAnchor(s, i)) {
                continue;
            }
            boolean surnameAnchor = !confirmedHere && !isPlainGivenName(s, i);
            int first = i;
            while (first - 1 >= 0 && first > i - 2 && s.adjacent(first - 1, first)
                    && !s.token(first - 1).isPossessive() && extendsLeft(s, first - 1, surnameAnchor)) {
                first--;
            }
            int last = i;
            while (last + 1 < s.size() && last < i + 3 && s.adjacent(last, last + 1)
                    && !s.token(last).isPossessive() && extendsRight(s, last + 1, !surnameAnchor || s.isInitial(last))) {
                last++;
            }
            if (first > 0 && isSaintOrFacilityPrefix(s, first - 1)) {
                continue;
            }
            if (last + 1 < s.size() && s.adjacent(last, last + 1) && FACILITY_WORDS.contains(s.token(last + 1).lower())) {
                continue;
            }
            // "Brown, Mary": an ambiguous surname before a comma and a given name.
            if (first >= 2 && s.text().substring(s.token(first - 1).end(), s.token(first).start()).equals(", ")
                    && s.token(first - 1).isCapitalised() && lexicon.isAnyName(s.token(first - 1).lower())
                    && !s.isClinical(first - 1) && isPlainGivenName(s, first)) {
                emit(s, first - 1, first - 1, Candidate.DICTIONARY, out);
            }
            emit(s, first, last, Candidate.DICTIONARY, out);
            emitCoordinated(s, last, out);
            emitCoordinatedBefore(s, first, last, out);
            i = last;
        }
    }

    private boolean isAnchor(ScannedText s, int i) {
        Token t = s.token(i);
        if (!isNameShaped(s, i)) {
            return false;
        }
        if (isPlainGivenName(s, i) || isPlainSurname(s, i)) {
            return true;
        }
        // Two name-words together, not at a sentence start: "Mark Brown", "Patient Grace Hill".
        return lexicon.isNameWord(t.lower()) && !s.isSentenceInitial(i) && !isCalendarWord(t.lower())
                && i + 1 < s.size() && s.adjacent(i, i + 1) && !t.isPossessive() && isNameShaped(s, i + 1)
                && lexicon.isAnyName(s.token(i + 1).lower());
    }

    private boolean isNameShaped(ScannedText s, int i) {
        Token t = s.token(i);
        if (!t.isCapitalised() || s.isClinical(i) || insideRegion(s, i) || gluedToDigit(s, t)) {
            return false;
        }
        return !t.isAllCaps() || (t.coreEnd() - t.start() >= 4 && lexicon.isCuratedName(t.lower()));
    }

    private boolean isPlainGivenName(ScannedText s, int i) {
        String lower = s.token(i).lower();
        return isNameShaped(s, i) && !lexicon.isNameWord(lower) && !generatedRegion(lower)
                && (lexicon.isGivenName(lower) || hyphenatedName(lower, true));
    }

    /** Part of a country or state of two or three words: "Rico" of "Puerto Rico", "Leone" of "Sierra Leone". */
    private boolean insideRegion(ScannedText s, int i) {
        if (!lexicon.isRegionWord(s.token(i).lower())) {
            return false;
        }
        for (int first = Math.max(0, i - 2); first <= i; first++) {
            for (int last = Math.max(i, first + 1); last <= Math.min(s.size() - 1, first + 2); last++) {
                boolean joined = true;
                for (int j = first + 1; j <= last && joined; j++) {
                    joined = s.adjacent(j - 1, j);
                }
                if (joined && lexicon.isRegion(s.text().substring(s.token(first).start(), s.token(last).coreEnd())
                        .toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A country that only the generated name lists hold as a name ("Trinidad"); curated ones ("Georgia") stay names. */
    private boolean generatedRegion(String lower) {
        return lexicon.isRegion(lower) && !lexicon.isCuratedName(lower);
    }

    private boolean isPlainSurname(ScannedText s, int i) {
        String lower = s.token(i).lower();
        return isNameShaped(s, i) && !lexicon.isNameWord(lower) && !generatedRegion(lower)
                && (lexicon.isSurname(lower) || hyphenatedName(lower, false));
    }

    /**
     * "Smith-Jones", "Mary-Kate": every part must be a name. A given name may also be joined to any
     * non-clinical part ("Mei-Ling", "Jean-Baptiste"); the caller has checked capitalisation.
     */
    private boolean hyphenatedName(String lower, boolean given) {
        int dash = lower.indexOf('-');
        if (dash < 0) {
            return false;
        }
        String head = lower.substring(0, dash);
        if (given && lexicon.isGivenName(head) && !lexicon.isNameWord(head) && !lexicon.isClinicalTerm(head)
                && !lexicon.isEnglishWord(head) && java.util.Arrays.stream(lower.split("-"))
                        .allMatch(part -> part.length() >= 2 && !lexicon.isClinicalTerm(part))) {
            return true;
        }
        for (String part : lower.split("-")) {
            if (part.isEmpty() || lexicon.isClinicalTerm(part)
                    || !(given ? lexicon.isGivenName(part) : lexicon.isAnyName(part))) {
                return false;
            }
        }
        return true;
    }

    private boolean extendsLeft(ScannedText s, int j, boolean anchorIsSurname) {
        Token t = s.token(j);
        // "pt Sunday Ibrahim": a day's name between a word that announces a person and a surname is a given name
        if (t.isCapitalised() && !t.isAllCaps() && isCalendarWord(t.lower()) && j > 0
                && PERSON_ANNOUNCING_WORDS.contains(s.token(j - 1).lower())) {
            return true;
        }
        if (!t.isCapitalised() || s.isClinical(j) || TITLES.contains(t.lower()) || NOT_NAMES.contains(t.lower())
                || isCalendarWord(t.lower())) {
            return false;
        }
        if (s.isInitial(j) || isPlainGivenName(s, j)) {
            return true;
        }
        if (s.isSentenceInitial(j)) {
            // "Grace Thompson, 58, ...": a name-word opening the sentence before a known surname.
            return anchorIsSurname && lexicon.isNameWord(t.lower()) && lexicon.isAnyName(t.lower());
        }
        return lexicon.isAnyName(t.lower()) || (anchorIsSurname && !t.isAllCaps());
    }

    private static final Set<String> PERSON_ANNOUNCING_WORDS = Set.of("pt", "patient", "client", "resident", "named", "name",
            "mr", "mrs", "ms", "miss", "mx");

    /**
     * Words that pair into Lakota, Navajo and other Native American surnames ("Eagle Heart", "Two Bulls", "Many
     * Horses", "Red Cloud"): after such a word inside a name, a capitalised second one goes on the name even when it
     * is a clinical word on its own.
     */
    private static final Set<String> PAIRED_SURNAME_WORDS = Set.of("eagle", "heart", "horse", "horses", "bear", "bears",
            "cloud", "clouds", "elk", "wolf", "hawk", "feather", "feathers", "bull", "bulls", "crow", "thunder", "bird",
            "shield", "moon", "star", "sky", "fox", "deer", "buffalo", "tail", "horn", "owl", "dog", "hat", "runner",
            "many", "two", "three", "four", "red", "black", "white", "yellow", "little", "running", "iron", "spotted",
            "standing", "lone", "good", "kills", "looking", "whirlwind", "crazy", "plenty", "big", "young", "old",
            "eyes", "voice", "soldier", "chief", "boy", "woman", "bonnet", "robe", "road", "stone");

    private static boolean pairedSurnameWord(ScannedText s, int j) {
        if (j < 0 || j >= s.size()) {
            return false;
        }
        Token t = s.token(j);
        return t.isCapitalised() && !t.isAllCaps() && PAIRED_SURNAME_WORDS.contains(t.lower());
    }

    private boolean extendsRight(ScannedText s, int j, boolean unknownWordsAllowed) {
        Token t = s.token(j);
        if (pairedSurnameWord(s, j) && (pairedSurnameWord(s, j - 1) && !s.isSentenceInitial(j - 1)
                || pairedSurnameWord(s, j + 1) && s.adjacent(j, j + 1))) {
            return true;
        }
        if (!t.isCapitalised() || s.isClinical(j) || TITLES.contains(t.lower()) || NOT_NAMES.contains(t.lower())
                || isCalendarWord(t.lower()) || lexicon.isEponymHead(t.lower()) || FACILITY_WORDS.contains(t.lower())) {
            return false;
        }
        if (s.isInitial(j) || lexicon.isAnyName(t.lower())) {
            return true;
        }
        return unknownWordsAllowed && !t.isAllCaps();
    }

    /** "Jack and Harry", "Mary & Grace": a name joined to the previous one. */
    private void emitCoordinated(ScannedText s, int last, List<Candidate> out) {
        int target = coordinatedAfter(s, last);
        if (target > 0 && coordinatedName(s, target)) {
            emit(s, target, target, Candidate.DICTIONARY, out);
        }
    }

    /**
     * "Thandeka and Mary", "Grace & Jack": a name joined to the next one. A listed name, or any
     * word before a plain given name, needs nothing more; before a surname, a possessive or a
     * hyphenated name a word in no dictionary needs the pair to act as people do ({@link
     * #personPair}): "Whitney and Smith (2003)", "Galapagos and Wallace's study" are no pair of people.
     */
    private void emitCoordinatedBefore(ScannedText s, int first, int last, List<Candidate> out) {
        int target = coordinatedBefore(s, first);
        if (target < 0 || s.token(target).isPossessive() || !coordinatedName(s, target)) {
            return;
        }
        Token t = s.token(target);
        boolean listed = t.isCapitalised() && lexicon.isAnyName(t.lower()) && !lexicon.isNameWord(t.lower());
        Token anchor = s.token(first);
        boolean plainGivenAnchor = first == last && isPlainGivenName(s, first) && !anchor.isPossessive()
                && anchor.lower().indexOf('-') < 0;
        if (listed || plainGivenAnchor || personPair(s, target, last)) {
            emit(s, target, target, Candidate.DICTIONARY, out);
        }
    }

    private boolean coordinatedName(ScannedText s, int target) {
        Token t = s.token(target);
        return (t.isCapitalised() && !s.isClinical(target) && lexicon.isAnyName(t.lower()) && !isCalendarWord(t.lower())
                && !insideRegion(s, target)) || isUnknownProper(s, target);
    }

    /** The token joined to token i by " and " or " & " after it, or -1. */
    private static int coordinatedAfter(ScannedText s, int i) {
        int next = i + 1;
        if (next >= s.size() || s.token(i).isPossessive()) {
            return -1;
        }
        String gap = s.text().substring(s.token(i).end(), s.token(next).start());
        if (gap.equals(" ") && s.token(next).lower().equals("and") && next + 1 < s.size()
                && s.text().substring(s.token(next).end(), s.token(next + 1).start()).equals(" ")) {
            return next + 1;
        }
        return gap.equals(" & ") ? next : -1;
    }

    /** The token joined to token i by " and " or " & " before it, or -1. */
    private static int coordinatedBefore(ScannedText s, int i) {
        if (i >= 2 && s.token(i - 1).lower().equals("and")
                && s.text().substring(s.token(i - 2).end(), s.token(i - 1).start()).equals(" ")
                && s.text().substring(s.token(i - 1).end(), s.token(i).start()).equals(" ")) {
            return i - 2;
        }
        if (i >= 1 && s.text().substring(s.token(i - 1).end(), s.token(i).start()).equals(" & ")) {
            return i - 1;
        }
        return -1;
    }

    /**
     * Two words in no dictionary joined by "and", the pair then doing what people do: "Sipho and
     * Lindiwe both want…", "Rudo and Tariro live with…", "Ayasha and Kele's mum", "can Ife and
     * Tolu have…". Brands come in pairs too ("Rinvoq and Olumiant are…"), so the verb must be a
     * person's, never "are" or "have".
     */
    private boolean personPair(ScannedText s, int first, int second) {
        if (s.token(second).isPossessive()) {
            return personContextAfter(s, second);
        }
        String after = s.text().substring(s.token(second).end(), Math.min(s.text().length(), s.token(second).end() + 40));
        return PAIR_VERB_AFTER.matcher(after).lookingAt() || PERSON_VERB_AFTER.matcher(after).lookingAt()
                || (PERSON_QUESTION_BEFORE.matcher(s.text().substring(Math.max(0, s.token(first).start() - 40),
                        s.token(first).start())).find() && PERSON_ACTION_AFTER.matcher(after).lookingAt());
    }

    private boolean isSaintOrFacilityPrefix(ScannedText s, int j) {
        String lower = s.token(j).lower();
        return (lower.equals("st") || lower.equals("saint") || lower.equals("ste")) && s.token(j).isCapitalised();
    }

    /** Months, weekdays and holidays: "at Christmas" is a date, never a name or a place. */
    static boolean isCalendarWord(String lower) {
        return switch (lower) {
            case "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                    "saturday", "sunday", "christmas", "xmas", "easter", "halloween", "hallowe'en", "thanksgiving",
                    "hanukkah", "chanukah", "diwali", "deepavali", "ramadan", "passover", "hogmanay", "juneteenth",
                    "whitsun", "lent", "eid", "holi", "nowruz", "vesak" -> true;
            default -> false;
        };
    }

    /**
     * Dotted initials standing for a person: "J.R.T. in bed 4", "seen by F.O.". Dotted clinical
     * abbreviations ("p.o.", "N.B.", "D.O.B.") are listed, or clinical, and stay.
     */
    private void detectInitials(ScannedText s, List<Candidate> out) {
        s.forEachMatch(DOTTED_INITIALS, m -> {
            String letters = m.group().replace(".", "").toLowerCase(java.util.Locale.ROOT);
            boolean bracketed = m.start() > 0 && s.text().charAt(m.start() - 1) == '('
                    && m.end() < s.text().length() && s.text().charAt(m.end()) == ')';
            if (!DOTTED_ABBREVIATIONS.contains(letters) && !lexicon.isClinicalTerm(letters) && !bracketed) {
                out.add(new Candidate(PhiType.NAME, m.start(), m.end(), Candidate.DICTIONARY));
            }
        });
    }

    /**
     * Names typed in lower case, as patients do in a chat: "can priya take ...", "hi its maria
     * gonzalez". Only given names that are no English word, no clinical word and at least four
     * letters long count on their own; a following surname joins them.
     */
    private void detectLowercaseNames(ScannedText s, List<Candidate> out) {
        for (int i = 0; i < s.size(); i++) {
            if (isLowercaseName(s, i)) {
                int last = lowercaseRun(s, i);
                emit(s, i, last, Candidate.DICTIONARY, out);
                i = last;
            } else if (isLowercaseGivenNameBeforeSurname(s, i) || isLowercaseUnknownBeforeSurname(s, i)) {
                // "maria gonzalez": "maria" is also an English word, the surname settles it; "harpreet dhillon":
                // a first name in no list, before a listed surname.
                emit(s, i, i + 1, Candidate.DICTIONARY, out);
                i++;
            }
        }
    }

    private boolean isLowercaseGivenNameBeforeSurname(ScannedText s, int i) {
        Token t = s.token(i);
        String lower = t.lower();
        // "grace hopkins": a given-name word counts too before a surname, unless it reads as a verb ("will", "rose").
        boolean givenNameWord = lexicon.isGivenNameWord(lower) && !VERB_LIKE_NAME_WORDS.contains(lower);
        if (t.isCapitalised() || t.isPossessive() || t.coreEnd() - t.start() < 3 || s.isClinical(i) || NOT_NAMES.contains(lower)
                || !(givenNameWord || (!lexicon.isNameWord(lower) && lexicon.isGivenName(lower))) || i + 1 >= s.size()
                || !s.adjacent(i, i + 1)) {
            return false;
        }
        Token next = s.token(i + 1);
        String surname = next.lower();
        return !next.isCapitalised() && next.coreEnd() - next.start() >= 3 && !s.isClinical(i + 1)
                && !lexicon.isNameWord(surname) && !lexicon.isEnglishWord(surname)
                && (lexicon.isSurname(surname) || hyphenatedSurname(surname));
    }

    /** A lower-case word in no dictionary before a listed surname that is no English word: "harpreet dhillon". */
    private boolean isLowercaseUnknownBeforeSurname(ScannedText s, int i) {
        if (s.token(i).isPossessive() || i + 1 >= s.size() || !s.adjacent(i, i + 1)) {
            return false;
        }
        Token next = s.token(i + 1);
        String surname = next.lower();
        // The cheap tests on the surname first: most lower-case word pairs fail there.
        return !next.isCapitalised() && next.coreEnd() - next.start() >= 4 && lexicon.isSurname(surname) && !s.isClinical(i + 1)
                && !lexicon.isNameWord(surname) && !lexicon.isEnglishWord(surname) && !drugShaped(surname) && !doseFollows(s, i + 1)
                && !gluedToDigit(s, s.token(i)) && !gluedToDigit(s, next) && isLowercaseUnknown(s, i);
    }

    private boolean isLowercaseName(ScannedText s, int i) {
        Token t = s.token(i);
        String lower = t.lower();
        return !t.isCapitalised() && t.coreEnd() - t.start() >= 4 && !s.isClinical(i) && !NOT_NAMES.contains(lower)
                && !lexicon.isEnglishWord(lower) && !lexicon.isNameWord(lower) && !isCalendarWord(lower)
                && !Lexicon.EVERYDAY_VOCABULARY.contains(lower) // "y toma warfarina": a Spanish verb, though a Romanian name
                && (lexicon.isGivenName(lower) || hyphenatedName(lower, true));
    }

    /** A lower-case word that is no English, clinical or listed word: after a cue ("ask bartholomew") a name. */
    private boolean isLowercaseUnknown(ScannedText s, int i) {
        Token t = s.token(i);
        String lower = t.lower();
        return !t.isCapitalised() && t.coreEnd() - t.start() >= 4 && !s.isClinical(i) && !NOT_NAMES.contains(lower)
                && !CHAT_WORDS.contains(lower) && !Lexicon.CLINICAL_VOCABULARY.contains(lower)
                && !Lexicon.isRomanceClinicalForm(lower, Lexicon.CLINICAL_VOCABULARY) && !isCalendarWord(lower) && !lexicon.isEponymHead(lower) && !drugShaped(lower)
                && java.util.Arrays.stream(lower.split("-")).noneMatch(p -> lexicon.isEnglishWord(p) || lexicon.isClinicalTerm(p)
                        || (ScannedText.endsWith(WORDLIKE_SUFFIX, p, 8) && !lexicon.isAnyName(p)));
    }

    private int lowercaseRun(ScannedText s, int i) {
        int last = i;
        while (last + 1 < s.size() && last < i + 2 && s.adjacent(last, last + 1) && !s.token(last).isPossessive()) {
            int next = last + 1;
            Token t = s.token(next);
            String lower = t.lower();
            boolean surname = !t.isCapitalised() && !s.isClinical(next) && !lexicon.isNameWord(lower)
                    && (lexicon.isSurname(lower) || lexicon.isGivenName(lower) || hyphenatedSurname(lower)
                            || isLowercaseUnknown(s, next))
                    && !lexicon.isEnglishWord(lower);
            if (!surname) {
                break;
            }
            last = next;
        }
        return last;
    }

    /** "al-rashid", "el-sayed", "bin-salleh": a name particle joined to a name. */
    private boolean hyphenatedSurname(String lower) {
        int dash = lower.indexOf('-');
        return dash > 0 && NAME_PREFIXES.contains(lower.substring(0, dash)) && lexicon.isAnyName(lower.substring(dash + 1));
    }

    /**
     * Capitalised words that are in no dictionary (English, clinical, names) are proper nouns:
     * names, places or brands. They count as names where a brand cannot stand: two or more in a
     * row ("Siddharth Raghunathan"), before a verb of speech or living ("Teodora said"), before a
     * possessive relative ("Kwabena's wife"), or as the subject of a question about what a person
     * may do ("Can Anesu drive ...?"). Brands look different: a dose follows, or they carry a drug
     * stem or inner capitals ("NovoRapid FlexPen").
     */
    private void detectUnknownProperNouns(ScannedText s, List<Candidate> out) {
        for (int i = 0; i < s.size(); i++) {
            if (!isUnknownProper(s, i)) {
                continue;
            }
            int first = i;
            if (first > 0 && s.adjacent(first - 1, first) && !s.token(first - 1).isPossessive()
                    && (nameOrUnknown(s, first - 1) || givenNameWordBefore(s, first - 1))) {
                first--;
            }
            int last = i;
            while (last + 1 < s.size() && last < first + 3 && s.adjacent(last, last + 1) && !s.token(last).isPossessive()
                    && nameOrUnknown(s, last + 1) && !s.isInitial(last + 1)) {
                last++;
            }
            boolean facilityAfter = last + 1 < s.size() && s.adjacent(last, last + 1)
                    && FACILITY_WORDS.contains(s.token(last + 1).lower());
            boolean saint = first > 0 && isSaintOrFacilityPrefix(s, first - 1);
            boolean run = last > first && !(last == first + 1 && s.isInitial(first) && s.token(first).end() + 1 < s.text().length()
                    && s.text().charAt(s.token(first).end()) != '.');
            boolean region = lexicon.isRegion(s.text().substring(s.token(first).start(), s.token(last).coreEnd())
                    .toLowerCase(java.util.Locale.ROOT));
            if (!facilityAfter && !saint && !region && (run || personContextAfter(s, last) || personQuestionBefore(s, first))) {
                emit(s, first, last, Candidate.DICTIONARY, out);
                emitCoordinated(s, last, out);
                emitCoordinatedBefore(s, first, last, out);
            } else if (!facilityAfter && !saint && !region && first == last) {
                int second = coordinatedAfter(s, last);
                if (second > 0 && (isUnknownProper(s, second) || isPlainGivenName(s, second)) && personPair(s, first, second)) {
                    emit(s, first, first, Candidate.DICTIONARY, out);
                    emit(s, second, second, Candidate.DICTIONARY, out);
                    last = second;
                }
            }
            i = last;
        }
    }

    /**
     * "Dawn Whitlock", "Sunny Okonjo": a given-name word before a word in no dictionary is a first name. "Will" opening
     * a sentence is the verb ("Will Olumiant help?"), and inside a title every word is capitalised ("Adaptive Gene
     * Polymorphisms").
     */
    private boolean givenNameWordBefore(ScannedText s, int j) {
        Token t = s.token(j);
        boolean titleCase = j > 0 && !s.isSentenceInitial(j) && s.adjacent(j - 1, j) && s.token(j - 1).isCapitalised();
        return t.isCapitalised() && !t.isAllCaps() && lexicon.isGivenNameWord(t.lower()) && !s.isClinical(j) && !titleCase
                && !isCalendarWord(t.lower()) && !(s.isSentenceInitial(j) && t.lower().equals("will"));
    }

    private boolean nameOrUnknown(ScannedText s, int j) {
        Token t = s.token(j);
        if (!t.isCapitalised() || s.isClinical(j) || TITLES.contains(t.lower()) || NOT_NAMES.contains(t.lower())
                || isCalendarWord(t.lower()) || lexicon.isEponymHead(t.lower()) || FACILITY_WORDS.contains(t.lower())) {
            return false;
        }
        return s.isInitial(j) || isUnknownProper(s, j) || isPlainGivenName(s, j) || isPlainSurname(s, j);
    }

    boolean isUnknownProper(ScannedText s, int i) {
        return !s.isClinical(i) && !doseFollows(s, i) && !gluedToDigit(s, s.token(i)) && isUnknownWord(s.token(i));
    }

    /** "Meis1", "Pax6", "2Ng": a word with a digit attached is a gene, a code or a unit, never a name. */
    private static boolean gluedToDigit(ScannedText s, Token t) {
        String text = s.text();
        return (t.end() < text.length() && Character.isDigit(text.charAt(t.end())))
                || (t.start() > 0 && Character.isDigit(text.charAt(t.start() - 1)));
    }

    /**
     * The word itself, whatever its context: capitalised, in no dictionary (English, clinical,
     * names that are words, places too large to be PHI), and with no medical, Latin, drug or brand
     * shape. {@link #isUnknownProper} adds the context: not inside an eponym, no dose after it.
     */
    boolean isUnknownWord(Token t) {
        String lower = t.lower();
        if (!t.isCapitalised() || t.isAllCaps() || t.coreEnd() - t.start() < 3
                || NOT_NAMES.contains(lower) || TITLES.contains(lower) || FACILITY_WORDS.contains(lower) || isCalendarWord(lower)
                || lexicon.isEponymHead(lower) || lexicon.isNameWord(lower) || lexicon.isRegion(lower)
                || lexicon.isStreetSuffix(lower) || drugShaped(lower) || innerCapitals(t.text())) {
            return false;
        }
        if (lower.length() > 4 && lower.endsWith("s") && lexicon.isEnglishWord(lower.substring(0, lower.length() - 1))
                && !lexicon.isAnyName(lower)) {
            return false; // a plural the word list lacks: "Boomers", "Lifters"
        }
        String[] parts = lower.split("-");
        boolean unlisted = false;
        for (String part : parts) {
            // "Oyelaran-Smith": in a double-barrelled name a listed surname may also be an English word.
            boolean listedPart = parts.length > 1 && lexicon.isAnyName(part);
            if (part.length() < 2 || (lexicon.isEnglishWord(part) && !listedPart) || lexicon.isClinicalTerm(part)
                    || (ScannedText.endsWith(WORDLIKE_SUFFIX, part, 8) && !lexicon.isAnyName(part))) {
                return false;
            }
            unlisted |= !lexicon.isEnglishWord(part);
        }
        return unlisted;
    }

    private boolean personContextAfter(ScannedText s, int last) {
        if (s.token(last).isPossessive()) {
            int next = last + 1;
            if (next < s.size() && s.adjacent(last, next) && s.token(next).lower().equals("been")) {
                // "Brooke's been feeling…", "Tolu's been on sertraline": "'s" is "has", and what follows is a person's state.
                String after = s.text().substring(s.token(next).end(), Math.min(s.text().length(), s.token(next).end() + 60));
                return BEEN_STATE_AFTER.matcher(after).lookingAt() || onTreatment(s, next, after, BEEN_ON_AFTER);
            }
            return next < s.size() && s.adjacent(last, next) && PERSON_NOUNS.matcher(s.token(next).lower()).matches();
        }
        String after = s.text().substring(s.token(last).end(), Math.min(s.text().length(), s.token(last).end() + 60));
        return PERSON_VERB_AFTER.matcher(after).lookingAt() || RELATION_APPOSITION.matcher(after).lookingAt()
                || HAS_SYMPTOM_AFTER.matcher(after).lookingAt() || onTreatment(s, last, after);
    }

    /** "Tolu is on apixaban", "Hope has been on warfarin 3 mg": the word after "on" is a drug or a clinical term. */
    private boolean onTreatment(ScannedText s, int last, String after) {
        return onTreatment(s, last, after, STATE_AFTER);
    }

    private boolean onTreatment(ScannedText s, int last, String after, Pattern stateAfter) {
        Matcher state = stateAfter.matcher(after);
        if (!state.lookingAt()) {
            return false;
        }
        int next = s.tokenAtOrAfter(s.token(last).end() + state.end());
        if (next >= s.size() || s.token(next).start() != s.token(last).end() + state.end()) {
            return false;
        }
        String lower = s.token(next).lower();
        boolean unknownLowercase = !s.token(next).isCapitalised() && lower.length() >= 5 && !lexicon.isEnglishWord(lower);
        return lexicon.isClinicalTerm(lower) || drugShaped(lower) || unknownLowercase || doseFollows(s, next);
    }

    /**
     * A name that is also a word ("Hope", "Will", "Sunny") where only a person can stand: before a possessive
     * and what a person has ("Will's CURB-65", "Hope's creatinine", "Grace's mum"), as the subject of a question
     * about what someone may do or take ("Can Will have…", "can hope keep taking…"), before a person's verb or a
     * bracketed relation ("Dawn said", "Sunny (my husband)"). Surnames and eponyms among such words ("Bell",
     * "Graves") are not in the given-name-word list and keep needing a cue.
     */
    private void detectGivenNameWords(ScannedText s, List<Candidate> out) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            String lower = t.lower();
            if (!lexicon.isGivenNameWord(lower) || s.isClinical(i) || isCalendarWord(lower) || t.isAllCaps()) {
                continue;
            }
            boolean person;
            if (!t.isCapitalised()) {
                person = !t.isPossessive() && personQuestionBefore(s, i, TREATMENT_ACTION_AFTER);
            } else if (t.isPossessive()) {
                person = possessedAttribute(s, i);
            } else {
                person = personContextAfter(s, i) || personQuestionBefore(s, i, TREATMENT_ACTION_AFTER)
                        || personQuestionBefore(s, i, PERSON_ACTION_AFTER) || modalAction(s, i);
            }
            if (person) {
                emit(s, i, i, Candidate.DICTIONARY, out);
            }
        }
    }

    /**
     * A lower-case word in no dictionary as the subject of a question about what someone may do: "can tolu have calpol",
     * "should temi take her iron". Drugs typed in lower case carry a stem, a medical ending or a clinical listing, and
     * what a drug may do ("be given", "work") is no person's action here.
     */
    private void detectLowercaseQuestionSubjects(ScannedText s, List<Candidate> out) {
        for (int i = 1; i < s.size(); i++) {
            if (s.token(i).isCapitalised() || s.token(i).isPossessive() || !QUESTION_WORDS.contains(s.token(i - 1).lower())
                    || !isLowercaseUnknown(s, i)) {
                continue;
            }
            String after = s.text().substring(s.token(i).end(), Math.min(s.text().length(), s.token(i).end() + 40));
            String before = s.text().substring(Math.max(0, s.token(i).start() - 40), s.token(i).start());
            if (PERSON_QUESTION_BEFORE.matcher(before).find() && (LOWERCASE_SUBJECT_ACTION.matcher(after).lookingAt()
                    || (HAVE_AFTER.matcher(after).lookingAt() && treatmentAfterHave(s, i)))) {
                emit(s, i, i, Candidate.DICTIONARY, out);
            }
        }
    }

    /** The word right before the subject of a question about a person (see PERSON_QUESTION_BEFORE). */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "can", "could", "should", "may", "will", "would", "does", "did", "must", "for");
    private static final Pattern LOWERCASE_SUBJECT_ACTION = Pattern.compile(
            "(?i)\\s+(?:still\\s+|safely\\s+)?(?:take|drive|fly|travel|eat|drink|swim|breastfeed|go (?:to|home|back)|return to|attend"
            + "|shower|bathe|keep taking|stop taking|start taking|carry on taking)\\b");
    private static final Pattern HAVE_AFTER = Pattern.compile("(?i)\\s+(?:still\\s+)?have\\s+");

    /** "have calpol", "have the MMR", "have 5 mg": a treatment after "have". */
    private boolean treatmentAfterHave(ScannedText s, int i) {
        int next = i + 1;
        if (next < s.size() && (s.token(next).lower().equals("still"))) {
            next++;
        }
        if (next >= s.size() || !s.token(next).lower().equals("have")) {
            return false;
        }
        int t = next + 1;
        if (t < s.size() && (s.token(t).lower().equals("the") || s.token(t).lower().equals("a") || s.token(t).lower().equals("an")
                || s.token(t).lower().equals("her") || s.token(t).lower().equals("his"))) {
            t++;
        }
        if (t >= s.size()) {
            return false;
        }
        String lower = s.token(t).lower();
        return lexicon.isClinicalTerm(lower) || drugShaped(lower) || s.token(t).isAllCaps() || doseFollows(s, t)
                || (!s.token(t).isCapitalised() && !lexicon.isEnglishWord(lower) && lower.length() >= 4)
                || ATTRIBUTE_NOUNS.matcher(lower).matches();
    }

    /** "Faith could continue…", "Grace shouldn't take…": a modal, then what a person does with a treatment. */
    private boolean modalAction(ScannedText s, int i) {
        String after = s.text().substring(s.token(i).end(), Math.min(s.text().length(), s.token(i).end() + 50));
        Matcher modal = MODAL_BEFORE_ACTION.matcher(after);
        if (!modal.lookingAt()) {
            return false;
        }
        String rest = after.substring(modal.end());
        return TREATMENT_ACTION_AFTER.matcher(rest).lookingAt() || PERSON_ACTION_AFTER.matcher(rest).lookingAt();
    }

    private static final Pattern WORD_AFTER_POSSESSIVE = Pattern.compile("[\\p{L}\\d][\\p{L}\\d-]*");

    /** After "X's": a relative, a body part, a reading, a score or a drug ("CURB-65", "HbA1c", "ECG", "apixaban"). */
    private boolean possessedAttribute(ScannedText s, int i) {
        int next = i + 1;
        if (next >= s.size() || !s.adjacent(i, next)) {
            return false;
        }
        Token n = s.token(next);
        String lower = n.lower();
        Matcher raw = WORD_AFTER_POSSESSIVE.matcher(s.text()).region(n.start(), s.text().length());
        String word = raw.lookingAt() ? raw.group().toLowerCase(java.util.Locale.ROOT) : lower;
        return PERSON_NOUNS.matcher(lower).matches() || ATTRIBUTE_NOUNS.matcher(lower).matches()
                || ATTRIBUTE_NOUNS.matcher(word).matches() || (n.isAllCaps() && n.coreEnd() - n.start() <= 6)
                || lexicon.isClinicalTerm(lower) || lexicon.isClinicalTerm(word) || drugShaped(lower);
    }

    private boolean personQuestionBefore(ScannedText s, int first) {
        return personQuestionBefore(s, first, PERSON_ACTION_AFTER);
    }

    private boolean personQuestionBefore(ScannedText s, int first, Pattern action) {
        String before = s.text().substring(Math.max(0, s.token(first).start() - 40), s.token(first).start());
        String after = s.text().substring(s.token(first).end(), Math.min(s.text().length(), s.token(first).end() + 30));
        return PERSON_QUESTION_BEFORE.matcher(before).find() && action.matcher(after).lookingAt();
    }

    static boolean drugShaped(String lower) {
        return ScannedText.endsWith(DRUG_STEM, lower, 12);
    }

    /** "NovoRapid", "FlexPen": capitals inside a word mark a brand, except in Mc/Mac/O'/De/Di/La/Le names. */
    private static boolean innerCapitals(String text) {
        for (int k = 1; k < text.length(); k++) {
            char c = text.charAt(k);
            char prev = text.charAt(k - 1);
            if (Character.isUpperCase(c) && Character.isLetter(prev) && !NAME_CAPITAL_PREFIX.matcher(text.substring(0, k)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean doseFollows(ScannedText s, int i) {
        String after = s.text().substring(s.token(i).end(), Math.min(s.text().length(), s.token(i).end() + 20));
        return DOSE_AFTER.matcher(after).lookingAt();
    }

    private static void emit(ScannedText s, int first, int last, int priority, List<Candidate> out) {
        Token a = s.token(first);
        Token b = s.token(last);
        out.add(new Candidate(PhiType.NAME, a.start(), b.coreEnd(), priority));
    }

    private static boolean commaInverted(ScannedText s, int left, int right) {
        return s.text().substring(s.token(left).end(), s.token(right).start()).equals(", ");
    }
}
