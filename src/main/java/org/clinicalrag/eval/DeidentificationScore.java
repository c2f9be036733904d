package org.clinicalrag.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinicalrag.safety.Deidentified;
import org.clinicalrag.safety.Deidentifier;
import org.clinicalrag.safety.PhiSpan;
import org.clinicalrag.safety.PhiType;

/**
 * Scores a {@link Deidentifier} against a {@link LabelledSet}.
 *
 * <p>Recall counts a labelled occurrence as removed only when every letter and digit of it lies
 * inside removed spans, whatever their type: a half-removed name still leaks. "Typed recall"
 * additionally requires the labelled type. Precision is the share of removed spans that overlap
 * some labelled occurrence. A keep term survives when the output contains it at least as often
 * as the input does.
 */
public final class DeidentificationScore {

    private DeidentificationScore() {
    }

    public static ScoreReport score(Deidentifier deidentifier, LabelledSet set) {
        Map<PhiType, int[]> counts = new EnumMap<>(PhiType.class);
        for (PhiType type : PhiType.values()) {
            counts.put(type, new int[5]);
        }
        int keepTotal = 0;
        int keepSurvived = 0;
        List<ScoreReport.Miss> misses = new ArrayList<>();
        List<ScoreReport.Miss> falsePositives = new ArrayList<>();
        List<ScoreReport.Miss> lostKeeps = new ArrayList<>();

        for (LabelledExample example : set.examples()) {
            Deidentified result = deidentifier.deidentify(example.text());
            List<int[]> labelled = locate(example);
            for (int k = 0; k < labelled.size(); k++) {
                int[] occurrence = labelled.get(k);
                PhiType type = example.phi().get(k).type();
                int[] c = counts.get(type);
                c[ScoreReport.SUPPORT]++;
                if (covered(example.text(), occurrence, result.removed(), null)) {
                    c[ScoreReport.DETECTED]++;
                } else {
                    misses.add(new ScoreReport.Miss(example.id(), type, occurrence[0], occurrence[1]));
                }
                if (covered(example.text(), occurrence, result.removed(), type)) {
                    c[ScoreReport.TYPED]++;
                }
            }
            for (PhiSpan span : result.removed()) {
                int[] c = counts.get(span.type());
                c[ScoreReport.REMOVED]++;
                boolean hit = labelled.stream().anyMatch(o -> span.overlaps(o[0], o[1]));
                if (!hit) {
                    falsePositives.add(new ScoreReport.Miss(example.id(), span.type(), span.start(), span.end()));
                }
                if (hit) {
                    c[ScoreReport.REMOVED_CORRECT]++;
                }
            }
            for (String term : example.keep()) {
                int before = occurrences(example.text(), term);
                if (before == 0) {
                    throw new IllegalArgumentException("example " + example.id() + ": a keep term does not occur in its text");
                }
                keepTotal++;
                if (occurrences(result.text(), term) >= before) {
                    keepSurvived++;
                } else {
                    int at = example.text().indexOf(term);
                    lostKeeps.add(new ScoreReport.Miss(example.id(), null, at, at + term.length()));
                }
            }
        }
        return new ScoreReport(set.size(), counts, keepTotal, keepSurvived, misses, falsePositives, lostKeeps);
    }

    /**
     * Offsets of each labelled occurrence: the first occurrence of its text that does not overlap
     * an occurrence already placed, so "Jack Brown ... Jack" puts the second "Jack" on its own.
     */
    static List<int[]> locate(LabelledExample example) {
        List<int[]> located = new ArrayList<>();
        for (int k = 0; k < example.phi().size(); k++) {
            String value = example.phi().get(k).text();
            int at = value.isEmpty() ? -1 : example.text().indexOf(value);
            while (at >= 0 && overlapsAny(located, at, at + value.length())) {
                at = example.text().indexOf(value, at + 1);
            }
            if (at < 0) {
                throw new IllegalArgumentException("example " + example.id() + ": phi entry #" + (k + 1)
                        + " (" + example.phi().get(k).type() + ") does not occur in the text");
            }
            located.add(new int[] {at, at + value.length()});
        }
        return located;
    }

    private static boolean overlapsAny(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (s[0] < end && start < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean covered(String text, int[] occurrence, List<PhiSpan> removed, PhiType requiredType) {
        for (int i = occurrence[0]; i < occurrence[1]; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            boolean inside = false;
            for (PhiSpan span : removed) {
                if (span.start() <= i && i < span.end() && (requiredType == null || span.type() == requiredType)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    private static int occurrences(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }
}
