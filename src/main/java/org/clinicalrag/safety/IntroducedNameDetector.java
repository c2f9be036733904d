package org.clinicalrag.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person who introduces themselves or a relative in chat, typed in lower case: "this is june baker", "i'm sandy wu",
 * "my dad frank delaney". After such a cue a given name and a listed surname are a name even when the surname is
 * also an English word or has two letters, which the general lower-case rules must not assume.
 */
final class IntroducedNameDetector implements PhiDetector {

    private static final Pattern INTRODUCED = Pattern.compile("(?i:\\b(?:this is|i'?m|i’m|i am|its|it's|it’s|my name is|name's"
            + "|(?:my|our) (?:" + NameDetector.RELATIONS + "))\\s+)(?<given>\\p{Ll}[\\p{Ll}'’-]+)\\s+(?<surname>\\p{Ll}[\\p{Ll}'’-]+)\\b");

    /** "its faith here", "Bill here, my wife…": a given name alone, signing on at the start of a chat message. */
    private static final Pattern SIGNING_ON = Pattern.compile("(?:(?i:\\b(?:this is|it'?s|its|it’s|i'?m|i’m|im)\\s+)|(?m)^\\s*(?:(?i:hi|hello|hey),?\\s+)?)"
            + "(?<given>\\p{L}[\\p{L}'’-]+)\\s+here\\b");

    private final Lexicon lexicon;

    IntroducedNameDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public void detect(ScannedText scanned, List<Candidate> out) {
        scanned.forEachMatch(SIGNING_ON, m -> {
            String given = m.group("given").toLowerCase(Locale.ROOT);
            if ((lexicon.isGivenName(given) || lexicon.isGivenNameWord(given)) && !lexicon.isClinicalTerm(given)
                    && !NameDetector.NOT_NAMES.contains(given) && !given.equals("will") && !given.equals("may")) {
                out.add(new Candidate(PhiType.NAME, m.start("given"), m.end("given"), Candidate.CUED));
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
