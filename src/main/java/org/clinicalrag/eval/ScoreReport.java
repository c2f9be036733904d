package org.clinicalrag.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinicalrag.safety.PhiType;

/**
 * The outcome of {@link DeidentificationScore}: counts per identifier type, keep-term survival,
 * and the offsets (never the values) of every miss, false positive and lost keep term.
 */
public record ScoreReport(int examples, Map<PhiType, int[]> counts, int keepTotal, int keepSurvived,
        List<Miss> misses, List<Miss> falsePositives, List<Miss> lostKeeps) {

    static final int SUPPORT = 0;
    static final int DETECTED = 1;
    static final int TYPED = 2;
    static final int REMOVED = 3;
    static final int REMOVED_CORRECT = 4;

    /** A span of an example by id and offsets; type is null for a lost keep term. */
    public record Miss(String exampleId, PhiType type, int start, int end) {
    }

    public ScoreReport {
        counts = Map.copyOf(counts);
        misses = List.copyOf(misses);
        falsePositives = List.copyOf(falsePositives);
        lostKeeps = List.copyOf(lostKeeps);
    }

    public int support(PhiType type) {
        return counts.get(type)[SUPPORT];
    }

    public double recall(PhiType type) {
        int[] c = counts.get(type);
        return ratio(c[DETECTED], c[SUPPORT]);
    }

    public double typedRecall(PhiType type) {
        int[] c = counts.get(type);
        return ratio(c[TYPED], c[SUPPORT]);
    }

    public double precision(PhiType type) {
        int[] c = counts.get(type);
        return ratio(c[REMOVED_CORRECT], c[REMOVED]);
    }

    public double overallRecall() {
        return ratio(sum(DETECTED), sum(SUPPORT));
    }

    public double overallTypedRecall() {
        return ratio(sum(TYPED), sum(SUPPORT));
    }

    public double overallPrecision() {
        return ratio(sum(REMOVED_CORRECT), sum(REMOVED));
    }

    public double keepSurvival() {
        return ratio(keepSurvived, keepTotal);
    }

    public String toMarkdown(String title) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(title).append(" (").append(examples).append(" sentences)\n\n");
        md.append("| Type | Support | Recall | Typed recall | Removed spans | Precision |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (PhiType type : PhiType.values()) {
            int[] c = counts.get(type);
            if (type == PhiType.UNKNOWN_WORD && c[REMOVED] == 0) {
                continue; // the outbound mask's row, only when it ran
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %s |%n", type, c[SUPPORT],
                    fmt(c[DETECTED], c[SUPPORT]), fmt(c[TYPED], c[SUPPORT]), c[REMOVED], fmt(c[REMOVED_CORRECT], c[REMOVED])));
        }
        md.append(String.format(Locale.ROOT, "| **micro** | %d | %s | %s | %d | %s |%n", sum(SUPPORT),
                fmt(sum(DETECTED), sum(SUPPORT)), fmt(sum(TYPED), sum(SUPPORT)), sum(REMOVED),
                fmt(sum(REMOVED_CORRECT), sum(REMOVED))));
        md.append(String.format(Locale.ROOT, "%nKeep terms surviving verbatim: %d / %d = %s%n",
                keepSurvived, keepTotal, fmt(keepSurvived, keepTotal)));
        return md.toString();
    }

    private int sum(int column) {
        int total = 0;
        for (int[] c : counts.values()) {
            total += c[column];
        }
        return total;
    }

    /** An empty denominator scores 1.0: nothing was there to miss or to get wrong. */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }

    private static String fmt(int numerator, int denominator) {
        return denominator == 0 ? "–" : String.format(Locale.ROOT, "%.3f", (double) numerator / denominator);
    }
}
