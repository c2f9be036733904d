package org.clinicalrag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.PhiSpan;
import org.clinicalrag.safety.PhiType;
import org.junit.jupiter.api.Test;

/** The scoring arithmetic, checked against a hand-made de-identifier with known output. */
class DeidentificationScoreTest {

    private static final String TEXT = "Mary Jones, MRN 123456, lives in Leeds; Eliquis 5 mg.";

    /** Removes "Mary" only (a half-removed name), the MRN typed as OTHER_ID, and "Eliquis" by mistake. */
    private static final Deidentifier FAKE = text -> new Deidentified("irrelevant", List.of(
            new PhiSpan(PhiType.NAME, 0, 4),
            new PhiSpan(PhiType.OTHER_ID, 16, 22),
            new PhiSpan(PhiType.NAME, 40, 47)));

    private static LabelledSet set() {
        return new LabelledSet(List.of(new LabelledExample("x1", TEXT,
                List.of(new LabelledPhi(PhiType.NAME, "Mary Jones"), new LabelledPhi(PhiType.MRN, "123456"),
                        new LabelledPhi(PhiType.LOCATION, "Leeds")),
                List.of("Eliquis 5 mg"), null)));
    }

    @Test
    void recallNeedsFullCoverageButNotTheRightType() {
        ScoreReport report = DeidentificationScore.score(FAKE, set());
        assertEquals(0.0, report.recall(PhiType.NAME));
        assertEquals(1.0, report.recall(PhiType.MRN));
        assertEquals(0.0, report.typedRecall(PhiType.MRN));
        assertEquals(0.0, report.recall(PhiType.LOCATION));
        assertEquals(1.0 / 3, report.overallRecall(), 1e-9);
    }

    @Test
    void precisionCountsRemovedSpansOverlappingAnyLabel() {
        ScoreReport report = DeidentificationScore.score(FAKE, set());
        assertEquals(0.5, report.precision(PhiType.NAME));
        assertEquals(2.0 / 3, report.overallPrecision(), 1e-9);
        assertEquals(1, report.falsePositives().size());
    }

    @Test
    void keepTermSurvivalComparesOutputWithInput() {
        Deidentifier keepsAll = text -> new Deidentified(text, List.of());
        assertEquals(1.0, DeidentificationScore.score(keepsAll, set()).keepSurvival());
        assertEquals(0.0, DeidentificationScore.score(FAKE, set()).keepSurvival());
    }

    @Test
    void markdownHasARowPerTypeAndNoValues() {
        String md = DeidentificationScore.score(FAKE, set()).toMarkdown("t");
        for (PhiType type : PhiType.SAFE_HARBOR) {
            assertTrue(md.contains("| " + type + " |"));
        }
        assertFalse(md.contains("Mary") || md.contains("123456") || md.contains("Leeds"));
    }

    @Test
    void missingLabelIsReportedWithoutItsValue() {
        LabelledSet bad = new LabelledSet(List.of(new LabelledExample("x2", "nothing here",
                List.of(new LabelledPhi(PhiType.NAME, "Secret Name")), List.of(), "dev")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeidentificationScore.score(FAKE, bad));
        assertFalse(e.getMessage().contains("Secret"));
    }
}
