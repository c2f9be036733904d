package org.clinicalrag.answer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a follow-up ("and if her CrCl is 25?") into a question that retrieves on its own, without a model: a short
 * question that leans on the conversation is joined to the user's previous question, whose subject it inherits.
 */
public final class ConversationCondenser {

    private static final Pattern LEANS_ON_CONTEXT = Pattern.compile(
            "(?i)^(and|but|also|so|what about|how about|and if|if|what if|then|same|does that|is that|is it|"
                    + "can (?:she|he|they|i)|should (?:she|he|they|i))\\b|\\b(it|its|that|this|those|these|them|she|he|her|his|they|their|same)\\b");

    private ConversationCondenser() {
    }

    public static String standalone(String question, List<AskService.Turn> history) {
        if (history == null || history.isEmpty()) {
            return question;
        }
        String previous = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            AskService.Turn turn = history.get(i);
            if ("user".equalsIgnoreCase(turn.role()) && turn.content() != null && !turn.content().isBlank()) {
                previous = turn.content().strip();
                break;
            }
        }
        if (previous == null) {
            return question;
        }
        boolean shortQuestion = question.strip().split("\\s+").length <= 6;
        return shortQuestion || LEANS_ON_CONTEXT.matcher(question).find() ? previous + " " + question.strip() : question;
    }
}
