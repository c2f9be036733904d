package org.clinicalrag.safety;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds text in a document that addresses an AI assistant instead of a clinician ("ignore previous instructions",
 * "you are now…", "system prompt", chat-template tokens), including obfuscated forms: zero-width characters,
 * letters spaced out, full-width or accented look-alikes, leetspeak. Documents are data; such passages are kept
 * searchable but never used as evidence.
 */
public final class InstructionDetector {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD]");
    private static final Pattern SPACED_LETTERS = Pattern.compile("\\b(?:[a-z] ){3,}[a-z]\\b");
    private static final List<Pattern> SIGNS = List.of(
            Pattern.compile("\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(previous|prior|above|earlier|all|any|your|the|system)\\b.{0,20}\\b(instruction|instructions|prompt|prompts|rules|guidance|context|directions)\\b"),
            Pattern.compile("\\b(new|updated|revised|real|actual|hidden|secret) (instructions?|system prompt|directive)\\b"),
            Pattern.compile("\\byou (are|must|should|will|shall) (now|from now on|hereby|always|never)\\b"),
            Pattern.compile("\\bfrom now on\\b.{0,60}\\b(answer|respond|reply|say|tell|recommend|state)\\b"),
            Pattern.compile("\\b(ai|language model|llm|chatbot|assistant|model)\\b.{0,40}\\b(must|should|will|always|never|instructed|required)\\b.{0,40}\\b(answer|respond|reply|say|tell|recommend|state|output|print)\\b"),
            Pattern.compile("\\b(as an ai|system prompt|jailbreak|developer mode|dan mode|prompt injection)\\b"),
            Pattern.compile("\\b(pretend|act|behave|roleplay|role-play) (to be|as|like) (a|an|the)?\\s*(different|unrestricted|new|another)?\\s*(assistant|ai|model|chatbot|doctor|pharmacist|system)\\b"),
            Pattern.compile("\\b(when|if) (asked|questioned|anyone asks|a user asks)\\b.{0,80}\\b(answer|respond|reply|say|tell them|state)\\b"),
            Pattern.compile("\\b(do not|don't|never) (mention|reveal|tell|cite|disclose|show)\\b.{0,40}\\b(this|these|instructions?|source|prompt|user)\\b"),
            Pattern.compile("<\\|?(im_start|im_end|system|assistant|user|endoftext)\\|?>|\\[/?inst\\]|^#{2,} ?(system|instruction|assistant)\\b|\\b(system|assistant):\\s"));

    private InstructionDetector() {
    }

    public static boolean looksLikeInstruction(String text) {
        String normal = normalise(text);
        return SIGNS.stream().anyMatch(p -> p.matcher(normal).find());
    }

    /** Folds the usual disguises so that one set of patterns sees through them. */
    static String normalise(String text) {
        String s = Normalizer.normalize(INVISIBLE.matcher(text).replaceAll(""), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        s = s.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's').replace('7', 't')
                .replace('@', 'a').replace('$', 's');
        StringBuilder out = new StringBuilder();
        var m = SPACED_LETTERS.matcher(s);
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start()).append(m.group().replace(" ", ""));
            last = m.end();
        }
        return out.append(s.substring(last)).toString().replaceAll("\\s+", " ");
    }
}
