package org.clinicalrag.api;

import org.clinicalrag.answer.Answer;
import org.clinicalrag.answer.AnswerStatus;
import org.clinicalrag.answer.AnswerWarning;
import org.clinicalrag.answer.AskService;
import org.clinicalrag.answer.Citation;

import java.util.List;
import java.util.Map;

/**
 * Body of a /v1/ask answer (DESIGN.md). {@code verification} is present when a model wrote the answer: how many of
 * its sentences were checked, removed, or kept unverified.
 */
public record AskResponse(String requestId, AnswerStatus status, String answer, List<Citation> citations,
                          List<AnswerWarning> warnings, String answerer, Map<String, Long> timingsMs,
                          Answer.Confidence confidence, Answer.Verification verification) {

    static AskResponse from(AskService.AskResult r) {
        return new AskResponse(r.requestId(), r.answer().status(), r.answer().text(), r.answer().citations(),
                r.answer().warnings(), r.answer().answerer(), r.timingsMs(), r.answer().confidence(),
                r.answer().verification());
    }
}
