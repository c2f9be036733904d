package org.clinicalrag.answer;

import org.clinicalrag.ingest.DocumentStatus;
import org.clinicalrag.ingest.GuidelineDocument;

import java.time.LocalDate;
import java.util.Map;

/**
 * The warnings a cited document version earns whoever wrote the answer: superseded, or past its review date. One
 * warning per document version, naming the first marker that cites it.
 */
final class SourceWarnings {

    private SourceWarnings() {
    }

    static void add(Map<String, AnswerWarning> warnings, int n, GuidelineDocument d, LocalDate today) {
        if (d.status() == DocumentStatus.SUPERSEDED) {
            warnings.putIfAbsent(AnswerWarning.SUPERSEDED_SOURCE + d.key(), new AnswerWarning(AnswerWarning.SUPERSEDED_SOURCE,
                    "[" + n + "] cites " + d.title() + " version " + d.version() + ", which has been superseded; it is not current guidance."));
        }
        if (d.isStale(today)) {
            warnings.putIfAbsent(AnswerWarning.STALE_SOURCE + d.key(), new AnswerWarning(AnswerWarning.STALE_SOURCE,
                    "[" + n + "] cites " + d.title() + " version " + d.version() + ", whose review date (" + d.reviewDate()
                            + ") has passed; check that it is still valid."));
        }
    }
}
