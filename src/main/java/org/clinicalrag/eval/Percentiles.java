package org.clinicalrag.eval;

import java.util.List;

/** Nearest-rank percentiles of latencies. */
public final class Percentiles {

    private Percentiles() {
    }

    public static double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
