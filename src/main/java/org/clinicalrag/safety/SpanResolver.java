package org.clinicalrag.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns overlapping candidates into disjoint spans. Candidates of one type that overlap are one
 * identifier seen by two rules ("Monday 11th" and "11th March"), so they join first; then the
 * longest candidate wins, then the higher priority, then the earlier start, so the outcome never
 * depends on rule order.
 */
final class SpanResolver {

    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt(Candidate::length).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
            .thenComparingInt(Candidate::start)
            .thenComparing(Candidate::type);

    List<PhiSpan> resolve(List<Candidate> candidates) {
        List<Candidate> sorted = joinSameType(candidates);
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

    private static List<Candidate> joinSameType(List<Candidate> candidates) {
        List<Candidate> byStart = new ArrayList<>(candidates);
        byStart.sort(Comparator.comparing(Candidate::type).thenComparingInt(Candidate::start));
        List<Candidate> joined = new ArrayList<>();
        Candidate open = null;
        for (Candidate c : byStart) {
            if (open != null && open.type() == c.type() && c.start() < open.end()) {
                if (c.end() > open.end()) {
                    open = new Candidate(c.type(), open.start(), c.end(), Math.max(open.priority(), c.priority()));
                } else {
                    joined.add(c); // inside the open one: kept only for the case the open one loses to another type
                }
                continue;
            }
            if (open != null) {
                joined.add(open);
            }
            open = c;
        }
        if (open != null) {
            joined.add(open);
        }
        return joined;
    }
}
