package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name written surname first, as EHRs, lab systems and wristbands print it: "Name: VAN DER BERG, Pieter J",
 * "PT: de los Santos, Maria Luz", "reviewed by van der Berg, Pieter", "the summary for Mercer, Quentin to …", "1) Rivers, Misty (sister)", "pharm. Ng, W.".
 * After a field's colon, a pipe, a list number or a word that introduces a person, words then a comma then a listed
 * given name (or an initial, any name with a relation in brackets after it, or any name after a particle surname that a
 * person cue introduces) are one person, even when the surname
 * is also a place or a word or carries particles: what follows the comma is the evidence the general rules lack.
 */
final class InvertedNameDetector implements PhiDetector {

    private static final String CAPITALISED = "\\p{Lu}[\\p{L}'’-]*";
    private static final Pattern INVERTED = Pattern.compile("(?m)(?<=(?:^|[:|;(]|\\d[).]|\\b(?i:by|attn|cc|per|from|to|for|re|with|and|pt|patient|pharm\\.?"
            + "|rn|md|np|pa|dr\\.?))\\s{0,3})(?<surname>(?:(?i:" + String.join("|", NameDetector.NAME_PARTICLES) + ") ){0,3}"
            + CAPITALISED + "(?: " + CAPITALISED + "){0,2}),\\s+"
            + "(?<given>\\p{Lu}[\\p{L}'’-]*\\.?)(?<more>(?: \\p{Lu}[\\p{L}'’-]*| \\p{Lu}\\.?)?)(?=\\s*(?:$|[|;,()]|\\.\\s|\\s{2}|\\s+\\p{Lu}\\p{Ll}*[#:]|\\s+(?:w/?|with|has|is|was|aged?|dob|DOB|to|at|in|on|from|for)\\b))");
    private static final Pattern RELATION_AFTER = Pattern.compile("(?i)\\s*\\((?:" + NameDetector.RELATIONS + "|neighbou?r|friend|carer|caregiver"
            + "|guardian|partner|spouse|niece|nephew|cousin|aunt|uncle|grand\\w+)\\)");

    private static final Pattern PATIENT_BEFORE = Pattern.compile("(?i)\\b(?:pt|patient|name)\\s*:?\\s{1,2}$");
    /** Words that hand over to a person: "reviewed by", "attn", "verified by pharm.". */
    private static final Pattern PERSON_CUE = Pattern.compile("(?i)\\b(?:by|attn|cc|per|pharm\\.?|rn|md|np|pa|dr\\.?)\\s{0,3}$");

    private final Lexicon lexicon;

    InvertedNameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        String text = scanned.text();
        scanned.forEachMatch(INVERTED, m -> {
            String given = m.group("given");
            String lowerGiven = given.replace(".", "").toLowerCase(Locale.ROOT);
            boolean initial = lowerGiven.length() == 1;
            boolean relation = RELATION_AFTER.matcher(text).region(m.end(), text.length()).lookingAt();
            boolean listedGiven = (lexicon.isGivenName(lowerGiven) || lexicon.isGivenNameWord(lowerGiven)) && !lexicon.isClinicalTerm(lowerGiven);
            String[] surname = m.group("surname").split(" ");
            boolean withParticle = surname.length > 1 && NameDetector.NAME_PARTICLES.contains(surname[0].toLowerCase(Locale.ROOT));
            boolean personCue = PERSON_CUE.matcher(text).region(Math.max(0, m.start() - 12), m.start()).find();
            // "ADDISON, Parkinson J": a capitals surname, a given name and a middle initial is a wristband's shape,
            // strong enough to take even eponyms as a person
            boolean wristband = m.group("more").trim().replace(".", "").length() == 1
                    && m.group("surname").chars().noneMatch(Character::isLowerCase) && given.length() > 1
                    // "pt Crohn, Bernard w Crohn disease": a patient cue, one surname and a plain given name
                    || PATIENT_BEFORE.matcher(text).region(Math.max(0, m.start() - 10), m.start()).find()
                    && !m.group("surname").contains(" ") && lexicon.isGivenName(lowerGiven) && !lexicon.isNameWord(lowerGiven)
                    && !lexicon.isClinicalTerm(lowerGiven);
            if (!(listedGiven || relation || initial || wristband || withParticle && personCue)) {
                return;
            }
            for (int i = 0; i < surname.length; i++) {
                String word = surname[i];
                String lower = word.toLowerCase(Locale.ROOT);
                boolean last = i == surname.length - 1;
                boolean particle = !last && NameDetector.NAME_PARTICLES.contains(lower);
                boolean listed = lexicon.isAnyName(lower) || !lexicon.isEnglishWord(lower);
                // an initial alone is weak evidence: the surname itself must be a name ("Ng, W."), not "Hb, K."
                boolean nameShaped = wristband || Character.isUpperCase(word.charAt(0)) && !lexicon.isClinicalTerm(lower)
                        && (initial && !relation && !listedGiven ? lexicon.isSurname(lower) || personCue && listed
                        : listed || relation || withParticle || word.chars().noneMatch(Character::isLowerCase));
                if (!particle && !nameShaped) {
                    return;
                }
            }
            out.add(new Candidate(PhiType.NAME, m.start("surname"), Math.max(m.end("more"), m.end("given")), Candidate.CUED));
        });
    }

}
