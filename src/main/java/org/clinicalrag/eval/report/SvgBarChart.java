package org.clinicalrag.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as inline SVG: one group per metric, one bar per series (retriever), value printed on each
 * bar, optional dashed reference lines (published baselines) per group.
 */
public final class SvgBarChart {

    /** A dashed horizontal line across one group, e.g. a published baseline. */
    public record Reference(int group, double value, String label) {
    }

    private SvgBarChart() {
    }

    public static String render(List<String> groups, List<String> series, double[][] values, List<Reference> references) {
        int bar = 26, gap = 6, groupGap = 40, left = 40, top = 20, height = 260, legend = 20 * series.size();
        int groupWidth = series.size() * (bar + gap);
        int width = left + groups.size() * (groupWidth + groupGap) + 20;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">%n",
                width, top + height + 40 + legend));
        for (int t = 0; t <= 10; t += 2) {
            double y = top + height - t / 10.0 * height;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%.1f</text>%n", left, width - 10, y, y, left - 6, y + 4, t / 10.0));
        }
        for (int g = 0; g < groups.size(); g++) {
            int x0 = left + 10 + g * (groupWidth + groupGap);
            for (int i = 0; i < series.size(); i++) {
                double v = values[g][i];
                if (Double.isNaN(v)) {
                    continue;
                }
                double h = Math.max(0, Math.min(1, v)) * height;
                int x = x0 + i * (bar + gap);
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.4f</title></rect>%n",
                        x, top + height - h, bar, h, Html.PALETTE[i % Html.PALETTE.length], Html.escape(series.get(i)), Html.escape(groups.get(g)), v));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" transform=\"rotate(-90 %.1f %.1f)\" fill=\"#fff\">%.3f</text>%n",
                        x + bar / 2.0 + 4, top + height - 6.0, x + bar / 2.0, top + height - 6.0, v));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + groupWidth / 2.0, top + height + 18, Html.escape(groups.get(g))));
            for (Reference r : references) {
                if (r.group() == g) {
                    double y = top + height - r.value() * height;
                    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-dasharray=\"4 3\"><title>%s: %.4f</title></line>%n",
                            x0 - 4, x0 + groupWidth, y, y, Html.escape(r.label()), r.value()));
                }
            }
        }
        for (int i = 0; i < series.size(); i++) {
            int x = left, y = top + height + 30 + i * 20;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    x, y, Html.PALETTE[i % Html.PALETTE.length], x + 18, y + 11, Html.escape(series.get(i))));
        }
        return s.append("</svg>").toString();
    }
}
