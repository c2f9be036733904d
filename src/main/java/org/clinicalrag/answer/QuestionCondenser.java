package org.clinicalrag.answer;

import java.util.List;

/** Turns a follow-up and the conversation before it into a question that retrieves on its own. */
@FunctionalInterface
public interface QuestionCondenser {

    String standalone(String question, List<AskService.Turn> history);
}
