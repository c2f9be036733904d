package org.clinicalrag.eval.report;

import org.clinicalrag.eval.beir.Baseline;
import org.clinicalrag.eval.beir.BeirReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link BeirReport} as one self-contained HTML page: table, metric bars, latency histograms. */
public final class BeirHtmlReport {

    private static final List<String> METRICS = List.of("nDCG@10", "Recall@100", "MRR@10");

    private BeirHtmlReport() {
    }

    public static String render(BeirReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Retrieval benchmark: ").append(Html.escape(r.set())).append("</h1>\n");
        b.append(String.format(Locale.ROOT, "<p class=\"muted\">%s split, %d documents, %d judged queries, depth %d, run %s</p>%n",
                Html.escape(r.split()), r.documents(), r.queries(), r.depth(), Html.escape(r.ranAt())));
        b.append(table(r));
        List<String> series = r.retrievers().stream().map(BeirReport.RetrieverResult::name).toList();
        double[][] values = new double[METRICS.size()][series.size()];
        for (int i = 0; i < series.size(); i++) {
            BeirReport.RetrieverResult x = r.retrievers().get(i);
            values[0][i] = x.ndcg10();
            values[1][i] = x.recall100();
            values[2][i] = x.mrr10();
        }
        List<SvgBarChart.Reference> refs = new ArrayList<>();
        r.baselines().stream().filter(x -> x.system().endsWith("BM25 flat")).findFirst().ifPresent(x -> {
            refs.add(new SvgBarChart.Reference(0, x.ndcg10(), x.system()));
            refs.add(new SvgBarChart.Reference(1, x.recall100(), x.system()));
        });
        b.append("<h2>Effectiveness</h2>\n");
        if (!refs.isEmpty()) {
            b.append("<p class=\"muted\">Dashed line: ").append(Html.escape(refs.getFirst().label())).append(" (published).</p>\n");
        }
        b.append(SvgBarChart.render(METRICS, series, values, refs));
        b.append("<h2>Query latency</h2>\n<p class=\"muted\">Milliseconds per query, in process, including the query embedding for dense and hybrid.</p>\n");
        b.append(SvgHistogram.render(series, r.retrievers().stream().map(BeirReport.RetrieverResult::latenciesMs).toList(),
                r.retrievers().stream().map(BeirReport.RetrieverResult::p99Ms).toList()));
        BeirReport.Indexing i = r.indexing();
        b.append("<h2>Indexing and settings</h2>\n");
        b.append(String.format(Locale.ROOT, "<p>%d documents; embedding %.0f s, writing %.1f s: %.1f documents/s%s.</p>%n",
                i.documents(), i.embedSeconds(), i.writeSeconds(), i.docsPerSecond(),
                i.reused() ? " (index reused; figures from when it was built)" : ""));
        b.append("<ul class=\"settings\">\n");
        for (Map.Entry<String, String> e : r.settings().entrySet()) {
            b.append("<li><b>").append(Html.escape(e.getKey())).append("</b>: ").append(Html.escape(e.getValue())).append("</li>\n");
        }
        b.append("</ul>\n");
        return Html.page(r.name(), b.toString());
    }

    private static String table(BeirReport r) {
        double bestNdcg = r.retrievers().stream().mapToDouble(BeirReport.RetrieverResult::ndcg10).max().orElse(Double.NaN);
        StringBuilder t = new StringBuilder("<table>\n<tr><th>retriever</th><th>nDCG@10</th><th>R@100</th><th>MRR@10</th><th>p50 ms</th><th>p99 ms</th></tr>\n");
        for (BeirReport.RetrieverResult x : r.retrievers()) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td%s>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.1f</td><td>%.1f</td></tr>%n",
                    Html.escape(x.name()), x.ndcg10() == bestNdcg ? " class=\"best\"" : "", x.ndcg10(), x.recall100(), x.mrr10(), x.p50Ms(), x.p99Ms()));
        }
        for (Baseline x : r.baselines()) {
            t.append(String.format(Locale.ROOT, "<tr class=\"published\"><td>%s (published)</td><td>%.4f</td><td>%.4f</td><td></td><td></td><td></td></tr>%n",
                    Html.escape(x.system()), x.ndcg10(), x.recall100()));
        }
        return t.append("</table>\n").toString();
    }
}
