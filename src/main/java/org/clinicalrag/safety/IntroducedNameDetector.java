package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who introduces themselves or a relative in chat, typed in lower case: "this is june baker", "i'm sandy wu",
 * "my dad frank delaney". After such a cue a given name and a listed surname are a name even when the surname is
 * also an English word or has two letters, which the general lower-case rules must not assume.
 */
final class IntroducedNameDetector implements PhiDetector {

    private static final Pattern INTRODUCED = Pattern.compile("(?i:\\b(?:this is|i'?m|i’m|i am|its|it's|it’s|my name is|name's"
            + "|(?:my|our) (?:" + NameDetector.RELATIONS + "))\\s+)(?<given>\\p{Ll}[\\p{Ll}'’-]+)\\s+(?<surname>\\p{Ll}[\\p{Ll}'’-]+)\\b");

    /**
     * "its faith here", "Bill here, my wife…", "Dusty from the pharmacy here", "its Dusty from 3 West": a given name
     * alone, signing on at the start of a chat message, perhaps with where the writer works.
     */
    private static final Pattern SIGNING_ON = Pattern.compile("(?:(?i:\\b(?:this is|it'?s|its|it’s|i'?m|i’m|im)\\s+)"
            + "|(?m)^\\s*(?:(?i:hi|hello|hey),?\\s+)?)(?<given>\\p{L}[\\p{L}'’-]+)"
            + "(?:\\s+(?i:from|at|on|in)\\s+[^.,;:!?\\n]{1,40}?)?\\s+(?i:here)\\b");
    private static final Pattern SIGNING_ON_FROM = Pattern.compile("(?i:\\b(?:this is|it'?s|its|it’s)\\s+)"
            + "(?<given>\\p{L}[\\p{L}'’-]+)\\s+(?i:from|on|in) (?:the )?(?:\\d|\\p{Lu}|(?i:pharmacy|ward|clinic|icu|ed|er|lab|unit))");

    /**
     * "pt dawn rivers, 94", "mrs rose garden (dob…": after a word that announces a person, a lower-case given name and
     * the word that closes the phrase are a name, whatever that word means on its own.
     */
    private static final Pattern ANNOUNCED = Pattern.compile("(?:^|(?<=[\\s(\\[\"']))(?i:pt|patient|mrs?\\.?|ms\\.?|miss|mx)\\s+"
            + "(?<given>\\p{Ll}[\\p{Ll}'’-]+)\\s+(?<surname>\\p{Ll}[\\p{Ll}'’-]{2,})(?=\\s*(?:[,(;:]|$)|\\s+(?:is|was|has|had|who|aged?|dob|born)\\b)");
    /** What may close a phrase after a given-name word without being a surname: "pt rose overnight,", "pt will rest;". */
    private static final Set<String> NOT_SURNAMES = Set.of("overnight", "today", "yesterday", "again", "well",
            "better", "worse", "up", "down", "fine", "ok", "okay", "stable", "now", "home", "early", "late", "here", "there", "too",
            "also", "still", "once", "twice", "quickly", "slowly", "nicely", "alone", "anyway", "though", "instead", "tonight");

    private final Lexicon lexicon;

    IntroducedNameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        for (Pattern signingOn : List.of(SIGNING_ON, SIGNING_ON_FROM)) {
            scanned.forEachMatch(signingOn, m -> {
                String given = m.group("given").toLowerCase(Locale.ROOT);
                if ((lexicon.isGivenName(given) || lexicon.isGivenNameWord(given)) && !lexicon.isClinicalTerm(given)
                        && !NameDetector.NOT_NAMES.contains(given) && !given.equals("will") && !given.equals("may")) {
                    out.add(new Candidate(PhiType.NAME, m.start("given"), m.end("given"), Candidate.CUED));
                }
            });
        }
        scanned.forEachMatch(ANNOUNCED, m -> {
            String given = m.group("given").toLowerCase(Locale.ROOT);
            String surname = m.group("surname").toLowerCase(Locale.ROOT);
            if ((lexicon.isGivenName(given) || lexicon.isGivenNameWord(given)) && !given.equals("will") && !given.equals("may")
                    && !lexicon.isClinicalTerm(given) && !lexicon.isClinicalTerm(surname) && !DrugNameShape.looksLikeDrug(surname)
                    && !NOT_SURNAMES.contains(surname) && !NameDetector.NOT_NAMES.contains(surname) && !surname.endsWith("ly")) {
                out.add(new Candidate(PhiType.NAME, m.start("given"), m.end("surname"), Candidate.CUED));
            }
        });
        scanned.forEachMatch(INTRODUCED, m -> {
            String given = m.group("given").toLowerCase(Locale.ROOT);
            String surname = m.group("surname").toLowerCase(Locale.ROOT);
            if ((lexicon.isGivenName(given) || lexicon.isNameWord(given)) && (lexicon.isSurname(surname) || lexicon.isNameWord(surname))
                    && !lexicon.isClinicalTerm(given) && !lexicon.isClinicalTerm(surname)) {
                out.add(new Candidate(PhiType.NAME, m.start("given"), m.end("surname"), Candidate.CUED));
            }
        });
    }
}
