package org.clinicalrag.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * Latency histograms as inline SVG, one small panel per series on shared bins, so retrievers compare at a glance.
 * The bins stop at the largest p99 and the last bin holds everything slower, so one outlier does not flatten the rest.
 */
public final class SvgHistogram {

    private static final int BINS = 30;

    private SvgHistogram() {
    }

    public static String render(List<String> series, List<List<Double>> values, List<Double> p99s) {
        double max = p99s.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.05;
        int panelWidth = 330, panelHeight = 120, cols = 3, left = 10;
        int rows = (series.size() + cols - 1) / cols;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">%n",
                cols * (panelWidth + 20) + left, rows * (panelHeight + 50)));
        for (int i = 0; i < series.size(); i++) {
            int[] counts = new int[BINS];
            for (double v : values.get(i)) {
                counts[Math.min(BINS - 1, (int) (v / max * BINS))]++;
            }
            int peak = java.util.Arrays.stream(counts).max().orElse(1);
            int x0 = left + (i % cols) * (panelWidth + 20), y0 = (i / cols) * (panelHeight + 50) + 20;
            double w = (double) panelWidth / BINS;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0, y0 - 6, Html.escape(series.get(i))));
            for (int b = 0; b < BINS; b++) {
                double h = peak == 0 ? 0 : (double) counts[b] / peak * panelHeight;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%.1f–%.1f ms: %d queries</title></rect>%n",
                        x0 + b * w, y0 + panelHeight - h, w - 1, h, Html.PALETTE[i % Html.PALETTE.length], b * max / BINS, (b + 1) * max / BINS, counts[b]));
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n", x0, x0 + panelWidth, y0 + panelHeight, y0 + panelHeight));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">%.0f ms</text>%n",
                    x0, y0 + panelHeight + 14, x0 + panelWidth, y0 + panelHeight + 14, max));
        }
        return s.append("</svg>").toString();
    }
}
