package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns overlapping candidates into disjoint spans: the longest candidate wins, then the higher
 * priority, then the earlier start, so the outcome never depends on rule order.
 */
final class SpanResolver {

    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt(Candidate::length).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
            .thenComparingInt(Candidate::start)
            .thenComparing(Candidate::type);

    List<PhiSpan> resolve(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(PREFERENCE);
        List<PhiSpan> accepted = new ArrayList<>();
        for (Candidate c : sorted) {
            if (c.end() <= c.start()) {
                continue;
            }
            boolean free = true;
            for (PhiSpan s : accepted) {
                if (s.overlaps(c.start(), c.end())) {
                    free = false;
                    break;
                }
            }
            if (free) {
                accepted.add(new PhiSpan(c.type(), c.start(), c.end()));
            }
        }
        accepted.sort(Comparator.comparingInt(PhiSpan::start));
        return accepted;
    }
}
